/**
 * The database seam: the app's DuckDB-wasm worker client and the Node twin used by the tests both
 * implement `Db`, so every query function runs the same SQL in both places.
 */
import type { Table } from 'apache-arrow';
import type { Sql } from './sql';

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
	const plain = (value: unknown): unknown => {
		if (value === null || value === undefined) return null;
		if (typeof value === 'bigint') return Number(value);
		// LIST columns arrive as Arrow vectors: make them plain arrays.
		if (typeof value === 'object' && Symbol.iterator in value && typeof value !== 'string')
			return Array.from(value as Iterable<unknown>, plain);
		return value;
	};
	// Column by column: reading each vector directly costs far less than a row proxy per row.
	const columns = table.schema.fields.map((field, i) => ({
		name: field.name,
		vector: table.getChildAt(i)!,
		convert: String(field.type).startsWith('Date')
			? (value: unknown) => (value === null ? null : new Date(Number(value)))
			: plain
	}));
	const rows = new Array<T>(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (const c of columns) row[c.name] = c.convert(c.vector.get(r) ?? null);
		rows[r] = row as T;
	}
	return rows;
}
