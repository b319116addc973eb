/**
 * src/lib/domain/months.ts: months are UTC first-of-month Dates; CBP fiscal year N = Oct N-1 … Sep N.
 * The suite runs with TZ=America/Los_Angeles (vite.config.ts), where local midnight on the 1st is
 * still the previous month in UTC, so any local-time slip shows as an off-by-one month.
 */
import { describe, expect, test } from 'vitest';
import {
	MONTH_ABBREVIATIONS,
	addMonths,
	daysInMonth,
	fiscalYearOf,
	monthKey,
	monthOfFiscal,
	monthsBetween,
	parseFiscalYear,
	parseMonthKey,
	utcMonth
} from '../../src/lib/domain/months';

const iso = (d: Date | null) => d?.toISOString() ?? null;

test('the suite really runs in a zone west of UTC', () => {
	expect(new Date(Date.UTC(2025, 0, 1)).getMonth()).toBe(11);
});

describe('utcMonth', () => {
	test.each([
		[2025, 0, '2025-01-01T00:00:00.000Z'],
		[2024, 9, '2024-10-01T00:00:00.000Z'],
		[2024, 12, '2025-01-01T00:00:00.000Z'], // month index past December rolls into the next year
		[2025, -1, '2024-12-01T00:00:00.000Z']
	])('utcMonth(%i, %i) is %s', (year, index, expected) => {
		expect(utcMonth(year, index).toISOString()).toBe(expected);
	});

	// `Date.UTC` reads years 0–99 as 1900–1999; a month is always the year it names.
	test.each([
		[0, 0, '0000-01-01T00:00:00.000Z'],
		[50, 5, '0050-06-01T00:00:00.000Z'],
		[99, 0, '0099-01-01T00:00:00.000Z'],
		[99, 12, '0100-01-01T00:00:00.000Z'],
		[100, -1, '0099-12-01T00:00:00.000Z']
	])('utcMonth(%i, %i) is %s, not a year in the 1900s', (year, index, expected) => {
		expect(utcMonth(year, index).toISOString()).toBe(expected);
	});
});

describe('monthKey / parseMonthKey', () => {
	test.each([
		['2025-06', '2025-06-01T00:00:00.000Z'],
		['2025-01', '2025-01-01T00:00:00.000Z'],
		['2024-12', '2024-12-01T00:00:00.000Z'],
		['1999-10', '1999-10-01T00:00:00.000Z']
	])('parseMonthKey(%s) is the UTC first of that month', (key, expected) => {
		expect(iso(parseMonthKey(key))).toBe(expected);
	});

	test.each([
		[Date.UTC(2025, 5, 1), '2025-06'],
		[Date.UTC(2025, 0, 1), '2025-01'],
		[Date.UTC(1999, 9, 1), '1999-10'],
		[Date.UTC(2026, 7, 1), '2026-08']
	])('monthKey(%i) is %s', (ms, key) => {
		expect(monthKey(new Date(ms))).toBe(key);
	});

	test('round-trips every month from Jan 1999 to Dec 2030', () => {
		const failures: string[] = [];
		for (let y = 1999; y <= 2030; y++)
			for (let m = 1; m <= 12; m++) {
				const key = `${y}-${String(m).padStart(2, '0')}`;
				const date = parseMonthKey(key);
				if (date === null || monthKey(date) !== key || date.getUTCDate() !== 1) failures.push(key);
			}
		expect(failures).toEqual([]);
	});

	// Any four-digit year is that year (deciding which years make sense is the caller's job).
	test.each([
		['0000-01', 0, 0],
		['0050-06', 50, 5],
		['0099-01', 99, 0],
		['0999-12', 999, 11],
		['1899-12', 1899, 11],
		['2101-01', 2101, 0],
		['9999-12', 9999, 11]
	])(
		'parseMonthKey(%s) is year %i, month index %i, and writes back the same',
		(key, year, index) => {
			const month = parseMonthKey(key)!;
			expect([month.getUTCFullYear(), month.getUTCMonth(), month.getUTCDate()]).toEqual([
				year,
				index,
				1
			]);
			expect(monthKey(month)).toBe(key);
		}
	);

	test.each([
		'2025-13',
		'2025-00',
		'9999-99',
		'0050-6',
		'-050-06',
		'2025-6',
		'abc',
		'2025-06-01',
		'',
		'25-06',
		'2025/06',
		'202506'
	])('parseMonthKey rejects %j', (text) => {
		expect(parseMonthKey(text)).toBeNull();
	});
});

