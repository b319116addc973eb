/**
 * Every query function against real DuckDB (the app's own engine, in Node) on the bundled files,
 * compared with values computed independently from the CSVs by tests/helpers/expected.ts.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { parseMonthKey, monthKey } from '../../src/lib/domain/months';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/queries/filters';
import { headline } from '../../src/lib/queries/headline';
import { monthCoverage } from '../../src/lib/queries/month-sources';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { southwestComponentTotals } from '../../src/lib/queries/southwest-component';
import { sql } from '../../src/lib/db/sql';
import {
	SOUTHWEST_SECTOR_CODES,
	chosenFile,
	latestCoveredMonth,
	manifest,
	southwestComponentMonths,
	type Component,
	type Need,
	type Region,
	nextMonth,
	southwestComponentTotal as expectedComponentTotal,
	usbpSouthwestBySector,
	usbpSouthwestMonthlySeries,
	usbpSouthwestTotal
} from '../helpers/expected';
import { bundledDb } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});

const month = (key: string) => parseMonthKey(key)!;
const withSectors = (sectors: string[]): Filters => ({ ...DEFAULT_FILTERS, sectors });

describe('monthlyTotals', () => {
	test.each([[[]], [['TCA']], [['SDC', 'RGV']], [['BBT']]])(
		'matches the independent series for sectors %j, month by month, with its source',
		async (sectors) => {
			const rows = await monthlyTotals(db, withSectors(sectors));
			const expected = usbpSouthwestMonthlySeries(sectors.length ? sectors : undefined);
			expect(
				rows.map((r) => ({
					month: monthKey(r.month),
					value: r.value,
					source: r.sourceIds.join('+')
				}))
			).toEqual(expected);
		}
	);

	test('runs from October 1999 to the latest month with no gap', async () => {
		const rows = await monthlyTotals(db, DEFAULT_FILTERS);
		expect(monthKey(rows[0].month)).toBe('1999-10');
		expect(monthKey(rows[rows.length - 1].month)).toBe(latestCoveredMonth());
		rows.forEach((r, i) => {
			if (i) expect(monthKey(r.month)).toBe(nextMonth(monthKey(rows[i - 1].month)));
		});
	});
});

/** The headline's per-area parts, as the explorer's sector table and downloads read them. */
const areaParts = async (f: Filters, m: Date, b: Date) => (await headline(db, f, m, b)).sectors;

describe('the headline’s parts by area', () => {
	test.each([
		['2025-06', '2024-06'],
		['2024-06', '2023-06'],
		['2021-03', '2020-03'],
		['2020-06', '2019-06'],
		['2026-08', '2025-08']
	])('gives every Southwest sector west to east for %s against %s', async (m, b) => {
		const rows = await areaParts(DEFAULT_FILTERS, month(m), month(b));
		const value = usbpSouthwestBySector(m)!;
		const baseline = usbpSouthwestBySector(b)!;
		expect(rows.map((r) => r.code)).toEqual(SOUTHWEST_SECTOR_CODES);
		for (const r of rows) {
			expect(r.value, `${r.code} ${m}`).toBe(value.get(r.code) ?? 0);
			expect(r.baselineValue, `${r.code} ${b}`).toBe(baseline.get(r.code) ?? 0);
		}
	});

	test('gives null, not 0, for a month no source covers', async () => {
		const rows = await areaParts(DEFAULT_FILTERS, month('2027-01'), month('2026-01'));
		expect(rows.every((r) => r.value === null)).toBe(true);
		expect(rows.find((r) => r.code === 'TCA')?.baselineValue).toBe(
			usbpSouthwestTotal('2026-01', ['TCA'])
		);
	});

	test('keeps only the chosen sectors', async () => {
		const rows = await areaParts(withSectors(['TCA', 'YUM']), month('2025-06'), month('2024-06'));
		expect(rows.map((r) => r.code)).toEqual(['YUM', 'TCA']);
	});
});

describe('headline', () => {
	test('June 2025 against June 2024 is the sum of its sectors, with its sources', async () => {
		const h = await headline(db, DEFAULT_FILTERS, month('2025-06'), month('2024-06'));
		const value = usbpSouthwestTotal('2025-06')!;
		const baseline = usbpSouthwestTotal('2024-06')!;
		expect(h.value).toBe(value);
		expect(h.baselineValue).toBe(baseline);
		expect(h.value).toBe(h.sectors.reduce((a, s) => a + (s.value ?? 0), 0));
		expect(h.changePct).toBeCloseTo(((value - baseline) / baseline) * 100, 10);
		expect(h.sourceIds).toEqual(['usbp_sw_sectors_fy2020_fy2026']);
		expect(h.baselineSourceIds).toEqual(['aor_fy21_fy24']);
	});

	test('a Title 42 month counts expulsions as well as apprehensions', async () => {
		const h = await headline(db, DEFAULT_FILTERS, month('2021-03'), month('2020-03'));
		expect(h.value).toBe(usbpSouthwestTotal('2021-03'));
		const [{ title42 }] = await db.query<{ title42: number }>(
			sql`SELECT CAST(sum(count) AS INTEGER) AS title42 FROM encounters WHERE source_id = ${h.sourceIds[0]} AND component = 'usbp' AND region = 'southwest' AND title = '42' AND month = DATE '2021-03-01'`
		);
		expect(title42).toBeGreaterThan(0);
	});

	test('has no change when the baseline month is not covered', async () => {
		const h = await headline(db, DEFAULT_FILTERS, month('2000-06'), month('1999-06'));
		expect(h.value).toBe(usbpSouthwestTotal('2000-06'));
		expect(h.baselineValue).toBeNull();
		expect(h.changePct).toBeNull();
	});
});

