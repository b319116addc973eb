/**
 * `validate.ts` checks a CBP CSV before anything is loaded. Every file in tests/fixtures/bad/ gets
 * one clear message naming the file, the line and the column; the valid tricky files there
 * (quoted commas and quotes, line breaks inside quotes, BOM) pass; the very large files are made
 * at test time in a temp dir. Every real file in data/ passes, and its `countSum` equals a sum
 * computed here without papaparse.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadFiles } from '../../src/lib/db/load';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { overlap } from '../../src/lib/upload/overlap';
import {
	MAX_UPLOAD_BYTES,
	problemMessages,
	sizeProblem,
	validateCsv,
	type ValidationResult
} from '../../src/lib/upload/validate';
import { sql } from '../../src/lib/db/sql';
import { DATA_DIR, manifest, monthRange, nextMonth } from '../helpers/expected';
import { emptyDb, manifestFiles } from '../helpers/node-db';

const FIXTURES = new URL('../fixtures/', import.meta.url);

function validateFixture(path: string): ValidationResult {
	const bytes = readFileSync(new URL(path, FIXTURES));
	return validateCsv(path.split('/').at(-1)!, bytes.length, new Uint8Array(bytes));
}

function validateText(fileName: string, text: string): ValidationResult {
	const bytes = new TextEncoder().encode(text);
	return validateCsv(fileName, bytes.length, bytes);
}

const AOR_HEADER =
	'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
const AOR_ROW =
	'2024,FYTD,JUN,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,100';

describe('bad files are refused with one clear message naming file, line and column', () => {
	test.each([
		['empty.csv', 'empty.csv: is empty (0 bytes)'],
		['header-only.csv', 'header-only.csv: has a header (line 1) but no data rows'],
		[
			'wrong-delimiter-semicolon.csv',
			'wrong-delimiter-semicolon.csv, line 1: found one column "Fiscal Year;Month Grouping;'
		],
		['wrong-delimiter-semicolon.csv', 'separated by semicolons (;), not commas'],
		['wrong-delimiter-tab.csv', 'wrong-delimiter-tab.csv, line 1: found one column'],
		['wrong-delimiter-tab.csv', 'separated by tabs, not commas'],
		[
			'missing-column.csv',
			'missing-column.csv, line 1: missing column "AOR (Abbv)"; expected the CBP Nationwide Encounters by Area of Responsibility header: Fiscal Year,Month Grouping,'
		],
		[
			'extra-column.csv',
			'extra-column.csv, line 1: unexpected extra column "Notes"; expected the CBP Nationwide Encounters by Area of Responsibility header'
		],
		['utf16.csv', 'utf16.csv: is UTF-16 text (it starts with the byte-order mark 0xFF 0xFE)'],
		['utf16-no-bom.csv', 'utf16-no-bom.csv: looks like UTF-16 text without a byte-order mark'],
		[
			'binary.csv',
			'binary.csv: is not a text file: it contains NUL bytes (first at byte 0, line 1)'
		],
		['latin1.csv', 'latin1.csv: is not UTF-8 text: byte 375 (line 3) is 0xD4'],
		[
			'non-numeric-count.csv',
			'non-numeric-count.csv, line 3, column "Encounter Count": "34x" is not a number; expected a whole number, 0 or more'
		],
		[
			'non-numeric-count.csv',
			'non-numeric-count.csv, line 4, column "Encounter Count": "1,431" has a thousands separator'
		],
		[
			'non-numeric-count.csv',
			'non-numeric-count.csv, line 5, column "Encounter Count": "n/a" is not a number'
		],
		[
			'negative-count.csv',
			'negative-count.csv, line 4, column "Encounter Count": "-1431" is negative; expected a whole number, 0 or more'
		],
		[
			'unknown-month.csv',
			'unknown-month.csv, line 3, column "Month (abbv)": "JUNE" is not a month abbreviation; expected one of JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC'
		],
		[
			'unknown-month.csv',
			'unknown-month.csv, line 4, column "Month (abbv)": "Sept" is not a month abbreviation'
		],
		[
			'unknown-labels.csv',
			'unknown-labels.csv, line 3, column "Area of Responsibility": "Atlantis Sector" is not a known USBP area of responsibility; expected one of "San Diego Sector"'
		],
		[
			'unknown-labels.csv',
			'unknown-labels.csv, line 4, column "Demographic": "Family Units" is not a known demographic; expected one of "Single Adults", "FMUA", "Accompanied Minors", "UC / Single Minors", "UAC"'
		],
		[
			'unknown-labels.csv',
			'unknown-labels.csv, line 5, column "Month Grouping": "YTD" is not a month grouping; expected "FYTD" or "Remaining"'
		],
		[
			'embedded-newline-then-bad-row.csv',
			'embedded-newline-then-bad-row.csv, line 8, column "Encounter Count": "many" is not a number'
		]
	])('%s: %s', (file, message) => {
		const result = validateFixture(`bad/${file}`);
		expect(result.ok).toBe(false);
		expect(problemMessages(result).some((m) => m.startsWith(message) || m.includes(message))).toBe(
			true
		);
		expect(result.summary).toMatch(new RegExp(`^Refused ${file.replace(/\./g, '\\.')}`));
	});

	test.each([
		['non-numeric-count.csv', 4, 1, [3, 4, 5]],
		['negative-count.csv', 4, 3, [4]],
		['unknown-month.csv', 4, 2, [3, 4]],
		['unknown-labels.csv', 4, 1, [3, 4, 5]],
		['embedded-newline-then-bad-row.csv', 4, 3, [8]]
	])(
		'%s: all or nothing: %i rows read, %i acceptable, rejected lines %j, and the file is refused',
		(file, read, accepted, lines) => {
			const result = validateFixture(`bad/${file}`);
			expect(result.rowsRead).toBe(read);
			expect(result.rowsAccepted).toBe(accepted);
			expect(result.rejected.map((r) => r.line)).toEqual(lines);
			expect(result.errors).toContain(
				`${file}: ${read - accepted} of ${read} rows rejected; nothing from this file is loaded`
			);
		}
	);

	test('a rejected row carries line, column, value, reason and what was expected', () => {
		const [row] = validateFixture('bad/negative-count.csv').rejected;
		expect(row).toMatchObject({
			line: 4,
			endLine: 4,
			column: 'Encounter Count',
			value: '-1431',
			reason: 'is negative',
			expected: 'a whole number, 0 or more, written without separators'
		});
	});

	test('files refused before their rows are read name no layout and read no rows', () => {
		for (const file of ['empty.csv', 'utf16.csv', 'binary.csv', 'missing-column.csv']) {
			const result = validateFixture(`bad/${file}`);
			expect(result.layout).toBeNull();
			expect(result.rowsRead).toBe(0);
			expect(result.errors).toHaveLength(1);
		}
	});
});

describe('valid tricky files pass', () => {
	test.each([
		// [file, rows, countSum (added up by hand from the fixture)]
		['bad/quoted-commas-and-quotes.csv', 4, 341 + 12 + 3 + 7],
		['bad/embedded-newline.csv', 3, 593 + 5 + 1431],
		['bad/bom.csv', 4, 593 + 341 + 1431 + 24],
		['upload/label-variants-aor.csv', 6, 40 + 38 + 150 + 12 + 9 + 0],
		['upload/aor-sample.csv', 24, 4227],
		['upload/state-sample.csv', 7, 160],
		['upload/southwest-component-sample.csv', 7, 81]
	])('%s: %i rows, count sum %i', (path, rows, sum) => {
		const result = validateFixture(path);
		expect(problemMessages(result)).toEqual([]);
		expect(result.ok).toBe(true);
		expect(result.rowsRead).toBe(rows);
		expect(result.rowsAccepted).toBe(rows);
		expect(result.countSum).toBe(sum);
	});

	test('a quoted field keeps its commas and doubled quotes', () => {
		const result = validateFixture('bad/quoted-commas-and-quotes.csv');
		expect(result.ok).toBe(true);
		expect(result.summary).toBe(
			'Recognised CBP Nationwide Encounters by Area of Responsibility, FY2024, Jun 2024, 4 rows'
		);
	});

	test('a UTF-8 BOM is stripped: the header is recognised and the BOM noted', () => {
		const result = validateFixture('bad/bom.csv');
		expect(result.hadBom).toBe(true);
		expect(result.columns[0]).toBe('Fiscal Year');
		expect(result.layout).toBe('aor');
	});

	test('known label variants are accepted: 2025 (FYTD), Remaining, UAC, sector without "Sector", Coastal Border, OFO, month in any case', () => {
		const result = validateFixture('upload/label-variants-aor.csv');
		expect(result.ok).toBe(true);
		expect(result.fiscalYears).toEqual([2021, 2024, 2025]);
		expect(result.months.list).toEqual(['2021-03', '2024-06', '2024-09', '2024-10', '2024-11']);
		expect(result.scope).toEqual({
			components: ['usbp', 'ofo'],
			regions: ['southwest', 'northern', 'other']
		});
	});

	test('the state layout is recognised and loads into the views, USBP and OFO together', () => {
		const result = validateFixture('upload/state-sample.csv');
		expect(result.layout).toBe('state');
		expect(result.role).toBe('encounters');
		expect(result.scope).toEqual({ components: ['usbp', 'ofo'], regions: ['northern'] });
		expect(result.summary).toBe(
			'Recognised CBP Nationwide Encounters by state, FY2020, Apr 2020, 7 rows'
		);
	});

	test('LF, CRLF and lone CR line ends read alike', () => {
		const rows = [AOR_HEADER, AOR_ROW, AOR_ROW.replace('JUN', 'JUL')];
		for (const newline of ['\n', '\r\n', '\r']) {
			const result = validateText('x.csv', rows.join(newline) + newline);
			expect(result.ok).toBe(true);
			expect(result.rowsRead).toBe(2);
		}
	});

	test('blank lines between rows are skipped, and line numbers still count them', () => {
		const result = validateText(
			'gaps.csv',
			`${AOR_HEADER}\n\n${AOR_ROW}\n\n\n${AOR_ROW.replace(',100', ',x')}\n`
		);
		expect(result.rowsRead).toBe(2);
		expect(result.rejected.map((r) => r.line)).toEqual([6]);
	});

	test('valid AOR fixtures also load through the app loader, and DuckDB sums to countSum', async () => {
		const template = manifestFiles.find((f) => f.layout === 'aor')!;
		const paths = [
			'bad/quoted-commas-and-quotes.csv',
			'bad/embedded-newline.csv',
			'bad/bom.csv',
			'upload/label-variants-aor.csv'
		];
		const files: ManifestFile[] = paths.map((path, i) => {
			const result = validateFixture(path);
			return { ...template, id: `fixture_${i}`, path, coverage: result.coverage! };
		});
		const db = await emptyDb();
		await loadFiles(
			db,
			files,
			async (file) => new Uint8Array(readFileSync(new URL(file.path, FIXTURES)))
		);
		for (const file of files) {
			const [row] = await db.query<{ total: number }>(
				sql`SELECT CAST(sum(count) AS INTEGER) AS total FROM encounter_rows WHERE source_id = ${file.id}`
			);
			expect(row.total).toBe(validateFixture(file.path).countSum);
		}
	});
});

describe('header problems name what is wrong and what was expected', () => {
	test.each([
		[
			'misspelt column',
			AOR_HEADER.replace('Encounter Count', 'encounter  count'),
			'x.csv, line 1: column "encounter  count" should be spelt "Encounter Count"'
		],
		[
			'columns in another order',
			AOR_HEADER.replace('Fiscal Year,Month Grouping', 'Month Grouping,Fiscal Year'),
			'x.csv, line 1: the columns are in a different order; expected the CBP Nationwide Encounters by Area of Responsibility header'
		],
		[
			'a repeated column',
			AOR_HEADER.replace('Demographic', 'Citizenship'),
			'x.csv, line 1: repeated column "Citizenship"; missing column "Demographic"'
		],
		[
			'an unrelated header',
			'date,value',
			'x.csv, line 1: the header "date,value" matches no known layout; expected one of: CBP Nationwide Encounters by Area of Responsibility (Fiscal Year,'
		],
		[
			'a blank first line',
			`\n${AOR_HEADER}`,
			'x.csv: the file starts with 1 blank line; expected the header on line 1'
		]
	])('%s', (_what, header, message) => {
		const result = validateText('x.csv', `${header}\n${AOR_ROW}\n`);
		expect(result.ok).toBe(false);
		expect(result.errors[0]).toContain(message);
	});

	test('whitespace only is refused as having no header', () => {
		expect(validateText('x.csv', ' \r\n\r\n').errors).toEqual([
			'x.csv: contains only blank lines; expected a CBP CSV with a header line and data rows'
		]);
	});
});

describe('row checks for every layout', () => {
	const SECTOR_DERIVED =
		'month,fiscal_year,component,land_border_region,area_of_responsibility,aor_abbv,title_of_authority,encounter_type,encounter_count';
	test.each([
		[
			'AOR (Abbv) that does not match the sector',
			`${AOR_HEADER}\n${AOR_ROW.replace(',TCA,', ',YUM,')}`,
			'x.csv, line 2, column "AOR (Abbv)": "YUM" does not match the area of responsibility Tucson Sector; expected "TCA"'
		],
		[
			'a sector in the wrong region',
			`${AOR_HEADER}\n${AOR_ROW.replace('Southwest Land Border', 'Northern Land Border')}`,
			'x.csv, line 2, column "Land Border Region": "Northern Land Border" does not match Tucson Sector, which lies in the Southwest land border'
		],
		[
			'a field office under USBP',
			`${AOR_HEADER}\n${AOR_ROW.replace('Tucson Sector,TCA', 'Tucson Field Office,Tucson')}`,
			'column "Area of Responsibility": "Tucson Field Office" is an OFO field office, but the row\'s component is U.S. Border Patrol'
		],
		[
			'a fiscal year without four digits',
			`${AOR_HEADER}\n${AOR_ROW.replace('2024,', 'FY24,')}`,
			'x.csv, line 2, column "Fiscal Year": "FY24" is not a fiscal year; expected a fiscal year such as 2024 or 2025 (FYTD)'
		],
		[
			'an empty count',
			`${AOR_HEADER}\n${AOR_ROW.replace(/,100$/, ',')}`,
			'x.csv, line 2, column "Encounter Count": the cell is empty; expected a whole number'
		],
		[
			'a decimal count',
			`${AOR_HEADER}\n${AOR_ROW.replace(/,100$/, ',10.5')}`,
			'"10.5" is not a whole number'
		],
		[
			'a count too large for DuckDB INTEGER',
			`${AOR_HEADER}\n${AOR_ROW.replace(/,100$/, ',3000000000')}`,
			'"3000000000" is larger than 2,147,483,647'
		],
		[
			'a repeated row (it would be counted twice)',
			`${AOR_HEADER}\n${AOR_ROW}\n${AOR_ROW.replace(',100', ',7')}`,
			'x.csv, line 3: the row repeats the labels and month of line 2; expected each combination of month and labels once'
		],
		[
			'a row with too few fields',
			`${AOR_HEADER}\n${AOR_ROW.replace(',MEXICO', '')}`,
			'x.csv, line 2: the row has 11 fields; expected 12 comma-separated fields, one per column'
		],
		[
			'a quoted field never closed',
			`${AOR_HEADER}\n${AOR_ROW.replace('MEXICO', '"MEXICO')}\n${AOR_ROW}`,
			'x.csv, lines 2–3, column "Citizenship": "MEXICO,Title 8,Apprehensions,100\\n2024,FYTD,JUN,U.S. Border Patrol,Southwest Land…" opens a quoted field that is never closed'
		],
		[
			'a derived file whose fiscal_year is not the month’s',
			`${SECTOR_DERIVED}\n2019-11,2019,U.S. Border Patrol,Southwest Land Border,Big Bend Sector,BBT,Title 8,Apprehensions,526`,
			'x.csv, line 2, column "fiscal_year": "2019" is not the fiscal year of 2019-11; expected 2020'
		],
		[
			'a derived file with a bad month',
			`${SECTOR_DERIVED}\n2019-13,2020,U.S. Border Patrol,Southwest Land Border,Big Bend Sector,BBT,Title 8,Apprehensions,526`,
			'x.csv, line 2, column "month": "2019-13" is not a month; expected a month written YYYY-MM'
		],
		[
			'a PDF-series sector in the wrong region',
			'month,fiscal_year,land_border_region,sector,encounters\n1999-10,2000,Coastal Border,Tucson,716',
			'x.csv, line 2, column "land_border_region": "Coastal Border" does not match Tucson Sector'
		],
		[
			'an annual table with an unknown sector',
			'sector,fiscal_year,total_apprehensions\nMarfa,1960,633',
			'x.csv, line 2, column "sector": "Marfa" is not a known USBP area of responsibility'
		],
		[
			'a state file with a state name instead of its code',
			'Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count\n2020,FYTD,APR,Northern Land Border,Idaho,Single Adults,CANADA,Title 8,2',
			'x.csv, line 2, column "State": "Idaho" is not a state code; expected a two-letter code'
		]
	])('%s', (_what, text, message) => {
		const result = validateText('x.csv', text + '\r\n');
		expect(result.ok).toBe(false);
		expect(problemMessages(result).join('\n')).toContain(message);
	});
});

describe('files too large to read', () => {
	const dir = mkdtempSync(join(tmpdir(), 'upload-validate-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('a file over 50 MB is refused by its size, before a byte is read', () => {
		const path = join(dir, 'huge.csv');
		writeFileSync(path, AOR_HEADER + '\n');
		truncateSync(path, MAX_UPLOAD_BYTES + 1); // sparse: no 50 MB written to disk
		const size = statSync(path).size;
		const untouchable = new Proxy(new Uint8Array(0), {
			get() {
				throw new Error('the bytes were read');
			}
		});
		const result = validateCsv('huge.csv', size, untouchable);
		expect(result.ok).toBe(false);
		expect(result.errors).toEqual([
			"huge.csv: is 50.0 MB; files over 50 MB are refused (CBP's largest CSV is about 8 MB)"
		]);
		expect(sizeProblem('huge.csv', size)).toBe(result.errors[0]);
		expect(sizeProblem('ok.csv', MAX_UPLOAD_BYTES)).toBeNull();
	});

	test('a row of 1 MB is rejected by its length, and the message does not echo it', () => {
		const path = join(dir, 'long-line.csv');
		writeFileSync(path, `${AOR_HEADER}\r\n${AOR_ROW.replace('MEXICO', 'X'.repeat(1 << 20))}\r\n`);
		const bytes = readFileSync(path);
		const result = validateCsv('long-line.csv', bytes.length, new Uint8Array(bytes));
		expect(result.ok).toBe(false);
		expect(result.rejected).toHaveLength(1);
		expect(result.rejected[0].message).toMatch(
			/^long-line\.csv, line 2: the row is 1,048,6\d\d characters long; expected a CBP row of at most 10,000 characters/
		);
		expect(problemMessages(result).join('').length).toBeLessThan(1000);
	});

	test('a file that is one 1 MB line is refused at its header, without echoing it', () => {
		const path = join(dir, 'one-line.csv');
		writeFileSync(path, 'A,'.repeat(1 << 19));
		const bytes = readFileSync(path);
		const result = validateCsv('one-line.csv', bytes.length, new Uint8Array(bytes));
		expect(result.ok).toBe(false);
		expect(result.errors[0]).toBe(
			'one-line.csv, line 1: the first line is 1,048,576 characters long; a CBP header is one short line of column names'
		);
		expect(problemMessages(result).join('').length).toBeLessThan(2000);
	});
});

describe('every real file in data/ passes, and countSum matches an independent sum', () => {
	/** The count is the last field of every line in these files, never quoted. */
	function lastFieldSum(text: string): { rows: number; sum: number } {
		const lines = text
			.replace(/^\uFEFF/, '')
			.split(/\r?\n/)
			.slice(1)
			.filter((l) => l !== '');
		let sum = 0;
		for (const line of lines) sum += Number(line.slice(line.lastIndexOf(',') + 1));
		return { rows: lines.length, sum };
	}

	test.each(manifest().files.map((f) => [f.path, f]))('%s', (path, file) => {
		const bytes = readFileSync(DATA_DIR + path);
		const result = validateCsv(path, bytes.length, new Uint8Array(bytes));
		expect(problemMessages(result)).toEqual([]);
		expect(result.ok).toBe(true);
		expect(result.layout).toBe(file.layout);
		expect(result.rowsRead).toBe(file.rows);
		expect(result.coverage).toEqual(file.coverage);
		expect(result.scope).toEqual(file.scope);
		const independent = lastFieldSum(bytes.toString('utf8'));
		expect(independent.rows).toBe(file.rows);
		expect(result.countSum).toBe(independent.sum);
	});

	test('the two AOR releases sum to the totals PROVENANCE records', () => {
		const sum = (path: string) => {
			const bytes = readFileSync(DATA_DIR + path);
			return validateCsv(path, bytes.length, new Uint8Array(bytes)).countSum;
		};
		expect(sum('nationwide-encounters-fy20-fy23-aor.csv')).toBe(8_571_067);
		expect(sum('nationwide-encounters-fy21-fy24-aor.csv')).toBe(10_825_387);
	});
});

