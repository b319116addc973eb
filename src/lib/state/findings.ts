/**
 * Chart titles that state what the numbers show, computed from the same rows the chart draws.
 * Each returns null when there is nothing to state (no values), and the page then uses a plain title.
 */
import { percentChange } from '../data/change';
import { formatChange, formatCount, formatMonthShort } from '../format';

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

/**
 * What is counted and where it moved: "U.S. Border Patrol encounters fell in 8 of 9 sectors and
 * rose in 1"; one area by its name: "U.S. Border Patrol encounters in Tucson Sector fell 12.3%".
 */
export function sectorsFinding(
	sectors: { name: string; value: number | null; baselineValue: number | null }[],
	noun: { many: string; one: string },
	counted: string
): string | null {
	const changes = sectors
		.map((s) => percentChange(s.value, s.baselineValue))
		.filter((c): c is number => c !== null);
	if (!changes.length) return null;
	if (sectors.length === 1) {
		const [change] = changes;
		const lead = `${counted} in ${sectors[0].name}`;
		if (Number(Math.abs(change).toFixed(1)) === 0) return `${lead} were unchanged`;
		return `${lead} ${change < 0 ? 'fell' : 'rose'} ${formatChange(Math.abs(change)).replace('+', '')}`;
	}
	const fell = changes.filter((c) => c < 0).length;
	const rose = changes.filter((c) => c > 0).length;
	const all =
		changes.length === 1
			? `the one ${noun.one} with a change`
			: changes.length === 2
				? `both ${noun.many}`
				: `all ${changes.length} ${noun.many}`;
	if (fell === changes.length) return `${counted} fell in ${all}`;
	if (rose === changes.length) return `${counted} rose in ${all}`;
	return `${counted} fell in ${fell} of ${changes.length} ${noun.many} and rose in ${rose}`;
}

/**
 * "No file here breaks U.S. Border Patrol encounters of unaccompanied children down by sector for
 * Jun 2025": said of the months whose total comes from a file without areas (CBP's
 * Southwest-by-component file), where every area is null.
 */
export function noAreasFinding(
	missing: Date[],
	noun: { one: string },
	counted: string
): string | null {
	if (!missing.length) return null;
	return `No file here breaks ${counted} down by ${noun.one} for ${missing.map(formatMonthShort).join(' or ')}`;
}

/** "Changes in U.S. Border Patrol encounters from a year earlier ranged from −96.5% (San Diego Sector) to −27.4% (Big Bend Sector)" */
export function rangeFinding(
	values: { name: string; change: number | null }[],
	counted: string
): string | null {
	const valued = values.filter((v): v is { name: string; change: number } => v.change !== null);
	if (valued.length < 2) return null;
	const low = valued.reduce((a, v) => (v.change < a.change ? v : a));
	const high = valued.reduce((a, v) => (v.change > a.change ? v : a));
	return `Changes in ${counted} from a year earlier ranged from ${formatChange(low.change)} (${low.name}) to ${formatChange(high.change)} (${high.name})`;
}

/** "Tucson Sector had the most U.S. Border Patrol encounters in Jun 2025: 966 of 6,066" */
export function largestFinding(
	parts: { name: string; value: number | null }[],
	month: Date,
	counted: string,
	format: (n: number) => string = formatCount
): string | null {
	const valued = parts.filter((p): p is { name: string; value: number } => p.value !== null);
	if (!valued.length) return null;
	const top = valued.reduce((a, p) => (p.value > a.value ? p : a));
	const total = valued.reduce((a, p) => a + p.value, 0);
	return `${top.name} had the most ${counted} in ${formatMonthShort(month)}: ${format(top.value)} of ${format(total)}`;
}

/** "Single adults made up 63.9% of U.S. Border Patrol encounters in Sep 2024" */
export function shareFinding(
	rows: { month: Date; key: string; value: number }[],
	label: (key: string) => string,
	counted: string
): string | null {
	if (!rows.length) return null;
	const lastTime = Math.max(...rows.map((r) => r.month.getTime()));
	const last = rows.filter((r) => r.month.getTime() === lastTime);
	const total = last.reduce((a, r) => a + r.value, 0);
	if (!total) return null;
	const top = last.reduce((a, r) => (r.value > a.value ? r : a));
	return `${label(top.key)} made up ${((top.value / total) * 100).toFixed(1)}% of ${counted} in ${formatMonthShort(new Date(lastTime))}`;
}
