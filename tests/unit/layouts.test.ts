/**
 * src/lib/domain/layouts.ts recognises each CSV layout by its exact header, and each layout names the
 * month of a row. Headers are read from the files with papaparse; months are checked against the
 * independent month arithmetic in tests/helpers/expected.ts.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { LAYOUTS, layoutOfHeader } from '../../src/lib/domain/layouts';
import { manifest, monthOfRow, readCsvText, readRows } from '../helpers/expected';

const files = manifest().files;

function headerOf(path: string): string[] {
	const firstLine = readCsvText(path).split(/\r?\n/, 1)[0];
	const parsed = Papa.parse<string[]>(firstLine, { header: false });
	expect(parsed.errors).toEqual([]);
	return parsed.data[0];
}

describe.each(files.map((f) => [f.path, f]))('%s', (path, file) => {
	const header = headerOf(path);

	test(`header is recognised as the ${file.layout} layout`, () => {
		expect(layoutOfHeader(header)?.id).toBe(file.layout);
	});

	test('header with a BOM before the first column is recognised', () => {
		expect(layoutOfHeader(['\uFEFF' + header[0], ...header.slice(1)])?.id).toBe(file.layout);
	});

	test('header read from a BOM-prefixed copy of the file is recognised', () => {
		const withBom = '\uFEFF' + readCsvText(path).slice(0, 2000);
		const parsed = Papa.parse<string[]>(withBom, { header: false, preview: 1 });
		expect(layoutOfHeader(parsed.data[0])?.id).toBe(file.layout);
	});

	test.each(header.map((column, i) => [column, i]))(
		'header missing %j is not recognised',
		(_column, i) => {
			expect(layoutOfHeader(header.filter((_, j) => j !== i))).toBeNull();
		}
	);

	test('header with an extra column is not recognised', () => {
		expect(layoutOfHeader([...header, 'Extra'])).toBeNull();
		expect(layoutOfHeader(['Extra', ...header])).toBeNull();
	});

	test('header with a column renamed is not recognised', () => {
		expect(layoutOfHeader([...header.slice(0, -1), header.at(-1) + 's'])).toBeNull();
	});

	test('layout.monthOf gives every row the month computed independently', () => {
		const layout = LAYOUTS[file.layout as keyof typeof LAYOUTS];
		const wrong: string[] = [];
		for (const row of readRows(path).rows) {
			const month = layout.monthOf(row);
			const expected = monthOfRow(row);
			if (month === null || month.toISOString() !== `${expected}-01T00:00:00.000Z`)
				wrong.push(`${JSON.stringify(row)} → ${month?.toISOString()} (expected ${expected})`);
			if (wrong.length >= 5) break;
		}
		expect(wrong).toEqual([]);
	});
});

describe('layout.monthOf on hand-made rows', () => {
	test.each([
		['aor', { 'Fiscal Year': '2025 (FYTD)', 'Month (abbv)': 'OCT' }, '2024-10'],
		['aor', { 'Fiscal Year': '2024', 'Month (abbv)': 'SEP' }, '2024-09'],
		['southwest-component', { 'Fiscal Year': '2024', 'Month (abbv)': 'JUN' }, '2024-06'],
		['sector-derived', { month: '2026-08' }, '2026-08'],
		['sector-pdf', { month: '1999-10' }, '1999-10']
	] as const)('%s row %j is %s', (layout, row, key) => {
		const month = LAYOUTS[layout].monthOf(row);
		expect(month?.toISOString()).toBe(`${key}-01T00:00:00.000Z`);
	});

	test.each([
		['aor', { 'Fiscal Year': 'FY25', 'Month (abbv)': 'OCT' }],
		['aor', { 'Fiscal Year': '2025', 'Month (abbv)': 'OCTOBER' }],
		['southwest-component', {}],
		['sector-derived', { month: '2025-13' }],
		['sector-pdf', { month: '2020-03-01' }]
	] as const)('%s row %j names no month', (layout, row) => {
		expect(LAYOUTS[layout].monthOf(row as Record<string, string>)).toBeNull();
	});
});

test('an empty header and an unrelated header are not recognised', () => {
	expect(layoutOfHeader([])).toBeNull();
	expect(layoutOfHeader(['date', 'value'])).toBeNull();
});
