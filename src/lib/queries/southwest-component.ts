import type { Db } from '../data/db';
import type { ComponentCode } from '../data/vocabulary';
import { dateValue, sql } from './sql';

export interface SouthwestComponentTotal {
	value: number | null;
	sourceId: string | null;
}

/**
 * A component's Southwest-border total for a month in CBP's Southwest-by-component file: its own
 * figure, shown beside the sector sum (never in place of it) because the releases differ.
 */
export async function southwestComponentTotal(
	db: Db,
	component: ComponentCode,
	month: Date
): Promise<SouthwestComponentTotal> {
	const [row] = await db.query<SouthwestComponentTotal>(sql`
		SELECT CAST(sum(count) AS INTEGER) AS value, any_value(source_id) AS "sourceId"
		FROM southwest_component
		WHERE component = ${component} AND month = ${dateValue(month)}`);
	return row ?? { value: null, sourceId: null };
}
