/**
 * The database seam: the app's DuckDB-wasm worker client and the Node twin used by the tests both
 * implement `Db`, so every query function runs the same SQL in both places.
 */
import type { Table } from 'apache-arrow';
import type { Sql } from '../queries/sql';

export interface Db {
	/** Runs a prepared statement and returns plain rows. */
	query<T>(statement: Sql): Promise<T[]>;
	/** Makes bytes readable by `read_csv` under `name`. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
}

/**
 * Arrow rows to plain objects: 64-bit integers become numbers (counts fit easily), DATE columns
 * become UTC `Date`s, lists become arrays.
 */
export function plainRows<T>(table: Table): T[] {
	const dateFields = new Set(
		table.schema.fields.filter((f) => String(f.type).startsWith('Date')).map((f) => f.name)
	);
	const plain = (value: unknown): unknown => {
		if (value === null || value === undefined) return null;
		if (typeof value === 'bigint') return Number(value);
		// LIST columns arrive as Arrow vectors: make them plain arrays.
		if (typeof value === 'object' && Symbol.iterator in value && typeof value !== 'string')
			return Array.from(value as Iterable<unknown>, plain);
		return value;
	};
	return table.toArray().map((row) => {
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(row.toJSON())) {
			if (value === null || value === undefined) out[key] = null;
			else if (dateFields.has(key)) out[key] = new Date(Number(value));
			else out[key] = plain(value);
		}
		return out as T;
	});
}