describe('overlap with the loaded files', () => {
	const loaded = manifestFiles;
	const realFile = (path: string) => {
		const bytes = readFileSync(DATA_DIR + path);
		return validateCsv(path, bytes.length, new Uint8Array(bytes));
	};
	const fy20 = realFile('nationwide-encounters-fy20-fy23-aor.csv');
	const fy21 = realFile('nationwide-encounters-fy21-fy24-aor.csv');
	const without = (path: string) => loaded.filter((f) => f.path !== path);

	test('a newer AOR release wins the months it shares with an older one', () => {
		const report = overlap(fy21, without(fy21.fileName));
		const older = report.files.find((f) => f.id === 'aor_fy20_fy23')!;
		expect(older.months).toHaveLength(36);
		expect([older.months[0], older.months.at(-1)]).toEqual(['2020-10', '2023-09']);
		expect(older.uploadWins).toBe(true);
		expect(report.release).toBe('2024-10');
		expect(report.releaseInferred).toBe(true);
		expect(report.winsMonths).toHaveLength(48);
		expect(report.losesMonths).toEqual([]);
		expect(report.summary).toContain(
			'CBP Nationwide Encounters FY20–FY23 (Nov 2023 release) also covers Oct 2020 – Sep 2023 (36 months): this file would replace it there'
		);
	});

	test('an older AOR release loses the shared months but beats the derived and PDF files', () => {
		const report = overlap(fy20, without(fy20.fileName));
		const newer = report.files.find((f) => f.id === 'aor_fy21_fy24')!;
		expect(newer.uploadWins).toBe(false);
		expect(newer.reason).toBe(
			'its Oct 2023 release (inferred from its last month) is older than the Oct 2024 release'
		);
		for (const id of ['usbp_sw_sectors_fy2020_fy2026', 'usbp_sectors_fy2000_fy2020'])
			expect(report.files.find((f) => f.id === id)?.uploadWins).toBe(true);
		expect(report.losesMonths).toHaveLength(36);
		expect(report.winsMonths).toEqual([
			'2019-10',
			'2019-11',
			'2019-12',
			'2020-01',
			'2020-02',
			'2020-03',
			'2020-04',
			'2020-05',
			'2020-06',
			'2020-07',
			'2020-08',
			'2020-09'
		]);
	});

	test('a stated release decides; a tie goes to the upload', () => {
		const sample = validateFixture('upload/aor-sample.csv');
		expect(overlap(sample, loaded, { release: '2024-09' }).losesMonths).toEqual([
			'2024-07',
			'2024-08',
			'2024-09'
		]);
		const tie = overlap(sample, loaded, { release: '2024-10' });
		expect(tie.winsMonths).toHaveLength(3);
		expect(tie.files.find((f) => f.id === 'aor_fy21_fy24')?.reason).toBe(
			'both are the Oct 2024 release, and a tie goes to the upload'
		);
	});

	test('a derived sector file never displaces a CBP release; months nobody covers are new', () => {
		const derived = realFile('usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv');
		const report = overlap(derived, without(derived.fileName));
		expect(report.files.find((f) => f.id === 'aor_fy21_fy24')?.uploadWins).toBe(false);
		// It ranks above the Southwest-by-component file, which has no sectors.
		expect(report.files.find((f) => f.id === 'sw_component_fy22_fy25')?.uploadWins).toBe(true);
		const byComponent = loaded.find((f) => f.id === 'sw_component_fy22_fy25')!;
		const first = nextMonth(byComponent.coverage.to);
		expect(report.newMonths).toEqual(monthRange(first, derived.coverage!.to));
	});

	test('a file of the same name is pointed out', () => {
		expect(overlap(fy21, loaded).sameName?.id).toBe('aor_fy21_fy24');
	});

	test('a month is split when the upload wins one component and loses another', () => {
		const sample = validateFixture('upload/label-variants-aor.csv');
		const usbpOnly = {
			...loaded.find((f) => f.id === 'aor_fy21_fy24')!,
			id: 'usbp_only',
			release: '2030-01',
			scope: { components: ['usbp' as const], regions: ['southwest' as const] },
			coverage: { from: '2024-06', to: '2024-06', months: 1 }
		};
		const report = overlap(sample, [usbpOnly], { release: '2025-01' });
		expect(report.splitMonths).toEqual(['2024-06']);
	});

	test('a state release competes only with the state releases, newer release first', () => {
		const april2023 = validateText(
			'state.csv',
			readFileSync(new URL('upload/state-sample.csv', FIXTURES), 'utf8').replaceAll(
				'2020,FYTD,APR',
				'2023,FYTD,APR'
			)
		);
		const ids = (report: ReturnType<typeof overlap>) => report.files.map((f) => f.id).sort();
		const older = overlap(april2023, loaded);
		expect(ids(older)).toEqual(['state_fy20_fy23', 'state_fy22_fy25', 'state_fy23_fy26_nov']);
		// Its release is taken as May 2023: both bundled releases are newer.
		expect(older.files.every((f) => f.uploadWins === false)).toBe(true);
		const newer = overlap(april2023, loaded, { release: '2026-01' });
		expect(newer.files.every((f) => f.uploadWins === true)).toBe(true);
		expect(newer.winsMonths).toEqual(['2023-04']);
	});

	test('the Southwest-by-component file competes with the files of its scope, below the AOR releases', () => {
		const report = overlap(validateFixture('upload/southwest-component-sample.csv'), loaded);
		expect(report.files.map((f) => f.id).sort()).toEqual([
			'aor_fy20_fy23',
			'aor_fy21_fy24',
			// OFO rows only: the USBP sector file shares no scope with it.
			'sw_component_fy22_fy25'
		]);
		expect(report.files.every((f) => f.uploadWins === false)).toBe(true);
	});
});
