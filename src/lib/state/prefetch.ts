/**
 * Views the user is likely to ask for next, computed ahead in idle time so that their statements
 * are in the engine's cache when asked: the same filter with a sector chosen (or cleared), and in
 * each other component. Filter changes within a scope already ask DuckDB nothing new (months,
 * ranges, sector choices are answered from the scope's rows); a change of scope is what would
 * otherwise wait for DuckDB-wasm, one statement at a time.
 */
import type { Db } from '../data/db';
import type { ManifestFile } from '../data/manifest';
import { AREAS_OF_RESPONSIBILITY } from '../data/vocabulary';
import { afterFrame } from './after-frame';
import { loadExplorerView } from './explorer-view';
import { applyChange, type ComponentChoice, type UrlState } from './url-state';

const COMPONENTS: ComponentChoice[] = ['usbp', 'ofo', 'all'];

/** The states one filter control away whose views need statements this state's view does not. */
export function neighbourStates(state: UrlState): UrlState[] {
	const next: UrlState[] = [];
	if (state.sectors.length) next.push(applyChange(state, { sectors: [] }));
	else {
		// Any one area: a view with sectors asks for the scope's per-area rows, whichever they are.
		const area = AREAS_OF_RESPONSIBILITY.find(
			(a) =>
				(state.component === 'all' || a.component === state.component) &&
				(state.region === 'all' || a.region === null || a.region === state.region)
		);
		if (area) next.push(applyChange(state, { sectors: [area.code] }));
	}
	for (const component of COMPONENTS)
		if (component !== state.component) next.push(applyChange(state, { component }));
	return next;
}

/**
 * Computes the neighbours' views one at a time, each after a frame in idle time, until
 * `cancelled()` (the state changed). Their results are dropped: only the cache keeps them.
 */
export async function prefetchNeighbours(
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>,
	cancelled: () => boolean,
	pause: () => Promise<void> = () => new Promise((resolve) => afterFrame(resolve))
): Promise<void> {
	// Nothing before the first pause: the change that led here is still being drawn.
	await pause();
	for (const [i, next] of neighbourStates(state).entries()) {
		if (i) await pause();
		if (cancelled()) return;
		// A neighbour no source answers is simply not cached.
		await loadExplorerView(db, next, files).catch(() => {});
	}
}
