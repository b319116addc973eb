/**
 * src/lib/charts/monthly-line.ts: the maths of the monthly line chart — source stretches, scales,
 * the line path (broken at null months), year ticks and the nearest point to the pointer.
 */
import { describe, expect, test } from 'vitest';
import {
	monthlyLineLayout,
	nearestIndex,
	sourceStretches,
	type Margins,
	type MonthlyPoint
} from '../../src/lib/charts/monthly-line';

const utc = (year: number, monthIndex0: number) => new Date(Date.UTC(year, monthIndex0, 1));
const iso = (d: Date) => d.toISOString();
const margin: Margins = { top: 10, right: 20, bottom: 30, left: 40 };

/** Consecutive months from `start`, one per value, with source ids given per point. */
function series(
	start: Date,
	values: (number | null)[],
	sources: string[] | string = 'a'
): MonthlyPoint[] {
	return values.map((value, i) => ({
		month: utc(start.getUTCFullYear(), start.getUTCMonth() + i),
		value,
		sourceId: typeof sources === 'string' ? sources : sources[i]
	}));
}

const moveCount = (path: string) => (path.match(/M/g) ?? []).length;

describe('sourceStretches', () => {
	test('is empty for no points', () => {
		expect(sourceStretches([])).toEqual([]);
	});

	test.each<[string, string[], [string, string, string][]]>([
		['one source', ['a', 'a', 'a'], [['a', '2024-01', '2024-03']]],
		[
			'two sources in turn',
			['a', 'a', 'b', 'b', 'b'],
			[
				['a', '2024-01', '2024-02'],
				['b', '2024-03', '2024-05']
			]
		],
		[
			'a source that reappears later, as a separate stretch',
			['a', 'a', 'b', 'a'],
			[
				['a', '2024-01', '2024-02'],
				['b', '2024-03', '2024-03'],
				['a', '2024-04', '2024-04']
			]
		],
		[
			'single-month stretches',
			['a', 'b', 'c'],
			[
				['a', '2024-01', '2024-01'],
				['b', '2024-02', '2024-02'],
				['c', '2024-03', '2024-03']
			]
		]
	])('groups %s', (_name, sources, expected) => {
		const points = series(
			utc(2024, 0),
			sources.map(() => 1),
			sources
		);
		const stretches = sourceStretches(points).map((s) => [
			s.sourceId,
			iso(s.from).slice(0, 7),
			iso(s.to).slice(0, 7)
		]);
		expect(stretches).toEqual(expected);
	});

	test('keeps months with a null value in their source stretch', () => {
		const points = series(utc(2024, 0), [1, null, 3], 'a');
		expect(sourceStretches(points)).toHaveLength(1);
	});

	test('does not change the points it is given', () => {
		const points = series(utc(2024, 0), [1, 2, 3], ['a', 'a', 'b']);
		const before = points.map((p) => iso(p.month));
		sourceStretches(points);
		expect(points.map((p) => iso(p.month))).toEqual(before);
	});
});

