/**
 * The independent expected-value helper (tests/helpers/expected.ts) checked against literal facts
 * stated in PROVENANCE.md (sections C2, C3, D, F2, G, H) and data/README.md. Other tests trust this
 * helper, so it must first agree with the published numbers.
 */
import { describe, expect, test } from 'vitest';
import {
	PRECEDENCE,
	SOUTHWEST_SECTOR_CODES,
	encounterTotal,
	fileFiscalYearTotals,
	fileUsbpSouthwestBySector,
	latestCoveredMonth,
	monthRange,
	southwestComponentMonths,
	southwestComponentTotal,
	usbpSouthwestBySector,
	usbpSouthwestMonthlySeries,
	usbpSouthwestTotal,
	winningSource
} from '../helpers/expected';

const named = (start: string) => PRECEDENCE.find((p) => p.startsWith(start))!;
const AOR_FY21_FY24 = named('nationwide-encounters-fy21-fy24-aor');
const AOR_FY20_FY23 = named('nationwide-encounters-fy20-fy23-aor');
const DERIVED = named('usbp_sw_sector_title8');
const PDF = named('usbp_monthly_encounters_by_sector');

describe('USBP Southwest totals match PROVENANCE D and G', () => {
	test.each([
		['2023-06', 99_538],
		['2024-06', 83_532],
		['2025-06', 6_066]
	])('%s total is %i', (month, total) => {
		expect(usbpSouthwestTotal(month)).toBe(total);
	});

	test.each([
		// sector, June 2024, June 2025 (PROVENANCE D table)
		['SDC', 25_612, 895],
		['TCA', 22_436, 966],
		['EPT', 14_511, 1_631],
		['DRT', 7_640, 652],
		['RGV', 5_981, 980],
		['YUM', 3_519, 137],
		['LRT', 2_419, 573],
		['ELC', 1_199, 76],
		['BBT', 215, 156]
	])('sector %s is %i in June 2024 and %i in June 2025', (code, june2024, june2025) => {
		expect(usbpSouthwestBySector('2024-06')!.get(code)).toBe(june2024);
		expect(usbpSouthwestBySector('2025-06')!.get(code)).toBe(june2025);
		expect(usbpSouthwestTotal('2025-06', [code])).toBe(june2025);
	});

	test('a sector subset sums only those sectors', () => {
		expect(usbpSouthwestTotal('2024-06', ['SDC', 'TCA'])).toBe(25_612 + 22_436);
	});

	test('months outside every file are null', () => {
		expect(usbpSouthwestBySector('1999-09')).toBeNull();
		expect(usbpSouthwestTotal('2026-09')).toBeNull();
	});
});

describe('precedence stretches match data/README.md', () => {
	test.each([
		['1999-10', 'usbp_sectors_fy2000_fy2020'],
		['2019-09', 'usbp_sectors_fy2000_fy2020'],
		['2019-10', 'aor_fy20_fy23'],
		['2020-03', 'aor_fy20_fy23'], // the PDF's Title-42-mixed months are superseded
		['2020-09', 'aor_fy20_fy23'],
		['2020-10', 'aor_fy21_fy24'],
		['2023-09', 'aor_fy21_fy24'], // newer release wins over the FY20–FY23 file
		['2024-09', 'aor_fy21_fy24'],
		['2024-10', 'usbp_sw_sectors_fy2020_fy2026'],
		['2026-08', 'usbp_sw_sectors_fy2020_fy2026']
	])('USBP Southwest %s comes from %s', (month, source) => {
		expect(winningSource(month, 'usbp', 'southwest')).toBe(source);
	});

	test.each([
		['usbp', 'northern', '2019-09', 'usbp_sectors_fy2000_fy2020'],
		['usbp', 'other', '2020-09', 'aor_fy20_fy23'],
		['usbp', 'northern', '2024-10', null],
		['ofo', 'southwest', '2019-09', null],
		['ofo', 'southwest', '2019-10', 'aor_fy20_fy23'],
		['ofo', 'northern', '2024-09', 'aor_fy21_fy24'],
		// After the AOR releases, OFO at the Southwest border has only the by-component file (to
		// Aug 2025), which has no field offices.
		['ofo', 'southwest', '2024-10', 'sw_component_fy22_fy25'],
		['ofo', 'southwest', '2025-08', 'sw_component_fy22_fy25'],
		['ofo', 'southwest', '2025-09', null]
	] as const)('%s %s %s comes from %s', (component, region, month, source) => {
		expect(winningSource(month, component, region)).toBe(source);
		if (source === null || source === 'sw_component_fy22_fy25')
			expect(encounterTotal(month, component, region)).toBeNull();
	});

	test('the series runs Oct 1999 – Aug 2026 without gaps and ends at the latest covered month', () => {
		const series = usbpSouthwestMonthlySeries();
		expect(series.map((p) => p.month)).toEqual(monthRange('1999-10', '2026-08'));
		expect(series).toHaveLength(323);
		expect(latestCoveredMonth()).toBe('2026-08');
		expect(series.find((p) => p.month === '2024-06')).toEqual({
			month: '2024-06',
			value: 83_532,
			source: 'aor_fy21_fy24'
		});
	});

	test('a one-sector series is that sector of the full breakdown every month', () => {
		const tucson = usbpSouthwestMonthlySeries(['TCA']);
		expect(tucson.find((p) => p.month === '2025-06')?.value).toBe(966);
		expect(tucson.every((p) => p.value === usbpSouthwestBySector(p.month)!.get('TCA'))).toBe(true);
	});
});

