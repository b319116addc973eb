/**
 * src/lib/charts/long-history.ts: the maths of the long-history bar chart — source segments,
 * the y scale from 0, one bar per fiscal year (partial years flagged), year ticks, source label
 * rows, the record high and low, and the year nearest to the pointer.
 */
import { scaleBand } from 'd3';
import { describe, expect, test } from 'vitest';
import {
	clampStart,
	extremes,
	longHistoryLayout,
	markLabels,
	nearestYearIndex,
	segmentLabels,
	sourceSegments,
	yearSpan,
	yearTickStep,
	yearTicks,
	type AnnualPoint,
	type Margins
} from '../../src/lib/charts/long-history';

const margin: Margins = { top: 40, right: 12, bottom: 24, left: 44 };

/** Consecutive fiscal years from `first`, one per value; sources per point or one for all. */
function history(
	first: number,
	values: (number | null)[],
	sources: string[] | string = 'a',
	partialYears: number[] = []
): AnnualPoint[] {
	return values.map((value, i) => ({
		year: first + i,
		value,
		sourceId: typeof sources === 'string' ? sources : sources[i],
		partial: partialYears.includes(first + i)
	}));
}

/** FY1925–FY2026 shaped like the real series: one annual file, then monthly sums, FY2026 partial. */
function realistic(): AnnualPoint[] {
	return history(
		1925,
		Array.from({ length: 102 }, (_, i) => 10_000 + Math.round(1_690_000 * Math.sin((i / 101) * 3))),
		Array.from({ length: 102 }, (_, i) => (i < 95 ? 'annual' : i < 100 ? 'aor' : 'derived')),
		[2026]
	);
}

describe('sourceSegments', () => {
	test('is empty for no points', () => {
		expect(sourceSegments([])).toEqual([]);
	});

	test.each<[string, AnnualPoint[], [string, number, number][]]>([
		['one source', history(1925, [1, 2, 3]), [['a', 1925, 1927]]],
		[
			'two sources in turn',
			history(2017, [1, 2, 3, 4, 5], ['annual', 'annual', 'annual', 'aor', 'aor']),
			[
				['annual', 2017, 2019],
				['aor', 2020, 2021]
			]
		],
		[
			'a source that reappears later, as a separate segment',
			history(2000, [1, 2, 3, 4], ['a', 'a', 'b', 'a']),
			[
				['a', 2000, 2001],
				['b', 2002, 2002],
				['a', 2003, 2003]
			]
		],
		[
			'single-year segments',
			history(2000, [1, 2, 3], ['a', 'b', 'c']),
			[
				['a', 2000, 2000],
				['b', 2001, 2001],
				['c', 2002, 2002]
			]
		],
		[
			'a year missing from the input, which does not split one source in two',
			[...history(1990, [1, 2]), ...history(1995, [3, 4])],
			[['a', 1990, 1996]]
		],
		[
			'a null year, which still belongs to its source',
			history(1990, [1, null, 3]),
			[['a', 1990, 1992]]
		],
		[
			'points out of order, grouped by year order',
			[...history(2020, [5, 6], 'aor'), ...history(2018, [1, 2], 'annual')],
			[
				['annual', 2018, 2019],
				['aor', 2020, 2021]
			]
		]
	])('groups %s', (_name, points, expected) => {
		expect(sourceSegments(points).map((s) => [s.sourceId, s.from, s.to])).toEqual(expected);
	});
});

describe('yearSpan', () => {
	test.each<[string, AnnualPoint[], number[]]>([
		['no points', [], []],
		['one year', history(2000, [5]), [2000]],
		['consecutive years', history(1925, [1, 2, 3]), [1925, 1926, 1927]],
		[
			'a gap, which keeps its slots',
			[...history(1990, [1]), ...history(1993, [2])],
			[1990, 1991, 1992, 1993]
		]
	])('covers every year for %s', (_name, points, expected) => {
		expect(yearSpan(points)).toEqual(expected);
	});
});

