/**
 * src/lib/domain/comparison.ts: periods, their totals, baselines, the sentence, rank in the record
 * and sector contributions, on small made-up series whose values say which month they are.
 */
import { describe, expect, test } from 'vitest';
import { changeAttribute } from '../../src/lib/domain/change';
import {
	compare,
	contributionTotals,
	formatMonthList,
	ordinal,
	periodMonths,
	periodValue,
	rankInRecord,
	sectorContributions,
	type Baseline,
	type Period,
	type SectorMonthValue,
	type SeriesMonth
} from '../../src/lib/domain/comparison';
import { monthKey, monthsBetween, utcMonth } from '../../src/lib/domain/months';

const m = (year: number, month: number) => utcMonth(year, month - 1);
const keys = (months: Date[]) => months.map(monthKey);

/** Every month from..to, valued by `value` (default: (year − 2000) × 100 + month, so June 2025 is 2506). */
function monthly(
	from: Date,
	to: Date,
	value: (month: Date) => number | null = (d) =>
		(d.getUTCFullYear() - 2000) * 100 + d.getUTCMonth() + 1
): SeriesMonth[] {
	return monthsBetween(from, to).map((month) => ({ month, value: value(month) }));
}

const valueAt = (d: Date) => (d.getUTCFullYear() - 2000) * 100 + d.getUTCMonth() + 1;
const sumOver = (from: Date, to: Date) =>
	monthsBetween(from, to).reduce((s, d) => s + valueAt(d), 0);

/** October 2019 (FY2020) to August 2026: FY2026 is partial, September 2026 not published yet. */
const series = monthly(m(2019, 10), m(2026, 8));

const month = (year: number, mo: number): Period => ({ kind: 'month', month: m(year, mo) });
const fy = (year: number): Period => ({ kind: 'year', basis: 'fiscal', year });
const cy = (year: number): Period => ({ kind: 'year', basis: 'calendar', year });
const range = (from: Date, to: Date): Period => ({ kind: 'range', from, to });

describe('periodMonths', () => {
	test.each<[string, Period, string, string, number]>([
		['a month is itself', month(2025, 6), '2025-06', '2025-06', 1],
		['fiscal year 2025 runs October 2024 to September 2025', fy(2025), '2024-10', '2025-09', 12],
		['calendar year 2025 runs January to December', cy(2025), '2025-01', '2025-12', 12],
		['a range includes both ends', range(m(2024, 11), m(2025, 2)), '2024-11', '2025-02', 4],
		['a range given backwards is swapped', range(m(2025, 2), m(2024, 11)), '2024-11', '2025-02', 4],
		['a one-month range is one month', range(m(2025, 3), m(2025, 3)), '2025-03', '2025-03', 1]
	])('%s', (_, period, first, last, length) => {
		const months = keys(periodMonths(period));
		expect(months).toHaveLength(length);
		expect(months[0]).toBe(first);
		expect(months.at(-1)).toBe(last);
	});

	test('months are the first of the month at UTC midnight, whatever the local zone', () => {
		for (const d of periodMonths(fy(2025))) {
			expect(d.getUTCDate()).toBe(1);
			expect(d.getUTCHours()).toBe(0);
		}
	});
});

