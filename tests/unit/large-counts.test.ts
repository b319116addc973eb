/**
 * Counts that pass validation must add up past 32 bits: a row's count is an INTEGER (it holds
 * 2,147,483,647), but two such rows in one month and scope sum to 4,294,967,294. Every query that
 * sums runs here over the bundled files plus small files written below with such rows, and must
 * give that sum with no error. The expected totals are summed from the CSV text of those files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { monthKey, parseMonthKey } from '../../src/lib/domain/months';
import {
	annualHistory,
	chosenAreasHistory,
	southwestAnnualByArea
} from '../../src/lib/figures/history/statement';
import {
	chosenAreasComposition,
	composition,
	compositionByArea,
	type CompositionDimension
} from '../../src/lib/figures/composition/statement';
import { filtersOf } from '../../src/lib/filters/filters-of';
import { headline } from '../../src/lib/queries/headline';
import { chosenAreasTotals, monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { loadedTotals } from '../../src/lib/queries/reconciliation';
import { componentVsSectors, releaseOverlaps, revisions } from '../../src/lib/queries/revisions';
import { sectorMonthly } from '../../src/lib/queries/sector-monthly';
import { southwestComponentTotals } from '../../src/lib/queries/southwest-component';
import { parseUrlState } from '../../src/lib/filters/url-state';
import { loadedDb, manifestFiles } from '../helpers/node-db';

const MAX_INT = 2147483647;
const MONTH = parseMonthKey('2024-06')!;
const BASELINE = parseMonthKey('2023-06')!;

/** A file's rows: a header, then one row per line. */
const csv = (header: string[], rows: (string | number)[][]) =>
	[header, ...rows].map((r) => r.join(',')).join('\n') + '\n';

/** The sum of a CSV's last column, read from its text. */
const lastColumnSum = (text: string) =>
	text
		.trim()
		.split('\n')
		.slice(1)
		.reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0);

/** A new manifest entry in the shape of the first bundled file of `layout`. */
function entryLike(
	layout: ManifestFile['layout'],
	id: string,
	text: string,
	coverage: ManifestFile['coverage']
): ManifestFile {
	const like = manifestFiles.find((f) => f.layout === layout)!;
	return {
		...like,
		id,
		path: `${id}.csv`,
		label: `Test file ${id}`,
		release: '2025-01',
		bytes: text.length,
		rows: text.trim().split('\n').length - 1,
		coverage
	};
}

// A later AOR release with one month: two USBP Tucson rows that differ only in citizenship.
const AOR_CSV = csv(
	manifestFiles.find((f) => f.layout === 'aor')!.columns,
	['MEXICO', 'GUATEMALA'].map((citizenship) => [
		2024,
		'FYTD',
		'JUN',
		'U.S. Border Patrol',
		'Southwest Land Border',
		'Tucson Sector',
		'TCA',
		'Single Adults',
		citizenship,
		'Title 8',
		'Apprehensions',
		MAX_INT
	])
);
// CBP's Southwest-by-component file in the same shape (it replaces the bundled one: the app
// holds one), and the annual table for two sectors in a year no bundled table has.
const COMPONENT_CSV = csv(
	manifestFiles.find((f) => f.layout === 'southwest-component')!.columns,
	['Mexico', 'Guatemala'].map((group) => [
		2024,
		'FYTD',
		'JUN',
		'U.S. Border Patrol',
		'Single Adults',
		group,
		'Title 8',
		'Apprehensions',
		MAX_INT
	])
);
const ANNUAL_CSV = csv(
	['sector', 'fiscal_year', 'total_apprehensions'],
	[
		['Tucson', 2020, MAX_INT],
		['Yuma', 2020, MAX_INT]
	]
);

const oneMonth = { from: '2024-06', to: '2024-06', months: 1 };
const aorFile = entryLike('aor', 'large_aor', AOR_CSV, oneMonth);
const extra = new Map<string, string>([
	[aorFile.id, AOR_CSV],
	['large_component', COMPONENT_CSV],
	['large_annual', ANNUAL_CSV]
]);
const files = [
	...manifestFiles.filter((f) => f.layout !== 'southwest-component'),
	aorFile,
	entryLike('southwest-component', 'large_component', COMPONENT_CSV, oneMonth),
	entryLike('annual-sector', 'large_annual', ANNUAL_CSV, {
		from: '2019-10',
		to: '2020-09',
		months: 1
	})
];

