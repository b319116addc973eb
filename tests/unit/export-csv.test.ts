/**
 * CSV for spreadsheets: UTF-8 BOM, a header row, numbers as numbers, and text that a spreadsheet
 * would run as a formula neutralised; the file parses back to the same values.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvTable, rounded, toCsv } from '../../src/lib/export/csv';

/** Rows as text; the file ends with a line break, so the last (empty) line is dropped. */
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data.slice(0, -1);

describe('toCsv', () => {
	test('starts with a UTF-8 byte order mark and a header row', () => {
		const csv = toCsv(csvTable([{ header: 'month', value: (r: string) => r }], ['2025-06']));
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(parse(csv)).toEqual([['month'], ['2025-06']]);
	});

	test('writes numbers as numbers (negative ones unquoted and unprefixed) and null as empty', () => {
		const rows = [
			{ m: '2025-06', n: 6066, c: -92.7 },
			{ m: '2025-07', n: null, c: null }
		];
		const csv = toCsv(
			csvTable(
				[
					{ header: 'month', value: (r: (typeof rows)[number]) => r.m },
					{ header: 'encounters', value: (r) => r.n },
					{ header: 'change_percent', value: (r) => r.c }
				],
				rows
			)
		);
		expect(csv).toBe(
			'\uFEFFmonth,encounters,change_percent\r\n2025-06,6066,-92.7\r\n2025-07,,\r\n'
		);
	});

	test.each([
		['=SUM(A1:A2)', "'=SUM(A1:A2)"],
		['+1', "'+1"],
		['-1+2', "'-1+2"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['=1\n=2', "'=1\n=2"],
		['Tucson Sector', 'Tucson Sector'],
		['CHINA, PEOPLES REPUBLIC OF', 'CHINA, PEOPLES REPUBLIC OF'],
		['say "hi"', 'say "hi"']
	])('text %j is written so a spreadsheet reads %j', (text, expected) => {
		const csv = toCsv(csvTable([{ header: 'area', value: (r: string) => r }], [text]));
		expect(parse(csv)[1][0]).toBe(expected);
	});

	test('a header is plain text', () => {
		const csv = toCsv(csvTable([{ header: 'area\u202E\uFFFE', value: (r: string) => r }], ['a']));
		expect(parse(csv)).toEqual([['area'], ['a']]);
	});

	test('infinite or NaN numbers are left empty, not written as text', () => {
		const csv = toCsv(csvTable([{ header: 'n', value: (r: number) => r }], [Infinity, NaN, 1.5]));
		expect(parse(csv)).toEqual([['n'], [''], [''], ['1.5']]);
	});

	test('builds the rows only when written', () => {
		let calls = 0;
		const table = csvTable(
			[
				{
					header: 'n',
					value: (r: number) => {
						calls += 1;
						return r;
					}
				}
			],
			[1, 2, 3]
		);
		expect(calls).toBe(0);
		toCsv(table);
		expect(calls).toBe(3);
	});

	test('a large table is written in one go', () => {
		const rows = Array.from({ length: 200_000 }, (_, i) => i);
		const csv = toCsv(csvTable([{ header: 'n', value: (r: number) => r }], rows));
		expect(csv.split('\r\n').length).toBe(200_002);
	});
});

test.each([
	[12.345, 1, 12.3],
	[-92.74, 1, -92.7],
	[null, 1, null],
	[NaN, 1, null]
])('rounded(%s, %s) is %s', (value, digits, expected) => {
	expect(rounded(value, digits)).toBe(expected);
});
