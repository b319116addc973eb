/** The explorer's view model: months resolved against what the sources answer, with notes. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/data/db';
import { monthKey } from '../../src/lib/data/months';
import { loadExplorerView } from '../../src/lib/state/explorer-view';
import { parseUrlState } from '../../src/lib/state/url-state';
import { latestCoveredMonth, usbpSouthwestTotal } from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const view = (query: string) =>
	loadExplorerView(db, parseUrlState(new URLSearchParams(query)).state, files);

describe('loadExplorerView', () => {
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
