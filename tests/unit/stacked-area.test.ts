/**
 * src/lib/charts/stacked-area.ts: the maths of the composition chart — stacking (counts and
 * 100%), missing key-months as 0, unpublished months as gaps, the top-N fold, scales, ticks,
 * colours and the month under the pointer.
 */
import { describe, expect, test } from 'vitest';
import {
	OTHER_KEY,
	OTHER_LABEL,
	keyColors,
	monthIndexAt,
	stackMonths,
	stackedAreaLayout,
	topN,
	type CompositionRow,
	type Margins,
	type StackKey
} from '../../src/lib/charts/stacked-area';

const utc = (year: number, monthIndex0: number) => new Date(Date.UTC(year, monthIndex0, 1));
const iso = (d: Date) => d.toISOString().slice(0, 7);
const margin: Margins = { top: 10, right: 20, bottom: 30, left: 40 };
const moveCount = (path: string) => (path.match(/M/g) ?? []).length;

/** Rows from a table of months (from `start`) × keys; null leaves the row out. */
function table(start: Date, values: Record<string, (number | null)[]>): CompositionRow[] {
	const rows: CompositionRow[] = [];
	for (const [key, series] of Object.entries(values))
		series.forEach((value, i) => {
			if (value !== null)
				rows.push({ month: utc(start.getUTCFullYear(), start.getUTCMonth() + i), key, value });
		});
	return rows;
}

const keys: StackKey[] = [
	{ key: 'adults', label: 'Single adults' },
	{ key: 'fmua', label: 'Family units' },
	{ key: 'uc', label: 'Unaccompanied children' }
];
const rows = table(utc(2023, 9), {
	adults: [100, 120, 90, 80],
	fmua: [40, 30, 60, 20],
	uc: [10, 0, 5, 25]
});
const totals = [150, 150, 155, 125];

describe('stackMonths, stacked', () => {
	const months = stackMonths(rows, keys, 'stacked');

	test('gives one month per month from the first row to the last', () => {
		expect(months.map((m) => iso(m.month))).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
	});

	test('puts the top of each month’s stack at the month total', () => {
		months.forEach((m, i) => {
			expect(m.total).toBe(totals[i]);
			expect(m.slices[m.slices.length - 1].y1).toBe(totals[i]);
		});
	});

	test('starts the stack at 0 and stacks the keys in the order given', () => {
		const [oct] = months;
		expect(oct.slices.map((s) => [s.key, s.y0, s.y1])).toEqual([
			['adults', 0, 100],
			['fmua', 100, 140],
			['uc', 140, 150]
		]);
	});

	test('gives each slice its value and its share of the month', () => {
		const [oct] = months;
		expect(oct.slices.map((s) => s.value)).toEqual([100, 40, 10]);
		expect(oct.slices.map((s) => s.share)).toEqual([100 / 150, 40 / 150, 10 / 150]);
	});

	test('does not depend on the order of the rows', () => {
		const shuffled = [...rows].reverse();
		expect(stackMonths(shuffled, keys, 'stacked')).toEqual(months);
	});

	test('sums repeated rows for the same month and key', () => {
		const split = [...rows, { month: utc(2023, 9), key: 'uc', value: 7 }];
		expect(stackMonths(split, keys, 'stacked')[0].slices[2].value).toBe(17);
	});

	test('ignores rows whose key is not in the keys', () => {
		const extra = [...rows, { month: utc(2023, 9), key: 'unknown', value: 1000 }];
		expect(stackMonths(extra, keys, 'stacked')[0].total).toBe(150);
	});
});

describe('stackMonths, percent', () => {
	const months = stackMonths(rows, keys, 'percent');

	test('puts the top of every month’s stack at 1', () => {
		for (const m of months) expect(m.slices[m.slices.length - 1].y1).toBeCloseTo(1, 12);
	});

	test('makes each band as tall as the key’s share', () => {
		for (const m of months)
			for (const s of m.slices) expect(s.y1 - s.y0).toBeCloseTo(s.value / m.total, 12);
	});

	test('keeps counts and totals, not shares, in value and total', () => {
		expect(months.map((m) => m.total)).toEqual(totals);
		expect(months[0].slices[0].value).toBe(100);
	});

	test('leaves a month whose keys are all 0 flat at 0, with no share', () => {
		const zero = table(utc(2024, 0), { adults: [0], fmua: [0] });
		const [m] = stackMonths(zero, keys, 'percent');
		expect(m.defined).toBe(true);
		expect(m.slices.map((s) => [s.y0, s.y1, s.share])).toEqual([
			[0, 0, null],
			[0, 0, null],
			[0, 0, null]
		]);
	});
});