describe('periodValue', () => {
	test('a month is its own value', () => {
		expect(periodValue(series, month(2025, 6))).toMatchObject({ value: 2506, complete: true });
	});

	test('a complete fiscal year sums October to September', () => {
		const result = periodValue(series, fy(2025));
		expect(result.value).toBe(sumOver(m(2024, 10), m(2025, 9)));
		expect(result.complete).toBe(true);
		expect(result.pending).toEqual([]);
	});

	test('a complete calendar year sums January to December', () => {
		expect(periodValue(series, cy(2024)).value).toBe(sumOver(m(2024, 1), m(2024, 12)));
	});

	test('the partial current year sums its published months and says which they are', () => {
		const result = periodValue(series, fy(2026));
		expect(result.value).toBe(sumOver(m(2025, 10), m(2026, 8)));
		expect(result.complete).toBe(false);
		expect(keys(result.present)).toEqual(keys(monthsBetween(m(2025, 10), m(2026, 8))));
		expect(keys(result.pending)).toEqual(['2026-09']);
	});

	test('a year before the series starts is null, with its missing months named', () => {
		const result = periodValue(series, cy(2019));
		expect(result.value).toBeNull();
		expect(result.complete).toBe(false);
		expect(keys(result.missing)).toEqual(keys(monthsBetween(m(2019, 1), m(2019, 9))));
		expect(keys(result.present)).toEqual(['2019-10', '2019-11', '2019-12']);
	});

	test('one unanswerable month makes the whole period null', () => {
		const gap = monthly(m(2019, 10), m(2026, 8), (d) => (monthKey(d) === '2023-02' ? null : 1));
		const result = periodValue(gap, fy(2023));
		expect(result.value).toBeNull();
		expect(keys(result.unanswered)).toEqual(['2023-02']);
	});

	test('a gap inside the series makes the period null, even a published zero does not', () => {
		const holed = series.filter((r) => monthKey(r.month) !== '2022-05');
		expect(periodValue(holed, cy(2022)).value).toBeNull();
		expect(keys(periodValue(holed, cy(2022)).missing)).toEqual(['2022-05']);
		const zero = monthly(m(2021, 1), m(2021, 12), () => 0);
		expect(periodValue(zero, cy(2021))).toMatchObject({ value: 0, complete: true });
	});

	test.each<[string, Period]>([
		['a month not yet published', month(2026, 9)],
		['a year not yet begun', fy(2027)]
	])('%s is null and pending', (_, period) => {
		const result = periodValue(series, period);
		expect(result.value).toBeNull();
		expect(result.present).toEqual([]);
		expect(result.pending.length).toBe(periodMonths(period).length);
	});

	test('a range running past the latest month is partial, like the current year', () => {
		const result = periodValue(series, range(m(2026, 7), m(2026, 10)));
		expect(result).toMatchObject({ value: 2607 + 2608, complete: false });
		expect(keys(result.pending)).toEqual(['2026-09', '2026-10']);
	});
});

