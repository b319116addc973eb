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
 * become UTC `Date`s.
 */
export function plainRows<T>(table: Table): T[] {
	const dateFields = new Set(
		table.schema.fields.filter((f) => String(f.type).startsWith('Date')).map((f) => f.name)
	);
	return table.toArray().map((row) => {
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(row.toJSON())) {
			if (value === null || value === undefined) out[key] = null;
			else if (dateFields.has(key)) out[key] = new Date(Number(value));
			else if (typeof value === 'bigint') out[key] = Number(value);
			else out[key] = value;
		}
		return out as T;
	});
}
