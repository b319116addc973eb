import type { Db } from '../../db/db';
import type { Filters } from '../../queries/filters';
import { named, oneOf, sql, trusted, type Sql } from '../../db/sql';

export interface AnnualHistoryPoint {
	fiscalYear: number;
	value: number;
	sourceId: string;
}

/**
 * What the annual files can answer for a filter: USBP apprehensions nationwide (all regions, no
 * sector) or on the Southwest border (all or some sectors), with no breakdown that the annual
 * tables lack. Null when the filter asks for something they do not hold.
 */
export function annualHistoryScope(
	filters: Filters
): { scope: 'nationwide' } | { scope: 'southwest'; sectors: string[] } | null {
	const usbpOnly = filters.components.length === 1 && filters.components[0] === 'usbp';
	const breakdown =
		filters.demographic ||
		filters.citizenship ||
		filters.title === '42' ||
		(filters.encounterType && filters.encounterType !== 'apprehensions');
	if (!usbpOnly || breakdown) return null;
	if (filters.regions.length === 3 && !filters.sectors.length) return { scope: 'nationwide' };
	if (filters.regions.length === 1 && filters.regions[0] === 'southwest')
		return { scope: 'southwest', sectors: filters.sectors };
	return null;
}

/** The statement for the filter's annual history; null when the annual tables cannot answer it. */
export function annualHistorySql(filters: Filters): Sql | null {
	const scope = annualHistoryScope(filters);
	if (!scope) return null;
	if (scope.scope === 'nationwide' || !scope.sectors.length)
		return named(
			'The annual tables for this filter',
			sql`
			SELECT fiscal_year AS "fiscalYear", value, source_id AS "sourceId" FROM annual_history
			WHERE scope = ${scope.scope} AND aor_code IS NULL ORDER BY fiscal_year`
		);
	// A sum of sectors only for years in which every chosen sector has a value.
	return named(
		'The annual tables for this filter',
		sql`
		SELECT fiscal_year AS "fiscalYear", CAST(sum(value) AS BIGINT) AS value,
			string_agg(DISTINCT source_id, ',' ORDER BY source_id) AS "sourceId"
		FROM annual_history WHERE scope = 'southwest' AND ${oneOf(trusted('aor_code'), scope.sectors)}
		GROUP BY fiscal_year HAVING count(DISTINCT aor_code) = ${scope.sectors.length}
		ORDER BY fiscal_year`
	);
}

/** Annual USBP apprehensions from the historical tables for the filter (empty when none apply). */
export async function annualHistory(db: Db, filters: Filters): Promise<AnnualHistoryPoint[]> {
	const statement = annualHistorySql(filters);
	return statement ? db.query<AnnualHistoryPoint>(statement) : NO_HISTORY;
}

export interface AreaAnnualPoint extends AnnualHistoryPoint {
	code: string;
}

/** Every Southwest sector's annual apprehensions, for summing chosen sectors without a new statement. */
export function southwestAnnualByAreaSql(): Sql {
	return named(
		'Each Southwest sector’s annual totals',
		sql`
		SELECT aor_code AS code, fiscal_year AS "fiscalYear", value, source_id AS "sourceId"
		FROM annual_history WHERE scope = 'southwest' AND aor_code IS NOT NULL
		ORDER BY fiscal_year, aor_code`
	);
}

export async function southwestAnnualByArea(db: Db): Promise<AreaAnnualPoint[]> {
	return db.query<AreaAnnualPoint>(southwestAnnualByAreaSql());
}

/**
 * The annual history of some Southwest sectors from every sector's rows: the same points as
 * `annualHistory` with those sectors (a sum only for years in which every one has a value, the
 * sources listed once each, sorted).
 */
export function chosenAreasHistory(
	areas: AreaAnnualPoint[],
	codes: string[]
): AnnualHistoryPoint[] {
	const chosen = new Set(codes);
	const years = new Map<number, { value: number; codes: Set<string>; sources: Set<string> }>();
	for (const row of areas) {
		if (!chosen.has(row.code)) continue;
		let year = years.get(row.fiscalYear);
		if (!year)
			years.set(row.fiscalYear, (year = { value: 0, codes: new Set(), sources: new Set() }));
		year.value += row.value;
		year.codes.add(row.code);
		year.sources.add(row.sourceId);
	}
	return [...years]
		.filter(([, y]) => y.codes.size === chosen.size)
		.map(([fiscalYear, y]) => ({
			fiscalYear,
			value: y.value,
			sourceId: [...y.sources].sort().join(',')
		}));
}

/** One empty answer, so a filter the annual tables cannot answer gives the same rows each time. */
const NO_HISTORY: AnnualHistoryPoint[] = [];
