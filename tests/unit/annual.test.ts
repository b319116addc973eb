/** Yearly totals and the joined long-history series, on small made-up series with known sums. */
import { describe, expect, test } from 'vitest';
import { longHistoryPoints, yearTotals } from '../../src/lib/figures/history/points';

const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
const series = (from: [number, number], values: (number | null)[], source = 'a') =>
	values.map((value, i) => ({ month: month(from[0], from[1] + i), value, sourceIds: [source] }));

describe('yearTotals', () => {
	test('fiscal years run October to September', () => {
		const s = series([2019, 10], Array(14).fill(1));
		expect(yearTotals(s, 'fiscal').map((t) => [t.year, t.value, t.partial])).toEqual([
			[2020, 12, false],
			[2021, 2, true]
		]);
	});

	test('calendar years run January to December', () => {
		const s = series([2019, 10], Array(14).fill(1));
		expect(yearTotals(s, 'calendar').map((t) => [t.year, t.value, t.months])).toEqual([
			[2019, 3, 3],
			[2020, 11, 11]
		]);
	});

	test('a year with an unanswerable month has no total', () => {
		const s = series([2020, 10], [1, null, ...Array(10).fill(1)]);
		expect(yearTotals(s, 'fiscal')[0].value).toBeNull();
	});

	test('collects every source of a year', () => {
		const s = [...series([2020, 10], [1, 1], 'x'), ...series([2020, 12], [1], 'y')];
		expect(yearTotals(s, 'fiscal')[0].sourceIds).toEqual(['x', 'y']);
	});
});

describe('longHistoryPoints', () => {
	test('uses the annual table to its last year, then monthly sums after it', () => {
		const annual = [
			{ fiscalYear: 2018, value: 100, sourceId: 't' },
			{ fiscalYear: 2019, value: 200, sourceId: 't' }
		];
		const monthly = series([2018, 10], Array(24).fill(10), 'm');
		expect(longHistoryPoints(annual, monthly)).toEqual([
			{ year: 2018, value: 100, sourceId: 't', partial: false, days: 365 },
			{ year: 2019, value: 200, sourceId: 't', partial: false, days: 365 },
			// October 2019 – September 2020 holds 29 February 2020.
			{ year: 2020, value: 120, sourceId: 'm', partial: false, days: 366 }
		]);
	});

	test('without an annual table, every fiscal year comes from the monthly files', () => {
		const monthly = series([2019, 10], Array(13).fill(10), 'm');
		expect(longHistoryPoints([], monthly).map((p) => [p.year, p.value, p.partial, p.days])).toEqual(
			[
				[2020, 120, false, 366],
				// A partial year covers only its months' days: October 2020.
				[2021, 10, true, 31]
			]
		);
	});
});