describe('the y scale', () => {
	test.each<[string, (number | null)[]]>([
		['a realistic peak', [22_199, 1_692_544, 859_501]],
		['a peak on a nice number', [0, 1_000_000]],
		['a peak just past a nice number', [1_000_001, 5]],
		['nulls beside values', [null, 310_531, null]]
	])('starts at 0 and covers the maximum: %s', (_name, values) => {
		const { y } = longHistoryLayout(history(2000, values), {
			width: 800,
			plotHeight: 300,
			margin
		});
		const [lo, hi] = y.domain();
		expect(lo).toBe(0);
		expect(hi).toBeGreaterThanOrEqual(Math.max(...values.map((v) => v ?? 0)));
		// Nice: the top is a round tick value, and the axis runs from the baseline up.
		expect(y.ticks()).toContain(hi);
		expect(y(0)).toBe(margin.top + 300);
		expect(y(hi)).toBe(margin.top);
	});

	test('an all-zero or all-null history sits on the axis, not mid-height', () => {
		for (const values of [
			[0, 0],
			[null, null]
		]) {
			const { y } = longHistoryLayout(history(2000, values), {
				width: 800,
				plotHeight: 300,
				margin
			});
			expect(y.domain()).toEqual([0, 1]);
		}
	});
});

describe('bars', () => {
	const layout = longHistoryLayout(
		[
			...history(2021, [100, 200, null], 'aor'),
			{ year: 2025, value: 50, sourceId: 'derived', partial: false },
			{ year: 2026, value: 30, sourceId: 'derived', partial: true }
		],
		{ width: 600, plotHeight: 200, margin }
	);

	test('one bar per year from first to last, a missing year included, in order', () => {
		expect(layout.bars.map((b) => b.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
	});

	test('only the years flagged partial are partial', () => {
		expect(layout.bars.filter((b) => b.partial).map((b) => b.year)).toEqual([2026]);
	});

	test('null and missing years have no height and no value; a missing year has no source', () => {
		const [, , fy2023, fy2024] = layout.bars;
		expect(fy2023).toMatchObject({ value: null, sourceId: 'aor', height: 0 });
		expect(fy2024).toMatchObject({ value: null, sourceId: null, height: 0, partial: false });
	});

	test('each bar stands on the baseline and its height follows the y scale', () => {
		for (const b of layout.bars) {
			expect(b.y + b.height).toBeCloseTo(layout.baseline);
			if (b.value !== null) expect(b.y).toBeCloseTo(layout.y(b.value));
		}
		const fy2021 = layout.bars[0];
		const fy2022 = layout.bars[1];
		expect(fy2022.height).toBeCloseTo(fy2021.height * 2);
	});

	test('bars share one width and stay inside the plot, left to right', () => {
		const widths = new Set(layout.bars.map((b) => b.width));
		expect(widths.size).toBe(1);
		expect(layout.bars[0].x).toBeGreaterThanOrEqual(margin.left);
		const last = layout.bars[layout.bars.length - 1];
		expect(last.x + last.width).toBeLessThanOrEqual(600 - margin.right);
		for (let i = 1; i < layout.bars.length; i++)
			expect(layout.bars[i].x).toBeGreaterThan(layout.bars[i - 1].x + layout.bars[i - 1].width);
	});

	test('bars stay at least a pixel wide for 102 years on a 375px phone', () => {
		const phone = longHistoryLayout(realistic(), { width: 375 - 40, plotHeight: 240, margin });
		expect(phone.bars).toHaveLength(102);
		expect(phone.bars[0].width).toBeGreaterThan(1);
	});
});

describe('extremes', () => {
	test.each<[string, AnnualPoint[], number | null, number | null]>([
		['no points', [], null, null],
		['all null', history(2000, [null, null]), null, null],
		['a simple history', history(2000, [5, 9, 1, 4]), 2001, 2002],
		['ties, held by the earliest year', history(2000, [3, 9, 9, 3]), 2001, 2000],
		['a null year, skipped', history(2000, [null, 7, 2]), 2001, 2002],
		[
			'a partial year, left out of both records even when lowest',
			history(2000, [5, 9, 1], 'a', [2002]),
			2001,
			2000
		],
		['a published zero, which is a record low', history(2000, [5, 0, 3]), 2000, 2001]
	])('%s', (_name, points, peakYear, lowYear) => {
		const { peak, low } = extremes(points);
		expect(peak?.year ?? null).toBe(peakYear);
		expect(low?.year ?? null).toBe(lowYear);
	});

	test('the layout reports them', () => {
		const layout = longHistoryLayout(realistic(), { width: 800, plotHeight: 300, margin });
		const complete = realistic().filter((p) => !p.partial);
		const top = Math.max(...complete.map((p) => p.value ?? 0));
		expect(layout.peak?.value).toBe(top);
		expect(layout.low?.partial).toBe(false);
	});
});

describe('year ticks', () => {
	test.each<[string, number, number, number]>([
		['a wide plot, a century', 1200, 101, 10],
		['a wide plot at the threshold', 560, 101, 10],
		['a phone, a century', 320, 101, 25],
		['a phone, 66 years (FY1960 on)', 320, 66, 20],
		['a wide plot, 20 years', 1200, 20, 5],
		['a phone, 12 years', 320, 12, 2],
		['a wide plot, 3 years', 1200, 3, 1],
		['a single year', 1200, 0, 1]
	])('step for %s', (_name, plotWidth, span, step) => {
		expect(yearTickStep(plotWidth, span)).toBe(step);
	});

	test.each<[number, number, number, number[]]>([
		[1925, 2026, 25, [1925, 1950, 1975, 2000, 2025]],
		[1925, 2026, 20, [1940, 1960, 1980, 2000, 2020]],
		[1960, 2019, 10, [1960, 1970, 1980, 1990, 2000, 2010]],
		[2001, 2009, 10, []]
	])('from %i to %i every %i years', (first, last, step, expected) => {
		expect(yearTicks(first, last, step)).toEqual(expected);
	});

	test.each<[number, number]>([
		[1280, 10],
		[375, 25]
	])('the layout at %ipx ticks every %i years on whole multiples', (width, step) => {
		const layout = longHistoryLayout(realistic(), { width, plotHeight: 300, margin });
		expect(layout.xTicks.length).toBeGreaterThanOrEqual(4);
		for (const t of layout.xTicks) {
			expect(t % step).toBe(0);
			expect(t).toBeGreaterThanOrEqual(1925);
			expect(t).toBeLessThanOrEqual(2026);
		}
		// A tick sits at its bar's centre.
		const bar = layout.bars.find((b) => b.year === layout.xTicks[0])!;
		expect(layout.centre(bar.year)).toBeCloseTo(bar.x + bar.width / 2);
	});

	test('y ticks start at 0 and fit the plot height', () => {
		const layout = longHistoryLayout(realistic(), { width: 800, plotHeight: 300, margin });
		expect(layout.yTicks[0]).toBe(0);
		expect(layout.yTicks.length).toBeLessThanOrEqual(12);
		expect(layout.yTicks[layout.yTicks.length - 1]).toBeLessThanOrEqual(layout.y.domain()[1]);
	});
});

describe('source labels under the axis', () => {
	const x = scaleBand<number>()
		.domain(Array.from({ length: 102 }, (_, i) => 1925 + i))
		.range([0, 1020]);
	const labelOf = (id: string) => ({ annual: 'Annual file', aor: 'AOR', derived: 'Derived' })[id]!;

	test('clampStart keeps a label inside its bounds', () => {
		expect(clampStart(50, 100, 0, 1000)).toBe(50);
		expect(clampStart(950, 100, 0, 1000)).toBe(900);
		expect(clampStart(-5, 100, 0, 1000)).toBe(0);
		expect(clampStart(10, 2000, 0, 1000)).toBe(0);
	});

	test('segments that leave room share one row', () => {
		const { labels, rows } = segmentLabels(
			sourceSegments(
				history(1925, [1, 2, 3, 4, 5, 6], ['annual', 'annual', 'annual', 'aor', 'aor', 'aor'])
			),
			scaleBand<number>().domain([1925, 1926, 1927, 1928, 1929, 1930]).range([0, 600]),
			labelOf,
			{ left: 0, right: 600 }
		);
		expect(rows).toBe(1);
		expect(labels.map((l) => [l.label, l.row, l.x0, l.x1, l.textX])).toEqual([
			['Annual file', 0, 0, 300, 0],
			['AOR', 0, 300, 600, 300]
		]);
	});

	test('short neighbouring segments stack into rows instead of overprinting', () => {
		const points = realistic();
		const { labels, rows } = segmentLabels(sourceSegments(points), x, labelOf, {
			left: 0,
			right: 1020
		});
		expect(labels.map((l) => l.sourceId)).toEqual(['annual', 'aor', 'derived']);
		expect(rows).toBe(2);
		expect(labels.map((l) => l.row)).toEqual([0, 0, 1]);
		// The last label is pulled left so that it ends inside the chart.
		const last = labels[2];
		expect(last.textX + last.label.length * 6.2).toBeLessThanOrEqual(1020);
		expect(last.x1).toBe(1020);
	});

	test('the layout grows by one row height per label row', () => {
		const one = longHistoryLayout(history(1925, [1, 2, 3]), {
			width: 800,
			plotHeight: 300,
			margin
		});
		// Three one-year segments on a phone: each label is wider than its slot.
		const three = longHistoryLayout(history(2020, [1, 2, 3], ['a', 'b', 'c']), {
			width: 375,
			plotHeight: 300,
			margin,
			sourceLabel: (id) => `A long source label for ${id}`
		});
		expect(one.segmentRows).toBe(1);
		expect(three.segmentRows).toBe(3);
		// Each row: the bracket (4 px), the 11 px label below it and a gap before the next bracket.
		expect(three.height - one.height).toBe(2 * 20);
	});
});

describe('nearestYearIndex', () => {
	// The chart's paddings: 100px per slot, bars 80px wide centred at 50, 150, 250, 350.
	const x = scaleBand<number>()
		.domain([2000, 2001, 2002, 2003])
		.range([0, 400])
		.paddingInner(0.2)
		.paddingOuter(0.1);

	test.each<[number, number]>([
		[-50, 0],
		[0, 0],
		[50, 0],
		[99, 0],
		[101, 1],
		[250, 2],
		[399, 3],
		[900, 3]
	])('at %ipx is slot %i', (px, index) => {
		expect(nearestYearIndex(x, px)).toBe(index);
	});

	test('is 0 for an empty chart', () => {
		expect(nearestYearIndex(scaleBand<number>().domain([]).range([0, 100]), 50)).toBe(0);
	});
});

describe('markLabels', () => {
	const layout = longHistoryLayout(history(2000, [100, 400, 200, null, 300, 50, 80]), {
		width: 800,
		plotHeight: 200,
		margin
	});
	const byYear = (marks: number[], minGap?: number) =>
		markLabels(layout.bars, marks, layout.centre, minGap);

	test('skips years outside the chart or without a value, and keeps year order', () => {
		expect(byYear([2006, 1990, 2003, 2000]).map((m) => m.year)).toEqual([2000, 2006]);
	});

	test('puts each dot on its bar top, at the bar centre', () => {
		for (const m of byYear([2001, 2004])) {
			const bar = layout.bars.find((b) => b.year === m.year)!;
			expect(m.cy).toBe(bar.y);
			expect(m.cx).toBeCloseTo(bar.x + bar.width / 2);
			expect(m.value).toBe(bar.value);
		}
	});

	test('a lone mark labels just above its own bar', () => {
		const [m] = byYear([2002]);
		expect(m.labelY).toBeCloseTo(m.cy - 9);
	});

	test('close marks stack their labels above the tallest bar of the cluster', () => {
		// 2004 (300) and 2005 (50) are one slot (about 107px) apart: inside a 200px gap.
		const [a, b] = byYear([2004, 2005], 200);
		expect(a.labelY).toBeCloseTo(a.cy - 9);
		expect(b.labelY).toBeCloseTo(a.cy - 9 - 14);
		// Both labels sit above both dots.
		expect(b.labelY).toBeLessThan(a.cy - 4);
	});

	test('marks far apart keep their own labels', () => {
		const [a, b] = byYear([2000, 2006], 10);
		expect(a.labelY).toBeCloseTo(a.cy - 9);
		expect(b.labelY).toBeCloseTo(b.cy - 9);
	});
});