describe('a key missing in a month', () => {
	// fmua has no row in November: CBP leaves zero rows out.
	const gappy = table(utc(2023, 9), {
		adults: [100, 120, 90],
		fmua: [40, null, 60],
		uc: [10, 5, 5]
	});

	test.each(['stacked', 'percent'] as const)('counts as 0 in the %s stack', (mode) => {
		const nov = stackMonths(gappy, keys, mode)[1];
		const fmua = nov.slices[1];
		expect(nov.defined).toBe(true);
		expect(fmua.value).toBe(0);
		expect(fmua.y1 - fmua.y0).toBe(0);
	});

	test('leaves the month total as the sum of the keys present', () => {
		const nov = stackMonths(gappy, keys, 'stacked')[1];
		expect(nov.total).toBe(125);
		expect(nov.slices[2].y1).toBe(125);
	});

	test('does not break any area', () => {
		const { areas } = stackedAreaLayout(gappy, keys, 'stacked', 400, 300, margin);
		for (const a of areas) expect(moveCount(a.path)).toBe(1);
	});

	test('a key with no rows at all is a flat band of 0', () => {
		const months = stackMonths(table(utc(2023, 9), { adults: [1, 2] }), keys, 'stacked');
		for (const m of months) expect(m.slices[2].y0).toBe(m.slices[2].y1);
	});
});

describe('a month absent from every key', () => {
	// December 2023 has no row at all: no source published it.
	const gap = table(utc(2023, 9), {
		adults: [100, 120, null, 80, 70],
		fmua: [40, 30, null, 20, 10]
	});

	test('is a month in the grid that is not defined', () => {
		const months = stackMonths(gap, keys, 'stacked');
		expect(months.map((m) => [iso(m.month), m.defined])).toEqual([
			['2023-10', true],
			['2023-11', true],
			['2023-12', false],
			['2024-01', true],
			['2024-02', true]
		]);
	});

	test.each(['stacked', 'percent'] as const)('breaks every %s area there', (mode) => {
		const { areas } = stackedAreaLayout(gap, keys.slice(0, 2), mode, 400, 300, margin);
		for (const a of areas) expect(moveCount(a.path)).toBe(2);
	});

	test('breaks once per run of absent months', () => {
		const twoGaps = table(utc(2020, 0), { adults: [1, 2, null, null, 3, 4, null, 5, 6] });
		const { areas } = stackedAreaLayout(twoGaps, keys.slice(0, 1), 'stacked', 400, 300, margin);
		expect(moveCount(areas[0].path)).toBe(3);
	});
});

describe('topN', () => {
	const many = table(utc(2024, 0), {
		mexico: [50, 40, 30],
		guatemala: [20, 25, 30],
		honduras: [10, 15, 20],
		cuba: [5, null, 8],
		haiti: [1, 2, null]
	});
	const monthTotals = (rs: CompositionRow[]) => {
		const t = new Map<string, number>();
		for (const r of rs) t.set(iso(r.month), (t.get(iso(r.month)) ?? 0) + r.value);
		return Object.fromEntries(t);
	};

	test('keeps the n largest keys by total, largest first, and folds the rest into other', () => {
		const { keys: out } = topN(many, 2);
		expect(out).toEqual([
			{ key: 'mexico', label: 'mexico' },
			{ key: 'guatemala', label: 'guatemala' },
			{ key: OTHER_KEY, label: OTHER_LABEL }
		]);
		expect(OTHER_LABEL).toBe('All other');
	});

	test('sums the folded keys month by month into other', () => {
		const { rows: out } = topN(many, 2);
		const other = out.filter((r) => r.key === OTHER_KEY).map((r) => [iso(r.month), r.value]);
		expect(other).toEqual([
			['2024-01', 16],
			['2024-02', 17],
			['2024-03', 28]
		]);
	});

	test('preserves every month’s total and the grand total', () => {
		const { rows: out } = topN(many, 2);
		expect(monthTotals(out)).toEqual(monthTotals(many));
	});

	test('passes the kept keys’ rows through unchanged', () => {
		const { rows: out } = topN(many, 2);
		expect(out.filter((r) => r.key === 'mexico')).toEqual(many.filter((r) => r.key === 'mexico'));
	});

	test('names the kept keys with the label function', () => {
		const { keys: out } = topN(many, 1, (k) => k.toUpperCase());
		expect(out.map((k) => k.label)).toEqual(['MEXICO', OTHER_LABEL]);
	});

	test.each([5, 10])('adds no other key when n (%j) covers every key', (n) => {
		const { rows: out, keys: ks } = topN(many, n);
		expect(ks.map((k) => k.key)).toEqual(['mexico', 'guatemala', 'honduras', 'cuba', 'haiti']);
		expect(out).toHaveLength(many.length);
	});

	test('folds everything into other when n is 0', () => {
		const { rows: out, keys: ks } = topN(many, 0);
		expect(ks).toEqual([{ key: OTHER_KEY, label: OTHER_LABEL }]);
		expect(monthTotals(out)).toEqual(monthTotals(many));
	});

	test('always folds a key already called other, and does not count it among the n', () => {
		const withOther = [...many, { month: utc(2024, 0), key: OTHER_KEY, value: 1000 }];
		const { rows: out, keys: ks } = topN(withOther, 2);
		expect(ks.map((k) => k.key)).toEqual(['mexico', 'guatemala', OTHER_KEY]);
		expect(out.find((r) => r.key === OTHER_KEY && iso(r.month) === '2024-01')?.value).toBe(1016);
		expect(monthTotals(out)).toEqual(monthTotals(withOther));
	});

	test('breaks ties in total by key, whatever the row order', () => {
		const tied = table(utc(2024, 0), { b: [5], a: [5], c: [1] });
		expect(topN(tied, 1).keys[0].key).toBe('a');
		expect(topN([...tied].reverse(), 1).keys[0].key).toBe('a');
	});

	test('feeds the stack: folded stack tops still equal the month totals', () => {
		const folded = topN(many, 2);
		const months = stackMonths(folded.rows, folded.keys, 'stacked');
		expect(months.map((m) => m.slices[m.slices.length - 1].y1)).toEqual([86, 82, 88]);
	});
});

