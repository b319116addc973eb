/**
 * Chosen sectors' rows summed from every area's rows, on made-up rows that reach the cases the
 * bundled files do not (a sector missing a year, a chosen code with no rows, mixed sources).
 */
import { describe, expect, test } from 'vitest';
import { chosenAreasHistory } from '../../src/lib/figures/history/statement';
import { chosenAreasComposition } from '../../src/lib/figures/composition/statement';
import { chosenAreasTotals } from '../../src/lib/queries/monthly-totals';

const m = (key: string) => new Date(`${key}-01T00:00:00Z`);

describe('chosenAreasHistory', () => {
	const rows = [
		{ code: 'A', fiscalYear: 2000, value: 1, sourceId: 'x' },
		{ code: 'B', fiscalYear: 2000, value: 10, sourceId: 'x' },
		{ code: 'A', fiscalYear: 2001, value: 2, sourceId: 'y' },
		{ code: 'C', fiscalYear: 2001, value: 300, sourceId: 'z' },
		{ code: 'B', fiscalYear: 2001, value: 20, sourceId: 'a' },
		{ code: 'A', fiscalYear: 2002, value: 3, sourceId: 'y' }
	];

	test('sums the chosen codes in years every one has, listing sources once each, sorted', () => {
		expect(chosenAreasHistory(rows, ['A', 'B'])).toEqual([
			{ fiscalYear: 2000, value: 11, sourceId: 'x' },
			{ fiscalYear: 2001, value: 22, sourceId: 'a,y' }
		]);
		expect(chosenAreasHistory(rows, ['A'])).toEqual([
			{ fiscalYear: 2000, value: 1, sourceId: 'x' },
			{ fiscalYear: 2001, value: 2, sourceId: 'y' },
			{ fiscalYear: 2002, value: 3, sourceId: 'y' }
		]);
	});

	test('a chosen code with no rows leaves no year complete', () => {
		expect(chosenAreasHistory(rows, ['A', 'Q'])).toEqual([]);
	});
});

describe('chosenAreasComposition', () => {
	// Ordered by month, key, code, as the per-area statement returns them.
	const row = (month: string, key: string, code: string, value: number) => ({
		month: m(month),
		key,
		label: key.toUpperCase(),
		code,
		value
	});
	const rows = [
		row('2020-01', 'a', 'A', 1),
		row('2020-01', 'a', 'B', 2),
		row('2020-01', 'a', 'C', 4),
		row('2020-01', 'b', 'B', 8),
		row('2020-02', 'a', 'C', 16),
		row('2020-02', 'b', 'A', 32),
		row('2020-02', 'b', 'C', 64)
	];

	test('sums the chosen codes per month and key, in the same order', () => {
		expect(chosenAreasComposition(rows, ['A', 'C'])).toEqual([
			{ month: m('2020-01'), key: 'a', label: 'A', value: 5 },
			{ month: m('2020-02'), key: 'a', label: 'A', value: 16 },
			{ month: m('2020-02'), key: 'b', label: 'B', value: 96 }
		]);
	});

	test('a key none of the chosen codes has is left out, as the filtered statement leaves it', () => {
		expect(chosenAreasComposition(rows, ['B'])).toEqual([
			{ month: m('2020-01'), key: 'a', label: 'A', value: 2 },
			{ month: m('2020-01'), key: 'b', label: 'B', value: 8 }
		]);
		expect(chosenAreasComposition(rows, ['Q'])).toEqual([]);
	});

	test('leaves its input rows as they were', () => {
		const before = structuredClone(rows);
		chosenAreasComposition(rows, ['A', 'B', 'C']);
		expect(rows).toEqual(before);
	});
});

describe('chosenAreasTotals', () => {
	test('a month the scope cannot answer stays null; one the chosen codes lack is 0', () => {
		const scope = [
			{ month: m('2020-01'), value: 100, sourceIds: ['x'] },
			{ month: m('2020-02'), value: null, sourceIds: [] },
			{ month: m('2020-03'), value: 7, sourceIds: ['x'] }
		];
		const areas = [
			{ month: m('2020-01'), code: 'A', name: 'A', value: 30, sourceId: 'x' },
			{ month: m('2020-01'), code: 'B', name: 'B', value: 70, sourceId: 'x' },
			{ month: m('2020-03'), code: 'B', name: 'B', value: 7, sourceId: 'x' }
		];
		expect(chosenAreasTotals(scope, areas, ['A']).map((p) => p.value)).toEqual([30, null, 0]);
	});
});
