/**
 * Queries under every kind of filter, month by month, against totals computed independently from
 * the CSV rows (tests/helpers/expected-filters.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { monthKey, parseMonthKey } from '../../src/lib/domain/months';
import { annualHistory } from '../../src/lib/figures/history/statement';
import { composition } from '../../src/lib/figures/composition/statement';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/queries/filters';
import { filtersOf } from '../../src/lib/filters/filters-of';
import { headline } from '../../src/lib/queries/headline';
import { monthCoverage } from '../../src/lib/queries/month-sources';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { citizenshipOptions } from '../../src/lib/queries/options';
import { sectorMonthly } from '../../src/lib/queries/sector-monthly';
import { stateMonthly } from '../../src/lib/queries/state-monthly';
import { parseUrlState } from '../../src/lib/filters/url-state';
import { compositionOf } from '../../src/lib/figures/composition/load';
import { chosenFile, manifest, readRows } from '../helpers/expected';
import {
	allCoveredMonths,
	filteredByState,
	filteredSplit,
	filteredTotal,
	type FilterSpec
} from '../helpers/expected-filters';
import { bundledDb } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});

const specOf = (f: Filters): FilterSpec => ({
	components: f.components,
	regions: f.regions,
	sectors: f.sectors,
	states: f.states,
	demographic: f.demographic ?? undefined,
	citizenship: f.citizenship ?? undefined,
	title: f.title ?? undefined,
	type: f.encounterType ?? undefined
});

const filtersFor = (query: string) => filtersOf(parseUrlState(new URLSearchParams(query)).state);

const CASES = [
	'',
	'component=ofo',
	'component=all',
	'region=northern',
	'region=all',
	'component=all&region=all',
	'demographic=uc',
	'demographic=fmua&sector=RGV',
	'citizenship=mexico',
	'citizenship=china-peoples-republic-of&component=all&region=all',
	'title=42',
	'title=8&type=apprehensions',
	'type=inadmissibles&component=ofo',
	'type=expulsions&component=all',
	'sector=ofo-el-paso',
	'sector=BLW,SWB',
	'sector=TCA,ofo-tucson',
	'state=TX',
	'state=AZ,CA&region=southwest',
	'state=NY&demographic=single-adults',
	'state=TX&citizenship=mexico&region=other'
];

describe('monthlyTotals under filters', () => {
	test.each(CASES)('?%s matches the independent totals in every month', async (query) => {
		const filters = filtersFor(query);
		const rows = await monthlyTotals(db, filters);
		const spec = specOf(filters);
		expect(rows.map((r) => monthKey(r.month))).toEqual(allCoveredMonths(spec));
		const mismatches = rows
			.map((r) => [monthKey(r.month), r.value, filteredTotal(monthKey(r.month), spec)])
			.filter(([, got, want]) => got !== want);
		expect(mismatches).toEqual([]);
	});
});

describe('headline under filters', () => {
	test.each([
		['component=ofo', '2024-06'],
		['citizenship=mexico', '2024-06'],
		['demographic=uc&sector=RGV', '2023-06'],
		['title=42', '2022-06'],
		['region=all', '2023-01']
	])('?%s for %s is the sum of its parts and matches the CSVs', async (query, month) => {
		const filters = filtersFor(query);
		const m = parseMonthKey(month)!;
		const b = parseMonthKey(`${Number(month.slice(0, 4)) - 1}${month.slice(4)}`)!;
		const h = await headline(db, filters, m, b);
		expect(h.value).toBe(filteredTotal(month, specOf(filters)));
		expect(h.baselineValue).toBe(filteredTotal(monthKey(b), specOf(filters)));
		expect(h.value).toBe(h.sectors.reduce((a, s) => a + (s.value ?? 0), 0));
	});

	test('a citizenship filter cannot be answered from the derived sector file', async () => {
		const h = await headline(
			db,
			filtersFor('citizenship=mexico'),
			parseMonthKey('2025-06')!,
			parseMonthKey('2024-06')!
		);
		expect(h.value).toBeNull();
		expect(h.baselineValue).toBe(
			filteredTotal('2024-06', specOf(filtersFor('citizenship=mexico')))
		);
		expect(h.changePct).toBeNull();
	});
});

describe('monthCoverage', () => {
	test('explains a month the filter cannot be answered in', async () => {
		const coverage = await monthCoverage(db, filtersFor('citizenship=mexico'));
		const june2025 = coverage.find((c) => monthKey(c.month) === '2025-06')!;
		expect(june2025).toMatchObject({
			answerable: false,
			missingScopes: [],
			lacking: ['citizenship'],
			sourceIds: ['usbp_sw_sectors_fy2020_fy2026']
		});
		const all = await monthCoverage(db, filtersFor('region=all'));
		expect(all.find((c) => monthKey(c.month) === '2025-06')).toMatchObject({
			answerable: false,
			missingScopes: ['usbp/northern', 'usbp/other']
		});
	});
});

describe('sectorMonthly', () => {
	test.each(['', 'component=ofo', 'demographic=single-adults'])(
		'?%s: each area and month matches the CSVs',
		async (query) => {
			const filters = filtersFor(query);
			const rows = await sectorMonthly(db, filters);
			const months = ['2019-06', '2021-03', '2024-06', '2025-06'];
			for (const month of months) {
				const inMonth = rows.filter((r) => monthKey(r.month) === month);
				if (!inMonth.length) continue;
				for (const r of inMonth)
					expect(r.value, `${r.code} ${month}`).toBe(
						filteredTotal(month, { ...specOf(filters), sectors: [r.code] })
					);
			}
		}
	);
});

describe('stateMonthly', () => {
	test.each(['component=all&region=all', 'component=all', 'component=all&demographic=uc', ''])(
		'?%s: each state and month matches the CSVs',
		async (query) => {
			const filters = filtersFor(query);
			const rows = await stateMonthly(db, filters);
			const spec = specOf(filters);
			const months = [...new Set(allCoveredMonths(spec))];
			for (const month of months) {
				const got = new Map(
					rows.filter((r) => monthKey(r.month) === month).map((r) => [r.code, r.value])
				);
				// A month no file with states answers has no rows (the figure says so).
				expect(got, month).toEqual(filteredByState(month, spec) ?? new Map());
			}
			// USBP alone: no file counts one component by state.
			if (query === '') expect(rows).toEqual([]);
			else expect(rows.length).toBeGreaterThan(100);
		}
	);

	test('a state link is answered by the state releases, from Oct 2019 through Nov 2025', async () => {
		const filters = filtersFor('state=TX');
		expect(filters).toMatchObject({
			components: ['usbp', 'ofo'],
			regions: ['southwest', 'northern', 'other'],
			states: ['TX']
		});
		const coverage = await monthCoverage(db, filters);
		const answered = coverage.filter((c) => c.answerable).map((c) => monthKey(c.month));
		const months = coverage.map((c) => monthKey(c.month));
		expect(answered).toEqual(months.filter((m) => filteredTotal(m, specOf(filters)) !== null));
		expect([answered[0], answered.at(-1)]).toEqual(['2019-10', '2025-11']);
		// Before Oct 2019 no file counts OFO, so no file covers both components.
		expect(coverage.find((c) => monthKey(c.month) === '2019-09')).toMatchObject({
			answerable: false,
			missingScopes: ['ofo/southwest', 'ofo/northern', 'ofo/other']
		});
		const m = parseMonthKey('2025-06')!;
		const h = await headline(db, filters, m, parseMonthKey('2024-06')!);
		expect(h.value).toBe(filteredTotal('2025-06', specOf(filters)));
		expect(h.baselineValue).toBe(filteredTotal('2024-06', specOf(filters)));
		expect(h.value).toBeGreaterThan(0);
	});
});

describe('composition', () => {
	test.each([
		['', 'demographic', 'demographic'],
		['', 'citizenship', 'citizenship'],
		['component=all', 'title', 'title'],
		['component=all&region=all', 'encounter_type', 'type'],
		['', 'citizenship_group', 'group'],
		['component=ofo&demographic=single-adults', 'citizenship_group', 'group'],
		['component=all&title=8', 'citizenship_group', 'group']
	] as const)('?%s by %s matches the CSVs in every answerable month', async (query, dim, key) => {
		const filters = filtersFor(query);
		const rows = await composition(db, filters, dim);
		const months = [...new Set(rows.map((r) => monthKey(r.month)))];
		expect(months.length).toBeGreaterThan(10);
		// Every month a file answers the split in, and no other.
		expect(months).toEqual(
			allCoveredMonths(specOf(filters)).filter(
				(m) => (filteredSplit(m, specOf(filters), key)?.size ?? 0) > 0
			)
		);
		for (const month of months) {
			const expected = filteredSplit(month, specOf(filters), key)!;
			const got = new Map(
				rows.filter((r) => monthKey(r.month) === month).map((r) => [r.key, r.value])
			);
			expect(got, month).toEqual(expected);
		}
	});

	test('leaves out months whose source has no such breakdown', async () => {
		const rows = await composition(db, DEFAULT_FILTERS, 'demographic');
		const months = rows.map((r) => monthKey(r.month));
		// The PDF series and the derived sector file have no demographics; the by-component file
		// answers Oct 2024 – Aug 2025.
		expect(months).not.toContain('2019-06');
		expect(months).not.toContain('2025-09');
		expect(months).toContain('2024-06');
		expect(months).toContain('2025-06');
		const june2025 = new Map(
			rows.filter((r) => monthKey(r.month) === '2025-06').map((r) => [r.key, r.value])
		);
		expect(june2025).toEqual(filteredSplit('2025-06', specOf(DEFAULT_FILTERS), 'demographic'));
	});
});

describe('the composition figure’s load', () => {
	test.each([
		['state=AZ,CA', 'demographic', 'demographic'],
		['state=TX&region=southwest&demographic=uc', 'citizenship', 'citizenship']
	] as const)(
		'?%s by %s: the chosen states’ sum of the per-state split, as in the CSVs',
		async (query, split, key) => {
			const state = { ...parseUrlState(new URLSearchParams(query)).state, split };
			const { rows } = await compositionOf(db, state);
			const spec = specOf(filtersOf(state));
			const months = [...new Set(rows.map((r) => monthKey(r.month)))];
			expect(months.length).toBeGreaterThan(24);
			expect(months).toEqual(
				allCoveredMonths(spec).filter((m) => (filteredSplit(m, spec, key)?.size ?? 0) > 0)
			);
			for (const month of months)
				expect(
					new Map(rows.filter((r) => monthKey(r.month) === month).map((r) => [r.key, r.value])),
					month
				).toEqual(filteredSplit(month, spec, key));
		}
	);

	test('a split by type is answered, and named, by the file that holds types', async () => {
		const state = parseUrlState(new URLSearchParams('component=all&split=type')).state;
		const { rows, coverage } = await compositionOf(db, state);
		const spec = specOf(filtersOf(state));
		const ids = new Map(manifest().files.map((f) => [f.path, f.id]));
		for (const c of coverage) {
			const month = monthKey(c.month);
			const file = chosenFile(
				month,
				[
					['usbp', 'southwest'],
					['ofo', 'southwest']
				],
				['type']
			);
			expect([month, c.answerable]).toEqual([month, file !== null]);
			if (file) expect([month, c.sourceIds]).toEqual([month, [ids.get(file)]]);
		}
		const june2025 = new Map(
			rows.filter((r) => monthKey(r.month) === '2025-06').map((r) => [r.key, r.value])
		);
		expect(june2025).toEqual(filteredSplit('2025-06', spec, 'type'));
	});
});

describe('citizenshipOptions', () => {
	test('lists the 22 citizenships of the AOR files with their slugs', async () => {
		const labels = [
			...new Set(
				readRows('nationwide-encounters-fy21-fy24-aor.csv').rows.map((r) => r['Citizenship'])
			)
		].sort();
		const options = await citizenshipOptions(db);
		expect(options.map((o) => o.label)).toEqual(labels);
		expect(options.find((o) => o.label === 'CHINA, PEOPLES REPUBLIC OF')?.slug).toBe(
			'china-peoples-republic-of'
		);
	});
});

describe('annualHistory', () => {
	test('nationwide USBP comes from the FY1925–FY2019 table', async () => {
		const rows = await annualHistory(db, filtersFor('region=all'));
		const csv = readRows('usbp_apprehensions_annual_fy1925_fy2019.csv').rows;
		expect(rows.map((r) => [r.fiscalYear, r.value])).toEqual(
			csv.map((r) => [Number(r.fiscal_year), Number(r.apprehensions)])
		);
	});

	test('Southwest sectors sum the sector tables, FY1960–FY2019', async () => {
		const rows = await annualHistory(db, filtersFor('sector=TCA,YUM'));
		const tucson = readRows('history/southwest_apprehensions_Tucson.csv').rows;
		const yuma = readRows('history/southwest_apprehensions_Yuma.csv').rows;
		expect(rows.map((r) => r.value)).toEqual(
			tucson.map((r, i) => Number(r.total_apprehensions) + Number(yuma[i].total_apprehensions))
		);
		expect(rows[0].fiscalYear).toBe(1960);
	});

	test('has nothing for a filter the annual tables cannot answer', async () => {
		expect(await annualHistory(db, filtersFor('component=ofo'))).toEqual([]);
		expect(await annualHistory(db, filtersFor('demographic=uc'))).toEqual([]);
	});
});
