/**
 * Month and fiscal-year helpers. A month is a UTC Date on the first of the month; CBP's fiscal
 * year N runs from October of N-1 to September of N.
 */

export const MONTH_ABBREVIATIONS = [
	'JAN',
	'FEB',
	'MAR',
	'APR',
	'MAY',
	'JUN',
	'JUL',
	'AUG',
	'SEP',
	'OCT',
	'NOV',
	'DEC'
] as const;

export function utcMonth(year: number, monthIndex0: number): Date {
	// Not `Date.UTC(year, …)`: it reads years 0–99 as 1900–1999, so `0050-06` would become 1950.
	const month = new Date(0);
	month.setUTCFullYear(year, monthIndex0, 1);
	return month;
}

/** `YYYY-MM` for a month, the form used in URLs, file names and `data-*` attributes. */
export function monthKey(month: Date): string {
	const year = String(month.getUTCFullYear()).padStart(4, '0');
	return `${year}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Parses `YYYY-MM` as that very year (`0050-06` is the year 50, not 1950); null for anything else
 * (including month 13 or a trailing day). Which years make sense is the caller's to decide.
 */
export function parseMonthKey(text: string): Date | null {
	const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const month = Number(match[2]);
	if (month < 1 || month > 12) return null;
	return utcMonth(Number(match[1]), month - 1);
}

export function addMonths(month: Date, count: number): Date {
	return utcMonth(month.getUTCFullYear(), month.getUTCMonth() + count);
}

export function fiscalYearOf(month: Date): number {
	return month.getUTCMonth() >= 9 ? month.getUTCFullYear() + 1 : month.getUTCFullYear();
}

/** The calendar month of a CBP fiscal year and month abbreviation (`2025`, `OCT` → Oct 2024). */
export function monthOfFiscal(fiscalYear: number, abbreviation: string): Date | null {
	const index = MONTH_ABBREVIATIONS.indexOf(abbreviation.trim().toUpperCase() as never);
	if (index < 0) return null;
	return utcMonth(index >= 9 ? fiscalYear - 1 : fiscalYear, index);
}

/** CBP writes the current year as `2025 (FYTD)`: the leading four digits are the fiscal year. */
export function parseFiscalYear(text: string): number | null {
	const match = /^\s*(\d{4})(\s*\(FYTD\))?\s*$/i.exec(text);
	return match ? Number(match[1]) : null;
}

/** Whole months from `from` to `to`, both included. */
export function monthsBetween(from: Date, to: Date): Date[] {
	const months: Date[] = [];
	for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
	return months;
}

const DAY_MS = 86_400_000;

export function daysInMonth(month: Date): number {
	// Whole UTC days (no daylight saving), counted through `utcMonth` like every other month.
	return (addMonths(month, 1).getTime() - month.getTime()) / DAY_MS;
}

/** A month's count as an average per day (for `per=day`); null stays null. */
export function perDay(value: number | null, month: Date): number | null {
	return value === null ? null : value / daysInMonth(month);
}
