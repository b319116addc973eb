/** Keys that move a chart cursor over months: a month at a time, or a year with Page keys. */
export const MONTH_STEPS: Record<string, number> = {
	ArrowLeft: -1,
	ArrowRight: 1,
	PageUp: -12,
	PageDown: 12
};

/**
 * Where a key moves a chart's keyboard cursor over `count` points, or null if the key is not a
 * cursor key. With no cursor yet, steps start from `from` (by default the latest point, the one
 * the chart is about). Shared by every chart with a keyboard tooltip.
 */
export function cursorStep(
	key: string,
	index: number | null,
	count: number,
	steps: Record<string, number> = MONTH_STEPS,
	from = count - 1
): number | null {
	const last = count - 1;
	if (count === 0) return null;
	if (key in steps) return Math.min(last, Math.max(0, (index ?? from) + steps[key]));
	if (key === 'Home') return 0;
	if (key === 'End') return last;
	return null;
}

/**
 * A key on a chart that reads one point at a time: the cursor's next index, `null` when Escape
 * takes it away, `undefined` when the key is not the chart's (and the browser keeps it).
 */
export function cursorKey(
	event: Pick<KeyboardEvent, 'key' | 'preventDefault'>,
	index: number | null,
	count: number,
	steps?: Record<string, number>,
	from?: number
): number | null | undefined {
	const next = cursorStep(event.key, index, count, steps, from);
	if (next === null && event.key !== 'Escape') return undefined;
	event.preventDefault();
	return next;
}