const TOTAL = lastColumnSum(AOR_CSV);
const filters = (query: string) => filtersOf(parseUrlState(new URLSearchParams(query)).state);
const inMonth = <T extends { month: Date }>(rows: T[]) =>
	rows.filter((r) => r.month.getTime() === MONTH.getTime());
const sum = (values: (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

let db: Db;
beforeAll(async () => {
	db = await loadedDb(files, (f) => extra.get(f.id) ?? readFileSync(join('data', f.path)));
});

test('the files written here hold counts that each fit 32 bits and together do not', () => {
	expect(TOTAL).toBe(4_294_967_294);
	expect(lastColumnSum(COMPONENT_CSV)).toBe(TOTAL);
	expect(lastColumnSum(ANNUAL_CSV)).toBe(TOTAL);
});

describe.each(['', 'sector=TCA', 'component=all&region=all'])('the filter ?%s', (query) => {
	test('monthlyTotals', async () => {
		expect(inMonth(await monthlyTotals(db, filters(query)))).toMatchObject([{ value: TOTAL }]);
	});

	test('sectorMonthly, and the monthly totals of chosen areas', async () => {
		const f = filters(query);
		const areas = await sectorMonthly(db, f);
		expect(sum(inMonth(areas).map((r) => r.value))).toBe(TOTAL);
		const scope = { ...f, sectors: [] };
		const chosen = chosenAreasTotals(
			await monthlyTotals(db, scope),
			await sectorMonthly(db, scope),
			['TCA']
		);
		expect(inMonth(chosen)).toMatchObject([{ value: TOTAL }]);
	});

	test('the headline and its parts by area', async () => {
		const f = filters(query);
		const h = await headline(db, f, MONTH, BASELINE);
		expect(sum(h.sectors.map((p) => p.value))).toBe(TOTAL);
		expect(h.value).toBe(TOTAL);
		expect(h.changePct).not.toBeNull();
	});

	test.each<CompositionDimension>(['demographic', 'citizenship', 'title', 'encounter_type'])(
		'composition by %s, also per area',
		async (dimension) => {
			const f = filters(query);
			const rows = inMonth(await composition(db, f, dimension));
			expect(sum(rows.map((r) => r.value))).toBe(TOTAL);
			if (dimension !== 'citizenship') expect(rows).toMatchObject([{ value: TOTAL }]);
			const byArea = await compositionByArea(db, { ...f, sectors: [] }, dimension);
			const chosen = inMonth(chosenAreasComposition(byArea, ['TCA']));
			expect(sum(chosen.map((r) => r.value))).toBe(TOTAL);
		}
	);
});

test('annualHistory of two sectors, and the same from every sector’s rows', async () => {
	const fy2020 = (rows: { fiscalYear: number; value: number }[]) =>
		rows.find((r) => r.fiscalYear === 2020)?.value;
	expect(fy2020(await annualHistory(db, filters('sector=TCA,YUM')))).toBe(TOTAL);
	expect(fy2020(chosenAreasHistory(await southwestAnnualByArea(db), ['TCA', 'YUM']))).toBe(TOTAL);
});

test('releaseOverlaps and revisions against the release it revises', async () => {
	const [overlap] = (await releaseOverlaps(db)).filter((o) => o.newer === aorFile.id);
	expect(overlap).toMatchObject({ older: 'aor_fy21_fy24', totalAfter: TOTAL });
	expect([monthKey(overlap.from), monthKey(overlap.to)]).toEqual(['2024-06', '2024-06']);
	const revised = (await revisions(db)).filter((r) => r.newer === aorFile.id);
	expect(sum(revised.map((r) => r.after))).toBe(TOTAL);
});

test('the Southwest-by-component file’s total, alone and against the sector sum', async () => {
	expect((await southwestComponentTotals(db, 'usbp'))(MONTH)).toEqual({
		value: TOTAL,
		sourceId: 'large_component'
	});
	expect(inMonth(await componentVsSectors(db))).toMatchObject([
		{ componentTotal: TOTAL, sectorSum: TOTAL, sectorSourceId: aorFile.id }
	]);
});

test('the reconciliation’s sum of the loaded file', async () => {
	expect(await loadedTotals(db, aorFile)).toEqual({ rows: 2, sum: TOTAL });
});
