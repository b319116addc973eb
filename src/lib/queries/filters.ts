/**
 * The filter a view applies, and the one place that turns it into SQL conditions on the
 * `encounters` view and on `month_source` (which file covers a month).
 */
import type { ComponentCode, RegionCode } from '../data/vocabulary';
import { join, list, sql, trusted, type Sql } from './sql';

export interface Filters {
	component: ComponentCode;
	region: RegionCode;
	/** Area-of-responsibility codes; empty means every one in the region. */
	sectors: string[];
}

export const DEFAULT_FILTERS: Filters = { component: 'usbp', region: 'southwest', sectors: [] };

/** `alias.column`, with the alias restricted to letters and `_` (aliases come from our own SQL). */
function column(alias: string, name: string): Sql {
	if (!/^[a-z_]+$/.test(alias)) throw new Error(`bad alias ${alias}`);
	return trusted(`${alias}.${name}`);
}

/** Conditions on rows of `encounters` (or `encounter_rows`) under `alias`. */
export function encounterConditions(filters: Filters, alias: string): Sql {
	const parts = [scopeConditions(filters, alias)];
	if (filters.sectors.length)
		parts.push(sql`${column(alias, 'aor_code')} IN ${list(filters.sectors)}`);
	return join(parts, ' AND ');
}

/** Conditions on the scope columns (component, region) shared by `encounters` and `month_source`. */
export function scopeConditions(filters: Filters, alias: string): Sql {
	return sql`${column(alias, 'component')} = ${filters.component} AND ${column(alias, 'region')} = ${filters.region}`;
}
