/** Loading fails loudly and names the file: a failed fetch or a malformed CSV never loads silently. */
import { describe, expect, test } from 'vitest';
import { DataLoadError, loadFiles } from '../../src/lib/db/load';
import { emptyDb, manifestFiles } from '../helpers/node-db';

const derivedFile = manifestFiles.find((f) => f.layout === 'sector-derived')!;
const header =
	'month,fiscal_year,component,land_border_region,area_of_responsibility,aor_abbv,title_of_authority,encounter_type,encounter_count';

describe('loadFiles', () => {
	test('a file that cannot be fetched fails with its name', async () => {
		const db = await emptyDb();
		const load = loadFiles(db, [derivedFile], async () => {
			throw new Error('HTTP 404 Not Found');
		});
		await expect(load).rejects.toBeInstanceOf(DataLoadError);
		await expect(load).rejects.toThrow(`Could not load ${derivedFile.path}: HTTP 404 Not Found`);
	});

	test('a non-numeric count fails with the file name instead of loading as null', async () => {
		const db = await emptyDb();
		const csv = `${header}\n2024-01,2024,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Title 8,Apprehensions,12x\n`;
		await expect(
			loadFiles(db, [derivedFile], async () => new TextEncoder().encode(csv))
		).rejects.toThrow(derivedFile.path);
	});

	test('an unknown sector name fails with the file name and what was wrong', async () => {
		const db = await emptyDb();
		const csv = `${header}\n2024-01,2024,U.S. Border Patrol,Southwest Land Border,Atlantis Sector,ATL,Title 8,Apprehensions,12\n`;
		const load = loadFiles(db, [derivedFile], async () => new TextEncoder().encode(csv));
		await expect(load).rejects.toThrow(derivedFile.path);
		await expect(load).rejects.toThrow(
			'1 rows with an unknown component, region, area of responsibility or title'
		);
	});

	test('reports fetching, ingesting and done for each file', async () => {
		const db = await emptyDb();
		const stages: string[] = [];
		const csv = `${header}\n2024-01,2024,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Title 8,Apprehensions,12\n`;
		await loadFiles(
			db,
			[derivedFile],
			async (_f, onBytes) => {
				onBytes(csv.length);
				return new TextEncoder().encode(csv);
			},
			(p) => stages.push(p.stage)
		);
		expect(stages).toEqual(['fetching', 'ingesting', 'done']);
	});
});
