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
	formatMonthShort,
	countryInText,
	nameCase,
	plainText
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
		[100, '+100.0%'],
		[1414.62, '+1,414.6%'],
		[-123456.78, '−123,456.8%']
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

describe('plainText', () => {
	test.each<[string, string, string]>([
		['plain ASCII', 'Southwest border, June 2025', 'Southwest border, June 2025'],
		['other scripts', 'Frontera 日本 مرز Ñandú', 'Frontera 日本 مرز Ñandú'],
		[
			'emoji with ZWJ and a pair of surrogates',
			'a 👩\u200D👩 b \u{1F600}',
			'a 👩\u200D👩 b \u{1F600}'
		],
		['Persian ZWNJ', 'می\u200Cخواهم', 'می\u200Cخواهم'],
		['XML specials (escaping is the serialiser’s job)', '<script>&"\'', '<script>&"\''],
		['right-to-left override', 'abc\u202Efdp.exe', 'abcfdp.exe'],
		['every embedding and override', 'a\u202Ab\u202Bc\u202Cd\u202De', 'abcde'],
		['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
		['directional marks', '\u200Ea\u200Fb\u061Cc', 'abc'],
		['zero-width space, word joiner, BOM', '\uFEFFa\u200Bb\u2060c', 'abc'],
		['C0 controls and DEL', 'a\u0000b\u0007c\u001Bd\u007F', 'abcd'],
		['C1 controls', 'a\u0080b\u009Bc\u009F', 'abc'],
		[
			'line breaks and tabs become a space',
			'line one\r\nline two\tthree\u2028four',
			'line one line two three four'
		],
		['BMP noncharacters', 'a\uFFFEb\uFFFFc', 'abc'],
		['Arabic noncharacter block', 'a\uFDD0b\uFDEFc', 'abc'],
		['noncharacters in other planes', 'a\u{1FFFE}b\u{10FFFF}c\u{EFFFF}', 'abc'],
		[
			'code points next to noncharacters stay',
			'\uFDCF\uFDF0\uFFFD\u{1FFFD}',
			'\uFDCF\uFDF0\uFFFD\u{1FFFD}'
		],
		['lone high surrogate', 'a\uD800b', 'ab'],
		['lone low surrogate', 'a\uDC00b', 'ab'],
		['reversed pair is two lone surrogates', 'a\uDE00\uD83Db', 'ab'],
		['empty', '', '']
	])('%s', (_, input, expected) => {
		expect(plainText(input)).toBe(expected);
	});

	test('its output is well-formed UTF-16 and already plain', () => {
		const messy = '\u202E<b>\uD800 Tucson\u0000 \uFFFF(1)\u{10FFFE}';
		const once = plainText(messy);
		expect(once).toBe('<b> Tucson (1)');
		expect(once.isWellFormed()).toBe(true);
		expect(plainText(once)).toBe(once);
	});
});

describe('countryInText', () => {
	test.each([
		['MEXICO', 'Mexico'],
		['CHINA, PEOPLES REPUBLIC OF', 'the Peoples Republic of China'],
		['OTHER', 'other countries'],
		['EL SALVADOR', 'El Salvador'],
		// A comma without a trailing "of" is not an inverted name.
		['Korea, South', 'Korea, South']
	])('%s → %s', (text, expected) => {
		expect(countryInText(text)).toBe(expected);
	});
});

describe('nameCase', () => {
	test.each([
		['MEXICO', 'Mexico'],
		['CHINA, PEOPLES REPUBLIC OF', 'China, Peoples Republic of'],
		['EL SALVADOR', 'El Salvador'],
		['OTHER', 'Other'],
		// Already written with lower case: kept as written.
		['Mexico', 'Mexico'],
		['中国', '中国']
	])('%s → %s', (text, expected) => {
		expect(nameCase(text)).toBe(expected);
	});
});
