/**
 * The downloadable SQL script is standalone: run statement by statement in a fresh DuckDB that can
 * read only the files of `data/` under their paths (as `duckdb` run from inside `data/` would),
 * it returns the same rows as the app's queries on the app's own database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { monthKey, parseMonthKey } from '../../src/lib/domain/months';
import {
	scriptPaths,
	splitStatements,
	sqlScript,
	type ScriptQuery
} from '../../src/lib/export/sql-script';
import { annualHistorySql } from '../../src/lib/figures/history/statement';
import { compositionSql } from '../../src/lib/figures/composition/statement';
import { filtersOf } from '../../src/lib/filters/filters-of';
import { headline } from '../../src/lib/queries/headline';
import { monthlyTotalsSql } from '../../src/lib/queries/monthly-totals';
import { sectorMonthlySql } from '../../src/lib/queries/sector-monthly';
import { trusted } from '../../src/lib/db/sql';
import { plainText } from '../../src/lib/format';
import { parseUrlState } from '../../src/lib/filters/url-state';
import { usbpSouthwestTotal } from '../helpers/expected';
import { bundledDb, emptyDb, loadedDb, manifestFiles } from '../helpers/node-db';

const month = (key: string) => parseMonthKey(key)!;
const filters = (query: string) => filtersOf(parseUrlState(new URLSearchParams(query)).state);

function script(queries: ScriptQuery[], files = manifestFiles) {
	return sqlScript({
		title: 'A test figure',
		filters: ['U.S. Border Patrol · Southwest land border', '?sector=TCA'],
		files,
		sourceIds: ['aor_fy21_fy24'],
		queries,
		notes: ['A note\nthat spans lines; it stays a comment.']
	});
}

const bundled = (file: ManifestFile) => readFileSync(join('data', file.path));

/**
 * Runs the script's statements in a fresh database that holds each file under the path the
 * script reads it from, and returns each statement's rows.
 */
async function runScript(
	text: string,
	files = manifestFiles,
	read: (file: ManifestFile) => Uint8Array | string = bundled
): Promise<unknown[][]> {
	const db = await emptyDb();
	const paths = scriptPaths(files);
	for (const file of files) {
		const bytes = read(file);
		await db.registerFile(
			paths.get(file.id)!,
			typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)
		);
	}
	const results: unknown[][] = [];
	for (const statement of splitStatements(text)) results.push(await db.query(trusted(statement)));
	return results;
}

let app: Db;
beforeAll(async () => {
	app = await bundledDb();
});

