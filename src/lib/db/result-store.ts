/**
 * Statement results computed at build time over the bundled files (`src/lib/server/result-store.ts`
 * writes them, one small JSON file per statement under `results/`), answered like a database: the
 * explorer runs its own view statements against them while the browser's DuckDB starts and loads.
 * A page carries only the index (the names); it fetches the few results its view asks for. A
 * statement the build did not run is a `StoreMiss`: the loaded engine answers that view instead.
 */
import { statementKey } from './sql';
import type { Db } from './db';

/** What the page carries: which results exist, for which files. */
export interface ResultIndex {
	/** The sha256 of every file the statements ran over, in manifest order. */
	sha256: string[];
	/** Every stored result's name (see `resultName`). */
	names: string[];
}

/**
 * One statement's rows as columns: date columns as epoch milliseconds; a column with few distinct
 * values (codes, names, source lists) as indexes into its `dictionary`, which keeps files small.
 */
export interface StoredResult {
	/** The statement's key (text and parameters): a name that collides is caught, not trusted. */
	key: string;
	rows: number;
	columns: { name: string; date?: true; dictionary?: unknown[]; values: unknown[] }[];
}

export class StoreMiss extends Error {}

/**
 * A result's file name: a hash of the files' sums and the statement, so results of other data
 * are never asked for. Two independent 32-bit FNV-1a-style lanes: stable in Node and the browser
 * without `crypto.subtle` (absent on plain-http hosts).
 */
export function resultName(sha256: string[], key: string): string {
	const text = `${sha256.join()}\u0000${key}`;
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
	return hex(a) + hex(b);
}

export function encodeResult(key: string, rows: Record<string, unknown>[]): StoredResult {
	const names = rows.length ? Object.keys(rows[0]) : [];
	const columns = names.map((name) => {
		const raw = rows.map((r) => r[name]);
		if (raw.some((v) => v instanceof Date))
			return {
				name,
				date: true as const,
				values: raw.map((v) => (v as Date | null)?.getTime() ?? null)
			};
		const index = new Map<string, number>();
		const dictionary: unknown[] = [];
		const codes = raw.map((v) => {
			const id = JSON.stringify(v);
			if (!index.has(id)) index.set(id, dictionary.push(v) - 1);
			return index.get(id)!;
		});
		return dictionary.length * 2 < raw.length && typeof raw[0] !== 'number'
			? { name, dictionary, values: codes }
			: { name, values: raw };
	});
	return { key, rows: rows.length, columns };
}

export function decodeResult(stored: StoredResult): Record<string, unknown>[] {
	const rows = Array.from({ length: stored.rows }, () => ({}) as Record<string, unknown>);
	for (const c of stored.columns)
		c.values.forEach((v, i) => {
			rows[i][c.name] = c.date
				? v === null
					? null
					: new Date(v as number)
				: c.dictionary
					? own(c.dictionary[v as number])
					: v;
		});
	return rows;
}

/** Each row gets its own copy of a list value, as DuckDB gives it. */
const own = (value: unknown) => (Array.isArray(value) ? [...value] : value);

/** A miss (a statement the build did not run, or a result that cannot be read) is a `StoreMiss`. */
export type ResultStore = Pick<Db, 'query'>;

/**
 * Answers the statements `index` names with `fetchResult`. It keeps nothing: the coordinator
 * keeps the answers, and asks each statement once.
 */
export function resultStore(
	index: ResultIndex,
	fetchResult: (name: string) => Promise<StoredResult>
): ResultStore {
	const names = new Set(index.names);
	return {
		async query<T>(statement: { text: string; params: readonly unknown[] }) {
			const key = statementKey(statement);
			const name = resultName(index.sha256, key);
			if (!names.has(name)) throw new StoreMiss('not in the build-time results');
			let stored: StoredResult;
			try {
				stored = await fetchResult(name);
			} catch (error) {
				// Unreachable (offline, a failed fetch): the engine answers instead.
				throw new StoreMiss(String(error));
			}
			if (stored.key !== key) throw new StoreMiss('a stored result under another name');
			return decodeResult(stored) as T[];
		}
	};
}

/** Fetches a stored result from our own origin. */
export function fetchStoredResult(baseUrl: string): (name: string) => Promise<StoredResult> {
	return async (name) => {
		const response = await fetch(`${baseUrl}/results/${name}.json`);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		return response.json();
	};
}
