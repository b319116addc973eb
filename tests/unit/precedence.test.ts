/**
 * The precedence rule on small made-up releases, where the answer is known by construction:
 * the newest release covering a month wins whole, a key it leaves out counts as 0, and older
 * or lower-ranked files fill only months nothing newer covers.
 */
import { describe, expect, test } from 'vitest';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { monthKey, parseMonthKey } from '../../src/lib/domain/months';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { headline } from '../../src/lib/queries/headline';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { loadedDb, manifestFiles } from '../helpers/node-db';

const AOR_HEADER =
	'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';

const aorRow = (fy: string, mon: string, sector: string, code: string, count: number) =>
	`${fy},FYTD,${mon},U.S. Border Patrol,Southwest Land Border,${sector} Sector,${code},Single Adults,MEXICO,Title 8,Apprehensions,${count}`;

function entry(
	id: string,
	layout: ManifestFile['layout'],
	release: string,
	from: string,
	to: string
): ManifestFile {
	const template = manifestFiles.find((f) => f.layout === layout)!;
	return { ...template, id, path: `${id}.csv`, release, coverage: { from, to, months: 0 } };
}

// Older release: Oct–Nov 2023 (FY2024), Tucson and Yuma.
const older = [
	AOR_HEADER,
	aorRow('2024', 'OCT', 'Tucson', 'TCA', 100),
	aorRow('2024', 'OCT', 'Yuma', 'YUM', 50),
	aorRow('2024', 'NOV', 'Tucson', 'TCA', 110),
	aorRow('2024', 'NOV', 'Yuma', 'YUM', 55)
].join('\r\n');
// Newer release: Nov–Dec 2023, revises Tucson in November and leaves Yuma out (a zero).
const newer = [
	AOR_HEADER,
	aorRow('2024', 'NOV', 'Tucson', 'TCA', 120),
	aorRow('2024 (FYTD)', 'DEC', 'Tucson', 'TCA', 130),
	aorRow('2024 (FYTD)', 'DEC', 'Yuma', 'YUM', 60)
].join('\r\n');
// A derived sector file overlapping the newer release and running one month past it.
const derived = [
	'month,fiscal_year,component,land_border_region,area_of_responsibility,aor_abbv,title_of_authority,encounter_type,encounter_count',
	'2023-12,2024,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Title 8,Apprehensions,999',
	'2024-01,2024,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Title 8,Apprehensions,140',
	'2024-01,2024,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,Title 8,Apprehensions,70'
].join('\n');

const files = [
	entry('fixture_older', 'aor', '2023-12', '2023-10', '2023-11'),
	entry('fixture_newer', 'aor', '2024-01', '2023-11', '2023-12'),
	entry('fixture_derived', 'sector-derived', '2024-03', '2023-12', '2024-01')
];
const contents: Record<string, string> = {
	fixture_older: older,
	fixture_newer: newer,
	fixture_derived: derived
};

describe('precedence between overlapping files', async () => {
	const db = await loadedDb(files, (f) => contents[f.id]);
	const series = await monthlyTotals(db, DEFAULT_FILTERS);
	const byMonth = new Map(series.map((r) => [monthKey(r.month), r]));

	test('a month only the older release covers comes from it', () => {
		expect(byMonth.get('2023-10')).toMatchObject({ value: 150, sourceIds: ['fixture_older'] });
	});

	test('the newer release wins a shared month whole, and a key it leaves out counts as 0', async () => {
		expect(byMonth.get('2023-11')).toMatchObject({ value: 120, sourceIds: ['fixture_newer'] });
		const { sectors: rows } = await headline(
			db,
			DEFAULT_FILTERS,
			parseMonthKey('2023-11')!,
			parseMonthKey('2023-10')!
		);
		expect(rows.map((r) => [r.code, r.value, r.baselineValue])).toEqual([
			['YUM', 0, 50],
			['TCA', 120, 100]
		]);
	});

	test('a CBP release beats the derived file even when the derived file is newer', () => {
		expect(byMonth.get('2023-12')).toMatchObject({ value: 190, sourceIds: ['fixture_newer'] });
	});

	test('the derived file fills a month no release covers', () => {
		expect(byMonth.get('2024-01')).toMatchObject({ value: 210, sourceIds: ['fixture_derived'] });
	});

	test('nothing outside the files’ coverage appears', () => {
		expect([...byMonth.keys()]).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
	});
});
