/**
 * The page's view (months resolved against what the sources answer, with notes) and the figures'
 * own loads, with chosen sectors summed from the scope's per-area rows.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { monthKey } from '../../src/lib/domain/months';
import { statementKey } from '../../src/lib/db/sql';
import { compositionOf } from '../../src/lib/figures/composition/load';
import { historyOf } from '../../src/lib/figures/history/load';
import { loadEverything } from '../../src/lib/figures/loads';
import { loadPageView } from '../../src/lib/state/page-view';
import { parseUrlState } from '../../src/lib/filters/url-state';
import { latestCoveredMonth, monthOfRow, readRows, usbpSouthwestTotal } from '../helpers/expected';
import { filteredSplit, filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const state = (query: string) => parseUrlState(new URLSearchParams(query)).state;
const view = (query: string) => loadPageView(db, state(query), files);

describe('loadPageView', () => {
	test('defaults to the latest month against a year earlier', async () => {
		const v = await view('');
		expect(monthKey(v.resolved.month)).toBe(latestCoveredMonth());
		expect(v.headline?.value).toBe(usbpSouthwestTotal(latestCoveredMonth()));
		expect(monthKey(v.resolved.from)).toBe('1999-10');
		expect(v.notices).toEqual([]);
		expect(v.pending).toBe(false);
	});

	test('a month no source answers falls back to the latest, with a notice', async () => {
		const v = await view('month=1990-01');
		expect(monthKey(v.resolved.month)).toBe(latestCoveredMonth());
		expect(v.notices.join(' ')).toContain('January 1990');
	});

	test('a citizenship filter ends where the AOR releases end and says why', async () => {
		const v = await view('citizenship=mexico');
		expect(monthKey(v.resolved.month)).toBe('2024-09');
		expect(v.headline?.value).toBe(
			filteredTotal('2024-09', {
				components: ['usbp'],
				regions: ['southwest'],
				citizenship: 'mexico'
			})
		);
		expect(v.coverageNotes.join(' ')).toMatch(/Oct 2024 – Aug 2026: .*no citizenship breakdown/);
		// Without from= the range is the months the filter is answered in, not the whole record:
		// it starts with the first AOR release, the first file with a citizenship column.
		const firstAorMonth = readRows('nationwide-encounters-fy20-fy23-aor.csv')
			.rows.map(monthOfRow)
			.sort()[0];
		expect(monthKey(v.resolved.from)).toBe(firstAorMonth);
		expect(monthKey(v.resolved.to)).toBe('2024-09');
	});

	test('a from= before the months a filter answers is kept: the URL and the range agree', async () => {
		const v = await view('citizenship=mexico&from=2010-01');
		expect(monthKey(v.resolved.from)).toBe('2010-01');
	});

	test('the default month follows a range that ends earlier', async () => {
		const v = await view('from=2015-01&to=2018-12');
		expect(monthKey(v.resolved.month)).toBe('2018-12');
		expect(v.headline?.value).toBe(usbpSouthwestTotal('2018-12'));
	});

	// With sectors chosen the monthly series is the sum of their rows in the scope's per-area
	// series; every month must equal the CSVs' own sum for those sectors.
	test.each([
		['sector=TCA', { components: ['usbp'], regions: ['southwest'], sectors: ['TCA'] }],
		[
			'sector=SDC,ELC,YUM',
			{ components: ['usbp'], regions: ['southwest'], sectors: ['SDC', 'ELC', 'YUM'] }
		],
		[
			'sector=TCA&demographic=fmua',
			{ components: ['usbp'], regions: ['southwest'], sectors: ['TCA'], demographic: 'fmua' }
		],
		[
			'component=all&region=all&sector=RGV',
			{ components: ['usbp'], regions: ['southwest'], sectors: ['RGV'] }
		]
	] as [string, FilterSpec][])(
		'%s: the monthly series and headline equal the CSVs month by month',
		async (query, spec) => {
			const v = await view(query);
			expect(v.series.length).toBeGreaterThan(12);
			for (const p of v.series)
				expect([monthKey(p.month), p.value]).toEqual([
					monthKey(p.month),
					filteredTotal(monthKey(p.month), spec)
				]);
			const month = monthKey(v.resolved.month);
			expect(v.headline?.value).toBe(filteredTotal(month, spec));
			expect(v.headline?.sectors.map((s) => s.code).sort()).toEqual([...spec.sectors!].sort());
		}
	);
});

describe("the figures' loads", () => {
	// The chosen sectors' composition is the sum of their rows in the scope's per-area
	// composition; each answerable month must equal the CSVs' own split for those sectors.
	test.each([
		['sector=TCA', 'demographic'],
		['sector=SDC,ELC,YUM&split=citizenship', 'citizenship'],
		['sector=RGV,LRT&split=title', 'title'],
		['component=all&region=all&sector=TCA,ofo-tucson&split=type', 'type']
	] as const)('%s: the composition equals the CSVs month by month', async (query, key) => {
		const v = await view(query);
		const { rows } = await compositionOf(db, state(query));
		const months = [...new Set(rows.map((r) => monthKey(r.month)))];
		expect(months.length).toBeGreaterThan(10);
		const spec: FilterSpec = {
			components: v.filters.components,
			regions: v.filters.regions,
			sectors: v.filters.sectors
		};
		for (const month of months)
			expect(
				new Map(rows.filter((r) => monthKey(r.month) === month).map((r) => [r.key, r.value])),
				month
			).toEqual(filteredSplit(month, spec, key));
	});

	test("chosen sectors' annual history sums their tables, only in years every one has", async () => {
		const history = await historyOf(db, state('sector=TCA,EPT,BBT'));
		const tables = ['Tucson', 'El_Paso', 'Big_Bend'].map(
			(name) => readRows(`history/southwest_apprehensions_${name}.csv`).rows
		);
		expect(history.map((p) => [p.fiscalYear, p.value])).toEqual(
			tables[0].map((row, i) => [
				Number(row.fiscal_year),
				tables.reduce((sum, t) => sum + Number(t[i].total_apprehensions), 0)
			])
		);
	});

	test('a change of sectors within a scope asks DuckDB nothing new', async () => {
		const asked: string[] = [];
		const counting: Db = {
			...db,
			query: (statement) => (asked.push(statementKey(statement)), db.query(statement))
		};
		await loadEverything(counting, state('sector=TCA'), files);
		const first = new Set(asked);
		asked.length = 0;
		await loadEverything(counting, state('sector=TCA,EPT&month=2021-03'), files);
		expect(asked.filter((s) => !first.has(s))).toEqual([]);
	});
});
