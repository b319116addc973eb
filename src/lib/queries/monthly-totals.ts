import type { Db } from '../data/db';
import { answerableCte, encounterConditions, scopeConditions, type Filters } from './filters';
import { sql, type Sql } from './sql';

export interface MonthlyTotal {
	month: Date;
	/**
	 * Sum over the filter; 0 where the covering release has no matching row (CBP omits zeros);
	 * null where the filter cannot be answered that month (a scope without a source, or a source
	 * without the breakdown the filter needs).
	 */
	value: number | null;
	/** Manifest ids of the files this month comes from, sorted. */
	sourceIds: string[];
}

/** Every month some file covers for the filter's scope, with its total and sources. */
export function monthlyTotalsSql(filters: Filters): Sql {
	return sql`
		WITH ${answerableCte(filters)},
		months AS (
			SELECT ms.month, list(DISTINCT ms.source_id ORDER BY ms.source_id) AS "sourceIds"
			FROM month_source ms WHERE ${scopeConditions(filters, 'ms')} GROUP BY ms.month
		),
		sums AS (
			SELECT e.month, sum(e.count) AS total FROM encounters e
			WHERE ${encounterConditions(filters, 'e')} GROUP BY e.month
		)
		SELECT m.month,
			CASE WHEN a.month IS NOT NULL THEN CAST(coalesce(s.total, 0) AS INTEGER) END AS value,
			m."sourceIds"
		FROM months m LEFT JOIN answerable a ON a.month = m.month LEFT JOIN sums s ON s.month = m.month
		ORDER BY m.month`;
}

export async function monthlyTotals(db: Db, filters: Filters): Promise<MonthlyTotal[]> {
	return db.query<MonthlyTotal>(monthlyTotalsSql(filters));
}