describe('whole-file facts of the AOR releases (PROVENANCE G1, G2)', () => {
	test.each([
		[
			AOR_FY20_FY23,
			[2020, 2021, 2022, 2023],
			[646_822, 1_956_519, 2_766_582, 3_201_144],
			8_571_067
		],
		[
			AOR_FY21_FY24,
			[2021, 2022, 2023, 2024],
			[1_956_519, 2_766_582, 3_201_144, 2_901_142],
			10_825_387
		]
	])('%s sums by fiscal year as published', (path, years, totals, sum) => {
		const byYear = fileFiscalYearTotals(path);
		expect([...byYear.keys()].sort()).toEqual(years);
		expect(years.map((y) => byYear.get(y))).toEqual(totals);
		expect([...byYear.values()].reduce((a, b) => a + b, 0)).toBe(sum);
	});
});

describe('cross-checks between files (PROVENANCE C3, F2)', () => {
	test('the derived file equals the AOR releases’ Title 8 values for every sector, Nov 2019 – Sep 2024', () => {
		const mismatches: string[] = [];
		for (const month of monthRange('2019-11', '2024-09')) {
			const derived = fileUsbpSouthwestBySector(DERIVED, month);
			const releases = [AOR_FY20_FY23, AOR_FY21_FY24].filter((p) =>
				p === AOR_FY20_FY23 ? month <= '2023-09' : month >= '2020-10'
			);
			for (const release of releases) {
				const aor = fileUsbpSouthwestBySector(release, month, '8');
				for (const code of SOUTHWEST_SECTOR_CODES)
					if (aor.get(code) !== derived.get(code)) mismatches.push(`${release} ${month} ${code}`);
			}
		}
		expect(mismatches).toEqual([]);
	});

	test('the derived file equals the PDF series for every sector, Nov 2019 – Feb 2020', () => {
		for (const month of monthRange('2019-11', '2020-02'))
			expect(fileUsbpSouthwestBySector(DERIVED, month)).toEqual(
				fileUsbpSouthwestBySector(PDF, month)
			);
	});

	test('the derived sum equals the by-component file (USBP, Title 8) exactly, Oct 2021 – Sep 2024', () => {
		for (const month of monthRange('2021-10', '2024-09'))
			expect([month, sum(fileUsbpSouthwestBySector(DERIVED, month))]).toEqual([
				month,
				southwestComponentTotal(month, 'usbp', '8')
			]);
	});

	test('the derived sum is 1–5 below the by-component file in FY2025 (CBP revisions)', () => {
		const differences = monthRange('2024-10', '2025-08').map(
			(m) => sum(fileUsbpSouthwestBySector(DERIVED, m)) - southwestComponentTotal(m, 'usbp', '8')!
		);
		expect(differences).toEqual([-5, -3, -4, -2, -4, -1, -1, -1, -2, -4, -4]);
	});
});

describe('Southwest by-component file (PROVENANCE A2, D, H)', () => {
	test.each([
		['2022-06', 'usbp', 192_399],
		['2023-06', 'usbp', 99_538],
		['2024-06', 'usbp', 83_532],
		['2025-06', 'usbp', 6_068],
		['2024-06', 'ofo', 46_883],
		['2025-06', 'ofo', 3_234]
	] as const)('%s %s total is %i', (month, component, total) => {
		expect(southwestComponentTotal(month, component)).toBe(total);
	});

	test('covers Oct 2021 – Aug 2025 and nothing else', () => {
		expect(southwestComponentMonths()).toEqual(monthRange('2021-10', '2025-08'));
		expect(southwestComponentTotal('2021-09', 'usbp')).toBeNull();
		expect(southwestComponentTotal('2025-09', 'usbp')).toBeNull();
	});

	test.each(['2022-09', '2023-09', '2024-09'])(
		'September %s (Month Grouping = Remaining) is kept',
		(month) => {
			expect(southwestComponentTotal(month, 'usbp')).toBeGreaterThan(0);
			expect(southwestComponentTotal(month, 'ofo')).toBeGreaterThan(0);
		}
	);
});

function sum(values: Map<string, number>): number {
	return [...values.values()].reduce((a, b) => a + b, 0);
}
