/**
 * An upload is loaded all-or-nothing through the same ingest as the bundled files: a valid newer
 * release supplies the months it covers; a file that fails leaves the loaded data as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { monthKey } from '../../src/lib/domain/months';
import { loadUpload, planUpload, sha256, uploadEntry } from '../../src/lib/upload/load-upload';
import { stateMonthly } from '../../src/lib/queries/state-monthly';
import { overlap } from '../../src/lib/upload/overlap';
import { validateCsv } from '../../src/lib/upload/validate';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { monthOfRow, readRows } from '../helpers/expected';
import { loadedDb, manifestFiles } from '../helpers/node-db';

const SAMPLE = 'tests/fixtures/upload/aor-sample.csv';

async function freshDb() {
	return loadedDb(manifestFiles, (f) => readFileSync(`data/${f.path}`));
}

const byMonth = async (db: Awaited<ReturnType<typeof freshDb>>) =>
	new Map((await monthlyTotals(db, DEFAULT_FILTERS)).map((r) => [monthKey(r.month), r]));

describe('loadUpload', () => {
	test('a valid newer release supplies its months, and DuckDB reads what papaparse read', async () => {
		const db = await freshDb();
		const bytes = new Uint8Array(readFileSync(SAMPLE));
		const result = validateCsv('aor-sample.csv', bytes.length, bytes);
		expect(result.ok).toBe(true);
		const report = overlap(result, manifestFiles, { release: '2030-01' });
		const file = uploadEntry(result, report, await sha256(bytes), 'upload_1');
		const canonical = new TextEncoder().encode(result.canonical!);
		const loaded = await loadUpload(db, file, canonical, manifestFiles, result);
		expect(loaded.totals).toEqual({ rows: result.rowsRead, sum: result.countSum });

		// Independently: the sample's USBP Southwest rows by month.
		const expected = new Map<string, number>();
		for (const r of readRows('../tests/fixtures/upload/aor-sample.csv').rows) {
			if (
				r['Component'] !== 'U.S. Border Patrol' ||
				r['Land Border Region'] !== 'Southwest Land Border'
			)
				continue;
			const month = monthOfRow(r);
			expected.set(month, (expected.get(month) ?? 0) + Number(r['Encounter Count']));
		}
		const after = await byMonth(db);
		expect(expected.size).toBeGreaterThan(0);
		for (const [month, value] of expected) {
			expect(after.get(month)?.sourceIds).toEqual([file.id]);
			expect(after.get(month)?.value).toBe(value);
		}
	});

	test('a file that fails to load leaves the data exactly as it was', async () => {
		const db = await freshDb();
		const before = await byMonth(db);
		const bytes = new TextEncoder().encode(
			'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\n2024,FYTD,JUL,U.S. Border Patrol,Southwest Land Border,Atlantis Sector,ATL,FMUA,BRAZIL,Title 8,Apprehensions,19\n'
		);
		const template = manifestFiles.find((f) => f.layout === 'aor')!;
		const bad: ManifestFile = {
			...template,
			id: 'upload_9',
			path: 'bad.csv',
			release: '2030-01',
			coverage: { from: '2024-07', to: '2024-07', months: 1 }
		};
		await expect(
			loadUpload(db, bad, bytes, manifestFiles, { fileName: 'bad.csv', rowsRead: 1, countSum: 19 })
		).rejects.toThrow('bad.csv');
		expect(await byMonth(db)).toEqual(before);
	});

	test('a state release is loaded into the state views, USBP and OFO together', async () => {
		const db = await freshDb();
		// The sample's April 2020 rows as April 2023, a month both bundled state releases cover.
		const text = readFileSync('tests/fixtures/upload/state-sample.csv', 'utf8').replaceAll(
			'2020,FYTD,APR',
			'2023,FYTD,APR'
		);
		const bytes = new TextEncoder().encode(text);
		const result = validateCsv('state.csv', bytes.length, bytes);
		const report = overlap(result, manifestFiles, { release: '2030-01' });
		const file = uploadEntry(result, report, await sha256(bytes), 'upload_2');
		expect(file.holds).toEqual([
			{ month: '2023-04', component: 'usbp', region: 'northern' },
			{ month: '2023-04', component: 'ofo', region: 'northern' }
		]);
		// Independently: the rows' sums by state.
		const expected = new Map<string, number>();
		for (const line of text.trim().split('\n').slice(1)) {
			const cells = line.split(',');
			const state = cells[4];
			expected.set(state, (expected.get(state) ?? 0) + Number(cells.at(-1)));
		}
		const plan = await planUpload(db, file, result, manifestFiles);
		expect(plan.replaces.map((c) => [c.month, c.component, c.region, c.after])).toEqual([
			['2023-04', null, 'northern', [...expected.values()].reduce((a, b) => a + b, 0)]
		]);
		await loadUpload(db, file, new TextEncoder().encode(result.canonical!), manifestFiles, result);
		const rows = await stateMonthly(db, {
			...DEFAULT_FILTERS,
			components: ['usbp', 'ofo'],
			regions: ['northern']
		});
		const april = new Map(
			rows.filter((r) => monthKey(r.month) === '2023-04').map((r) => [r.code, r.value])
		);
		expect(april).toEqual(expected);
	});
});
