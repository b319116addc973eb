/**
 * The rows each figure asks for beyond the page's view, declared per figure (in its folder's
 * `load.ts`, or `areas/load.ts` for the map, small multiples and comparison): a figure's load runs
 * only while it is shown (the coordinator serves the ones in view first), and its statements are
 * the ones its downloads offer. Chosen sectors' rows are sums of the scope's per-area rows: the
 * same numbers as the statements with the sectors as a filter, so the build-time per-area results
 * answer any choice of sectors. Plain TypeScript, so the build-time result store and the tests run
 * these loads in Node.
 */
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { loadPageView } from '../state/page-view';
import type { UrlState } from '../filters/url-state';
import { sectorSeriesOf } from './areas/load';
import { compositionOf } from './composition/load';
import { historyOf } from './history/load';
import { statesOf } from './states/load';

/** Each figure's own load, by the figure it draws. */
export const FIGURE_LOADS = {
	'small-multiples': sectorSeriesOf,
	map: sectorSeriesOf,
	comparison: sectorSeriesOf,
	composition: compositionOf,
	history: historyOf,
	states: statesOf
} as const;

/** Everything the explorer can show for a state: the page's view and every figure's load. */
export async function loadEverything(
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>
): Promise<void> {
	await Promise.all([
		loadPageView(db, state, files),
		...[...new Set(Object.values(FIGURE_LOADS))].map((load) => load(db, state))
	]);
}
