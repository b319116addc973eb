/**
 * DuckDB's own count of rows and sum of counts for a loaded file, read from its raw table, to be
 * set against an independent parse of the same bytes (papaparse) in the reconciliation panel.
 */
import type { Db } from '../db/db';
import type { LayoutId } from '../domain/layouts';
import type { ManifestFile } from '../domain/manifest';
import { identifier, sql, trusted } from '../db/sql';

/** The column that holds each layout's count. */
export const COUNT_COLUMN: Record<LayoutId, string> = {
	aor: 'Encounter Count',
	state: 'Encounter Count',
	'southwest-component': 'Encounter Count',
	'sector-derived': 'encounter_count',
	'sector-pdf': 'encounters',
	'annual-nationwide': 'apprehensions',
	'annual-sector': 'total_apprehensions'
};

export interface LoadedTotals {
	rows: number;
	sum: number;
}

export async function loadedTotals(db: Db, file: ManifestFile): Promise<LoadedTotals> {
	const column = trusted(`"${COUNT_COLUMN[file.layout].replaceAll('"', '""')}"`);
	const [row] = await db.query<LoadedTotals>(sql`
		SELECT CAST(count(*) AS INTEGER) AS rows, CAST(coalesce(sum(CAST(${column} AS BIGINT)), 0) AS BIGINT) AS sum
		FROM ${identifier(file.id)}`);
	return row;
}