describe('compare: each baseline kind', () => {
	test.each<[string, Period, Baseline, number, number, string]>([
		['a month a year earlier', month(2025, 6), 'year-earlier', 2506, 2406, 'June 2024'],
		[
			'a month against the previous month',
			month(2025, 6),
			'previous-month',
			2506,
			2505,
			'May 2025'
		],
		['January against December', month(2025, 1), 'previous-month', 2501, 2412, 'December 2024'],
		[
			'a month against the same month of an earlier fiscal year',
			month(2025, 6),
			{ kind: 'same-period', year: 2021 },
			2506,
			2106,
			'June 2021'
		],
		[
			'October belongs to the next fiscal year',
			month(2025, 10),
			{ kind: 'same-period', year: 2021 },
			2510,
			2010,
			'October 2020'
		],
		[
			'a fiscal year a year earlier',
			fy(2025),
			'year-earlier',
			sumOver(m(2024, 10), m(2025, 9)),
			sumOver(m(2023, 10), m(2024, 9)),
			'FY2024'
		],
		[
			'a fiscal year against an earlier fiscal year',
			fy(2025),
			{ kind: 'same-period', year: 2021 },
			sumOver(m(2024, 10), m(2025, 9)),
			sumOver(m(2020, 10), m(2021, 9)),
			'FY2021'
		],
		[
			'a calendar year a year earlier',
			cy(2024),
			'year-earlier',
			sumOver(m(2024, 1), m(2024, 12)),
			sumOver(m(2023, 1), m(2023, 12)),
			'2023'
		],
		[
			'a range a year earlier',
			range(m(2024, 11), m(2025, 2)),
			'year-earlier',
			sumOver(m(2024, 11), m(2025, 2)),
			sumOver(m(2023, 11), m(2024, 2)),
			'November 2023 – February 2024'
		],
		[
			'a range against the same-length range just before',
			range(m(2024, 11), m(2025, 2)),
			'previous-month',
			sumOver(m(2024, 11), m(2025, 2)),
			sumOver(m(2024, 7), m(2024, 10)),
			'July–October 2024'
		],
		[
			'a range against the same months of an earlier year',
			range(m(2025, 3), m(2025, 5)),
			{ kind: 'same-period', year: 2022 },
			2503 + 2504 + 2505,
			2203 + 2204 + 2205,
			'March–May 2022'
		]
	])('%s', (_, period, baseline, value, baselineValue, label) => {
		const result = compare(series, period, baseline);
		expect(result.value).toBe(value);
		expect(result.baselineValue).toBe(baselineValue);
		expect(result.baselineLabel).toBe(label);
		expect(result.changePct).toBeCloseTo(((value - baselineValue) / baselineValue) * 100, 10);
		expect(result.baselinePeriods).toHaveLength(1);
	});

	test('a same-period year is read as a calendar year when asked', () => {
		const result = compare(
			series,
			month(2025, 10),
			{ kind: 'same-period', year: 2021 },
			{
				basis: 'calendar'
			}
		);
		expect(result.baselineValue).toBe(2110);
		expect(result.baselineLabel).toBe('October 2021');
	});

	test('the average of a month is that calendar month over every year', () => {
		const result = compare(series, month(2025, 6), 'average');
		// Junes 2020..2026: 2006, 2106, …, 2606.
		expect(result.baselineValue).toBe(2306);
		expect(result.baselineLabel).toBe('the June average for FY2020–FY2026');
		expect(result.baselinePeriods).toHaveLength(7);
	});

	test('the average of a year is over complete years only', () => {
		const result = compare(series, fy(2024), 'average');
		const years = [2020, 2021, 2022, 2023, 2024, 2025].map((y) => sumOver(m(y - 1, 10), m(y, 9)));
		expect(result.baselineValue).toBeCloseTo(years.reduce((a, b) => a + b) / years.length, 10);
		expect(result.baselineLabel).toBe('the fiscal-year average for FY2020–FY2025');
	});

	test('the average of a range is over the same calendar span each year', () => {
		const result = compare(series, range(m(2025, 3), m(2025, 5)), 'average');
		const spans = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => sumOver(m(y, 3), m(y, 5)));
		expect(result.baselineValue).toBeCloseTo(spans.reduce((a, b) => a + b) / spans.length, 10);
		expect(result.baselineLabel).toBe('the March–May average for FY2020–FY2026');
	});

	test('the average starts with FY2000 (October 1999), whatever the series holds before', () => {
		const long = monthly(m(1998, 1), m(2001, 12), (d) => (d < m(1999, 10) ? 1_000_000 : 10));
		const result = compare(long, month(2001, 6), 'average');
		expect(result.baselineValue).toBe(10);
		expect(result.baselineLabel).toBe('the June average for FY2000–FY2001');
	});

	test('the record high and low of a month are over every month, named', () => {
		expect(compare(series, month(2025, 6), 'record-high')).toMatchObject({
			baselineValue: 2608,
			baselineLabel: 'the record-high month, August 2026',
			baselineIsPeriod: false
		});
		expect(compare(series, month(2025, 6), 'record-low')).toMatchObject({
			baselineValue: 1910,
			baselineLabel: 'the record-low month, October 2019'
		});
	});

	test('the record of a year is over complete years of the same kind', () => {
		expect(compare(series, fy(2021), 'record-high')).toMatchObject({
			baselineValue: sumOver(m(2024, 10), m(2025, 9)),
			baselineLabel: 'the record-high fiscal year, FY2025'
		});
		expect(compare(series, cy(2023), 'record-low')).toMatchObject({
			baselineValue: sumOver(m(2020, 1), m(2020, 12)),
			baselineLabel: 'the record-low calendar year, 2020'
		});
	});

	test('the record of a range is the best run of the same length anywhere', () => {
		expect(compare(series, range(m(2021, 1), m(2021, 3)), 'record-high')).toMatchObject({
			baselineValue: 2606 + 2607 + 2608,
			baselineLabel: 'the record-high 3 months, June–August 2026'
		});
	});

	test('a period that holds the record says so instead of a 0% change', () => {
		const result = compare(series, month(2026, 8), 'record-high');
		expect(result.baselineIsPeriod).toBe(true);
		expect(result.changePct).toBe(0);
		expect(result.sentence).toBe(
			'2,608 USBP encounters in August 2026, the highest month in the record (FY2020–FY2026).'
		);
	});

	test('the first period to reach a record holds it', () => {
		const flat = monthly(m(2020, 1), m(2020, 6), (d) => (d.getUTCMonth() % 2 ? 5 : 1));
		expect(compare(flat, month(2020, 3), 'record-high').baselineLabel).toBe(
			'the record-high month, February 2020'
		);
	});

	test('a baseline outside the record has no value and a note', () => {
		const result = compare(series, month(2020, 6), 'year-earlier');
		expect(result.baselineValue).toBeNull();
		expect(result.changePct).toBeNull();
		expect(result.sentence).toBe(
			'2,006 USBP encounters in June 2020; no count for June 2019 to compare with.'
		);
		expect(result.notes).toEqual(['No count for June 2019: June 2019 is not in the sources.']);
	});
});

