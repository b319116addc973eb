/**
 * The build-time snapshot the prerendered explorer carries: the default view computed from the
 * bundled files, checked against values computed independently from the CSVs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { monthKey } from '../../src/lib/data/months';
import { viewSnapshot } from '../../src/lib/server/view-snapshot';
import type { ViewSnapshot } from '../../src/lib/state/explorer-view';
import {
	latestCoveredMonth,
	nextMonth,
	usbpSouthwestMonthlySeries,
	usbpSouthwestTotal
} from '../helpers/expected';
import { manifestFiles } from '../helpers/node-db';

let snapshot: ViewSnapshot;
beforeAll(async () => {
	snapshot = await viewSnapshot();
});

test('answers the default state (no query string) for exactly the bundled files', () => {
	expect(snapshot.state).toBe('');
	const sums = manifestFiles.map((f) =>
		createHash('sha256')
			.update(readFileSync(join('data', f.path)))
			.digest('hex')
	);
	expect(snapshot.sha256).toEqual(sums);
});

test('its headline is the latest covered month against a year earlier', () => {
	const month = latestCoveredMonth();
	const h = snapshot.view.headline!;
	expect(monthKey(h.month)).toBe(month);
	expect(h.value).toBe(usbpSouthwestTotal(month));
	expect(h.baselineValue).toBe(usbpSouthwestTotal(nextMonth(month, -12)));
	expect(snapshot.view.pending).toBe(false);
});

test('its monthly series is every covered month with its winning file', () => {
	expect(
		snapshot.view.series.map((p) => ({
			month: monthKey(p.month),
			value: p.value,
			source: p.sourceIds.join()
		}))
	).toEqual(usbpSouthwestMonthlySeries());
});

test('it lists the citizenships the AOR files name', () => {
	const labels = snapshot.citizenships.map((c) => c.label);
	expect(labels.length).toBeGreaterThan(10);
	expect(labels).toEqual([...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});
