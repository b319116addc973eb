/**
 * The maths of the monthly line chart, kept out of the component so it can be tested: scales,
 * the line path (broken where a month is null), ticks, and the stretches of months that come
 * from each source file.
 */
import { extent, line, max, scaleLinear, scaleUtc, utcYear } from 'd3';

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
	margin: Margins
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
	const xTicks = x.ticks(utcYear.every(yearStep) ?? utcYear);
	const yTicks = y.ticks(Math.max(2, Math.floor((height - margin.top - margin.bottom) / 50)));
	return { x, y, path, xTicks, yTicks };
}

/** The index of the point nearest to a horizontal position. */
export function nearestIndex(points: MonthlyPoint[], x: (d: Date) => number, px: number): number {
	let best = 0;
	for (let i = 1; i < points.length; i++)
		if (Math.abs(x(points[i].month) - px) < Math.abs(x(points[best].month) - px)) best = i;
	return best;
}
