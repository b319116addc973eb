/**
 * The claim checker on a table of sentences in real-world phrasings: how each is read (the form
 * fields), and its verdict, with the two numbers computed straight from the CSVs by
 * `tests/helpers/expected-filters.ts` (plain loops over the rows, never the app's SQL).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaim, type ClaimCheck } from '../../src/lib/claims/check';
import {
	explorerComparison,
	formFromParams,
	formParams,
	parsePeriodParam,
	type ClaimForm
} from '../../src/lib/claims/claim';
import { parseClaim } from '../../src/lib/claims/parse';
import { claimCard } from '../../src/lib/export/claim-card';
import type { Db } from '../../src/lib/db/db';
import { parseMonthKey } from '../../src/lib/domain/months';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { sourceTotals } from '../../src/lib/queries/source-totals';
import { comparisonParams } from '../../src/lib/filters/comparison-url';
import { parseUrlState } from '../../src/lib/filters/url-state';
import {
	fileUsbpSouthwestBySector,
	latestCoveredMonth,
	SOUTHWEST_COMPONENT_FILE,
	monthRange,
	southwestComponentTotal,
	type Component,
	type Region
} from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { bundledDb, manifestFiles } from '../helpers/node-db';

type Verdict = ClaimCheck['verdict'];

const DERIVED_SECTORS = 'usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv';

interface Row {
	sentence: string;
	/** The form fields the sentence must give (a subset; `period`/`baseline` as `YYYY-MM[..YYYY-MM]`). */
	form: Partial<
		Record<
			'who' | 'measure' | 'demographic' | 'citizenship' | 'period' | 'baseline' | 'change',
			string
		>
	> & {
		regions?: readonly string[];
		areas?: readonly string[];
		record?: string;
	};
	verdict: Verdict;
}

const USBP_SW = { who: 'usbp', regions: ['southwest'], measure: 'apprehensions' } as const;
const BRIEF = { ...USBP_SW, period: '2025-06', baseline: '2024-06' } as const;

