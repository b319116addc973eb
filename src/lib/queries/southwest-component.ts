import type { Db } from '../db/db';
import type { ComponentCode } from '../domain/vocabulary';
import { named, sql } from '../db/sql';

export interface SouthwestComponentTotal {
	value: number | null;
	sourceId: string | null;
}

/**
 * A component's Southwest-border total by month in CBP's Southwest-by-component file: its own
 * figure, shown beside the sector sum (never in place of it) because the releases differ. Every
 * month is read in one statement, so the explorer's cache answers a change of month; the reader
 * gives any month's.
 */
export async function southwestComponentTotals(
	db: Db,
	component: ComponentCode
): Promise<(month: Date) => SouthwestComponentTotal> {
	const rows = await db.query<SouthwestComponentTotal & { month: Date }>(
		named(
			'The component’s own Southwest total by month (CBP’s Southwest-by-component file)',
			sql`
		SELECT month, CAST(sum(count) AS BIGINT) AS value, any_value(source_id) AS "sourceId"
		FROM southwest_component WHERE component = ${component} GROUP BY month`
		)
	);
	return (month) => {
		const row = rows.find((r) => r.month.getTime() === month.getTime());
		return row ? { value: row.value, sourceId: row.sourceId } : { value: null, sourceId: null };
	};
}
