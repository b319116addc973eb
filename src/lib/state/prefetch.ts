/**
 * Views the user is likely to ask for next, asked ahead so that their statements are in the
 * coordinator's cache when asked: the same filter with a sector chosen (or cleared), and in each
 * other component. Filter changes within a scope already ask DuckDB nothing new (months, ranges,
 * sector choices are answered from the scope's rows); a change of scope is what would otherwise
 * wait for DuckDB-wasm, one statement at a time.
 */
import type { Coordinator } from '../coordinator/coordinator';
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { AREAS_OF_RESPONSIBILITY } from '../domain/vocabulary';
import { afterFrame } from './after-frame';
import { applyChange, type ComponentChoice, type UrlState } from '../filters/url-state';

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

/** Everything a state's view asks for: the page's view and every figure's load (`figures/loads.ts`). */
export type LoadEverything = (
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>
) => Promise<void>;

/**
 * Asks everything the neighbours' views need (`loadEverything`), one
 * neighbour after another at the coordinator's lowest priority, until `signal` aborts (the state
 * changed). The answers are dropped: the coordinator keeps them.
 */
export async function prefetchNeighbours(
	coordinator: Coordinator,
	signal: AbortSignal,
	state: UrlState,
	files: Map<string, ManifestFile>,
	loadEverything: LoadEverything,
	pause: () => Promise<void> = () => new Promise((resolve) => afterFrame(resolve))
): Promise<void> {
	const db = coordinator.db({ priority: 'prefetch', signal });
	// Nothing before the pause: the change that led here is still being drawn.
	await pause();
	for (const next of neighbourStates(state)) {
		if (signal.aborted) return;
		// A stale or unanswerable neighbour is simply not kept.
		await loadEverything(db, next, files).catch(() => {});
	}
}
