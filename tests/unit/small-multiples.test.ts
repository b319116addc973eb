/**
 * src/lib/charts/small-multiples.ts: the maths of the sector small multiples — one x domain for
 * all panels, shared or independent y domains from 0, lines broken at null months, the latest
 * value, and all-zero panels on the axis.
 */
import { describe, expect, test } from 'vitest';
import {
	smallMultiplesLayout,
	type Panel,
	type YScaleMode
} from '../../src/lib/charts/small-multiples';
import type { Margins } from '../../src/lib/charts/monthly-line';

const utc = (year: number, monthIndex0: number) => new Date(Date.UTC(year, monthIndex0, 1));
const iso = (d: Date) => d.toISOString();
const margin: Margins = { top: 10, right: 5, bottom: 12, left: 5 };
const width = 240;
const height = 100;
const baseline = height - margin.bottom;

/** A panel of consecutive months from `start`, one per value. */
function panel(code: string, values: (number | null)[], start = utc(2024, 0)): Panel {
	return {
		code,
		name: `Sector ${code}`,
		points: values.map((value, i) => ({
			month: utc(start.getUTCFullYear(), start.getUTCMonth() + i),
			value
		}))
	};
}

const layout = (panels: Panel[], scale: YScaleMode) =>
	smallMultiplesLayout(panels, width, height, scale, margin);

const moveCount = (path: string) => (path.match(/M/g) ?? []).length;
/** Every y coordinate in a path made of M and L commands. */
const pathYs = (path: string) =>
	[...path.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));

const big = panel('BIG', [1000, 4000, 8300]);
const small = panel('SML', [10, 40, 73]);

describe('y domains', () => {
	test('shared: every panel gets one domain, from 0 to a nice maximum over all panels', () => {
		const [a, b] = layout([big, small], 'shared');
		expect(a.y.domain()).toEqual(b.y.domain());
		expect(a.y.domain()[0]).toBe(0);
		expect(a.y.domain()[1]).toBeGreaterThanOrEqual(8300);
		expect(a.y.domain()[1]).toBeLessThan(10_000);
	});

	test('shared: the small panel draws low, at the same height a value has in the big one', () => {
		const [a, b] = layout([big, small], 'shared');
		expect(b.y(73)).toBe(a.y(73));
		expect(baseline - b.y(73)).toBeLessThan((baseline - margin.top) * 0.02);
	});

	test('independent: each panel runs from 0 to its own nice maximum', () => {
		const [a, b] = layout([big, small], 'independent');
		expect(a.y.domain()[0]).toBe(0);
		expect(b.y.domain()[0]).toBe(0);
		expect(a.y.domain()[1]).toBeGreaterThanOrEqual(8300);
		expect(b.y.domain()[1]).toBeGreaterThanOrEqual(73);
		expect(b.y.domain()[1]).toBeLessThan(100);
	});

	test.each<YScaleMode>(['shared', 'independent'])(
		'%s: starts at 0 even when every value is far above it',
		(scale) => {
			const [high] = layout([panel('HI', [90_000, 95_000, 100_000])], scale);
			expect(high.y.domain()[0]).toBe(0);
			expect(high.y.domain()[1]).toBeGreaterThanOrEqual(100_000);
		}
	);

	test.each<YScaleMode>(['shared', 'independent'])(
		'%s: ignores null months when finding the maximum',
		(scale) => {
			const [gappy] = layout([panel('GAP', [10, null, 20])], scale);
			expect(gappy.y.domain()).toEqual([0, 20]);
		}
	);

	test.each<YScaleMode>(['shared', 'independent'])(
		'%s: maps 0 to the bottom of the plot and the domain top to its top',
		(scale) => {
			for (const p of layout([big, small], scale)) {
				expect(p.y(0)).toBe(baseline);
				expect(p.y(p.y.domain()[1])).toBe(margin.top);
			}
		}
	);

	test('gives y ticks at 0 and the top of the domain', () => {
		for (const scale of ['shared', 'independent'] as const)
			for (const p of layout([big, small], scale)) expect(p.yTicks).toEqual([0, p.y.domain()[1]]);
	});
});

