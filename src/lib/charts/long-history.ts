/**
 * The maths of the long-history chart (annual totals since FY1925), kept out of the component so it
 * can be tested: a band scale over fiscal years, a y scale from 0, one bar per year, decade ticks,
 * the stretches of years that come from each source, their label rows, and the record high and low.
 *
 * Bars, on a band scale: every value is a whole fiscal year's total, a discrete quantity, so each
 * year gets a bar of its own rather than a point on a continuous line, and a year nobody published
 * reads as a missing bar instead of a line drawn across it. A band scale gives each year the same
 * slot, so a partial year's bar (hatched) sits in its own slot and ticks land on bar centres.
 */
import { max, scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';

export interface AnnualPoint {
	/** Fiscal year: FY N runs from 1 October N-1 to 30 September N. */
	year: number;
	/** Null where no source gives the year: no bar. A published zero is 0. */
	value: number | null;
	sourceId: string;
	/** Fewer than 12 months (the current fiscal year): drawn hatched and left out of the records. */
	partial: boolean;
}

/** A shaded stretch of fiscal years with its label (the Title 42 years), both ends included. */
export interface YearBand {
	from: number;
	to: number;
	label: string;
}

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** Consecutive years from the same source, both ends included. */
export interface SourceSegment {
	sourceId: string;
	from: number;
	to: number;
}

/** One slot of the band scale: every year from the first to the last, including missing ones. */
export interface YearBar {
	year: number;
	value: number | null;
	/** Null for a year absent from the input. */
	sourceId: string | null;
	partial: boolean;
	x: number;
	width: number;
	/** Top of the bar; the baseline for a null year. */
	y: number;
	height: number;
}

/** A source segment placed under the axis: its rule from x0 to x1, its label from textX, a row. */
export interface SegmentLabel extends SourceSegment {
	label: string;
	x0: number;
	x1: number;
	textX: number;
	row: number;
}

export interface LayoutOptions {
	width: number;
	/** Height of the bars' area, between the top margin and the axis. */
	plotHeight: number;
	/** `bottom` is the room for the year labels; source rows are added below it. */
	margin: Margins;
	sourceLabel?: (sourceId: string) => string;
}

/** Pixels per character of the 11px labels, to keep source labels apart without measuring text. */
export const LABEL_CHAR_WIDTH = 6.2;
/** A row's label (11px, below its bracket) ends above the next row's bracket ticks. */
export const SEGMENT_ROW_HEIGHT = 20;
/** Below this plot width the year ticks thin out from every 10 years to every 20 or 25. */
export const WIDE_PLOT = 560;

const byYear = (a: AnnualPoint, b: AnnualPoint) => a.year - b.year;

/** Every year from the first to the last point, so a year missing from the input keeps its slot. */
export function yearSpan(points: AnnualPoint[]): number[] {
	if (points.length === 0) return [];
	let first = Infinity;
	let last = -Infinity;
	for (const p of points) {
		first = Math.min(first, p.year);
		last = Math.max(last, p.year);
	}
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Runs of consecutive points from the same source, in year order. A year missing from the input
 * does not end a run (as in `sourceStretches`): the label names the file, and one file read once
 * is one label, not two identical ones either side of a gap.
 */
export function sourceSegments(points: AnnualPoint[]): SourceSegment[] {
	const segments: SourceSegment[] = [];
	for (const p of [...points].sort(byYear)) {
		const last = segments[segments.length - 1];
		if (last && last.sourceId === p.sourceId) last.to = p.year;
		else segments.push({ sourceId: p.sourceId, from: p.year, to: p.year });
	}
	return segments;
}

/**
 * The highest and lowest complete years. Partial years are left out: a fiscal year two months in
 * would otherwise always be the "record low", and is not comparable with whole years either way.
 */
export function extremes(points: AnnualPoint[]): {
	peak: AnnualPoint | null;
	low: AnnualPoint | null;
} {
	let peak: AnnualPoint | null = null;
	let low: AnnualPoint | null = null;
	for (const p of [...points].sort(byYear)) {
		if (p.partial || p.value === null) continue;
		// Strict comparisons: on a tie the earliest year holds the record.
		if (peak === null || p.value > (peak.value ?? 0)) peak = p;
		if (low === null || p.value < (low.value ?? 0)) low = p;
	}
	return { peak, low };
}

/** Years between ticks: 10 on a wide plot, 20 or 25 on a narrow one, fewer for a short span. */
export function yearTickStep(plotWidth: number, span: number): number {
	const base = plotWidth >= WIDE_PLOT ? 10 : span > 80 ? 25 : 20;
	// A short history still gets at least three ticks.
	const steps = [25, 20, 10, 5, 2, 1].filter((s) => s <= base);
	return steps.find((s) => span / s >= 3) ?? 1;
}

/** The multiples of `step` from `first` to `last`: 1925, 1950, … line up with the calendar. */
export function yearTicks(first: number, last: number, step: number): number[] {
	const ticks: number[] = [];
	for (let y = Math.ceil(first / step) * step; y <= last; y += step) ticks.push(y);
	return ticks;
}

/**
 * Where a label `textWidth` wide starts so that it begins at `x` but stays between `left` and
 * `right`; a label wider than the room starts at `left`.
 */
export function clampStart(x: number, textWidth: number, left: number, right: number): number {
	return Math.max(left, Math.min(x, right - textWidth));
}

/**
 * Source labels under the axis: each starts at its segment (pulled left to stay inside the chart)
 * and takes the first row where neither its rule nor its label meets anything already there, so
 * short neighbouring segments stack instead of overprinting. Rules may abut within a row: they are
 * drawn as brackets, so each end still shows.
 */
export function segmentLabels(
	segments: SourceSegment[],
	x: ScaleBand<number>,
	sourceLabel: (sourceId: string) => string,
	bounds: { left: number; right: number },
	charWidth = LABEL_CHAR_WIDTH,
	gap = 10
): { labels: SegmentLabel[]; rows: number } {
	const rows: { ruleEnd: number; textEnd: number }[] = [];
	const labels = segments.map((s) => {
		const label = sourceLabel(s.sourceId);
		const x0 = x(s.from) ?? bounds.left;
		const x1 = (x(s.to) ?? bounds.right) + x.bandwidth();
		const textWidth = label.length * charWidth;
		const textX = clampStart(x0, textWidth, bounds.left, bounds.right);
		let row = rows.findIndex((r) => r.ruleEnd <= x0 + 0.5 && r.textEnd + gap <= textX);
		if (row === -1) row = rows.push({ ruleEnd: -Infinity, textEnd: -Infinity }) - 1;
		rows[row] = { ruleEnd: x1, textEnd: textX + textWidth };
		return { ...s, label, x0, x1, textX, row };
	});
	return { labels, rows: rows.length };
}

/** A marked year: a dot on its bar's top and its value label, lifted clear of close neighbours. */
export interface MarkLabel {
	year: number;
	value: number;
	cx: number;
	cy: number;
	labelY: number;
}

/**
 * Marked years with a value, in year order. Marks closer than `minGap` pixels form a cluster whose
 * labels stack upwards from above the cluster's tallest bar, so no label covers a neighbour's dot
 * (adjacent years on a phone are 3px apart).
 */
export function markLabels(
	bars: YearBar[],
	marks: number[],
	centre: (year: number) => number,
	minGap = 48,
	rowHeight = 14
): MarkLabel[] {
	const marked = bars
		.filter((b) => marks.includes(b.year) && b.value !== null)
		.map((b) => ({ year: b.year, value: b.value ?? 0, cx: centre(b.year), cy: b.y }));
	const clusters: (typeof marked)[] = [];
	for (const m of marked) {
		const last = clusters[clusters.length - 1];
		if (last && m.cx - last[last.length - 1].cx < minGap) last.push(m);
		else clusters.push([m]);
	}
	return clusters.flatMap((cluster) => {
		const top = Math.min(...cluster.map((m) => m.cy));
		return cluster.map((m, k) => ({ ...m, labelY: top - 9 - k * rowHeight }));
	});
}

/** The index of the year slot nearest to a horizontal position, clamped to the chart. */
export function nearestYearIndex(x: ScaleBand<number>, px: number): number {
	const years = x.domain();
	if (years.length === 0) return 0;
	const firstCentre = (x(years[0]) ?? 0) + x.bandwidth() / 2;
	const i = Math.round((px - firstCentre) / (x.step() || 1));
	return Math.max(0, Math.min(years.length - 1, i));
}

export interface LongHistoryLayout {
	x: ScaleBand<number>;
	y: ScaleLinear<number, number>;
	/** One per year from the first to the last, in order. */
	bars: YearBar[];
	xTicks: number[];
	yTicks: number[];
	segments: SegmentLabel[];
	segmentRows: number;
	/** y of the axis line. */
	baseline: number;
	/** Total height: plot, year labels and the source rows. */
	height: number;
	peak: AnnualPoint | null;
	low: AnnualPoint | null;
	/** Horizontal centre of a year's slot. */
	centre: (year: number) => number;
}

export function longHistoryLayout(
	points: AnnualPoint[],
	options: LayoutOptions
): LongHistoryLayout {
	const { width, plotHeight, margin, sourceLabel = (id) => id } = options;
	const years = yearSpan(points);
	const left = margin.left;
	const right = Math.max(left + 1, width - margin.right);
	const step = (right - left) / Math.max(1, years.length);
	const x = scaleBand<number>()
		.domain(years)
		.range([left, right])
		// Thin gaps when bars are only a few pixels wide (a phone), or they vanish into the gaps.
		.paddingInner(step < 5 ? 0.1 : 0.2)
		.paddingOuter(0.1);
	const baseline = margin.top + plotHeight;
	const y = scaleLinear()
		// At least [0, 1] so an all-zero history sits on the axis, not mid-height.
		.domain([0, Math.max(1, max(points, (p) => p.value) ?? 0)])
		.nice()
		.range([baseline, margin.top]);

	const given = new Map(points.map((p) => [p.year, p]));
	const bars = years.map((year): YearBar => {
		const p = given.get(year);
		const value = p?.value ?? null;
		const top = value === null ? baseline : y(value);
		return {
			year,
			value,
			sourceId: p?.sourceId ?? null,
			partial: p?.partial ?? false,
			x: x(year) ?? left,
			width: x.bandwidth(),
			y: top,
			height: baseline - top
		};
	});

	const span = years.length > 0 ? years[years.length - 1] - years[0] : 0;
	const xTicks =
		years.length > 0
			? yearTicks(years[0], years[years.length - 1], yearTickStep(right - left, span))
			: [];
	const yTicks = y.ticks(Math.max(2, Math.floor(plotHeight / 50)));
	const { labels, rows } = segmentLabels(sourceSegments(points), x, sourceLabel, {
		left,
		right: width - 2
	});
	const { peak, low } = extremes(points);
	return {
		x,
		y,
		bars,
		xTicks,
		yTicks,
		segments: labels,
		segmentRows: rows,
		baseline,
		height: baseline + margin.bottom + rows * SEGMENT_ROW_HEIGHT + 4,
		peak,
		low,
		centre: (year) => (x(year) ?? left) + x.bandwidth() / 2
	};
}
