import type { Db } from '../data/db';
import type { SectorMonth } from './sector-monthly';
import { answerableCte, encounterConditions, scopeConditions, type Filters } from './filters';
import { named, sql, type Sql } from '../data/sql';

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

/**
 * Every month some file covers for the filter's scope, with its total and sources. Totals are
 * BIGINT, here and in every query that sums: each row's count fits an INTEGER, a sum need not.
 */
export function monthlyTotalsSql(filters: Filters): Sql {
	return named(
		'The monthly totals of the scope',
		sql`
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
			CASE WHEN a.month IS NOT NULL THEN CAST(coalesce(s.total, 0) AS BIGINT) END AS value,
			m."sourceIds"
		FROM months m LEFT JOIN answerable a ON a.month = m.month LEFT JOIN sums s ON s.month = m.month
		ORDER BY m.month`
	);
}

export async function monthlyTotals(db: Db, filters: Filters): Promise<MonthlyTotal[]> {
	return db.query<MonthlyTotal>(monthlyTotalsSql(filters));
}

/**
 * The monthly totals of some areas of a scope: each month the sum of their rows of the scope's
 * per-area series (`sectorMonthly` of the scope, where an area without a row counts 0), with the
 * scope's own months, answerability and sources (they do not depend on which areas are chosen).
 * The same numbers as `monthlyTotals` with the areas as a filter, without asking DuckDB again when
 * only the choice of areas changes.
 */
export function chosenAreasTotals(
	scopeTotals: MonthlyTotal[],
	areas: SectorMonth[],
	codes: string[]
): MonthlyTotal[] {
	const chosen = new Set(codes);
	const sums = new Map<number, number>();
	for (const row of areas) {
		if (!chosen.has(row.code) || row.value === null) continue;
		const at = row.month.getTime();
		sums.set(at, (sums.get(at) ?? 0) + row.value);
	}
	return scopeTotals.map((p) => ({
		...p,
		value: p.value === null ? null : (sums.get(p.month.getTime()) ?? 0)
	}));
}