describe('the script text', () => {
	const text = script([{ label: 'Monthly', sql: monthlyTotalsSql(filters('sector=TCA')) }]);

	test('opens with comments naming the filter and every source file, marking the used ones', () => {
		const header = text.slice(0, text.indexOf('SET '));
		expect(header.split('\n').every((line) => line === '' || line.startsWith('--'))).toBe(true);
		expect(header).toContain('-- Filter: ?sector=TCA');
		expect(header).toContain('-- * nationwide-encounters-fy21-fy24-aor.csv');
		expect(header).toContain('--   history/southwest_apprehensions_Tucson.csv');
		expect(header).toContain('-- A note that spans lines; it stays a comment.');
	});

	test('reads each CSV by its path relative to data/ and holds no parameters', () => {
		expect(text).toContain("read_csv('nationwide-encounters-fy21-fy24-aor.csv'");
		expect(text).toContain("read_csv('history/southwest_apprehensions_Yuma.csv'");
		expect(text).not.toMatch(/\bIN \(\?|= \?|\(\?/);
		expect(text).toContain("list_contains(string_split('TCA', ','), e.aor_code)");
	});

	test('turns off extension auto-install before anything else runs', () => {
		expect(splitStatements(text)[0]).toMatch(/SET autoinstall_known_extensions = false$/);
	});
});

describe('run in DuckDB from the data folder, the script gives the app’s numbers', () => {
	test('the monthly series for one sector', async () => {
		const statement = monthlyTotalsSql(filters('sector=TCA'));
		const results = await runScript(script([{ label: 'Monthly', sql: statement }]));
		const expected = await app.query(statement);
		expect(results.at(-1)).toEqual(expected);
		expect(expected.length).toBeGreaterThan(300);
	});

	test('the statements the headline runs, and its total for June 2025 from their rows', async () => {
		const f = filters('');
		const areas = sectorMonthlySql(f);
		const totals = monthlyTotalsSql(f);
		const results = await runScript(
			script([
				{ label: 'Areas', sql: areas },
				{ label: 'Totals', sql: totals }
			])
		);
		expect(results.at(-2)).toEqual(await app.query(areas));
		expect(results.at(-1)).toEqual(await app.query(totals));
		const june = (results.at(-2) as { month: Date; value: number }[]).filter(
			(r) => monthKey(r.month) === '2025-06'
		);
		const h = await headline(app, f, month('2025-06'), month('2024-06'));
		expect(june.reduce((a, r) => a + r.value, 0)).toBe(h.value);
		expect(h.value).toBe(usbpSouthwestTotal('2025-06'));
	});

	test('the annual history (files in data/history/) and a composition with a filter', async () => {
		const history = annualHistorySql(filters('sector=TCA,YUM'))!;
		const split = compositionSql(filters('component=all&citizenship=mexico'), 'demographic');
		const results = await runScript(
			script([
				{ label: 'History', sql: history },
				{ label: 'Composition', sql: split }
			])
		);
		expect(results.at(-2)).toEqual(await app.query(history));
		expect(results.at(-1)).toEqual(await app.query(split));
		expect((results.at(-2) ?? []).length).toBeGreaterThan(50);
	});
});

/** An upload as `uploadEntry` makes it: the next id, the file's own name as its path. */
const upload = (name: string, index = 0): ManifestFile => ({
	...manifestFiles.find((f) => f.id === 'aor_fy21_fy24')!,
	id: `upload_${index}`,
	path: name,
	label: `Uploaded: ${name}`,
	release: '2025-01',
	coverage: { from: '2024-06', to: '2024-06', months: 1 }
});

describe('an uploaded file whose name read_csv cannot be given', () => {
	test.each([
		['my file (1).csv', 'my-file-1.csv'],
		["a'b].csv", 'a-b.csv'],
		['日本.csv', 'upload_0.csv'],
		['report\u202Evsc.exe.csv', 'reportvsc-exe.csv'],
		['Café résumé.CSV', 'Cafe-resume.csv'],
		['../../etc/passwd.csv', 'etc-passwd.csv'],
		['x.csv\nDROP TABLE encounters;', 'x-csv-DROP-TABLE-encounters.csv']
	])('%j is read as %j, and the script says which file that stands for', (name, path) => {
		const text = script([], [...manifestFiles, upload(name)]);
		expect(text).toContain(`read_csv('${path}'`);
		expect(text).toContain('copy each into data/ as');
		const line = text.split('\n').find((l) => l.includes(`${path}  ← `));
		expect(line).toBe(`--   ${path}  ← “${plainText(name)}”`);
		// Nothing of the name reaches the script but as comment text.
		expect(text).not.toMatch(/[\u202E\u2066\uFFFE]/);
		const code = splitStatements(text).flatMap((s) =>
			s.split('\n').filter((l) => !l.startsWith('--'))
		);
		expect(code.join('\n')).not.toContain(plainText(name));
	});

	test('bundled files keep their own paths and are listed once each, unrenamed', () => {
		const paths = scriptPaths(manifestFiles);
		for (const f of manifestFiles) expect(paths.get(f.id)).toBe(f.path);
		expect(script([])).not.toContain('copy each into data/ as');
	});

	test('two uploads never share a path', () => {
		const files = [
			upload('a b.csv', 0),
			upload('a(b).csv', 1),
			upload('upload_2.csv', 3),
			upload('日本.csv', 2)
		];
		const paths = scriptPaths(files);
		expect([...paths.values()]).toEqual([
			'a-b.csv',
			'upload_1.csv',
			'upload_2.csv',
			'upload_2_2.csv'
		]);
	});

	test('run from the data folder with the upload copied under its plain name, the script gives the app’s numbers', async () => {
		const name = 'my file (1).csv';
		const file = upload(name);
		const columns = file.columns.join(',');
		const csv = `${columns}\n2024,FYTD,JUN,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,17\n`;
		const files = [...manifestFiles, file];
		const read = (f: ManifestFile) => (f.id === file.id ? csv : bundled(f));
		const statement = monthlyTotalsSql(filters('sector=TCA'));
		const results = await runScript(
			script([{ label: 'Monthly', sql: statement }], files),
			files,
			read
		);
		const withUpload = await loadedDb(files, read);
		const expected = await withUpload.query<{ month: Date; value: number }>(statement);
		expect(results.at(-1)).toEqual(expected);
		expect(expected.find((r) => monthKey(r.month) === '2024-06')?.value).toBe(17);
	});
});