describe('stackedAreaLayout', () => {
	const width = 640;
	const height = 320;

	test('spans x from the first month to the last, across the plot', () => {
		const { x } = stackedAreaLayout(rows, keys, 'stacked', width, height, margin);
		expect(x.domain().map(iso)).toEqual(['2023-10', '2024-01']);
		expect(x.range()).toEqual([margin.left, width - margin.right]);
	});

	test('runs y from 0 to at least the largest total when stacked', () => {
		const { y, yTicks } = stackedAreaLayout(rows, keys, 'stacked', width, height, margin);
		expect(y.domain()[0]).toBe(0);
		expect(y.domain()[1]).toBeGreaterThanOrEqual(155);
		expect(y(0)).toBe(height - margin.bottom);
		expect(yTicks[0]).toBe(0);
	});

	test('runs y from 0 to 1 for percent, with percent tick labels', () => {
		const { y, yTicks, yTickFormat } = stackedAreaLayout(
			rows,
			keys,
			'percent',
			width,
			height,
			margin
		);
		expect(y.domain()).toEqual([0, 1]);
		expect(yTicks[yTicks.length - 1]).toBe(1);
		expect(yTickFormat(0.5)).toBe('50%');
	});

	test('draws one area per key, in the keys’ order and colours', () => {
		const { areas } = stackedAreaLayout(rows, keys, 'stacked', width, height, margin);
		const colors = keyColors(keys);
		expect(areas.map((a) => [a.key, a.label, a.color])).toEqual(
			keys.map((k) => [k.key, k.label, colors.get(k.key)])
		);
		for (const a of areas) expect(a.path.startsWith('M')).toBe(true);
	});

	test('puts the top area’s upper edge at the first month’s total', () => {
		const { areas, x, y } = stackedAreaLayout(rows, keys, 'stacked', width, height, margin);
		const [, px, py] = /^M([-\d.e]+),([-\d.e]+)/.exec(areas[2].path)!;
		expect(Number(px)).toBeCloseTo(x(utc(2023, 9)), 6);
		expect(Number(py)).toBeCloseTo(y(150), 6);
	});

	test('gives empty paths and no months for no rows', () => {
		const layout = stackedAreaLayout([], keys, 'stacked', width, height, margin);
		expect(layout.months).toEqual([]);
		expect(layout.areas.map((a) => a.path)).toEqual(['', '', '']);
	});

	test('puts x ticks on 1 January across a long span', () => {
		const long = table(utc(2000, 9), { adults: Array.from({ length: 300 }, () => 1) });
		const { xTicks, xTickFormat } = stackedAreaLayout(long, keys, 'stacked', width, height, margin);
		expect(xTicks.length).toBeGreaterThan(1);
		expect(xTicks.length).toBeLessThanOrEqual(Math.floor((width - 60) / 70) + 1);
		for (const t of xTicks) expect(t.toISOString()).toMatch(/-01-01T00:00:00\.000Z$/);
		expect(xTickFormat(utc(2010, 0))).toBe('2010');
	});

	test('puts x ticks on months, labelled with the month, across a short span', () => {
		const { xTicks, xTickFormat } = stackedAreaLayout(rows, keys, 'stacked', width, height, margin);
		expect(xTicks.map(iso)).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
		expect(xTickFormat(utc(2023, 9))).toBe('Oct 2023');
	});
});

describe('keyColors', () => {
	test('gives distinct colours to up to nine keys and grey to other', () => {
		const nine = Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, label: `k${i}` }));
		const colors = keyColors([...nine, { key: OTHER_KEY, label: OTHER_LABEL }]);
		expect(new Set(nine.map((k) => colors.get(k.key))).size).toBe(9);
		expect(nine.map((k) => colors.get(k.key))).not.toContain(colors.get(OTHER_KEY));
	});
});

describe('monthIndexAt', () => {
	const { months, x } = stackedAreaLayout(rows, keys, 'stacked', 440, 200, margin);

	test.each(months.map((m, i) => [i, iso(m.month)] as const))(
		'picks month %j (%s) at its own x position',
		(i) => {
			expect(monthIndexAt(months, x, x(months[i].month))).toBe(i);
		}
	);

	test.each([
		['left of the plot', -1000, 0],
		['right of the plot', 10_000, 3]
	])('clamps to the end month when the pointer is %s', (_name, px, expected) => {
		expect(monthIndexAt(months, x, px)).toBe(expected);
	});
});
