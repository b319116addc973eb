import { percentChange } from '../data/change';
import type { Db } from '../data/db';
import { scopeConditions, type Filters } from './filters';
import { sectorComparison, type SectorComparison } from './sector-comparison';
import { dateValue, sql } from './sql';

export interface Headline {
	month: Date;
	baselineMonth: Date;
	/** The sum of `sectors[].value`: null when the filter cannot be answered in the month. */
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

/** The filter's count for a month against a baseline month, built from its per-area parts. */
export async function headline(
	db: Db,
	filters: Filters,
	month: Date,
	baselineMonth: Date
): Promise<Headline> {
	const sectors = await sectorComparison(db, filters, month, baselineMonth);
	const sources = await db.query<{ month: Date; sourceIds: string[] }>(sql`
		SELECT ms.month, list(DISTINCT ms.source_id ORDER BY ms.source_id) AS "sourceIds" FROM month_source ms
		WHERE ${scopeConditions(filters, 'ms')} AND ms.month IN (${dateValue(month)}, ${dateValue(baselineMonth)})
		GROUP BY ms.month`);
	const sourcesOf = (m: Date) =>
		sources.find((s) => s.month.getTime() === m.getTime())?.sourceIds ?? [];
	const value = sumOf(sectors.map((s) => s.value));
	const baselineValue = sumOf(sectors.map((s) => s.baselineValue));
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
