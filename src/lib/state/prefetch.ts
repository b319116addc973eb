/**
 * Views the user is likely to ask for next, computed ahead in idle time so that their statements
 * are in the engine's cache when asked: the same filter with a sector chosen (or cleared), and in
 * each other component. Filter changes within a scope already ask DuckDB nothing new (months,
 * ranges, sector choices are answered from the scope's rows); a change of scope is what would
 * otherwise wait for DuckDB-wasm, one statement at a time.
 */
import type { CachedDb } from '../data/cached-db';
import type { Db } from '../data/db';
import type { ManifestFile } from '../data/manifest';
import { AREAS_OF_RESPONSIBILITY } from '../data/vocabulary';
import type { Sql } from '../queries/sql';
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

/** Thrown into a prefetched view's statements once a newer state cancels it. */
class Cancelled extends Error {}

/**
 * `db` for prefetching: sends one statement at a time, each only while no other query is in
 * flight, so the user's own queries never wait behind more than one of ours (DuckDB-wasm runs
 * one statement at a time); once `cancelled()`, it sends nothing more.
 */
export function yieldingDb(
	db: CachedDb,
	cancelled: () => boolean,
	wait: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 10))
): Db {
	let previous: Promise<unknown> = Promise.resolve();
	return {
		...db,
		query<T>(statement: Sql) {
			const run = previous.then(async () => {
				while (db.inFlight > 0 && !cancelled()) await wait();
				if (cancelled()) throw new Cancelled();
				return db.query<T>(statement);
			});
			previous = run.catch(() => {});
			return run;
		}
	};
}

/**
 * Computes the neighbours' views one at a time, each after a frame in idle time, until
 * `cancelled()` (the state changed). Their results are dropped: only the cache keeps them.
 */
export async function prefetchNeighbours(
	db: CachedDb,
	state: UrlState,
	files: Map<string, ManifestFile>,
	cancelled: () => boolean,
	pause: () => Promise<void> = () => new Promise((resolve) => afterFrame(resolve))
): Promise<void> {
	const polite = yieldingDb(db, cancelled);
	// Nothing before the first pause: the change that led here is still being drawn.
	await pause();
	for (const [i, next] of neighbourStates(state).entries()) {
		if (i) await pause();
		if (cancelled()) return;
		// A cancelled or unanswerable neighbour is simply not cached.
		await loadExplorerView(polite, next, files).catch(() => {});
	}
}
