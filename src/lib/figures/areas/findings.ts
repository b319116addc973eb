/**
 * Titles shared by the figures of areas (sectors, small multiples, map, states). Like every
 * figure's finding, each is computed from the rows the chart draws and is null when there is
 * nothing to state (the page then uses a plain title).
 */
import { formatCount, formatMonthShort } from '../../format';

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