describe('compare: a partial current year', () => {
	const partial = fy(2026);

	test('is named by its published months and set against the same months', () => {
		const result = compare(series, partial, 'year-earlier');
		expect(result.periodLabel).toBe('FY2026 through August 2026');
		expect(result.value).toBe(sumOver(m(2025, 10), m(2026, 8)));
		expect(result.baselineValue).toBe(sumOver(m(2024, 10), m(2025, 8)));
		expect(result.baselineLabel).toBe('FY2025 through August 2025');
		expect(result.counted).toEqual(range(m(2025, 10), m(2026, 8)));
	});

	test('notes which months are present and which are not yet published', () => {
		expect(compare(series, partial, 'year-earlier').notes).toEqual([
			'FY2026 is partial: the sources cover October 2025 – August 2026; September 2026 is not ' +
				'published yet. The baseline counts the same months.'
		]);
	});

	test('averages, ranks and records over the same span of other years', () => {
		const spans = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) =>
			sumOver(m(y - 1, 10), m(y, 8))
		);
		const average = compare(series, partial, 'average');
		expect(average.baselineValue).toBeCloseTo(spans.reduce((a, b) => a + b) / spans.length, 10);
		expect(average.baselineLabel).toBe('the October–August average for FY2020–FY2026');
		expect(compare(series, partial, 'record-low').baselineLabel).toBe(
			'the record-low October–August, FY2020'
		);
		expect(rankInRecord(series, partial)?.text).toBe(
			'highest October–August since at least FY2020'
		);
	});

	test('a baseline never borrows a partial sum', () => {
		const result = compare(series, fy(2025), { kind: 'same-period', year: 2026 });
		expect(result.baselineValue).toBeNull();
		expect(result.notes[0]).toBe('No count for FY2026: September 2026 is not published yet.');
	});
});

