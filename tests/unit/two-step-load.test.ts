/**
 * Loading in two steps never shows a number from the wrong file: months whose winning file is
 * not loaded yet are pending (null), and the same months are right once it is in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildViews, fetchAll, ingestFiles, prepareDatabase } from '../../src/lib/db/load';
import { monthKey } from '../../src/lib/domain/months';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { monthCoverage } from '../../src/lib/queries/month-sources';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { loadSteps } from '../../src/lib/state/data-state.svelte';
import { loadPageView } from '../../src/lib/state/page-view';
import { parseUrlState } from '../../src/lib/filters/url-state';
import { manifest, usbpSouthwestTotal } from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import type { ComponentCode } from '../../src/lib/domain/vocabulary';
import { emptyDb, manifestFiles } from '../helpers/node-db';

/** An empty database, prepared, with every bundled file being fetched. */
async function preparedDb() {
	const db = await emptyDb();
	const fetched = fetchAll(
		manifestFiles,
		async (f) => new Uint8Array(readFileSync(join('data', f.path))),
		() => {}
	);
	await prepareDatabase(db);
	return { db, fetched };
}

test('the small files answer their own months first; the rest wait for the large releases, then the state releases', async () => {
	const { db, fetched } = await preparedDb();
	const [small, large, byState] = loadSteps(manifestFiles);
	expect(large.every((f) => f.layout === 'aor')).toBe(true);
	expect(byState.map((f) => f.id).sort()).toEqual(
		manifest()
			.files.filter((f) => f.path.endsWith('-state.csv'))
			.map((f) => f.id)
			.sort()
	);

	await ingestFiles(db, small, fetched, () => {});
	await buildViews(db, manifestFiles, new Set(small.map((f) => f.id)));
	const early = new Map(
		(await monthlyTotals(db, DEFAULT_FILTERS)).map((r) => [monthKey(r.month), r])
	);
	expect(early.get('2026-08')?.value).toBe(usbpSouthwestTotal('2026-08'));
	expect(early.get('1999-10')?.value).toBe(usbpSouthwestTotal('1999-10'));
	// Covered by the derived file and the PDF too, but their winner (an AOR release) is not in yet.
	expect(early.get('2020-06')?.value).toBeNull();
	expect(early.get('2024-06')?.value).toBeNull();
	const coverage = await monthCoverage(db, DEFAULT_FILTERS);
	expect(coverage.find((c) => monthKey(c.month) === '2024-06')?.pending).toBe(true);

	await ingestFiles(db, large, fetched, () => {});
	await buildViews(db, manifestFiles, new Set([...small, ...large].map((f) => f.id)));
	const late = new Map(
		(await monthlyTotals(db, DEFAULT_FILTERS)).map((r) => [monthKey(r.month), r])
	);
	expect(late.get('2020-06')?.value).toBe(usbpSouthwestTotal('2020-06'));
	expect(late.get('2024-06')?.value).toBe(usbpSouthwestTotal('2024-06'));
	// Both components after the AOR releases wait for the state releases, never the lower-ranked
	// Southwest-by-component file.
	const both = { ...DEFAULT_FILTERS, components: ['usbp', 'ofo'] as ComponentCode[] };
	const waiting = new Map((await monthlyTotals(db, both)).map((r) => [monthKey(r.month), r]));
	expect(waiting.get('2024-06')?.value).toBe(filteredTotal('2024-06', spec));
	expect(waiting.get('2025-06')?.value).toBeNull();

	await ingestFiles(db, byState, fetched, () => {});
	await buildViews(db, manifestFiles, new Set(manifestFiles.map((f) => f.id)));
	const last = new Map((await monthlyTotals(db, both)).map((r) => [monthKey(r.month), r]));
	expect(last.get('2025-06')?.value).toBe(filteredTotal('2025-06', spec));
});

const spec: FilterSpec = { components: ['usbp', 'ofo'], regions: ['southwest'] };

test('a view of states is answered once the small files and the state releases are in, before the AOR releases', async () => {
	const { db, fetched } = await preparedDb();
	const steps = loadSteps(manifestFiles, true);
	const [small0, large0, byState0] = loadSteps(manifestFiles);
	expect(steps).toEqual([small0, byState0, large0]);
	const [small, byState] = steps;
	await ingestFiles(db, [...small, ...byState], fetched, () => {});
	await buildViews(db, manifestFiles, new Set([...small, ...byState].map((f) => f.id)));
	const state = parseUrlState(new URLSearchParams('month=2024-06&state=AZ,CA')).state;
	const view = await loadPageView(db, state, new Map(manifestFiles.map((f) => [f.id, f])));
	const states: FilterSpec = {
		components: ['usbp', 'ofo'],
		regions: ['southwest', 'northern', 'other'],
		states: ['AZ', 'CA']
	};
	expect(view.pending).toBe(false);
	expect(view.headline?.value).toBe(filteredTotal('2024-06', states));
	expect(view.headline?.baselineValue).toBe(filteredTotal('2023-06', states));
});
