import type { Db } from '../data/db';
import { percentChange } from '../data/change';
import { scopeConditions, type Filters } from './filters';
import { sectorComparison, type SectorComparison } from './sector-comparison';
import { dateValue, sql } from './sql';

export interface Headline {
	month: Date;
	baselineMonth: Date;
	/** The sum of `sectors[].value`: null when no file covers the month. */
	value: number | null;
	baselineValue: number | null;
	/** Null when either count is missing or the baseline is 0. */
	changePct: number | null;
	sectors: SectorComparison[];
	/** Manifest ids of the files the two months come from. */
	sourceId: string | null;
	baselineSourceId: string | null;
}

const sumOf = (values: (number | null)[]) =>
	values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** The filter's count for a month against a baseline month, built from its per-sector parts. */
export async function headline(
	db: Db,
	filters: Filters,
	month: Date,
	baselineMonth: Date
): Promise<Headline> {
	const sectors = await sectorComparison(db, filters, month, baselineMonth);
	const sources = await db.query<{ month: Date; sourceId: string }>(sql`
		SELECT ms.month, ms.source_id AS "sourceId" FROM month_source ms
		WHERE ${scopeConditions(filters, 'ms')} AND ms.month IN (${dateValue(month)}, ${dateValue(baselineMonth)})`);
	const sourceOf = (m: Date) =>
		sources.find((s) => s.month.getTime() === m.getTime())?.sourceId ?? null;
	const value = sectors.length ? sumOf(sectors.map((s) => s.value)) : null;
	const baselineValue = sectors.length ? sumOf(sectors.map((s) => s.baselineValue)) : null;
	return {
		month,
		baselineMonth,
		value,
		baselineValue,
		changePct: percentChange(value, baselineValue),
		sectors,
		sourceId: sourceOf(month),
		baselineSourceId: sourceOf(baselineMonth)
	};
}
