import type { Db } from '../data/db';
import { encounterConditions, scopeConditions, type Filters } from './filters';
import { sql } from './sql';

export interface MonthlyTotal {
	month: Date;
	/** Sum over the filter; 0 where the covering release has no matching row (CBP omits zeros). */
	value: number;
	/** The manifest id of the file this month comes from. */
	sourceId: string;
}

/** Every month some file covers for the filter's scope, with its total and source. */
export async function monthlyTotals(db: Db, filters: Filters): Promise<MonthlyTotal[]> {
	return db.query<MonthlyTotal>(sql`
		SELECT ms.month AS month, ms.source_id AS "sourceId", CAST(coalesce(sum(e.count), 0) AS INTEGER) AS value
		FROM month_source ms
		LEFT JOIN encounters e ON e.month = ms.month AND e.source_id = ms.source_id
			AND ${encounterConditions(filters, 'e')}
		WHERE ${scopeConditions(filters, 'ms')}
		GROUP BY ALL
		ORDER BY ms.month`);
}
