/** The monthly chart's title: the latest month against the peak, from the rows the chart draws. */
import { formatCount, formatMonthShort } from '../../format';

interface MonthValue {
	month: Date;
	value: number | null;
}

/** "8,870 in Aug 2026, against a peak of 250,000 in Dec 2023" */
export function seriesFinding(
	points: MonthValue[],
	format: (n: number) => string = formatCount
): string | null {
	const valued = points.filter((p): p is { month: Date; value: number } => p.value !== null);
	if (!valued.length) return null;
	const last = valued[valued.length - 1];
	const peak = valued.reduce((a, p) => (p.value > a.value ? p : a));
	if (peak === last)
		return `${format(last.value)} in ${formatMonthShort(last.month)}, the highest month shown`;
	return `${format(last.value)} in ${formatMonthShort(last.month)}, against a peak of ${format(peak.value)} in ${formatMonthShort(peak.month)}`;
}
