/**
 * The maths of the monthly line chart, kept out of the component so it can be tested: scales,
 * the line path (broken where a month is null), ticks, the stretches of months that come from
 * each source file, the month-range brush (snapping, normalising, keyboard steps) and the
 * placement of event annotations.
 */
import { extent, line, max, scaleLinear, scaleUtc, utcMonth, utcYear, type ScaleTime } from 'd3';

export interface MonthlyPoint {
	month: Date;
	/** Null where no source covers the month: the line breaks there. */
	value: number | null;
	sourceId: string;
}

export interface SourceStretch {
	sourceId: string;
	from: Date;
	to: Date;
}

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** Consecutive months from the same file, in order. */
export function sourceStretches(points: MonthlyPoint[]): SourceStretch[] {
	const stretches: SourceStretch[] = [];
	for (const p of points) {
		const last = stretches[stretches.length - 1];
		if (last && last.sourceId === p.sourceId) last.to = p.month;
		else stretches.push({ sourceId: p.sourceId, from: p.month, to: p.month });
	}
	return stretches;
}

export function monthlyLineLayout(
	points: MonthlyPoint[],
	width: number,
	height: number,
	margin: Margins,
	yearBasis: 'fiscal' | 'calendar' = 'calendar'
) {
	const [first, last] = extent(points, (p) => p.month) as [Date, Date];
	const x = scaleUtc()
		.domain([first ?? new Date(0), last ?? new Date(0)])
		.range([margin.left, Math.max(margin.left + 1, width - margin.right)]);
	const y = scaleLinear()
		// At least [0, 1] so an all-zero series sits on the axis, not mid-height.
		.domain([0, Math.max(1, max(points, (p) => p.value) ?? 0)])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const path =
		line<MonthlyPoint>()
			.defined((p) => p.value !== null)
			.x((p) => x(p.month))
			.y((p) => y(p.value ?? 0))(points) ?? '';
	// About one year tick per 70px, always on whole years.
	const yearStep = Math.max(
		1,
		Math.ceil(
			((last?.getUTCFullYear() ?? 0) - (first?.getUTCFullYear() ?? 0)) /
				Math.max(1, (width - margin.left - margin.right) / 70)
		)
	);
	// Fiscal years start in October: their ticks sit on 1 October and read `FY2021`.
	const xTicks =
		yearBasis === 'fiscal'
			? x
					.ticks(utcYear.every(yearStep) ?? utcYear)
					.map((t) => new Date(Date.UTC(t.getUTCFullYear() - 1, 9, 1)))
					.filter((t) => t >= x.domain()[0])
			: x.ticks(utcYear.every(yearStep) ?? utcYear);
	const xTickLabel = (t: Date) =>
		yearBasis === 'fiscal' ? `FY${t.getUTCFullYear() + 1}` : String(t.getUTCFullYear());
	const yTicks = y.ticks(Math.max(2, Math.floor((height - margin.top - margin.bottom) / 50)));
	return { x, y, path, xTicks, xTickLabel, yTicks };
}

/** The index of the point nearest to a horizontal position. */
export function nearestIndex(points: MonthlyPoint[], x: (d: Date) => number, px: number): number {
	let best = 0;
	for (let i = 1; i < points.length; i++)
		if (Math.abs(x(points[i].month) - px) < Math.abs(x(points[best].month) - px)) best = i;
	return best;
}

/** A range of whole months, both ends included; `from` and `to` are first-of-month UTC dates. */
export interface MonthRange {
	from: Date;
	to: Date;
}

/** A dated event drawn as a vertical rule; `definition` marks a definitional break. */
export interface ChartEvent {
	date: Date;
	label: string;
	kind: 'policy' | 'definition';
	/** URL of the page that documents the event. */
	source: string;
}

/** The month nearest to a horizontal position, kept inside the x domain (so a drag past the
 * plot edge selects the first or last month rather than a month with no data). */
export function monthAtPixel(x: ScaleTime<number, number>, px: number): Date {
	const [first, last] = x.domain();
	const month = utcMonth.round(x.invert(px));
	if (+month < +first) return new Date(+first);
	if (+month > +last) return new Date(+last);
	return month;
}

/** Two months in either order (a drag may go right to left) as a range with from ≤ to; dates
 * inside a month count as that month. */
export function normaliseRange(a: Date, b: Date): MonthRange {
	const [from, to] = [utcMonth.floor(a), utcMonth.floor(b)].sort((p, q) => +p - +q);
	return { from, to };
}

/** Below this many pixels a press and release is a click, not a drag: hands shake. */
export const DRAG_THRESHOLD_PX = 4;