describe('addMonths', () => {
	test.each([
		['2024-11', 2, '2025-01'],
		['2025-01', -1, '2024-12'],
		['2025-06', 0, '2025-06'],
		['2019-10', 12, '2020-10'],
		['2026-08', -323, '1999-09']
	])('%s + %i months is %s', (from, count, expected) => {
		expect(monthKey(addMonths(parseMonthKey(from)!, count))).toBe(expected);
	});
});

describe('daysInMonth', () => {
	test.each([
		['2024-02', 29],
		['2023-02', 28],
		['2000-02', 29],
		['1900-02', 28],
		['0000-02', 29], // year 0 is a leap year (divisible by 400); 1900 is not
		['0050-06', 30],
		['2025-01', 31],
		['2024-12', 31]
	])('%s has %i days', (key, days) => {
		expect(daysInMonth(parseMonthKey(key)!)).toBe(days);
	});
});

describe('fiscalYearOf', () => {
	test.each([
		['2025-09', 2025],
		['2025-10', 2026],
		['2024-10', 2025],
		['2025-06', 2025],
		['2024-06', 2024],
		['2025-01', 2025],
		['2024-12', 2025]
	])('%s is in FY%i', (key, fy) => {
		expect(fiscalYearOf(parseMonthKey(key)!)).toBe(fy);
	});
});

describe('monthOfFiscal', () => {
	test.each([
		[2025, 'OCT', '2024-10'],
		[2025, 'NOV', '2024-11'],
		[2025, 'DEC', '2024-12'],
		[2025, 'JAN', '2025-01'],
		[2025, 'JUN', '2025-06'],
		[2025, 'SEP', '2025-09'],
		[2020, 'OCT', '2019-10']
	])('FY%i %s is %s', (fy, abbreviation, key) => {
		const month = monthOfFiscal(fy, abbreviation);
		expect(month && monthKey(month)).toBe(key);
		expect(iso(month)).toBe(`${key}-01T00:00:00.000Z`);
	});

	test('every abbreviation maps into its own fiscal year', () => {
		expect(MONTH_ABBREVIATIONS.map((a) => fiscalYearOf(monthOfFiscal(2024, a)!))).toEqual(
			Array(12).fill(2024)
		);
		expect(new Set(MONTH_ABBREVIATIONS.map((a) => monthKey(monthOfFiscal(2024, a)!))).size).toBe(
			12
		);
	});

	test.each(['JUNE', 'XYZ', '', 'O CT', '6'])('a bad abbreviation %j is null', (abbreviation) => {
		expect(monthOfFiscal(2025, abbreviation)).toBeNull();
	});
});

describe('parseFiscalYear', () => {
	test.each([
		['2025 (FYTD)', 2025],
		['2024', 2024],
		[' 2022 ', 2022]
	])('%j is %i', (text, fy) => {
		expect(parseFiscalYear(text)).toBe(fy);
	});

	test.each(['FY25', 'FY2025', '25', '', 'abcd', '2025 (YTD)', '20250'])('%j is null', (text) => {
		expect(parseFiscalYear(text)).toBeNull();
	});
});

describe('monthsBetween', () => {
	test('includes both ends and crosses the year boundary', () => {
		expect(
			monthsBetween(parseMonthKey('2024-11')!, parseMonthKey('2025-02')!).map(monthKey)
		).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
	});

	test('a single month is one month', () => {
		expect(
			monthsBetween(parseMonthKey('2025-06')!, parseMonthKey('2025-06')!).map(monthKey)
		).toEqual(['2025-06']);
	});

	test('from after to is empty', () => {
		expect(monthsBetween(parseMonthKey('2025-07')!, parseMonthKey('2025-06')!)).toEqual([]);
	});

	test('Oct 1999 – Aug 2026 is 323 distinct UTC first-of-month dates', () => {
		const months = monthsBetween(parseMonthKey('1999-10')!, parseMonthKey('2026-08')!);
		expect(months).toHaveLength(323);
		expect(new Set(months.map(monthKey)).size).toBe(323);
		expect(months.every((m) => m.getUTCDate() === 1 && m.getUTCHours() === 0)).toBe(true);
	});
});
