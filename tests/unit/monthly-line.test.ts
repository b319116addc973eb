/**
 * src/lib/charts/monthly-line.ts: the maths of the monthly line chart — source stretches, scales,
 * the line path (broken at null months), year ticks, the nearest point to the pointer, the
 * month-range brush (snapping, normalising) and event annotation placement.
 */
import { describe, expect, test } from 'vitest';
import {
	DRAG_THRESHOLD_PX,
	brushGesture,
	eventMarks,
	monthAtPixel,
	monthCount,
	monthlyLineLayout,
	nearestIndex,
	normaliseRange,
	rangeExtent,
	sourceHost,
	sourceStretches,
	type ChartEvent,
	type EventMarkOptions,
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

const day = (year: number, monthIndex0: number, date: number) =>
	new Date(Date.UTC(year, monthIndex0, date));
const ym = (d: Date) => iso(d).slice(0, 7);

describe('monthAtPixel', () => {
	// Jan 2020 … Dec 2021 over 20…480 px.
	const points = series(
		utc(2020, 0),
		Array.from({ length: 24 }, () => 1)
	);
	const { x } = monthlyLineLayout(points, 500, 200, { top: 0, right: 20, bottom: 0, left: 20 });

	test.each(points.map((p) => [ym(p.month)] as const))(
		'gives %s, on the first of the month at midnight UTC, at its own x position',
		(key) => {
			const month = points.find((p) => ym(p.month) === key)!.month;
			expect(iso(monthAtPixel(x, x(month)))).toBe(iso(month));
		}
	);

	test('snaps to the nearer month start between two months', () => {
		const a = x(utc(2020, 5));
		const b = x(utc(2020, 6));
		expect(ym(monthAtPixel(x, a + (b - a) * 0.4))).toBe('2020-06');
		expect(ym(monthAtPixel(x, a + (b - a) * 0.6))).toBe('2020-07');
	});

	test.each([
		['left of the plot', -500, '2020-01'],
		['right of the plot', 5000, '2021-12']
	])('clamps to the domain when the pointer is %s', (_name, px, expected) => {
		expect(ym(monthAtPixel(x, px))).toBe(expected);
	});

	test('agrees with nearestIndex at every pixel', () => {
		for (let px = 0; px <= 500; px += 3)
			expect(ym(monthAtPixel(x, px))).toBe(ym(points[nearestIndex(points, x, px)].month));
	});
});

describe('normaliseRange', () => {
	test.each<[string, Date, Date, string, string]>([
		['in order', utc(2020, 2), utc(2021, 4), '2020-03', '2021-05'],
		['reversed (a right-to-left drag)', utc(2021, 4), utc(2020, 2), '2020-03', '2021-05'],
		['one month', utc(2022, 6), utc(2022, 6), '2022-07', '2022-07'],
		['mid-month dates, as their months', day(2023, 4, 11), day(2020, 2, 21), '2020-03', '2023-05'],
		['the last day of a month', day(2024, 0, 31), day(2024, 1, 1), '2024-01', '2024-02']
	])('orders %s so that from ≤ to', (_name, a, b, from, to) => {
		const range = normaliseRange(a, b);
		expect([iso(range.from), iso(range.to)]).toEqual([
			`${from}-01T00:00:00.000Z`,
			`${to}-01T00:00:00.000Z`
		]);
	});

	test('does not change the dates it is given', () => {
		const a = day(2021, 4, 20);
		normaliseRange(a, utc(2020, 0));
		expect(iso(a)).toBe('2021-05-20T00:00:00.000Z');
	});
});

describe('brushGesture', () => {
	const points = series(
		utc(2020, 0),
		Array.from({ length: 24 }, () => 1)
	);
	const { x } = monthlyLineLayout(points, 500, 200, { top: 0, right: 20, bottom: 0, left: 20 });
	const at = (y: number, m: number) => x(utc(y, m));

	test.each([0, 1, DRAG_THRESHOLD_PX - 0.5])('is a click (null) for a %j px movement', (dx) => {
		expect(brushGesture(x, 200, 200 + dx)).toBeNull();
		expect(brushGesture(x, 200, 200 - dx)).toBeNull();
	});

	test('snaps both ends of a drag to whole months', () => {
		const range = brushGesture(x, at(2020, 2) + 3, at(2020, 8) - 4)!;
		expect([ym(range.from), ym(range.to)]).toEqual(['2020-03', '2020-09']);
	});

	test('gives the same range for a drag in either direction', () => {
		const right = brushGesture(x, at(2020, 2), at(2021, 1))!;
		const left = brushGesture(x, at(2021, 1), at(2020, 2))!;
		expect([ym(left.from), ym(left.to)]).toEqual([ym(right.from), ym(right.to)]);
		expect([ym(right.from), ym(right.to)]).toEqual(['2020-03', '2021-02']);
	});

	test('stops at the first and last months when dragged past the plot', () => {
		const range = brushGesture(x, -100, 900)!;
		expect([ym(range.from), ym(range.to)]).toEqual(['2020-01', '2021-12']);
	});

	test('selects one month for a short drag within it', () => {
		const range = brushGesture(x, at(2020, 5) - 3, at(2020, 5) + 3)!;
		expect([ym(range.from), ym(range.to)]).toEqual(['2020-06', '2020-06']);
	});
});

describe('monthCount', () => {
	test.each<[Date, Date, number]>([
		[utc(2020, 2), utc(2020, 2), 1],
		[utc(2020, 2), utc(2020, 3), 2],
		[utc(2020, 2), utc(2023, 4), 39],
		[utc(2019, 9), utc(2020, 8), 12]
	])('counts %s to %s as %j months, both ends included', (from, to, n) => {
		expect(monthCount({ from, to })).toBe(n);
	});
});

describe('rangeExtent', () => {
	const points = series(
		utc(2020, 0),
		Array.from({ length: 24 }, () => 1)
	);
	const { x } = monthlyLineLayout(points, 500, 200, { top: 0, right: 20, bottom: 0, left: 20 });

	test('reaches half a month beyond each end', () => {
		const [x0, x1] = rangeExtent(x, { from: utc(2020, 5), to: utc(2020, 7) });
		expect(x0).toBeCloseTo((x(utc(2020, 4)) + x(utc(2020, 5))) / 2, 6);
		expect(x1).toBeCloseTo((x(utc(2020, 7)) + x(utc(2020, 8))) / 2, 6);
	});

	test('gives a single month a width', () => {
		const [x0, x1] = rangeExtent(x, { from: utc(2021, 0), to: utc(2021, 0) });
		expect(x1 - x0).toBeGreaterThan(10);
	});

	test('makes adjacent ranges meet without overlapping', () => {
		const [, end] = rangeExtent(x, { from: utc(2020, 0), to: utc(2020, 5) });
		const [start] = rangeExtent(x, { from: utc(2020, 6), to: utc(2020, 11) });
		expect(start).toBeCloseTo(end, 6);
	});

	test('stays inside the plot at the ends of the domain and beyond', () => {
		expect(rangeExtent(x, { from: utc(2020, 0), to: utc(2021, 11) })).toEqual([20, 480]);
		expect(rangeExtent(x, { from: utc(2015, 0), to: utc(2030, 0) })).toEqual([20, 480]);
	});
});

describe('eventMarks', () => {
	// Oct 1999 … Jun 2025, as on the page.
	const points = series(
		utc(1999, 9),
		Array.from({ length: 309 }, () => 1)
	);
	const event = (date: Date, label: string, kind: ChartEvent['kind'] = 'policy'): ChartEvent => ({
		date,
		label,
		kind,
		source: 'https://example.gov/'
	});
	const events = [
		event(day(2025, 0, 20), 'Entry suspended (Proc. 10888)'),
		event(day(2020, 2, 21), 'Title 42 expulsions begin', 'definition'),
		event(day(2019, 0, 28), 'MPP (Remain in Mexico) begins'),
		event(day(2023, 4, 11), 'Title 42 ends', 'definition'),
		event(day(2024, 5, 5), 'Securing the Border proclamation')
	];
	const options = (width: number, maxLabelRows = 4): EventMarkOptions => ({
		bounds: [4, width - 4],
		charWidth: 6.2,
		markerRadius: 7,
		gap: 3,
		maxLabelRows
	});
	const setup = (width: number, maxLabelRows = 4, list = events) => {
		const { x } = monthlyLineLayout(points, width, 300, {
			top: 16,
			right: 16,
			bottom: 60,
			left: 56
		});
		return { x, ...eventMarks(list, x, options(width, maxLabelRows)) };
	};

	/** Each mark's occupied span in its row: marker plus label when one is shown. */
	function spans(marks: ReturnType<typeof setup>['marks'], o: EventMarkOptions) {
		return marks.map((m) => {
			const r = o.markerRadius;
			if (!m.label) return { row: m.row, span: [m.x - r, m.x + r] as const };
			const w = m.event.label.length * o.charWidth;
			return {
				row: m.row,
				span:
					m.label.anchor === 'start'
						? ([m.x - r, m.label.x + w] as const)
						: ([m.label.x - w, m.x + r] as const)
			};
		});
	}

	test('numbers events from 1 in date order, whatever their order in the input', () => {
		const { marks } = setup(1000);
		expect(marks.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
		expect(marks.map((m) => ym(m.event.date))).toEqual([
			'2019-01',
			'2020-03',
			'2023-05',
			'2024-06',
			'2025-01'
		]);
	});

	test('puts each rule at the x of its date', () => {
		const { marks, x } = setup(1000);
		for (const m of marks) expect(m.x).toBe(x(m.event.date));
	});

	test('leaves out events before the first or after the last month', () => {
		const { marks } = setup(1000, 4, [
			event(day(1995, 0, 1), 'too early'),
			...events,
			event(day(2025, 5, 2), 'after the last month')
		]);
		expect(marks.map((m) => m.event.label)).not.toContain('too early');
		expect(marks.map((m) => m.event.label)).not.toContain('after the last month');
		expect(marks).toHaveLength(5);
	});

	test('gives no marks and no rows for no events', () => {
		expect(setup(1000, 3, [])).toMatchObject({ marks: [], rows: 0 });
	});

	test.each([320, 375, 640, 1000, 1400])(
		'never overlaps two marks or labels in the same row, at width %j',
		(width) => {
			const o = options(width, width < 560 ? 2 : 4);
			const { marks, rows } = setup(width, o.maxLabelRows);
			const placed = spans(marks, o);
			for (let i = 0; i < placed.length; i++)
				for (let j = i + 1; j < placed.length; j++) {
					if (placed[i].row !== placed[j].row) continue;
					const [a, b] = placed[i].span;
					const [c, d] = placed[j].span;
					expect(b + o.gap <= c || a >= d + o.gap, `${i + 1} and ${j + 1}`).toBe(true);
				}
			expect(rows).toBe(Math.max(...marks.map((m) => m.row)) + 1);
		}
	);

	test.each([320, 375, 640, 1000, 1400])(
		'keeps every label inside the svg at width %j',
		(width) => {
			const o = options(width);
			for (const { span } of spans(setup(width).marks, o).filter(
				(_, i) => setup(width).marks[i].label
			)) {
				expect(span[0]).toBeGreaterThanOrEqual(o.bounds[0]);
				expect(span[1]).toBeLessThanOrEqual(o.bounds[1]);
			}
		}
	);

	test('uses no more label rows than allowed; events that do not fit show only their number', () => {
		const { marks } = setup(375, 2);
		for (const m of marks) if (m.label) expect(m.row).toBeLessThan(2);
		expect(marks.some((m) => m.label === null)).toBe(true);
	});

	test.each([1000, 1400])('labels every event on a chart %j px wide', (width) => {
		const { marks } = setup(width);
		expect(marks.every((m) => m.label !== null)).toBe(true);
	});

	test('puts a lone event in the left half in the top row with its label after it', () => {
		const { marks } = setup(1000, 4, [event(day(2005, 5, 1), 'An event')]);
		expect(marks[0]).toMatchObject({ row: 0, label: { anchor: 'start' } });
		expect(marks[0].label!.x).toBe(marks[0].x + 7 + 3);
	});

	test('puts a lone event in the right half with its label before it', () => {
		const { marks } = setup(1000, 4, [event(day(2022, 5, 1), 'An event')]);
		expect(marks[0]).toMatchObject({ row: 0, label: { anchor: 'end' } });
		expect(marks[0].label!.x).toBe(marks[0].x - 7 - 3);
	});

	test('staggers two events on the same day into two rows', () => {
		const { marks, rows } = setup(1000, 4, [
			event(day(2010, 0, 1), 'First'),
			event(day(2010, 0, 1), 'Second')
		]);
		expect(marks.map((m) => m.row)).toEqual([0, 1]);
		expect(rows).toBe(2);
	});
});

describe('sourceHost', () => {
	test.each([
		['https://www.cbp.gov/newsroom/stats', 'cbp.gov'],
		['https://crsreports.congress.gov/product/pdf/LSB/LSB10251', 'crsreports.congress.gov'],
		['https://www.federalregister.gov/d/2025-01951', 'federalregister.gov']
	])('shows %s as %s', (url, host) => {
		expect(sourceHost(url)).toBe(host);
	});

	test.each(['http://www.cbp.gov/', 'javascript:alert(1)', 'not a url', ''])(
		'does not link %j (null)',
		(url) => {
			expect(sourceHost(url)).toBeNull();
		}
	);
});
