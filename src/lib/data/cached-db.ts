/**
 * A `Db` that remembers recent query results by statement text and parameters. Filter changes
 * often repeat queries (a new month range re-asks nothing; a sector toggle re-asks the sector
 * series of the whole region), so answering those from memory keeps interactions fast. The cache
 * is cleared whenever data is loaded, so results never outlive the tables they came from.
 */
import type { Db } from './db';

export interface CachedDb extends Db {
	/** Forgets every remembered result (call after loading or replacing data). */
	clear(): void;
	/** Queries sent and not yet answered. */
	readonly inFlight: number;
}

/** What identifies a statement's result: its text and its parameters. */
export function statementKey(statement: { text: string; params: readonly unknown[] }): string {
	return `${statement.text}\u0000${JSON.stringify(statement.params)}`;
}

/**
 * `seed`: results known ahead (statement key → rows) for exactly the data `db` holds; they are
 * answered as they are, the same arrays, so views built from them and from `db` share their rows.
 */
export function cachedDb(
	db: Db,
	capacity = 200,
	seed: Iterable<[string, unknown[]]> = []
): CachedDb {
	const cache = new Map<string, Promise<unknown[]>>();
	for (const [key, rows] of seed) cache.set(key, Promise.resolve(rows));
	let inFlight = 0;
	return {
		get inFlight() {
			return inFlight;
		},
		query<T>(statement: { text: string; params: readonly unknown[] }) {
			const key = statementKey(statement);
			const hit = cache.get(key);
			if (hit) {
				// Re-insert so the most recently used entries are evicted last.
				cache.delete(key);
				cache.set(key, hit);
				return hit as Promise<T[]>;
			}
			const result = db.query<T>(statement as never);
			inFlight++;
			result.then(
				() => inFlight--,
				() => inFlight--
			);
			cache.set(key, result);
			// A failed query is not remembered.
			result.catch(() => cache.delete(key));
			if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
			return result;
		},
		registerFile: (name, bytes) => db.registerFile(name, bytes),
		dropFile: (name) => db.dropFile(name),
		clear: () => cache.clear()
	};
}