describe('compare: the sentence', () => {
	const headline = [
		{ month: m(2024, 6), value: 83532 },
		{ month: m(2025, 6), value: 6066 }
	];

	test('reads like the headline, with counts and a rounded percent', () => {
		const result = compare(headline, month(2025, 6), 'year-earlier');
		expect(result.sentence).toBe(
			'6,066 USBP encounters in June 2025, 92.7% fewer than in June 2024 (83,532).'
		);
		expect(changeAttribute(result.changePct)).toBe('-92.74');
	});

	test.each<[string, number, number, string]>([
		[
			'an increase',
			120,
			100,
			'120 USBP encounters in June 2025, 20.0% more than in June 2024 (100).'
		],
		['no change', 100, 100, '100 USBP encounters in June 2025, the same as in June 2024 (100).'],
		[
			'a change that rounds to 0.0%',
			100001,
			100000,
			'100,001 USBP encounters in June 2025, about the same as in June 2024 (100,000).'
		],
		['a baseline of zero', 5, 0, '5 USBP encounters in June 2025, against none in June 2024.']
	])('states %s', (_, value, baseline, expected) => {
		const pair = [
			{ month: m(2024, 6), value: baseline },
			{ month: m(2025, 6), value }
		];
		expect(compare(pair, month(2025, 6), 'year-earlier').sentence).toBe(expected);
	});

	test('names what is counted when told', () => {
		expect(
			compare(headline, month(2025, 6), 'year-earlier', { subject: 'OFO encounters' }).sentence
		).toMatch(/^6,066 OFO encounters in June 2025/);
	});

	test('rounds an average for reading but keeps it exact for the change', () => {
		const pair = monthly(m(2020, 6), m(2022, 6), (d) =>
			d.getUTCMonth() === 5 ? [10, 11, 11][d.getUTCFullYear() - 2020] : 0
		);
		const result = compare(pair, month(2022, 6), 'average');
		expect(result.baselineValue).toBeCloseTo(32 / 3, 10);
		expect(result.sentence).toBe(
			'11 USBP encounters in June 2022, 3.1% more than the June average for FY2020–FY2022 (11).'
		);
	});

	test('per day: the sums over the days they cover, the sentence says “an average … per day”', () => {
		// February 2024 has 29 days, February 2023 28: equal counts are not equal averages.
		const february = [
			{ month: m(2023, 2), value: 2900 },
			{ month: m(2024, 2), value: 2900 }
		];
		const result = compare(february, month(2024, 2), 'year-earlier', { perDay: true });
		expect(result.value).toBe(100);
		expect(result.baselineValue).toBeCloseTo(2900 / 28, 10);
		expect(result.changePct).toBeCloseTo((100 / (2900 / 28) - 1) * 100, 10);
		expect(result.sentence).toBe(
			'An average of 100.0 USBP encounters per day in February 2024, 3.4% fewer than in February 2023 (103.6 per day).'
		);
		// A fiscal year: its 12 months' sum over its 365 or 366 days.
		const year = compare(series, fy(2024), 'year-earlier', { perDay: true });
		expect(year.value).toBeCloseTo(sumOver(m(2023, 10), m(2024, 9)) / 366, 10);
		expect(year.baselineValue).toBeCloseTo(sumOver(m(2022, 10), m(2023, 9)) / 365, 10);
	});

	test('per day: records and ranks compare averages, so a short month can hold the record', () => {
		// 2,900 in 28 days is more per day than 3,000 in 31.
		const pair = [
			{ month: m(2023, 1), value: 3000 },
			{ month: m(2023, 2), value: 2900 }
		];
		expect(compare(pair, month(2023, 1), 'record-high').baselineLabel).toBe(
			'the record-high month, January 2023'
		);
		expect(compare(pair, month(2023, 1), 'record-high', { perDay: true }).baselineLabel).toBe(
			'the record-high month, February 2023'
		);
		const juneOnly = [2019, 2020].map((y) => ({ month: m(y, 6), value: y === 2019 ? 300 : 301 }));
		expect(rankInRecord(juneOnly, month(2020, 6), { perDay: true })?.rankFromTop).toBe(1);
	});

	test('a period without a value says why', () => {
		const result = compare(series, cy(2019), 'year-earlier');
		expect(result.value).toBeNull();
		expect(result.sentence).toBe('No count of USBP encounters for 2019.');
		expect(result.notes).toEqual([
			'No count for 2019: January–September 2019 are not in the sources.'
		]);
	});

	test('an unanswerable month is named in the note', () => {
		const gap = monthly(m(2019, 10), m(2026, 8), (d) => (monthKey(d) === '2023-02' ? null : 1));
		expect(compare(gap, fy(2023), 'year-earlier').notes).toEqual([
			'No count for FY2023: the current filter cannot be answered for February 2023.'
		]);
	});
});

