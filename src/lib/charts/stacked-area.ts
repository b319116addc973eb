/**
 * The maths of the composition chart (stacked or 100% areas), kept out of the component so it can
 * be tested: the month-by-key grid, d3.stack, area paths broken at unpublished months, scales,
 * ticks, a colour per key, and the top-N fold into "All other".
 */
import {
	area,
	format,
	max,
	scaleLinear,
	scaleUtc,
	schemeTableau10,
	stack,
	stackOffsetExpand,
	stackOffsetNone,
	stackOrderNone,
	utcFormat,
	utcMonth,
	utcYear,
	type SeriesPoint
} from 'd3';

export interface CompositionRow {
	/** First of the month, UTC. */
	month: Date;
	key: string;
	value: number;
}

export interface StackKey {
	key: string;
	label: string;
}

export type StackMode = 'stacked' | 'percent';

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export const OTHER_KEY = 'other';
export const OTHER_LABEL = 'All other';

/** One key's slice of one month. `y0`/`y1` are in data units: counts, or shares for percent. */
export interface MonthSlice extends StackKey {
	color: string;
	value: number;
	/** Share of the month's total; null when the total is 0. */
	share: number | null;
	y0: number;
	y1: number;
}

export interface MonthStack {
	month: Date;
	/** False for a month with no row for any key: no source published it, so the areas break. */
	defined: boolean;
	total: number;
	/** In the order of `keys`, first at the bottom of the stack. */
	slices: MonthSlice[];
}

export interface KeyArea extends StackKey {
	color: string;
	path: string;
}

// Tableau 10 without its grey, which is kept for "All other" so the fold reads as the remainder.
const PALETTE = schemeTableau10.filter((c) => c !== '#bab0ac');
// A mid grey that keeps 3:1 against both the light and the dark surface.
const OTHER_COLOR = '#8f8f8f';

/** A colour per key in order; "All other" is always grey. Past nine keys the palette repeats. */
export function keyColors(keys: StackKey[]): Map<string, string> {
	const colors = new Map<string, string>();
	let i = 0;
	for (const { key } of keys)
		colors.set(key, key === OTHER_KEY ? OTHER_COLOR : PALETTE[i++ % PALETTE.length]);
	return colors;
}

/**
 * Keeps the `n` keys with the largest totals and sums every other key, month by month, into
 * `other`, so each month's total is unchanged. A key already called `other` (CBP's own "OTHER"
 * citizenship, say) is a remainder too, so it is always folded. Keys come back largest first,
 * "All other" last; `label` names the kept keys.
 */
export function topN(
	rows: CompositionRow[],
	n: number,
	label: (key: string) => string = (key) => key
): { rows: CompositionRow[]; keys: StackKey[] } {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.value);
	const ranked = [...totals]
		.filter(([key]) => key !== OTHER_KEY)
		// Ties by key so the choice does not depend on row order.
		.sort(([ak, av], [bk, bv]) => bv - av || (ak < bk ? -1 : ak > bk ? 1 : 0))
		.map(([key]) => key);
	const kept = new Set(ranked.slice(0, Math.max(0, n)));
	const out: CompositionRow[] = [];
	const other = new Map<number, number>();
	for (const r of rows) {
		if (kept.has(r.key)) out.push(r);
		else other.set(+r.month, (other.get(+r.month) ?? 0) + r.value);
	}
	for (const [t, value] of [...other].sort(([a], [b]) => a - b))
		out.push({ month: new Date(t), key: OTHER_KEY, value });
	const keys: StackKey[] = ranked
		.filter((k) => kept.has(k))
		.map((key) => ({ key, label: label(key) }));
	if (other.size > 0) keys.push({ key: OTHER_KEY, label: OTHER_LABEL });
	return { rows: out, keys };
}

interface MonthValues {
	month: Date;
	defined: boolean;
	values: Map<string, number>;
}

/**
 * Every month from the first to the last row, each key's value (summed if repeated; 0 where the
 * key has no row, as CBP leaves zero rows out) and whether any key has a row that month. Rows for
 * keys not in `keys` are ignored.
 */
