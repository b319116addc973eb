/**
 * The filter a query applies, and the one place that turns it into SQL: conditions on the
 * `encounters` view, and the months the filter can be answered in (`answerable`), which every
 * query uses so that a month a source cannot answer is null, never a partial number.
 */
import type { ComponentCode, RegionCode } from '../data/vocabulary';
import { join, list, oneOf, sql, trusted, type Sql } from '../data/sql';

export interface Filters {
	components: ComponentCode[];
	regions: RegionCode[];
	/** Area-of-responsibility codes; empty means every one in the scope. */
	sectors: string[];
	demographic: string | null;
	citizenship: string | null;
	title: '8' | '42' | null;
	encounterType: 'apprehensions' | 'inadmissibles' | 'expulsions' | null;
}

export const DEFAULT_FILTERS: Filters = {
	components: ['usbp'],
	regions: ['southwest'],
	sectors: [],
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

/** Conditions on the scope columns (component, region) shared by `encounters` and `month_source`. */
export function scopeConditions(filters: Filters, alias: string): Sql {
	return sql`${column(alias, 'component')} IN ${list(filters.components)} AND ${column(alias, 'region')} IN ${list(filters.regions)}`;
}

/** Conditions on rows of `encounters` (or `encounter_rows`) under `alias`. */
export function encounterConditions(filters: Filters, alias: string): Sql {
	const parts = [scopeConditions(filters, alias)];
	if (filters.sectors.length) parts.push(oneOf(column(alias, 'aor_code'), filters.sectors));
	if (filters.demographic)
		parts.push(sql`${column(alias, 'demographic')} = ${filters.demographic}`);
	if (filters.citizenship)
		parts.push(sql`${column(alias, 'citizenship')} = ${filters.citizenship}`);
	if (filters.title) parts.push(sql`${column(alias, 'title')} = ${filters.title}`);
	if (filters.encounterType)
		parts.push(sql`${column(alias, 'encounter_type')} = ${filters.encounterType}`);
	return join(parts, ' AND ');
}

/** The breakdowns a filter (or a composition by one of them) needs from its sources. */
export type Breakdown = 'demographic' | 'citizenship';

export function breakdownsOf(filters: Filters): Breakdown[] {
	return [
		...(filters.demographic ? (['demographic'] as const) : []),
		...(filters.citizenship ? (['citizenship'] as const) : [])
	];
}

/**
 * A CTE `answerable(month)`: months in which every scope of the filter (component × region) has a
 * winning source, loaded, with the breakdowns the filter needs.
 */
export function answerableCte(filters: Filters, extra: Breakdown[] = []): Sql {
	const needs = [...new Set([...breakdownsOf(filters), ...extra])];
	const capability = needs.length
		? trusted(needs.map((b) => `bool_and(ms.has_${b})`).join(' AND '))
		: trusted('true');
	return sql`answerable AS (
		SELECT ms.month FROM month_source ms
		WHERE ${scopeConditions(filters, 'ms')}
		GROUP BY ms.month
		HAVING count(*) = ${filters.components.length * filters.regions.length} AND bool_and(ms.loaded)
			AND ${capability}
	)`;
}
