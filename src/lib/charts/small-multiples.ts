/**
 * The maths of the sector small multiples, kept out of the component so it can be tested: one x
 * domain for every panel (so a month sits at the same place down the grid), a y scale per panel
 * from 0 (one maximum across all panels when the scale is shared), the line broken where a month
 * is null, and each panel's latest value.
 */
import { extent, line, max, scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';
import type { Margins } from './monthly-line';

export interface PanelPoint {
	/** The first of the month, UTC. */
	month: Date;
	/** Null where no source covers the month: the line breaks there. */
	value: number | null;
}

export interface Panel {
	code: string;
	name: string;
	points: PanelPoint[];
}

/** Shared: heights compare across panels. Independent: each panel's shape fills its height. */
export type YScaleMode = 'shared' | 'independent';

export interface PanelLayout {
	code: string;
	name: string;
	x: ScaleTime<number, number>;
	y: ScaleLinear<number, number>;
	path: string;
	/** The latest month with a value (a trailing null month is skipped), or null if none has one. */
	last: { month: Date; value: number } | null;
	/** 0 and the top of the y domain: a sparkline needs no more. */
	yTicks: number[];
}

/** Room for the y max label above the plot and the month labels under it. */
export const sparklineMargin: Margins = { top: 16, right: 5, bottom: 16, left: 5 };

/** A y scale from 0 to a nice maximum; [0, 1] when there is nothing above 0, so zeros sit on the axis. */
function yScale(top: number | undefined, height: number, margin: Margins) {
	return scaleLinear()
		.domain([0, top !== undefined && top > 0 ? top : 1])
		.nice()
		.range([height - margin.bottom, margin.top]);
}

const panelMax = (panel: Panel) => max(panel.points, (p) => p.value ?? undefined);

export function smallMultiplesLayout(
	panels: Panel[],
	width: number,
	height: number,
	scale: YScaleMode,
	margin: Margins = sparklineMargin
): PanelLayout[] {
	const [first, last] = extent(
		panels.flatMap((panel) => panel.points),
		(p) => p.month
	);
	const x = scaleUtc()
		.domain([first ?? new Date(0), last ?? new Date(0)])
		.range([margin.left, Math.max(margin.left + 1, width - margin.right)]);
	// Built once when shared so every panel gets the same nice maximum.
	const sharedY = scale === 'shared' ? yScale(max(panels, panelMax), height, margin) : undefined;

	return panels.map((panel) => {
		const y = sharedY ?? yScale(panelMax(panel), height, margin);
		const path =
			line<PanelPoint>()
				.defined((p) => p.value !== null)
				.x((p) => x(p.month))
				.y((p) => y(p.value ?? 0))(panel.points) ?? '';
		const lastPoint = panel.points.findLast((p) => p.value !== null);
		return {
			code: panel.code,
			name: panel.name,
			x,
			y,
			path,
			last: lastPoint ? { month: lastPoint.month, value: lastPoint.value ?? 0 } : null,
			yTicks: [0, y.domain()[1]]
		};
	});
}
