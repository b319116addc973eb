/**
 * The filter a query applies, and the one place that turns it into SQL: conditions on the
 * `encounters` view, and the months the filter can be answered in (`answerable`), which every
 * query uses so that a month a source cannot answer is null, never a partial number.
 */
import type { Breakdown } from '../domain/manifest';
import { COMPONENTS, type ComponentCode, type RegionCode } from '../domain/vocabulary';
import { join, list, oneOf, sql, trusted, type Sql } from '../db/sql';

export interface Filters {
	components: ComponentCode[];
	regions: RegionCode[];
	/** Area-of-responsibility codes; empty means every one in the scope. */
	sectors: string[];
	/** Two-letter state codes (only the state releases have them); empty means every state. */
	states: string[];
	demographic: string | null;
	citizenship: string | null;
	title: '8' | '42' | null;
	encounterType: 'apprehensions' | 'inadmissibles' | 'expulsions' | null;
}

export const DEFAULT_FILTERS: Filters = {
	components: ['usbp'],
	regions: ['southwest'],
	sectors: [],
	states: [],
	demographic: null,
	citizenship: null,
	title: null,
	encounterType: null
};

/** `alias.column`, with the alias restricted to letters and `_` (aliases come from our own SQL). */
function column(alias: string, name: string): Sql {
	if (!/^[a-z_]+$/.test(alias)) throw new Error(`bad alias ${alias}`);
	return trusted(`${alias}.${name}`);
}

/** Conditions on the scope columns (component, region) shared by `encounters` and `source_months`. */
export function scopeConditions(filters: Filters, alias: string): Sql {
	return sql`${column(alias, 'component')} IN ${list(filters.components)} AND ${column(alias, 'region')} IN ${list(filters.regions)}`;
}

/**
 * Conditions on rows of `encounters` under `alias`. A file that counts USBP and OFO together (the
 * state releases) has no component: it is chosen only for views of both, so only those read its
 * rows (a view of one component skips them before any join).
 */
export function encounterConditions(filters: Filters, alias: string): Sql {
	const both = filters.components.length === Object.keys(COMPONENTS).length;
	const parts = [
		both
			? sql`(${column(alias, 'component')} IN ${list(filters.components)} OR ${column(alias, 'component')} IS NULL)`
			: sql`${column(alias, 'component')} IN ${list(filters.components)}`,
		sql`${column(alias, 'region')} IN ${list(filters.regions)}`
	];
	if (filters.sectors.length) parts.push(oneOf(column(alias, 'aor_code'), filters.sectors));
	if (filters.states.length) parts.push(oneOf(column(alias, 'state'), filters.states));
	if (filters.demographic)
		parts.push(sql`${column(alias, 'demographic')} = ${filters.demographic}`);
	if (filters.citizenship)
		parts.push(sql`${column(alias, 'citizenship')} = ${filters.citizenship}`);
	if (filters.title) parts.push(sql`${column(alias, 'title')} = ${filters.title}`);
	if (filters.encounterType)
		parts.push(sql`${column(alias, 'encounter_type')} = ${filters.encounterType}`);
	return join(parts, ' AND ');
}

export type { Breakdown };

/**
 * What a filter asks of its sources: a sector's rows, one component without the other, a
 * demographic, a citizenship, an encounter type, a state's rows.
 */
export function breakdownsOf(filters: Filters): Breakdown[] {
	return [
		...(filters.sectors.length ? (['aor'] as const) : []),
		...(filters.components.length < Object.keys(COMPONENTS).length ? (['component'] as const) : []),
		...(filters.demographic ? (['demographic'] as const) : []),
		...(filters.citizenship ? (['citizenship'] as const) : []),
		...(filters.encounterType ? (['encounter_type'] as const) : []),
		...(filters.states.length ? (['state'] as const) : [])
	];
}

/**
 * CTEs over `source_months` for the filter's scopes (component × region):
 * - `fits(month, source_id, rank, loaded, fits)`: files covering every scope of the filter in a
 *   month, and whether each holds the breakdowns asked (the filter's and `extra`);
 * - `chosen(month, source_id, loaded, best_id, winners, covered)`, for every month a file covers
 *   some scope in (with one component apart, if asked): the highest-ranked file that fits, loaded or not (a month whose file is still
 *   loading is pending, never answered from a lower-ranked one); the highest-ranked covering every
 *   scope, one component apart if asked (`best_id`, to name when none fits); each scope's own
 *   winner (`month_source`) and the
 *   scopes some file covers;
 * - `answerable(month, source_id)`: months whose chosen file is loaded. Queries join `encounters`
 *   on both columns, so one month's total always comes from one file.
 */
export function answerableCte(filters: Filters, extra: Breakdown[] = []): Sql {
	const needs = [...new Set([...breakdownsOf(filters), ...extra])];
	const all = (list: Breakdown[]) =>
		trusted(list.length ? list.map((b) => `ms.has_${b}`).join(' AND ') : 'true');
	// The file to name when none fits answers the view without its breakdowns: one component
	// apart from the other is the view's own scope, not a breakdown.
	const base = needs.filter((b) => b === 'component');
	return sql`fits AS (
		SELECT ms.month, ms.source_id, max(ms.rank) AS rank, bool_and(ms.loaded) AS loaded,
			bool_and(${all(needs)}) AS fits, bool_and(${all(base)}) AS base
		FROM source_months ms
		WHERE ${scopeConditions(filters, 'ms')}
		GROUP BY ms.month, ms.source_id
		HAVING count(DISTINCT (ms.component, ms.region)) = ${filters.components.length * filters.regions.length}
	),
	scope_months AS (
		SELECT ms.month,
			list(DISTINCT w.source_id ORDER BY w.source_id) FILTER (WHERE w.source_id IS NOT NULL) AS winners,
			list(DISTINCT ms.component || '/' || ms.region) AS covered
		FROM source_months ms
		LEFT JOIN month_source w ON w.month = ms.month AND w.component = ms.component AND w.region = ms.region
		WHERE ${scopeConditions(filters, 'ms')} AND ${all(base)} GROUP BY ms.month
	),
	chosen AS (
		SELECT m.month, arg_max(f.source_id, f.rank) FILTER (WHERE f.fits) AS source_id,
			arg_max(f.loaded, f.rank) FILTER (WHERE f.fits) AS loaded,
			arg_max(f.source_id, f.rank) FILTER (WHERE f.base) AS best_id, any_value(m.winners) AS winners,
			any_value(m.covered) AS covered
		FROM scope_months m LEFT JOIN fits f ON f.month = m.month GROUP BY m.month
	),
	answerable AS (SELECT month, source_id FROM chosen WHERE loaded)`;
}

/** The files a month of `chosen` comes from: its chosen file, else the best, else each scope's. */
export const CHOSEN_SOURCE_IDS = trusted(
	'CASE WHEN coalesce(c.source_id, c.best_id) IS NOT NULL THEN [coalesce(c.source_id, c.best_id)] ELSE coalesce(c.winners, []) END'
);