describe('x domains', () => {
	test('are identical across panels, spanning the first to the last month of any panel', () => {
		const early = panel('EAR', [1, 2, 3], utc(2019, 9));
		const late = panel('LAT', [4, 5], utc(2025, 4));
		for (const scale of ['shared', 'independent'] as const) {
			const panels = layout([early, late, small], scale);
			for (const p of panels) {
				expect(p.x.domain().map(iso)).toEqual([
					'2019-10-01T00:00:00.000Z',
					'2025-06-01T00:00:00.000Z'
				]);
				expect(p.x.range()).toEqual([margin.left, width - margin.right]);
			}
		}
	});

	test('place the same month at the same x in every panel', () => {
		const [a, b] = layout([big, panel('OFF', [1, 2, 3, 4], utc(2023, 11))], 'independent');
		expect(a.x(utc(2024, 1))).toBe(b.x(utc(2024, 1)));
	});

	test('are in UTC months, whatever the local time zone', () => {
		const [p] = layout([panel('A', [1, 2, 3], utc(2024, 0))], 'shared');
		expect(p.x(utc(2024, 0))).toBe(margin.left);
		expect(p.x(utc(2024, 2))).toBe(width - margin.right);
	});
});

describe('paths', () => {
	test('draw one unbroken line when no month is null', () => {
		const [p] = layout([big], 'shared');
		expect(moveCount(p.path)).toBe(1);
	});

	test('break where a month is null', () => {
		const [p] = layout([panel('GAP', [10, 20, null, 30, 40])], 'shared');
		expect(moveCount(p.path)).toBe(2);
		expect(pathYs(p.path)).toHaveLength(4);
	});

	test('break once per run of null months', () => {
		const [p] = layout([panel('GAP', [10, null, null, 30, 40, null, 50, 60])], 'independent');
		expect(moveCount(p.path)).toBe(3);
	});

	test('keep a zero month on the line: zero is published data, not a gap', () => {
		const [p] = layout([panel('ZER', [10, 0, 20])], 'shared');
		expect(moveCount(p.path)).toBe(1);
		expect(pathYs(p.path)[1]).toBe(baseline);
	});

	// d3 rounds path coordinates to three decimals.
	test('start at the first month, on its value', () => {
		const [p] = layout([big], 'shared');
		const [, px, py] = /^M([-\d.e]+),([-\d.e]+)/.exec(p.path)!;
		expect(Number(px)).toBeCloseTo(p.x(big.points[0].month), 2);
		expect(Number(py)).toBeCloseTo(p.y(1000), 2);
	});

	test('are empty for a panel with no points or only null months', () => {
		const [none, nulls] = layout([panel('NON', []), panel('NUL', [null, null])], 'independent');
		expect(none.path).toBe('');
		expect(nulls.path).toBe('');
	});
});

describe('an all-zero panel', () => {
	test.each<YScaleMode>(['shared', 'independent'])(
		'%s: sits on the axis, not at mid-height',
		(scale) => {
			const [zero] = layout([panel('ZER', [0, 0, 0])], scale);
			expect(zero.y.domain()).toEqual([0, 1]);
			expect(pathYs(zero.path)).toEqual([baseline, baseline, baseline]);
		}
	);

	test('independent: keeps its line on the axis beside a busy panel', () => {
		const [, zero] = layout([big, panel('ZER', [0, 0, 0])], 'independent');
		expect(zero.y.domain()).toEqual([0, 1]);
		expect(pathYs(zero.path).every((y) => y === baseline)).toBe(true);
	});

	test('shared: takes the busy panel’s domain and still lies on the axis', () => {
		const [busy, zero] = layout([big, panel('ZER', [0, 0, 0])], 'shared');
		expect(zero.y.domain()).toEqual(busy.y.domain());
		expect(pathYs(zero.path).every((y) => y === baseline)).toBe(true);
	});
});

describe('the latest value', () => {
	test('is the last month and its value', () => {
		const [p] = layout([big], 'shared');
		expect(p.last && iso(p.last.month)).toBe('2024-03-01T00:00:00.000Z');
		expect(p.last?.value).toBe(8300);
	});

	test('skips trailing null months', () => {
		const [p] = layout([panel('GAP', [5, 7, null, null])], 'shared');
		expect(p.last && iso(p.last.month)).toBe('2024-02-01T00:00:00.000Z');
		expect(p.last?.value).toBe(7);
	});

	test('can be 0', () => {
		const [p] = layout([panel('ZER', [5, 0])], 'shared');
		expect(p.last?.value).toBe(0);
	});

	test('is null when no month has a value', () => {
		const [p] = layout([panel('NUL', [null, null])], 'shared');
		expect(p.last).toBeNull();
	});
});

describe('panels', () => {
	test('keep their order, codes and names', () => {
		const panels = layout([small, big], 'shared');
		expect(panels.map((p) => [p.code, p.name])).toEqual([
			['SML', 'Sector SML'],
			['BIG', 'Sector BIG']
		]);
	});

	test('are none for no input', () => {
		expect(layout([], 'shared')).toEqual([]);
	});
});
