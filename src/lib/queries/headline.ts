import { percentChange } from '../domain/change';
import type { Db } from '../db/db';
import type { Filters } from './filters';
import {
	chosenAreasOf,
	chosenAreasTotals,
	monthlyTotals,
	type MonthlyTotal
} from './monthly-totals';
import { sectorMonthly, type SectorMonth } from './sector-monthly';

/** One area of responsibility's count in the headline's month and in its baseline month. */
export interface SectorComparison {
	code: string;
	name: string;
	/** Null when the filter cannot be answered in the month; 0 when the source has no row. */
	value: number | null;
	baselineValue: number | null;
}

export interface Headline {
	month: Date;
	baselineMonth: Date;
	/**
	 * The filter's count (with sectors chosen, the sum of `sectors[].value`): null when the filter
	 * cannot be answered in the month.
	 */
	value: number | null;
	baselineValue: number | null;
	/** Null when either count is missing or the baseline is 0. */
	changePct: number | null;
	sectors: SectorComparison[];
	/** Manifest ids of the files each month comes from. */
	sourceIds: string[];
	baselineSourceIds: string[];
}

const sumOf = (values: (number | null)[]) =>
	values.length === 0 || values.some((v) => v === null)
		? null
		: values.reduce<number>((a, v) => a + (v ?? 0), 0);

/**
 * The filter's count for a month against a baseline month, with its per-area parts. Both are
 * read from the per-area and monthly series of the filter's scope (one statement each, whatever
 * the month and the chosen sectors, so the explorer's cache answers a change of either without
 * asking DuckDB again).
 */
export async function headline(
	db: Db,
	filters: Filters,
	month: Date,
	baselineMonth: Date
): Promise<Headline> {
	return (await headlineReader(db, filters))(month, baselineMonth);
}

/**
 * `headline` in two steps: the statements (which do not depend on the months, so a page can ask
 * them before it knows the month), then the reading of any month against any baseline.
 */
export async function headlineReader(
	db: Db,
	filters: Filters
): Promise<(month: Date, baselineMonth: Date) => Headline> {
	// Every area of the filter's scope: the chosen ones are picked below, so a change of sectors
	// or states within the scope asks nothing new.
	const chosen = chosenAreasOf(filters);
	const scope = chosen?.scope ?? filters;
	const chosenAreas = filters.sectors.length > 0;
	const [every, scopeSeries, states] = await Promise.all([
		// No file counts sectors by state: a view of states has no sector parts.
		filters.states.length ? [] : sectorMonthly(db, scope),
		monthlyTotals(db, scope, chosen ? [chosen.need] : []),
		chosen?.need === 'state' ? chosen.rows(db) : null
	]);
	const series = states ? chosenAreasTotals(scopeSeries, states, filters.states) : scopeSeries;
	const areas = chosenAreas ? every.filter((row) => filters.sectors.includes(row.code)) : every;
	return (month, baselineMonth) => headlineOf(series, areas, chosenAreas, month, baselineMonth);
}

function headlineOf(
	series: MonthlyTotal[],
	areas: SectorMonth[],
	chosenAreas: boolean,
	month: Date,
	baselineMonth: Date
): Headline {
	const at = (m: Date) => m.getTime();
	const values = new Map<
		string,
		{ code: string; name: string; byMonth: Map<number, number | null> }
	>();
	for (const row of areas) {
		let area = values.get(row.code);
		if (!area)
			values.set(row.code, (area = { code: row.code, name: row.name, byMonth: new Map() }));
		area.byMonth.set(at(row.month), row.value);
	}
	const sectors: SectorComparison[] = [...values.values()].map((a) => ({
		code: a.code,
		name: a.name,
		value: a.byMonth.get(at(month)) ?? null,
		baselineValue: a.byMonth.get(at(baselineMonth)) ?? null
	}));
	const pointOf = (m: Date) => series.find((p) => at(p.month) === at(m));
	const sourcesOf = (m: Date) => pointOf(m)?.sourceIds ?? [];
	// Chosen areas add up to the count; the scope's count is its own total, which a file without
	// areas (the Southwest-by-component file) can answer where the areas are null.
	const totalOf = (m: Date, part: (s: SectorComparison) => number | null) =>
		chosenAreas ? sumOf(sectors.map(part)) : (pointOf(m)?.value ?? null);
	const value = totalOf(month, (s) => s.value);
	const baselineValue = totalOf(baselineMonth, (s) => s.baselineValue);
	return {
		month,
		baselineMonth,
		value,
		baselineValue,
		changePct: percentChange(value, baselineValue),
		sectors,
		sourceIds: sourcesOf(month),
		baselineSourceIds: sourcesOf(baselineMonth)
	};
}
