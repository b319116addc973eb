/** Display formats: D3 does the number and date formatting; months are formatted in UTC. */
import { format, utcFormat } from 'd3';

export const formatCount = format(',');
export const formatMonthLong = utcFormat('%B %Y');
export const formatMonthShort = utcFormat('%b %Y');

/** `−92.7%` with a true minus sign for reading; `+12.0%` for increases. */
export function formatChange(pct: number | null, digits = 1): string {
	if (pct === null) return 'n/a';
	const text = Math.abs(pct).toFixed(digits);
	if (Number(text) === 0) return `${text}%`;
	return `${pct < 0 ? '−' : '+'}${text}%`;
}

/** Bytes as MB with one decimal, for loading progress. */
export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1e6).toFixed(1)} MB`;
}
