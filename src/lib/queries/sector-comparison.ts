import type { Db } from '../db/db';
import { answerableCte, encounterConditions, scopeConditions, type Filters } from './filters';
import { dateValue, oneOf, sql, trusted, type Sql } from '../db/sql';

export interface SectorComparison {
	code: string;
	name: string;
	/** Null when the filter cannot be answered in the month; 0 when the source has no row. */
	value: number | null;
	baselineValue: number | null;
}

/**
 * Each area of responsibility in the filter, west to east (then by name), with its count in
 * `month` and in `baseline`. Where a month's file has areas, the headline total is their sum.
 */
export function sectorComparisonSql(filters: Filters, month: Date, baseline: Date): Sql {
	const sectorFilter = filters.sectors.length
		? sql`AND ${oneOf(trusted('r.aor_code'), filters.sectors)}`
		: sql``;
	return sql`
		WITH p AS (SELECT ${dateValue(month)} AS value_month, ${dateValue(baseline)} AS base_month),
		${answerableCte(filters, ['aor'])},
		aors AS (
			SELECT DISTINCT r.aor_code AS code, v.name, v.component, v.west_to_east
			FROM scope_aors r JOIN aor_vocab v ON v.code = r.aor_code
			WHERE ${scopeConditions(filters, 'r')} ${sectorFilter}
		),
		covered AS (
			SELECT coalesce(bool_or(a.month = p.value_month), false) AS value_covered,
				coalesce(bool_or(a.month = p.base_month), false) AS base_covered
			FROM answerable a, p
		),
		sums AS (
			SELECT e.aor_code, sum(e.count) FILTER (WHERE e.month = p.value_month) AS value_total,
				sum(e.count) FILTER (WHERE e.month = p.base_month) AS base_total
			FROM encounters e JOIN answerable an ON an.month = e.month AND an.source_id = e.source_id, p
			WHERE ${encounterConditions(filters, 'e')} AND e.month IN (p.value_month, p.base_month)
			GROUP BY e.aor_code
		)
		SELECT a.code, a.name,
			CASE WHEN c.value_covered THEN CAST(coalesce(s.value_total, 0) AS BIGINT) END AS value,
			CASE WHEN c.base_covered THEN CAST(coalesce(s.base_total, 0) AS BIGINT) END AS "baselineValue"
		FROM aors a CROSS JOIN covered c LEFT JOIN sums s ON s.aor_code = a.code
		ORDER BY a.component DESC, a.west_to_east NULLS LAST, a.name`;
}

/**
 * Runs the statement: the headline's parts in one statement, for readers of the SQL. The explorer
 * reads them from the per-area series instead (`headline.ts`), which its downloads carry; the
 * tests run this one to show both give the CSVs' numbers.
 */
export async function sectorComparison(
	db: Db,
	filters: Filters,
	month: Date,
	baseline: Date
): Promise<SectorComparison[]> {
	return db.query<SectorComparison>(sectorComparisonSql(filters, month, baseline));
}