/** The range a pointer drag from `startPx` to `endPx` selects, or null for a click. */
export function brushGesture(
	x: ScaleTime<number, number>,
	startPx: number,
	endPx: number
): MonthRange | null {
	if (Math.abs(endPx - startPx) < DRAG_THRESHOLD_PX) return null;
	return normaliseRange(monthAtPixel(x, startPx), monthAtPixel(x, endPx));
}

/** Whole months in a range, both ends included. */
export function monthCount(range: MonthRange): number {
	return (
		(range.to.getUTCFullYear() - range.from.getUTCFullYear()) * 12 +
		range.to.getUTCMonth() -
		range.from.getUTCMonth() +
		1
	);
}

/** Horizontal extent of a range's rectangle: half a month beyond each end so a one-month range
 * has a width and adjacent ranges meet, clipped to the plot. */
export function rangeExtent(x: ScaleTime<number, number>, range: MonthRange): [number, number] {
	const [left, right] = x.range();
	const clamp = (v: number) => Math.min(right, Math.max(left, v));
	const x0 = (x(utcMonth.offset(range.from, -1)) + x(range.from)) / 2;
	const x1 = (x(range.to) + x(utcMonth.offset(range.to, 1))) / 2;
	return [clamp(x0), clamp(x1)];
}

export interface EventMark {
	event: ChartEvent;
	/** 1-based, in date order: the marker's text and the event's number in the list below. */
	number: number;
	x: number;
	/** Row of the marker (and label) in the strip above the plot, 0 at the top. */
	row: number;
	/** Where the label goes; null when it fits nowhere and only the number is shown. */
	label: { x: number; anchor: 'start' | 'end' } | null;
}

export interface EventMarkOptions {
	/** Leftmost and rightmost pixel a label may reach (the svg's edges, less a little). */
	bounds: [number, number];
	/** Average glyph width of the label font: labels are measured by estimate, not in the DOM,
	 * so the layout is a pure function and the same on the server and in tests. */
	charWidth: number;
	markerRadius: number;
	/** Space between the marker and its label, and between neighbours in a row. */
	gap: number;
	/** Rows a label may use; markers alone may go lower. */
	maxLabelRows: number;
}

/**
 * Places event markers and labels in rows above the plot so none overlap: each event, in date
 * order, takes the first row where its marker and label fit (label after the marker, or before
 * it in the right half of the plot or at the right edge); if its label fits in no allowed row
 * it shows only its number, in the first row with room for the marker. Events outside the x
 * domain are left out.
 */
export function eventMarks(
	events: ChartEvent[],
	x: ScaleTime<number, number>,
	options: EventMarkOptions
): { marks: EventMark[]; rows: number } {
	const { bounds, charWidth, markerRadius: r, gap, maxLabelRows } = options;
	const [first, last] = x.domain();
	const [left, right] = x.range();
	const shown = events
		.filter((e) => +e.date >= +first && +e.date <= +last)
		.sort((a, b) => +a.date - +b.date);
	const taken: [number, number][][] = [];
	const fits = (row: number, [a, b]: [number, number]) =>
		(taken[row] ?? []).every(([c, d]) => b + gap <= c || a >= d + gap);
	const take = (row: number, span: [number, number]) => (taken[row] ??= []).push(span);

	const marks = shown.map((event, i): EventMark => {
		const px = x(event.date);
		const width = event.label.length * charWidth;
		const after: [number, number] = [px - r, px + r + gap + width];
		const before: [number, number] = [px - r - gap - width, px + r];
		// Labels read best after their marker; in the right half they go before it, as the
		// source labels under the axis do, so they stay near the line they describe.
		const preferred: ['start' | 'end', [number, number]][] =
			px > (left + right) / 2
				? [
						['end', before],
						['start', after]
					]
				: [
						['start', after],
						['end', before]
					];
		const options = preferred.filter(([, [a, b]]) => a >= bounds[0] && b <= bounds[1]);
		for (let row = 0; row < maxLabelRows; row++)
			for (const [anchor, span] of options)
				if (fits(row, span)) {
					take(row, span);
					const labelX = anchor === 'start' ? px + r + gap : px - r - gap;
					return { event, number: i + 1, x: px, row, label: { x: labelX, anchor } };
				}
		const marker: [number, number] = [px - r, px + r];
		let row = 0;
		while (!fits(row, marker)) row++;
		take(row, marker);
		return { event, number: i + 1, x: px, row, label: null };
	});
	return { marks, rows: taken.length };
}

/** The host name to show for a source link, or null when the URL is not https (then it is not
 * linked at all). */
export function sourceHost(url: string): string | null {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' ? parsed.hostname.replace(/^www\./, '') : null;
	} catch {
		return null;
	}
}