describe('monthlyLineLayout', () => {
	const width = 640;
	const height = 320;
	// Oct 2019 … Jun 2025: 69 months.
	const values = Array.from({ length: 69 }, (_, i) => 1000 + i * 37);
	const points = series(utc(2019, 9), values);

	test('spans the x domain from the first to the last month', () => {
		const { x } = monthlyLineLayout(points, width, height, margin);
		expect(x.domain().map(iso)).toEqual(['2019-10-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z']);
	});

	test('maps the first and last months to the plot edges', () => {
		const { x } = monthlyLineLayout(points, width, height, margin);
		expect(x(points[0].month)).toBe(margin.left);
		expect(x(points[points.length - 1].month)).toBe(width - margin.right);
	});

	test('starts the y domain at 0 and covers the largest value', () => {
		const { y } = monthlyLineLayout(points, width, height, margin);
		const [lo, hi] = y.domain();
		expect(lo).toBe(0);
		expect(hi).toBeGreaterThanOrEqual(Math.max(...values));
	});

	test('draws 0 at the bottom of the plot and the domain top at the top', () => {
		const { y } = monthlyLineLayout(points, width, height, margin);
		expect(y(0)).toBe(height - margin.bottom);
		expect(y(y.domain()[1])).toBe(margin.top);
	});

	test('starts the y domain at 0 even when every value is far above it', () => {
		const high = series(utc(2020, 0), [90_000, 95_000, 100_000]);
		const { y } = monthlyLineLayout(high, width, height, margin);
		expect(y.domain()[0]).toBe(0);
		expect(y.domain()[1]).toBeGreaterThanOrEqual(100_000);
	});

	test('ignores null months when finding the largest value', () => {
		const gappy = series(utc(2020, 0), [10, null, 20]);
		const { y } = monthlyLineLayout(gappy, width, height, margin);
		expect(y.domain()).toEqual([0, 20]);
	});

	test('draws one unbroken line when no month is null', () => {
		const { path } = monthlyLineLayout(points, width, height, margin);
		expect(moveCount(path)).toBe(1);
	});

	test('breaks the line where a month is null', () => {
		const gappy = series(utc(2020, 0), [10, 20, null, 30, 40]);
		const { path } = monthlyLineLayout(gappy, width, height, margin);
		expect(moveCount(path)).toBe(2);
		expect(path.startsWith('M')).toBe(true);
	});

	test('breaks the line once per run of null months', () => {
		const gappy = series(utc(2020, 0), [10, 20, null, null, 30, 40, null, 50, 60]);
		const { path } = monthlyLineLayout(gappy, width, height, margin);
		expect(moveCount(path)).toBe(3);
	});

	test('starts the path at the first month, on its value', () => {
		const { path, x, y } = monthlyLineLayout(points, width, height, margin);
		const [, px, py] = /^M([-\d.e]+),([-\d.e]+)/.exec(path)!;
		expect(Number(px)).toBeCloseTo(x(points[0].month), 6);
		expect(Number(py)).toBeCloseTo(y(values[0]), 6);
	});

	test('gives an empty path for no points', () => {
		expect(monthlyLineLayout([], width, height, margin).path).toBe('');
	});

	test('puts every x tick on 1 January UTC, inside the domain', () => {
		const { x, xTicks } = monthlyLineLayout(points, width, height, margin);
		const [from, to] = x.domain();
		expect(xTicks.length).toBeGreaterThan(0);
		for (const t of xTicks) {
			expect(iso(t)).toMatch(/^\d{4}-01-01T00:00:00\.000Z$/);
			expect(+t).toBeGreaterThanOrEqual(+from);
			expect(+t).toBeLessThanOrEqual(+to);
		}
		expect(xTicks.map((t) => t.getUTCFullYear())).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
	});

	test.each([200, 320, 640, 1200])(
		'keeps x ticks on whole years, no closer than about 70px, at width %j',
		(w) => {
			const long = series(
				utc(2000, 9),
				Array.from({ length: 300 }, () => 1)
			);
			const { xTicks } = monthlyLineLayout(long, w, height, margin);
			expect(xTicks.length).toBeGreaterThan(0);
			for (const t of xTicks) expect(iso(t)).toMatch(/-01-01T00:00:00\.000Z$/);
			expect(xTicks.length).toBeLessThanOrEqual(
				Math.floor((w - margin.left - margin.right) / 70) + 1
			);
		}
	);

	test('gives y ticks starting at 0 within the domain', () => {
		const { y, yTicks } = monthlyLineLayout(points, width, height, margin);
		expect(yTicks[0]).toBe(0);
		expect(yTicks[yTicks.length - 1]).toBeLessThanOrEqual(y.domain()[1]);
		expect(yTicks.length).toBeGreaterThanOrEqual(2);
	});
});

describe('nearestIndex', () => {
	const points = series(utc(2024, 0), [1, 2, 3, 4, 5]);
	const { x } = monthlyLineLayout(points, 440, 200, { top: 0, right: 20, bottom: 0, left: 20 });

	test.each(points.map((p, i) => [i, iso(p.month).slice(0, 7)] as const))(
		'picks point %j (%s) at its own x position',
		(i) => {
			expect(nearestIndex(points, x, x(points[i].month))).toBe(i);
		}
	);

	test('picks the nearer of two neighbouring months', () => {
		const a = x(points[1].month);
		const b = x(points[2].month);
		expect(nearestIndex(points, x, a + (b - a) * 0.4)).toBe(1);
		expect(nearestIndex(points, x, a + (b - a) * 0.6)).toBe(2);
	});

	test.each([
		['left of the plot', -1000, 0],
		['right of the plot', 10_000, 4]
	])('clamps to the end point when the pointer is %s', (_name, px, expected) => {
		expect(nearestIndex(points, x, px)).toBe(expected);
	});

	test('uses the given scale, not the point order', () => {
		const reversed = (d: Date) => 1000 - x(d);
		expect(nearestIndex(points, reversed, 1000 - x(points[0].month))).toBe(0);
		expect(nearestIndex(points, reversed, -1000)).toBe(4);
	});
});

describe('an all-zero series', () => {
	test('sits on the x axis, not at mid-height', () => {
		const points = series(utc(2020, 0), [0, 0, 0]);
		const layout = monthlyLineLayout(points, 400, 300, margin);
		expect(layout.y(0)).toBe(300 - margin.bottom);
		expect(layout.y.domain()[1]).toBeGreaterThan(0);
	});
});