describe('monthCoverage', () => {
	const answered = async (filters: Filters) => {
		const months = (await monthCoverage(db, filters)).filter((c) => c.answerable);
		return [monthKey(months[0].month), monthKey(months[months.length - 1].month)];
	};

	test('USBP Southwest runs from October 1999 to the latest month in the files', async () => {
		expect(await answered(DEFAULT_FILTERS)).toEqual(['1999-10', latestCoveredMonth()]);
	});

	test('OFO Southwest ends with the Southwest-by-component file', async () => {
		const months = southwestComponentMonths();
		expect(await answered({ ...DEFAULT_FILTERS, components: ['ofo'] })).toEqual([
			'2019-10',
			months[months.length - 1]
		]);
	});

	test.each<[string, Filters]>([
		['USBP Southwest', DEFAULT_FILTERS],
		['USBP Southwest, unaccompanied children', { ...DEFAULT_FILTERS, demographic: 'uc' }],
		['both components, Southwest', { ...DEFAULT_FILTERS, components: ['usbp', 'ofo'] }],
		[
			'OFO, every region',
			{ ...DEFAULT_FILTERS, components: ['ofo'], regions: ['southwest', 'northern', 'other'] }
		],
		['Tucson, Title 8', { ...DEFAULT_FILTERS, sectors: ['TCA'], title: '8' }]
	])(
		'%s: every answered month comes from the one file the precedence chooses',
		async (_, filters) => {
			const scopes = filters.components.flatMap((c) =>
				filters.regions.map((r): [Component, Region] => [c, r])
			);
			const needs: Need[] = [
				...(filters.sectors.length ? (['area'] as const) : []),
				...(filters.demographic ? (['demographic'] as const) : [])
			];
			const ids = new Map(manifest().files.map((f) => [f.path, f.id]));
			for (const c of await monthCoverage(db, filters)) {
				const chosen = chosenFile(monthKey(c.month), scopes, needs);
				expect([monthKey(c.month), c.answerable]).toEqual([monthKey(c.month), chosen !== null]);
				if (chosen)
					expect([monthKey(c.month), c.sourceIds]).toEqual([monthKey(c.month), [ids.get(chosen)]]);
			}
		}
	);
});

describe('southwestComponentTotal', () => {
	test.each([
		['usbp', '2025-06'],
		['usbp', '2024-09'],
		['ofo', '2025-06'],
		['ofo', '2022-09']
	] as const)(
		'%s %s equals the Southwest-by-component file, Remaining rows included',
		async (c, m) => {
			const row = (await southwestComponentTotals(db, c))(month(m));
			expect(row.value).toBe(expectedComponentTotal(m, c));
		}
	);

	test('is null for a month the file does not cover', async () => {
		expect((await southwestComponentTotals(db, 'usbp'))(month('2025-09')).value).toBeNull();
	});
});

describe('the normalized view', () => {
	test('maps every row of every file to known codes', async () => {
		// Per file: the PDF series has no title or type from March 2020 and no demographic; the
		// by-component file no areas; the state releases no component, area or type.
		const [unknown] = await db.query<{ n: number }>(sql`
			SELECT CAST(count(*) AS INTEGER) AS n FROM encounter_rows
			WHERE month IS NULL OR region IS NULL OR count IS NULL
				OR CASE
					WHEN source_id LIKE 'aor_%' THEN component IS NULL OR aor_name IS NULL
						OR demographic IS NULL OR title IS NULL OR encounter_type IS NULL OR state IS NOT NULL
					WHEN source_id LIKE 'state_%' THEN component IS NOT NULL OR aor_code IS NOT NULL
						OR encounter_type IS NOT NULL OR demographic IS NULL OR citizenship IS NULL OR title IS NULL
						OR NOT regexp_full_match(state, '[A-Z]{2}')
					WHEN source_id = 'sw_component_fy22_fy25' THEN component IS NULL OR aor_code IS NOT NULL
						OR region <> 'southwest' OR demographic IS NULL OR title IS NULL OR encounter_type IS NULL
					WHEN source_id = 'usbp_sw_sectors_fy2020_fy2026' THEN component IS NULL OR aor_name IS NULL
						OR title IS NULL OR encounter_type IS NULL
					ELSE component IS NULL OR aor_name IS NULL
				END`);
		expect(unknown.n).toBe(0);
	});
});