const ROWS: Row[] = [
	// The policy brief's sentence and its variants.
	{
		sentence: 'US Border Patrol apprehensions in June 2025 fell by over 90% compared to June 2024',
		form: { ...BRIEF, areas: [], change: 'down:percent:90:over' },
		verdict: 'accurate'
	},
	{
		sentence: 'Border Patrol apprehensions dropped more than 92% between June 2024 and June 2025',
		form: { ...BRIEF, change: 'down:percent:92:over' },
		verdict: 'accurate'
	},
	// Two spans with their years are two ranges; one span alone (above) compares its two months.
	{
		sentence:
			'USBP apprehensions at the southern border from January 2025 to March 2025 fell more than 80% from January 2024 to March 2024',
		form: {
			...USBP_SW,
			period: '2025-01..2025-03',
			baseline: '2024-01..2024-03',
			change: 'down:percent:80:over'
		},
		verdict: 'accurate'
	},
	{
		sentence: 'USBP apprehensions fell 93% from June 2024 to June 2025',
		form: { ...BRIEF, change: 'down:percent:93:exact' },
		verdict: 'accurate'
	},
	{
		sentence: 'USBP apprehensions fell 92.7 percent in June 2025 compared with June 2024',
		form: { ...BRIEF, change: 'down:percent:92.7:exact' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions at the southern border fell by nearly 95% in June 2025 from a year earlier',
		form: { ...BRIEF, change: 'down:percent:95:nearly' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions in June 2025 fell by more than 95% compared to June 2024',
		form: { ...BRIEF, change: 'down:percent:95:over' },
		verdict: 'not-accurate'
	},
	{
		sentence: 'Border Patrol apprehensions rose 90% in June 2025 compared to June 2024',
		form: { ...BRIEF, change: 'up:percent:90:exact' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'USBP apprehensions at the Southwest border in June 2025 fell over 90% from June 2024',
		form: { ...BRIEF, change: 'down:percent:90:over' },
		verdict: 'accurate'
	},
	{
		sentence: 'A tenfold drop in Border Patrol apprehensions from June 2024 to June 2025',
		form: { ...BRIEF, change: 'down:ratio:0.1:exact' },
		verdict: 'accurate'
	},
	{
		sentence: 'Southwest border apprehensions fell by ninety percent in June 2025 versus June 2024',
		form: { ...BRIEF, change: 'down:percent:90:exact' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol arrests at the U.S.-Mexico border fell by eighty percent from June 2024 to June 2025',
		form: { ...BRIEF, change: 'down:percent:80:exact' },
		verdict: 'not-accurate'
	},
	{
		sentence: 'Border Patrol apprehensions fell by up to 90% in June 2025 compared with June 2024',
		form: { ...BRIEF, change: 'down:percent:90:up-to' },
		verdict: 'not-accurate'
	},
	{
		sentence: 'USBP apprehensions fell by about 92% in June 2025 from June 2024',
		form: { ...BRIEF, change: 'down:percent:92:about' },
		verdict: 'accurate'
	},
	{
		sentence: 'Border Patrol apprehensions in June 2025 were down by 77,466 from June 2024',
		form: { ...BRIEF, change: 'down:count:77466:exact' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'Border Patrol apprehensions fell by more than 80,000 from June 2024 to June 2025',
		form: { ...BRIEF, change: 'down:count:80000:over' },
		verdict: 'not-accurate'
	},
	// Sectors, named the way people write them.
	{
		sentence: 'Apprehensions in the Tucson Sector fell more than 95% from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['TCA'], change: 'down:percent:95:over' },
		verdict: 'accurate'
	},
	{
		sentence: 'Tucson Sector apprehensions fell nearly 80% from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['TCA'], change: 'down:percent:80:nearly' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions in the Rio Grande Valley fell 84% in June 2025 from a year earlier',
		form: { ...BRIEF, areas: ['RGV'], change: 'down:percent:84:exact' },
		verdict: 'accurate'
	},
	{
		sentence: 'RGV apprehensions fell by over 90% in June 2025 compared to June 2024',
		form: { ...BRIEF, areas: ['RGV'] },
		verdict: 'not-accurate'
	},
	{
		sentence: 'Big Bend Sector apprehensions fell about 27% from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['BBT'], change: 'down:percent:27:about' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Apprehensions in the El Paso and Tucson sectors fell over 90% from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['TCA', 'EPT'] },
		verdict: 'accurate'
	},
	{
		sentence: 'San Diego Sector apprehensions dropped 96% in June 2025 compared with June 2024',
		form: { ...BRIEF, areas: ['SDC'] },
		verdict: 'accurate'
	},
	{
		sentence: 'Del Rio sector apprehensions fell by at least 90% from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['DRT'], change: 'down:percent:90:at-least' },
		verdict: 'accurate'
	},
	{
		sentence: 'Laredo Sector apprehensions fell by half from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['LRT'], change: 'down:ratio:0.5:exact' },
		verdict: 'accurate'
	},
	{
		sentence: 'Yuma apprehensions rose from June 2024 to June 2025',
		form: { ...BRIEF, areas: ['YUM'], change: 'up:percent:0:over' },
		verdict: 'not-accurate'
	},
	// Fiscal and calendar years.
	{
		sentence:
			'USBP apprehensions at the southern border fell more than 80% in fiscal year 2025 compared with fiscal year 2024',
		form: { ...USBP_SW, period: '2024-10..2025-09', baseline: '2023-10..2024-09' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions at the Southwest border fell by more than half in FY2025 from FY2024',
		form: { ...USBP_SW, period: '2024-10..2025-09', change: 'down:ratio:0.5:over' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Encounters of unaccompanied children nationwide rose 20% in FY2023 compared with FY2022',
		form: {
			who: 'all',
			regions: [],
			demographic: 'uc',
			measure: 'encounters',
			period: '2022-10..2023-09',
			baseline: '2021-10..2022-09',
			change: 'up:percent:20:exact'
		},
		verdict: 'not-accurate'
	},
	{
		sentence: 'CBP encounters nationwide in FY2023 rose compared with FY2022',
		form: { who: 'all', regions: [], period: '2022-10..2023-09', change: 'up:percent:0:over' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence:
			'OFO inadmissibles nationwide rose in fiscal year 2023 compared with fiscal year 2022',
		form: { who: 'ofo', regions: [], measure: 'inadmissibles' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'Southwest border encounters in FY22 were higher than in FY21',
		form: {
			who: 'all',
			regions: ['southwest'],
			period: '2021-10..2022-09',
			baseline: '2020-10..2021-09',
			change: 'up:percent:0:over'
		},
		verdict: 'accurate'
	},
	{
		sentence:
			'Nationwide Border Patrol encounters in calendar year 2022 were higher than in calendar year 2021',
		form: { who: 'usbp', regions: [], period: '2022-01..2022-12', baseline: '2021-01..2021-12' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions at the southern border fell by more than 25% in 2024 compared with 2023',
		form: { ...USBP_SW, period: '2024-01..2024-12', baseline: '2023-01..2023-12' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'USBP apprehensions fell 60% in fiscal year 2026 compared with fiscal year 2025',
		form: { ...USBP_SW, period: '2025-10..2026-09', baseline: '2024-10..2025-09' },
		verdict: 'accurate-with-caveats'
	},
	// Records.
	{
		sentence: 'Border Patrol apprehensions in April 2025 were the lowest April on record',
		form: { ...USBP_SW, period: '2025-04', record: 'lowest:same-month' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol encounters at the Southwest border in June 2025 were the lowest June on record',
		form: { who: 'usbp', measure: 'encounters', period: '2025-06', record: 'lowest:same-month' },
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions in the Rio Grande Valley in July 2025 were the lowest since 2000',
		form: {
			...USBP_SW,
			areas: ['RGV'],
			period: '2025-07',
			record: 'lowest:any-month:2000-01..2000-12:calendar-year'
		},
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol encounters at the Southwest border in fiscal year 2022 were the highest on record',
		form: {
			who: 'usbp',
			regions: ['southwest'],
			measure: 'encounters',
			period: '2021-10..2022-09',
			record: 'highest:any-month'
		},
		verdict: 'accurate'
	},
	{
		sentence: 'Apprehensions in the El Paso Sector in December 2022 were the highest on record',
		form: { ...USBP_SW, areas: ['EPT'], period: '2022-12', record: 'highest:any-month' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'Border Patrol encounters at the southern border in December 2023 were a record high',
		form: { who: 'usbp', regions: ['southwest'], period: '2023-12', record: 'highest:any-month' },
		verdict: 'accurate'
	},
	{
		sentence: 'Southwest border encounters in May 2025 were the lowest month ever',
		form: { who: 'all', period: '2025-05', record: 'lowest:any-month' },
		verdict: 'not-accurate'
	},
	{
		sentence: 'CBP encounters at the southwest border reached an all-time high in December 2023',
		form: { who: 'all', regions: ['southwest'], period: '2023-12', record: 'highest:any-month' },
		// The highest of the months these files count for both components: from October 2019 only.
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'June 2025 saw the fewest Border Patrol encounters of any June on record',
		form: { who: 'usbp', measure: 'encounters', period: '2025-06', record: 'lowest:same-month' },
		verdict: 'accurate'
	},
	{
		sentence:
			'In June 2025, apprehensions by the U.S. Border Patrol along the southwest border decreased by 92 percent year-over-year.',
		form: { ...BRIEF, change: 'down:percent:92:exact' },
		verdict: 'accurate'
	},
	// Multiples.
	{
		sentence:
			'Southwest border encounters of unaccompanied children doubled from January 2021 to March 2021',
		form: {
			who: 'all',
			demographic: 'uc',
			period: '2021-03',
			baseline: '2021-01',
			change: 'up:ratio:2:exact'
		},
		verdict: 'accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions at the southern border more than doubled between January 2021 and March 2021',
		form: { ...USBP_SW, period: '2021-03', baseline: '2021-01', change: 'up:ratio:2:over' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence: 'Crossings at the southern border doubled since January',
		form: {
			who: 'usbp',
			measure: 'encounters',
			period: '2026-08',
			baseline: '2026-01',
			change: 'up:ratio:2:exact'
		},
		verdict: 'not-accurate'
	},
	{
		sentence: 'OFO encounters at the southwest border tripled from April 2020 to April 2021',
		form: {
			who: 'ofo',
			regions: ['southwest'],
			period: '2021-04',
			baseline: '2020-04',
			change: 'up:ratio:3:exact'
		},
		verdict: 'accurate'
	},
	{
		sentence:
			'Encounters of Venezuelans at the southern border tripled from January 2022 to September 2022',
		form: { who: 'all', citizenship: 'venezuela', period: '2022-09', baseline: '2022-01' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Haitian encounters at the southern border fell by half from September 2021 to October 2021',
		form: {
			citizenship: 'haiti',
			period: '2021-10',
			baseline: '2021-09',
			change: 'down:ratio:0.5:exact'
		},
		verdict: 'accurate'
	},
	// Relative times and other phrasings.
	{
		sentence:
			'Migrant encounters at the US-Mexico border fell 50% in January 2024 compared with December 2023',
		form: { who: 'all', regions: ['southwest'], period: '2024-01', baseline: '2023-12' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Encounters at the southern border dropped by roughly 40 percent in January 2024 from the previous month',
		form: { who: 'all', period: '2024-01', baseline: '2023-12', change: 'down:percent:40:about' },
		verdict: 'accurate'
	},
	{
		sentence: 'USBP apprehensions rose month over month in July 2025',
		form: { ...USBP_SW, period: '2025-07', baseline: '2025-06', change: 'up:percent:0:over' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Encounters of single adults at the southern border rose year over year in March 2024',
		form: { who: 'all', demographic: 'single-adults', period: '2024-03', baseline: '2023-03' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol arrests at the Mexican border were down 30% in March 2024 from March 2023',
		form: { ...USBP_SW, period: '2024-03', baseline: '2023-03', change: 'down:percent:30:exact' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Encounters fell by about 100,000 from December 2023 to January 2024 at the southern border',
		form: { who: 'all', change: 'down:count:100000:about' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Title 42 expulsions at the southern border fell by more than half from March 2022 to March 2023',
		form: {
			measure: 'expulsions',
			period: '2023-03',
			baseline: '2022-03',
			change: 'down:ratio:0.5:over'
		},
		verdict: 'not-accurate'
	},
	{
		sentence:
			'OFO inadmissibles at ports of entry on the southwest border rose in FY2023 compared with FY2022',
		form: { who: 'ofo', regions: ['southwest'], measure: 'inadmissibles' },
		verdict: 'accurate-with-caveats'
	},
	{
		sentence:
			'Encounters at the northern border rose about 10% in fiscal year 2023 compared with fiscal year 2022',
		form: { who: 'all', regions: ['northern'], change: 'up:percent:10:about' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol encounters at the northern border increased by more than 5,000 in FY2023 compared to FY2022',
		form: { who: 'usbp', regions: ['northern'], change: 'up:count:5000:over' },
		verdict: 'accurate-with-caveats'
	},
	// Cannot be checked with these data.
	{
		sentence: 'Gotaways at the southern border fell 50% last month',
		form: {},
		verdict: 'cannot-check'
	},
	{ sentence: 'Deportations rose 20% in 2025', form: {}, verdict: 'cannot-check' },
	{ sentence: 'Border crossings fell sharply', form: {}, verdict: 'cannot-check' },
	{ sentence: 'Apprehensions fell 50% last year', form: {}, verdict: 'cannot-check' },
	{
		sentence: 'Border Patrol apprehensions in June 2030 fell 50% from June 2029',
		form: { period: '2030-06' },
		verdict: 'cannot-check'
	},
	{
		sentence:
			'Encounters of Mexicans at the southern border fell 30% in June 2025 compared with June 2024',
		form: { who: 'all', citizenship: 'mexico' },
		verdict: 'not-accurate'
	},
	{
		sentence:
			'Border Patrol apprehensions of Mexicans at the southern border fell 30% in June 2025 compared with June 2024',
		form: { who: 'usbp', citizenship: 'mexico' },
		verdict: 'cannot-check'
	},
	{
		sentence: 'Border Patrol apprehensions were lower in June 2025',
		form: { period: '2025-06' },
		verdict: 'cannot-check'
	},
	{
		sentence: 'Family unit apprehensions at the southern border fell 95% in FY2024 from FY2019',
		form: { demographic: 'fmua' },
		verdict: 'cannot-check'
	}
];

const COMPONENTS: Record<string, Component[]> = {
	usbp: ['usbp'],
	ofo: ['ofo'],
	all: ['usbp', 'ofo']
};
const ALL: Region[] = ['southwest', 'northern', 'other'];

/** The form's count over a period, straight from the CSVs. */
function expectedTotal(form: ClaimForm, from: Date, to: Date): number | null {
	const spec: FilterSpec = {
		components: COMPONENTS[form.who],
		regions: form.regions.length ? form.regions : ALL,
		...(form.areas.length ? { sectors: form.areas } : {}),
		...(form.demographic ? { demographic: form.demographic } : {}),
		...(form.citizenship ? { citizenship: form.citizenship } : {}),
		...(form.measure !== 'encounters' ? { type: form.measure } : {})
	};
	let sum = 0;
	for (const month of monthRange(from.toISOString().slice(0, 7), to.toISOString().slice(0, 7))) {
		const value = filteredTotal(month, spec);
		if (value === null) return null;
		sum += value;
	}
	return sum;
}

const key = (p: { from: Date; to: Date } | null) =>
	p &&
	(p.from.getTime() === p.to.getTime()
		? p.from.toISOString().slice(0, 7)
		: `${p.from.toISOString().slice(0, 7)}..${p.to.toISOString().slice(0, 7)}`);

describe('claims: a table of sentences', () => {
	let db: Db;
	const latest = parseMonthKey(latestCoveredMonth())!;
	beforeAll(async () => {
		db = await bundledDb();
	}, 120_000);

	it('has at least 60 sentences of every verdict', () => {
		expect(ROWS.length).toBeGreaterThanOrEqual(60);
		for (const v of ['accurate', 'accurate-with-caveats', 'not-accurate', 'cannot-check'])
			expect(ROWS.some((r) => r.verdict === v)).toBe(true);
	});

	it.each(ROWS)('$sentence', async ({ sentence, form: expected, verdict }) => {
		const parsed = parseClaim(sentence, latest);
		const f = parsed.form;
		const { record, change, period, baseline, ...fields } = expected;
		for (const [name, value] of Object.entries(fields))
			expect(f[name as keyof ClaimForm], name).toEqual(value);
		if (period) expect(key(f.period)).toBe(period);
		if (baseline) expect(key(f.baseline)).toBe(baseline);
		if (change)
			expect(
				f.change && `${f.change.direction}:${f.change.kind}:${f.change.size}:${f.change.qualifier}`
			).toBe(change);
		if (record) {
			const [extreme, scope, ...since] = record.split(':');
			expect(f.record).toEqual({
				extreme,
				sameMonth: scope === 'same-month',
				since: since.length ? parsePeriodParam(since.join(':')) : null
			});
		}

		const result = await checkClaim(db, parsed, manifestFiles);
		expect(result.verdict, result.reason).toBe(verdict);
		if (verdict === 'cannot-check') return;
		// The numbers behind the verdict, from the CSVs (a fiscal year the data end in is cut alike).
		expect(result.value).toBe(expectedTotal(f, result.form.period!.from, result.form.period!.to));
		if (!f.record) {
			const base = expectedTotal(f, result.form.baseline!.from, result.form.baseline!.to)!;
			expect(result.baselineValue).toBe(base);
			expect(result.changePct).toBeCloseTo(((result.value! - base) / base) * 100, 9);
		}
	});

	it('gives the policy brief its numbers and its derived-file and revision caveats', async () => {
		const parsed = parseClaim(ROWS[0].sentence, latest);
		const result = await checkClaim(db, parsed, manifestFiles);
		expect([result.value, result.baselineValue]).toEqual([
			expectedTotal(parsed.form, parsed.form.period!.from, parsed.form.period!.to),
			expectedTotal(parsed.form, parsed.form.baseline!.from, parsed.form.baseline!.to)
		]);
		const kinds = result.caveats.map((c) => c.kind);
		expect(kinds).toEqual(expect.arrayContaining(['derived', 'revised', 'areas']));
		// The revision: CBP's Southwest-by-component file counts the same month otherwise (its CSV, read
		// directly; June 2025 has no Title 42, so its total is the apprehensions).
		const other = southwestComponentTotal('2025-06', 'usbp', '8')!;
		expect(other).not.toBe(result.value);
		const revised = result.caveats.find((c) => c.kind === 'revised')!.text;
		expect(revised).toContain(`${result.value!.toLocaleString('en-US')} in`);
		expect(revised).toContain(`${other.toLocaleString('en-US')} in`);
	});
});

describe('sourceTotals: every file that answers a month, not only the chosen one', () => {
	it('gives each file its own count of USBP Southwest apprehensions, FY2025 to date', async () => {
		const db = await bundledDb();
		const months = monthRange('2024-10', '2025-08');
		const rows = await sourceTotals(db, { ...DEFAULT_FILTERS, encounterType: 'apprehensions' }, [
			{ from: parseMonthKey(months[0])!, to: parseMonthKey(months.at(-1)!)! }
		]);
		const byFile = (id: string) =>
			rows
				.filter((r) => r.sourceId === id)
				.map((r) => [r.month.toISOString().slice(0, 7), r.value]);
		const derived = manifestFiles.find((f) => f.path === DERIVED_SECTORS)!.id;
		const component = manifestFiles.find((f) => f.path === SOUTHWEST_COMPONENT_FILE)!.id;
		const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
		expect(byFile(derived)).toEqual(
			months.map((m) => [m, sum(fileUsbpSouthwestBySector(DERIVED_SECTORS, m))])
		);
		expect(byFile(component)).toEqual(
			months.map((m) => [m, southwestComponentTotal(m, 'usbp', '8')])
		);
		// The state releases count USBP and OFO together: they answer no view of USBP alone.
		expect(new Set(rows.map((r) => r.sourceId))).toEqual(new Set([derived, component]));
	});
});

describe('claims: the form in the URL', () => {
	const latest = parseMonthKey(latestCoveredMonth())!;
	it('gives back every field it wrote, over any sentence', () => {
		for (const { sentence } of ROWS) {
			const { form } = parseClaim(sentence, latest);
			const back = formFromParams(formParams(form), parseClaim('', latest).form);
			expect(back.rejected).toEqual([]);
			expect(back.form).toEqual(form);
		}
	});

	it('keeps the reading of the sentence for a field it cannot read, and names it', () => {
		const { form } = parseClaim(ROWS[0].sentence, latest);
		const params = new URLSearchParams(
			'who=nobody&demographic=constructor&period=2025-13&change=down:percent:-5:over'
		);
		const back = formFromParams(params, form);
		expect(back.rejected).toEqual(['who', 'demographic', 'period', 'change']);
		expect(back.form).toEqual(form);
	});
});

describe("claims: the explorer's comparison for the link to the same view", () => {
	const latest = parseMonthKey(latestCoveredMonth())!;
	/** The comparison of a sentence as the explorer's URL writes it, with its year basis. */
	const linked = (sentence: string) => {
		const c = explorerComparison(parseClaim(sentence, latest).form);
		if (!c) return null;
		const params = new URLSearchParams(comparisonParams(c.selection));
		if (c.basis === 'calendar') params.set('year', 'calendar');
		return params.toString();
	};

	it.each([
		['Border Patrol apprehensions in June 2025 fell 90% from June 2024', 'compare=2025-06'],
		[
			'Border Patrol apprehensions in June 2025 fell 90% from June 2022',
			'compare=2025-06&baseline=2022'
		],
		[
			'Border Patrol apprehensions in May 2025 rose 5% from April 2025',
			'compare=2025-05&baseline=previous-month'
		],
		[
			'USBP apprehensions fell 80% in fiscal year 2025 compared with fiscal year 2024',
			'compare=2025'
		],
		['USBP apprehensions fell 60% in 2024 compared with 2023', 'compare=2024&year=calendar'],
		[
			'USBP apprehensions in January–March 2025 fell 80% from January–March 2024',
			'compare=2025-01..2025-03'
		],
		[
			'Border Patrol apprehensions in April 2025 were the lowest on record',
			'compare=2025-04&baseline=record-low'
		]
	])('%s → %s', (sentence, query) => {
		expect(linked(sentence)).toBe(query);
	});

	it.each([
		// The explorer's record is every month, not the same month of each year.
		'Border Patrol apprehensions in April 2025 were the lowest April on record',
		// Periods of different lengths.
		'USBP apprehensions in January–March 2025 fell 80% from January 2024'
	])('%s has no comparison in the explorer', (sentence) => {
		expect(linked(sentence)).toBeNull();
	});

	it('the explorer reads the link back to the same two periods', () => {
		const c = explorerComparison(
			parseClaim('Border Patrol apprehensions in June 2025 fell 90% from June 2022', latest).form
		)!;
		const state = parseUrlState(new URLSearchParams(comparisonParams(c.selection))).state;
		expect(state.comparison).toEqual({
			period: { kind: 'month', month: parseMonthKey('2025-06') },
			baseline: { kind: 'same-period', year: 2022 }
		});
	});
});

describe('the claim card', () => {
	it('bakes in the sentence (as text), the verdict, both numbers, the caveats and the sources', async () => {
		const db = await bundledDb();
		const latest = parseMonthKey(latestCoveredMonth())!;
		const sentence = `${ROWS[0].sentence} <script>alert(1)</script>`;
		const parsed = parseClaim(sentence, latest);
		const check = await checkClaim(db, parsed, manifestFiles);
		const { svg, height } = claimCard({
			sentence,
			check,
			dataAsOf: 'as of test',
			sources: ['File A'],
			link: '/check?claim=x'
		});
		const value = expectedTotal(parsed.form, parsed.form.period!.from, parsed.form.period!.to)!;
		const base = expectedTotal(parsed.form, parsed.form.baseline!.from, parsed.form.baseline!.to)!;
		for (const text of [
			'Accurate',
			value.toLocaleString('en-US'),
			base.toLocaleString('en-US'),
			'File A',
			'as of test',
			'Not every area moved alike'
		])
			expect(svg).toContain(text);
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).toMatch(/<path d="M[^"]+"/);
		expect(height).toBeGreaterThan(300);
		// A long link is cut to fit the card's width, every character kept.
		const link = `/check?claim=${encodeURIComponent(sentence)}`;
		const long = claimCard({ sentence, check, dataAsOf: 'x', sources: [], link });
		const rows = [
			...long.svg.matchAll(/<text x="\d+" y="[\d.]+" font-size="12"[^>]*>([^<]*)<\/text>/g)
		].map((m) => m[1]);
		expect(Math.max(...rows.map((r) => r.length))).toBeLessThan(120);
		expect(rows.join('').replace(/ /g, '')).toContain(
			link.replace(/&/g, '&amp;').replace(/ /g, '')
		);
	});
});

describe('claims: bad input', () => {
	const latest = parseMonthKey(latestCoveredMonth())!;
	it.each([
		['', /Type or paste a sentence/],
		['x'.repeat(10_000), /10,000 characters/]
	])('%#: a clear message', (text, message) => {
		expect(parseClaim(text, latest).problem).toMatch(message);
	});

	it('reads markup as words, never as markup, and says what it could not place', () => {
		const parsed = parseClaim(
			'<img src=x onerror=alert(1)> encounters fell 50% in June 2025',
			latest
		);
		expect(parsed.problem).toBeNull();
		expect(parsed.unplaced).toEqual(
			expect.arrayContaining(['img', 'src', 'x', 'onerror', 'alert'])
		);
		expect(parsed.form.change?.size).toBe(50);
	});
});
