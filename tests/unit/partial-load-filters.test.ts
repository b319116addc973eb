/**
 * A deep link with a demographic or citizenship filter is asked of the engine while only the
 * small files are in (the first of the two load steps): the large AOR releases, the only files
 * with those breakdowns before Oct 2024, are still arriving. Their months must then be pending (null), never
 * an error: the browser showed "Could not convert string 'uc' to INT32" for seconds when the
 * breakdown columns took their type from files without them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { buildViews, fetchAll, ingestFiles, prepareDatabase } from '../../src/lib/db/load';
import { monthKey, parseMonthKey } from '../../src/lib/domain/months';
import { trusted } from '../../src/lib/db/sql';
import { loadSteps } from '../../src/lib/state/data-state.svelte';
import { loadPageView } from '../../src/lib/state/page-view';
import { DEFAULT_URL_STATE, type UrlState } from '../../src/lib/filters/url-state';
import { emptyDb, manifestFiles } from '../helpers/node-db';

const files = new Map(manifestFiles.map((f) => [f.id, f]));

describe('before the AOR releases are loaded', () => {
	let db: Db;
	beforeAll(async () => {
		db = await emptyDb();
		const [small] = loadSteps(manifestFiles);
		const fetched = fetchAll(
			small,
			async (f) => new Uint8Array(readFileSync(join('data', f.path))),
			() => {}
		);
		await prepareDatabase(db);
		await ingestFiles(db, small, fetched, () => {});
		await buildViews(db, manifestFiles, new Set(small.map((f) => f.id)));
	});

	test('the breakdown columns are text, as when every file is in', async () => {
		const columns = await db.query<{ table_name: string; column_name: string; data_type: string }>(
			trusted(`SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_name IN ('encounter_rows', 'encounters')
					AND column_name IN ('demographic', 'citizenship', 'citizenship_label')
				ORDER BY table_name, column_name`)
		);
		expect(columns.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}`)).toEqual([
			'encounter_rows.citizenship VARCHAR',
			'encounter_rows.citizenship_label VARCHAR',
			'encounter_rows.demographic VARCHAR',
			'encounters.citizenship VARCHAR',
			'encounters.citizenship_label VARCHAR',
			'encounters.demographic VARCHAR'
		]);
	});

	test.each<[string, Partial<UrlState>]>([
		['demographic=uc&month=2024-06', { demographic: 'uc', month: parseMonthKey('2024-06') }],
		['demographic=uc&sector=EPT', { demographic: 'uc', sectors: ['EPT'] }],
		[
			'demographic=single-adults&title=8&month=2024-06',
			{ demographic: 'single-adults', title: '8', month: parseMonthKey('2024-06') }
		],
		['citizenship=mexico', { citizenship: 'mexico' }],
		[
			'demographic=fmua&citizenship=mexico&split=citizenship',
			{
				demographic: 'fmua',
				citizenship: 'mexico',
				split: 'citizenship'
			}
		]
	])('?%s gives a pending view, not an error', async (_, change) => {
		const view = await loadPageView(db, { ...DEFAULT_URL_STATE, ...change }, files);
		expect(view.pending).toBe(true);
		// Only months after the AOR releases, which the Southwest-by-component file (a small
		// file) answers by demographic, may have a number yet.
		const lastAorMonth = manifestFiles
			.filter((f) => f.layout === 'aor')
			.map((f) => f.coverage.to)
			.sort()
			.pop()!;
		const answered = view.series.filter((m) => m.value !== null).map((m) => monthKey(m.month));
		expect(answered.filter((m) => m <= lastAorMonth)).toEqual([]);
	});
});
