import type { Db } from '../../db/db';
import {
	answerableCte,
	encounterConditions,
	type Breakdown,
	type Filters
} from '../../queries/filters';
import { named, sql, trusted, type Sql } from '../../db/sql';

export type CompositionDimension =
	'demographic' | 'citizenship' | 'title' | 'encounter_type' | 'citizenship_group';

export interface CompositionRow {
	month: Date;
	key: string;
	/** CBP's label for citizenship; the code for the other dimensions (labelled in TypeScript). */
	label: string;
	value: number;
}

/** What a split asks of a month's file beyond the filter's own needs. */
export const COMPOSITION_NEEDS: Record<CompositionDimension, Breakdown[]> = {
	demographic: ['demographic'],
	citizenship: ['citizenship'],
	title: [],
	encounter_type: ['encounter_type'],
	citizenship_group: ['citizenship_group']
};

/** The split's key column, and its label (CBP's for citizenship, else the code). */
function columnsOf(dimension: CompositionDimension): { key: Sql; label: Sql } {
	return {
		key: trusted(`e.${dimension}`),
		label: trusted(
			dimension === 'citizenship' ? 'any_value(e.citizenship_label)' : `e.${dimension}`
		)
	};
}

/**
 * The filter's counts split by one dimension, for months in which every source can answer that
 * split; months that cannot are left out (the chart shows a gap and the view says why).
 */
export function compositionSql(filters: Filters, dimension: CompositionDimension): Sql {
	const { key, label } = columnsOf(dimension);
	return named(
		'The composition by month',
		sql`
		WITH ${answerableCte(filters, COMPOSITION_NEEDS[dimension])}
		SELECT e.month, ${key} AS key, ${label} AS label, CAST(sum(e.count) AS BIGINT) AS value
		FROM encounters e JOIN answerable a ON a.month = e.month AND a.source_id = e.source_id
		WHERE ${encounterConditions(filters, 'e')} AND ${key} IS NOT NULL
		GROUP BY e.month, ${key}
		ORDER BY e.month, key`
	);
}

export async function composition(
	db: Db,
	filters: Filters,
	dimension: CompositionDimension
): Promise<CompositionRow[]> {
	return db.query<CompositionRow>(compositionSql(filters, dimension));
}

export interface AreaCompositionRow extends CompositionRow {
	code: string;
}

/** Each kind of area's column: sectors and field offices (`aor`), or states. */
const AREA_COLUMNS = { aor: trusted('e.aor_code'), state: trusted('e.state') };

/**
 * The scope's (no areas chosen) composition per area (`code`: a sector or field office, or a
 * state), for summing chosen areas without a new statement.
 */
export function compositionByAreaSql(
	scope: Filters,
	dimension: CompositionDimension,
	areas: keyof typeof AREA_COLUMNS = 'aor'
): Sql {
	const { key, label } = columnsOf(dimension);
	const code = AREA_COLUMNS[areas];
	return named(
		areas === 'aor'
			? 'The composition of each area of the scope, by month'
			: 'The composition of each state of the scope, by month',
		sql`
		WITH ${answerableCte(scope, [...COMPOSITION_NEEDS[dimension], areas])}
		SELECT ${code} AS code, e.month, ${key} AS key, ${label} AS label,
			CAST(sum(e.count) AS BIGINT) AS value
		FROM encounters e JOIN answerable a ON a.month = e.month AND a.source_id = e.source_id
		WHERE ${encounterConditions(scope, 'e')} AND ${key} IS NOT NULL
			AND ${code} IS NOT NULL
		GROUP BY e.month, ${code}, ${key}
		ORDER BY e.month, key, code`
	);
}

export async function compositionByArea(
	db: Db,
	scope: Filters,
	dimension: CompositionDimension,
	areas: keyof typeof AREA_COLUMNS = 'aor'
): Promise<AreaCompositionRow[]> {
	return db.query<AreaCompositionRow>(compositionByAreaSql(scope, dimension, areas));
}

/**
 * The composition of some areas: per month and key the sum of their rows of the scope's per-area
 * composition. The same rows as `composition` with the areas as a filter (the answerable months
 * depend on the scope only), in the same order.
 */
export function chosenAreasComposition(
	areas: AreaCompositionRow[],
	codes: string[]
): CompositionRow[] {
	const chosen = new Set(codes);
	const rows: CompositionRow[] = [];
	let last: CompositionRow | null = null;
	// `areas` is ordered by month and key, so one key's rows are adjacent.
	for (const row of areas) {
		if (!chosen.has(row.code)) continue;
		if (last && last.month.getTime() === row.month.getTime() && last.key === row.key) {
			last.value += row.value;
			continue;
		}
		last = { month: row.month, key: row.key, label: row.label, value: row.value };
		rows.push(last);
	}
	return rows;
}
