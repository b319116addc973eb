/**
 * src/lib/format.ts: display formats. Months are UTC Dates on the 1st, so formatting must be in
 * UTC: the suite runs in America/Los_Angeles, where such a Date is still the previous month locally.
 */
import { describe, expect, test } from 'vitest';
import {
	formatChange,
	formatCount,
	formatMegabytes,
	formatMonthLong,
	formatMonthShort
} from '../../src/lib/format';

const utc = (year: number, monthIndex0: number) => new Date(Date.UTC(year, monthIndex0, 1));

describe('formatCount', () => {
	test.each([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[6066, '6,066'],
		[83532, '83,532'],
		[1234567, '1,234,567'],
		[2475669, '2,475,669']
	])('writes %j as %j', (n, expected) => {
		expect(formatCount(n)).toBe(expected);
	});
});

describe('formatChange', () => {
	test('writes n/a for null', () => {
		expect(formatChange(null)).toBe('n/a');
	});

	test.each<[number, string]>([
		[-92.738112340181, '−92.7%'],
		[12, '+12.0%'],
		[-50, '−50.0%'],
		[0.25, '+0.3%'],
		[100, '+100.0%']
	])('writes %j as %j', (pct, expected) => {
		expect(formatChange(pct)).toBe(expected);
	});

	test('uses a true minus sign (U+2212), never a hyphen', () => {
		const text = formatChange(-5);
		expect(text.charCodeAt(0)).toBe(0x2212);
		expect(text).not.toContain('-');
	});

	test.each([0, -0, 0.04, -0.04])('writes a change that rounds to zero (%j) unsigned', (pct) => {
		expect(formatChange(pct)).toBe('0.0%');
	});

	test.each<[number, number, string]>([
		[-92.738112340181, 0, '−93%'],
		[-92.738112340181, 2, '−92.74%'],
		[12, 2, '+12.00%']
	])('writes %j with %j digits as %j', (pct, digits, expected) => {
		expect(formatChange(pct, digits)).toBe(expected);
	});
});

describe('month formats are UTC', () => {
	test('the suite really runs in a zone west of UTC', () => {
		expect(utc(2025, 5).getMonth()).toBe(4);
	});

	test.each<[Date, string, string]>([
		[utc(2025, 5), 'June 2025', 'Jun 2025'],
		[utc(2025, 0), 'January 2025', 'Jan 2025'],
		[utc(2024, 9), 'October 2024', 'Oct 2024'],
		[utc(2000, 11), 'December 2000', 'Dec 2000']
	])('%s reads as %j and %j', (month, long, short) => {
		expect(formatMonthLong(month)).toBe(long);
		expect(formatMonthShort(month)).toBe(short);
	});
});

describe('formatMegabytes', () => {
	test.each([
		[0, '0.0 MB'],
		[1_500_000, '1.5 MB'],
		[12_345_678, '12.3 MB']
	])('writes %j bytes as %j', (bytes, expected) => {
		expect(formatMegabytes(bytes)).toBe(expected);
	});
});