describe('rankInRecord', () => {
	/** Junes FY2000..FY2010 with these values; every other month 1000. */
	function junes(values: number[]): SeriesMonth[] {
		return monthly(m(1999, 10), m(2010, 9), (d) =>
			d.getUTCMonth() === 5 ? values[d.getUTCFullYear() - 2000] : 1000
		);
	}
	const record = junes([50, 40, 90, 70, 60, 30, 80, 20, 100, 10, 45]);

	test.each<[string, number, number, number, string]>([
		['an earlier lowest month', 2009, 1, 11, 'lowest June in the record (FY2000–FY2010)'],
		['the highest month', 2008, 11, 1, 'highest June in the record (FY2000–FY2010)'],
		['the second highest', 2002, 10, 2, '2nd-highest June in the record (FY2000–FY2010)'],
		['the third highest', 2006, 9, 3, '3rd-highest June in the record (FY2000–FY2010)'],
		['the fourth highest', 2003, 8, 4, '4th-highest June in the record (FY2000–FY2010)'],
		['the second lowest', 2007, 2, 10, '2nd-lowest June in the record (FY2000–FY2010)'],
		['the third lowest', 2005, 3, 9, '3rd-lowest June in the record (FY2000–FY2010)']
	])('%s', (_, year, rank, rankFromTop, text) => {
		expect(rankInRecord(record, month(year, 6))).toMatchObject({ rank, rankFromTop, of: 11, text });
	});

	test.each<[string, number[], string]>([
		['lowest', [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'lowest June since at least FY2000'],
		['highest', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'highest June since at least FY2000']
	])('the latest %s month is so "since at least" the first year', (_, values, text) => {
		expect(rankInRecord(junes(values), month(2010, 6))?.text).toBe(text);
	});

	test('ties are named', () => {
		const tied = junes([5, 9, 5, 7, 8, 9, 9, 9, 9, 9, 5]);
		expect(rankInRecord(tied, month(2010, 6))).toMatchObject({
			rank: 1,
			tiedWith: ['June 2000', 'June 2002'],
			text: 'lowest June since at least FY2000, tied with June 2000, June 2002'
		});
	});

	test('the record starts where the series starts, in the chosen basis', () => {
		const short = monthly(m(2019, 10), m(2026, 8));
		// October 2025 is in FY2026; Octobers run from 2019 (FY2020).
		expect(rankInRecord(short, month(2025, 10), { basis: 'calendar' })?.text).toBe(
			'highest October since at least 2019'
		);
		expect(rankInRecord(short, month(2025, 10))?.text).toBe(
			'highest October since at least FY2020'
		);
		expect(rankInRecord(short, month(2024, 10))?.text).toBe(
			'2nd-highest October in the record (FY2020–FY2026)'
		);
	});

	test('a year ranks among complete years only', () => {
		expect(rankInRecord(series, fy(2025))).toMatchObject({
			rank: 6,
			of: 6,
			first: 'FY2020',
			last: 'FY2025',
			text: 'highest fiscal year since at least FY2020'
		});
		expect(rankInRecord(series, cy(2021))?.text).toBe(
			'2nd-lowest calendar year in the record (2020–2025)'
		);
	});

	test('the only period of its kind says so', () => {
		expect(rankInRecord(series, range(m(2019, 10), m(2020, 9)))?.of).toBe(6);
		const one = monthly(m(2024, 10), m(2025, 9));
		expect(rankInRecord(one, month(2025, 6))?.text).toBe('only June in the record (FY2025)');
	});

	test('is null for a period without a value', () => {
		expect(rankInRecord(series, cy(2019))).toBeNull();
	});
});

describe('ordinal', () => {
	test.each([
		[1, '1st'],
		[2, '2nd'],
		[3, '3rd'],
		[4, '4th'],
		[10, '10th'],
		[11, '11th'],
		[12, '12th'],
		[13, '13th'],
		[21, '21st'],
		[22, '22nd'],
		[23, '23rd'],
		[101, '101st'],
		[111, '111th'],
		[112, '112th'],
		[113, '113th']
	])('%j is %j', (n, expected) => {
		expect(ordinal(n)).toBe(expected);
	});
});

describe('formatMonthList', () => {
	test.each<[Date[], string]>([
		[[], ''],
		[[m(2025, 6)], 'June 2025'],
		[[m(2025, 3), m(2025, 4), m(2025, 5)], 'March–May 2025'],
		[
			[m(2019, 10), m(2019, 11), m(2019, 12), m(2020, 1), m(2020, 6)],
			'October 2019 – January 2020, June 2020'
		],
		[[m(2020, 6), m(2020, 1)], 'January 2020, June 2020']
	])('writes %j as %j', (months, expected) => {
		expect(formatMonthList(months)).toBe(expected);
	});
});

describe('sectorContributions', () => {
	function sector(code: string, values: Record<string, number | null>): SectorMonthValue[] {
		return Object.entries(values).map(([key, value]) => {
			const [y, mo] = key.split('-').map(Number);
			return { code, name: `${code} Sector`, month: m(y, mo), value };
		});
	}
	const sectors = [
		...sector('SDC', { '2024-06': 100, '2025-06': 80 }),
		...sector('TCA', { '2024-06': 500, '2025-06': 100 }),
		...sector('ELC', { '2024-06': 50, '2025-06': 70 }),
		...sector('RGV', { '2024-06': 300, '2025-06': 300 })
	];

	test('each change and its share of the total, largest change first', () => {
		const rows = sectorContributions(sectors, month(2025, 6), month(2024, 6));
		// Total change: −20 − 400 + 20 + 0 = −400.
		expect(rows.map((r) => [r.code, r.baselineValue, r.value, r.change, r.shareOfChange])).toEqual([
			['TCA', 500, 100, -400, 1],
			['SDC', 100, 80, -20, 0.05],
			['ELC', 50, 70, 20, -0.05],
			['RGV', 300, 300, 0, 0]
		]);
	});

	test.each<[string, Period, Period]>([
		['a month a year earlier', month(2025, 6), month(2024, 6)],
		['a year', fy(2025), fy(2024)],
		['a range', range(m(2024, 1), m(2024, 5)), range(m(2023, 8), m(2023, 12))]
	])('shares sum to 1 and changes to the total change: %s', (_, period, baseline) => {
		const codes = ['SDC', 'ELC', 'YUM', 'TCA'];
		const rows = codes.flatMap((code, i) =>
			monthly(
				m(2019, 10),
				m(2026, 8),
				(d) => ((d.getUTCMonth() * 7 + i * 13) % 29) * (i + 1) + d.getUTCFullYear()
			).map((r) => ({ ...r, code, name: code }))
		);
		const result = sectorContributions(rows, period, baseline);
		const inPeriod = (p: Period) => {
			const wanted = new Set(keys(periodMonths(p)));
			return rows.filter((r) => wanted.has(monthKey(r.month))).reduce((t, r) => t + r.value!, 0);
		};
		const total = inPeriod(period) - inPeriod(baseline);
		expect(total).not.toBe(0);
		expect(contributionTotals(result).change).toBeCloseTo(total, 10);
		expect(result.reduce((s, r) => s + r.shareOfChange!, 0)).toBeCloseTo(1, 10);
		const sizes = result.map((r) => Math.abs(r.change!));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});

	test('per day: each sector’s sums over the days they cover', () => {
		const rows = sectorContributions(
			sector('TCA', { '2023-02': 280, '2024-02': 290 }),
			month(2024, 2),
			month(2023, 2),
			{ perDay: true }
		);
		expect(rows[0]).toMatchObject({ baselineValue: 10, value: 10, change: 0 });
	});

	test('several baseline periods are averaged', () => {
		const rows = sectorContributions(
			sector('TCA', { '2023-06': 10, '2024-06': 20, '2025-06': 45 }),
			month(2025, 6),
			[month(2023, 6), month(2024, 6)]
		);
		expect(rows[0]).toMatchObject({ baselineValue: 15, value: 45, change: 30, shareOfChange: 1 });
	});

	test('a sector without a value goes last and takes no share', () => {
		const rows = sectorContributions(
			[...sectors, ...sector('BBT', { '2024-06': null, '2025-06': 5 })],
			month(2025, 6),
			month(2024, 6)
		);
		expect(rows.at(-1)).toMatchObject({ code: 'BBT', change: null, shareOfChange: null });
		expect(rows[0].shareOfChange).toBe(1);
	});

	test('with no total change there are no shares', () => {
		const rows = sectorContributions(
			[
				...sector('A', { '2024-06': 1, '2025-06': 2 }),
				...sector('B', { '2024-06': 2, '2025-06': 1 })
			],
			month(2025, 6),
			month(2024, 6)
		);
		expect(rows.map((r) => r.shareOfChange)).toEqual([null, null]);
		expect(rows.map((r) => r.code)).toEqual(['A', 'B']);
	});
});