function monthGrid(rows: CompositionRow[], keys: StackKey[]): MonthValues[] {
	const wanted = new Set(keys.map((k) => k.key));
	const byMonth = new Map<number, Map<string, number>>();
	for (const r of rows) {
		if (!wanted.has(r.key)) continue;
		const t = +utcMonth.floor(r.month);
		const values = byMonth.get(t) ?? new Map<string, number>();
		values.set(r.key, (values.get(r.key) ?? 0) + r.value);
		byMonth.set(t, values);
	}
	if (byMonth.size === 0) return [];
	const times = [...byMonth.keys()];
	const first = new Date(Math.min(...times));
	const last = new Date(Math.max(...times));
	return utcMonth.range(first, utcMonth.offset(last, 1)).map((month) => {
		const values = byMonth.get(+month);
		return { month, defined: values !== undefined, values: values ?? new Map() };
	});
}

/** The stack for each month, without geometry: what the tooltip and the tests read. */
export function stackMonths(
	rows: CompositionRow[],
	keys: StackKey[],
	mode: StackMode
): MonthStack[] {
	const grid = monthGrid(rows, keys);
	const colors = keyColors(keys);
	const series = stack<MonthValues, string>()
		.keys(keys.map((k) => k.key))
		.value((d, key) => d.values.get(key) ?? 0)
		.order(stackOrderNone)
		// Expand divides by each month's sum and leaves an all-zero month at 0.
		.offset(mode === 'percent' ? stackOffsetExpand : stackOffsetNone)(grid);
	return grid.map((d, i) => {
		const total = keys.reduce((sum, k) => sum + (d.values.get(k.key) ?? 0), 0);
		return {
			month: d.month,
			defined: d.defined,
			total,
			slices: keys.map((k, j) => {
				const value = d.values.get(k.key) ?? 0;
				return {
					...k,
					color: colors.get(k.key) ?? OTHER_COLOR,
					value,
					share: total > 0 ? value / total : null,
					y0: series[j][i][0],
					y1: series[j][i][1]
				};
			})
		};
	});
}

export function stackedAreaLayout(
	rows: CompositionRow[],
	keys: StackKey[],
	mode: StackMode,
	width: number,
	height: number,
	margin: Margins
) {
	const months = stackMonths(rows, keys, mode);
	const first = months[0]?.month ?? new Date(0);
	const last = months[months.length - 1]?.month ?? first;
	const plotWidth = Math.max(1, width - margin.left - margin.right);
	const x = scaleUtc()
		.domain([first, last])
		.range([margin.left, margin.left + plotWidth]);
	const y = scaleLinear()
		// At least [0, 1] so an all-zero stack sits on the axis, not mid-height.
		.domain([0, mode === 'percent' ? 1 : Math.max(1, max(months, (m) => m.total) ?? 0)])
		.range([height - margin.bottom, margin.top]);
	if (mode === 'stacked') y.nice();

	const shape = area<SeriesPoint<MonthStack>>()
		.defined((p) => p.data.defined)
		.x((p) => x(p.data.month))
		.y0((p) => y(p[0]))
		.y1((p) => y(p[1]));
	const colors = keyColors(keys);
	const areas: KeyArea[] = keys.map((k, j) => {
		const points = months.map((m) => {
			const s = m.slices[j];
			return Object.assign([s.y0, s.y1], { data: m }) as SeriesPoint<MonthStack>;
		});
		return { ...k, color: colors.get(k.key) ?? OTHER_COLOR, path: shape(points) ?? '' };
	});

	// Whole years about every 70px; a span under two years gets month ticks instead.
	const target = Math.max(1, plotWidth / 70);
	const spanMonths = utcMonth.count(first, last);
	const yearly = spanMonths >= 24;
	const xTicks = yearly
		? x.ticks(utcYear.every(Math.max(1, Math.ceil(spanMonths / 12 / target))) ?? utcYear)
		: x.ticks(
				utcMonth.every([1, 2, 3, 6, 12].find((s) => spanMonths / s <= target) ?? 12) ?? utcMonth
			);
	const xTickFormat = utcFormat(yearly ? '%Y' : '%b %Y');
	const yTicks = y.ticks(Math.max(2, Math.floor((height - margin.top - margin.bottom) / 50)));
	const yTickFormat = mode === 'percent' ? format('.0%') : format(',');
	return { months, areas, x, y, xTicks, xTickFormat, yTicks, yTickFormat };
}

/** The index of the month nearest to a horizontal position (months differ in length, so no fixed step). */
export function monthIndexAt(months: MonthStack[], x: (d: Date) => number, px: number): number {
	let best = 0;
	for (let i = 1; i < months.length; i++)
		if (Math.abs(x(months[i].month) - px) < Math.abs(x(months[best].month) - px)) best = i;
	return best;
}
