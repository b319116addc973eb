/**
 * The build-time statements the prerendered explorer carries: the app's own view queries over the
 * bundled files, answered without an engine. Views built from them are checked against values
 * computed independently from the CSVs; a view they cannot answer whole is a `SnapshotMiss`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { monthKey } from '../../src/lib/data/months';
import { snapshotDb, SnapshotMiss, type StatementSnapshot } from '../../src/lib/data/snapshot-db';
import { citizenshipOptions } from '../../src/lib/queries/options';
import { viewSnapshot } from '../../src/lib/server/view-snapshot';
import { loadExplorerView } from '../../src/lib/state/explorer-view';
import { parseUrlState } from '../../src/lib/state/url-state';
import {
	latestCoveredMonth,
	nextMonth,
	usbpSouthwestMonthlySeries,
	usbpSouthwestTotal
} from '../helpers/expected';
import { filteredSplit } from '../helpers/expected-filters';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let snapshot: StatementSnapshot;
beforeAll(async () => {
	snapshot = await viewSnapshot();
});
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const view = (query: string) =>
	loadExplorerView(snapshotDb(snapshot), parseUrlState(new URLSearchParams(query)).state, files);

test('is for exactly the bundled files', () => {
	const sums = manifestFiles.map((f) =>
		createHash('sha256')
			.update(readFileSync(join('data', f.path)))
			.digest('hex')
	);
	expect(snapshot.sha256).toEqual(sums);
});

test('answers the default view: the latest covered month against a year earlier', async () => {
	const v = await view('');
	const month = latestCoveredMonth();
	expect(monthKey(v.headline!.month)).toBe(month);
	expect(v.headline!.value).toBe(usbpSouthwestTotal(month));
	expect(v.headline!.baselineValue).toBe(usbpSouthwestTotal(nextMonth(month, -12)));
	expect(v.pending).toBe(false);
	expect(
		v.series.map((p) => ({ month: monthKey(p.month), value: p.value, source: p.sourceIds.join() }))
	).toEqual(usbpSouthwestMonthlySeries());
});

test.each(['2025-06', '2019-05', '2012-01'])(
	'answers the default filter in any month: %s',
	async (month) => {
		const v = await view(`month=${month}&per=day&scale=independent`);
		expect(v.headline!.value).toBe(usbpSouthwestTotal(month));
		expect(v.headline!.baselineValue).toBe(usbpSouthwestTotal(nextMonth(month, -12)));
	}
);

test('answers every split of the composition', async () => {
	const v = await view('split=title&from=2021-01&to=2022-12');
	const expected = filteredSplit(
		'2021-06',
		{ components: ['usbp'], regions: ['southwest'] },
		'title'
	);
	const june = v.composition.filter((r) => monthKey(r.month) === '2021-06');
	expect(june.length).toBeGreaterThan(0);
	expect(new Map(june.map((r) => [r.key, r.value]))).toEqual(expected);
	expect((await citizenshipOptions(snapshotDb(snapshot))).length).toBeGreaterThan(10);
});

test.each(['sector=TCA', 'component=ofo', 'citizenship=mexico'])(
	'cannot answer %s whole: a SnapshotMiss, for the engine to answer',
	async (query) => {
		await expect(view(query)).rejects.toBeInstanceOf(SnapshotMiss);
	}
);

test('every statement it holds is what the loaded engine answers (it seeds the engine’s cache)', async () => {
	const db = await bundledDb();
	for (const [key, rows] of snapshot.statements) {
		const [text, params] = key.split('\u0000');
		expect(await db.query({ text, params: JSON.parse(params) } as never)).toEqual(rows);
	}
});
