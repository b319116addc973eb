/**
 * Yearly totals from monthly series, and the long-history series that joins CBP's annual tables
 * (to FY2019) with those totals for the years after.
 */
import { daysInMonth, fiscalYearOf, utcMonth } from '../../domain/months';

export interface YearTotal {
	year: number;
	/** Null when any month of the year that the sources cover cannot be answered. */
	value: number | null;
	/** Months with a value; fewer than 12 marks a partial year. */
	months: number;
	/** Days in those months, to give the year's average per day. */
	days: number;
	partial: boolean;
	sourceIds: string[];
}

/** Sums a monthly series by fiscal (Oct–Sep) or calendar year. */
export function yearTotals(
	series: { month: Date; value: number | null; sourceIds: string[] }[],
	basis: 'fiscal' | 'calendar'
): YearTotal[] {
	const years = new Map<number, YearTotal>();
	for (const p of series) {
		const year = basis === 'fiscal' ? fiscalYearOf(p.month) : p.month.getUTCFullYear();
		let total = years.get(year);
		if (!total)
			years.set(
				year,
				(total = { year, value: 0, months: 0, days: 0, partial: false, sourceIds: [] })
			);
		if (p.value === null) total.value = null;
		else if (total.value !== null) total.value += p.value;
		total.months += 1;
		total.days += daysInMonth(p.month);
		for (const id of p.sourceIds) if (!total.sourceIds.includes(id)) total.sourceIds.push(id);
	}
	return [...years.values()].map((t) => ({ ...t, partial: t.months < 12 }));
}

export interface LongHistoryPoint {
	year: number;
	value: number | null;
	sourceId: string;
	partial: boolean;
	/** Days the value covers (a whole fiscal year in the annual tables), for its average per day. */
	days: number;
}

/**
 * The annual tables for the years they hold, then fiscal-year sums of the monthly files for the
 * years after (each labelled with its own sources), so every segment keeps its source.
 */
export function longHistoryPoints(
	annual: { fiscalYear: number; value: number; sourceId: string }[],
	series: { month: Date; value: number | null; sourceIds: string[] }[]
): LongHistoryPoint[] {
	const lastAnnual = Math.max(-Infinity, ...annual.map((a) => a.fiscalYear));
	return [
		...annual.map((a) => ({
			year: a.fiscalYear,
			value: a.value,
			sourceId: a.sourceId,
			partial: false,
			days: fiscalYearDays(a.fiscalYear)
		})),
		...yearTotals(series, 'fiscal')
			.filter((t) => t.year > lastAnnual)
			.map((t) => ({
				year: t.year,
				value: t.value,
				sourceId: t.sourceIds.join('+'),
				partial: t.partial,
				days: t.days
			}))
	];
}

/** October of the year before to September: 366 days when the February in it is a leap one. */
function fiscalYearDays(fiscalYear: number): number {
	return (utcMonth(fiscalYear, 9).getTime() - utcMonth(fiscalYear - 1, 9).getTime()) / 86_400_000;
}
