/**
 * The downloadable SQL script is standalone: run statement by statement in a fresh DuckDB that can
 * read only the files of `data/` under their paths (as `duckdb` run from inside `data/` would),
 * it returns the same rows as the app's queries on the app's own database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/data/db';
import { createNodeDb } from '../../src/lib/data/duckdb-node';
import { parseMonthKey } from '../../src/lib/data/months';
import { splitStatements, sqlScript, type ScriptQuery } from '../../src/lib/export/sql-script';
import { annualHistorySql } from '../../src/lib/queries/annual-history';
import { compositionSql } from '../../src/lib/queries/composition';
import { filtersOf } from '../../src/lib/queries/filters';
import { headline } from '../../src/lib/queries/headline';
import { monthlyTotalsSql } from '../../src/lib/queries/monthly-totals';
import { sectorComparisonSql } from '../../src/lib/queries/sector-comparison';
import { sql, trusted } from '../../src/lib/queries/sql';
import { parseUrlState } from '../../src/lib/state/url-state';
import { usbpSouthwestTotal } from '../helpers/expected';
import { bundledDb, manifestFiles } from '../helpers/node-db';

const month = (key: string) => parseMonthKey(key)!;
const filters = (query: string) => filtersOf(parseUrlState(new URLSearchParams(query)).state);

function script(queries: ScriptQuery[]) {
	return sqlScript({
		title: 'A test figure',
		filters: ['U.S. Border Patrol · Southwest land border', '?sector=TCA'],
		files: manifestFiles,
		sourceIds: ['aor_fy21_fy24'],
		queries,
		notes: ['A note\nthat spans lines; it stays a comment.']
	});
}

/** Runs the script's statements in a fresh database and returns each statement's rows. */
async function runScript(text: string): Promise<unknown[][]> {
	const db = await createNodeDb();
	for (const file of manifestFiles)
		await db.registerFile(file.path, new Uint8Array(readFileSync(join('data', file.path))));
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

	test('the headline’s parts and total for June 2025, equal to the CSVs’ own total', async () => {
		const f = filters('');
		const parts = sectorComparisonSql(f, month('2025-06'), month('2024-06'));
		const total = sql`SELECT CAST(sum(value) AS INTEGER) AS value FROM (${parts}) AS parts`;
		const results = await runScript(
			script([
				{ label: 'Parts', sql: parts },
				{ label: 'Total', sql: total }
			])
		);
		expect(results.at(-2)).toEqual(await app.query(parts));
		const h = await headline(app, f, month('2025-06'), month('2024-06'));
		expect(results.at(-1)).toEqual([{ value: h.value }]);
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
