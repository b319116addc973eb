import type { Db } from '../db/db';
import { sectorMonthly, type SectorMonth } from './sector-monthly';
import { stateMonthly } from './state-monthly';
import {
	answerableCte,
	CHOSEN_SOURCE_IDS,
	encounterConditions,
	type Breakdown,
	type Filters
} from './filters';
import { named, sql, type Sql } from '../db/sql';

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
export function monthlyTotalsSql(filters: Filters, extra: Breakdown[] = []): Sql {
	return named(
		'The monthly totals of the scope',
		sql`
		WITH ${answerableCte(filters, extra)},
		sums AS (
			SELECT e.month, sum(e.count) AS total
			FROM encounters e JOIN answerable a ON a.month = e.month AND a.source_id = e.source_id
			WHERE ${encounterConditions(filters, 'e')} GROUP BY e.month
		)
		SELECT c.month,
			CASE WHEN c.loaded THEN CAST(coalesce(s.total, 0) AS BIGINT) END AS value,
			${CHOSEN_SOURCE_IDS} AS "sourceIds"
		FROM chosen c LEFT JOIN sums s ON s.month = c.month
		ORDER BY c.month`
	);
}

/** `extra`: breakdowns the months must hold beyond the filter's (`aor` to sum chosen areas). */
export async function monthlyTotals(
	db: Db,
	filters: Filters,
	extra: Breakdown[] = []
): Promise<MonthlyTotal[]> {
	return db.query<MonthlyTotal>(monthlyTotalsSql(filters, extra));
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
	areas: Pick<SectorMonth, 'code' | 'month' | 'value'>[],
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

/**
 * The areas a filter picks from its scope, sectors or states, as the breakdown the scope's months
 * must hold and the per-area rows to sum: statements of the scope alone, the same whichever areas
 * are chosen (so the build-time results answer any choice). Null when none are chosen.
 */
export function chosenAreasOf(filters: Filters): {
	scope: Filters;
	need: 'aor' | 'state';
	codes: string[];
	rows: (db: Db) => Promise<Pick<SectorMonth, 'code' | 'month' | 'value'>[]>;
} | null {
	const scope = { ...filters, sectors: [], states: [] };
	if (filters.sectors.length)
		return { scope, need: 'aor', codes: filters.sectors, rows: (db) => sectorMonthly(db, scope) };
	if (filters.states.length)
		return { scope, need: 'state', codes: filters.states, rows: (db) => stateMonthly(db, scope) };
	return null;
}
