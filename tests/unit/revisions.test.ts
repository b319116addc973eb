/**
 * Revisions between releases: on the bundled files against an independent key-by-key comparison
 * of the CSVs, and on a made-up release with planted changes.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { monthKey } from '../../src/lib/domain/months';
import {
	componentVsSectors,
	netRevisionsByMonth,
	releaseOverlaps,
	revisions
} from '../../src/lib/queries/revisions';
import { monthOfRow, readRows, southwestComponentTotal } from '../helpers/expected';
import { bundledDb, loadedDb, manifestFiles } from '../helpers/node-db';

describe('the bundled releases', () => {
	let db: Db;
	beforeAll(async () => {
		db = await bundledDb();
	});

	test('the FY20–FY23 and FY21–FY24 AOR releases agree on every key they share', async () => {
		// Independently: every key of both files in the months both cover.
		const keysOf = (path: string) => {
			const out = new Map<string, number>();
			for (const r of readRows(path).rows) {
				const month = monthOfRow(r);
				if (month < '2020-10' || month > '2023-09') continue;
				// The key: the month and every column but the count and the fiscal-year labels.
				const key = [month, ...Object.entries(r)]
					.filter(
						(e) =>
							typeof e === 'string' ||
							!['Encounter Count', 'Fiscal Year', 'Month Grouping'].includes(e[0])
					)
					.map((e) => (typeof e === 'string' ? e : e[1]))
					.join('|');
				out.set(key, (out.get(key) ?? 0) + Number(r['Encounter Count']));
			}
			return out;
		};
		const older = keysOf('nationwide-encounters-fy20-fy23-aor.csv');
		const newer = keysOf('nationwide-encounters-fy21-fy24-aor.csv');
		const union = new Set([...older.keys(), ...newer.keys()]);
		const changed = [...union].filter((k) => (older.get(k) ?? 0) !== (newer.get(k) ?? 0));

		const [overlap] = await releaseOverlaps(db);
		expect(overlap).toMatchObject({ older: 'aor_fy20_fy23', newer: 'aor_fy21_fy24' });
		expect([monthKey(overlap.from), monthKey(overlap.to)]).toEqual(['2020-10', '2023-09']);
		expect(overlap.keysCompared).toBe(union.size);
		expect(overlap.keysChanged).toBe(changed.length);
		expect(overlap.keysChanged).toBe(0);
		expect((await revisions(db)).filter((r) => r.newer === overlap.newer)).toEqual([]);
	});

	test('the two state releases agree on every key they share (PROVENANCE I3)', async () => {
		// Independently: month, region, state, demographic, citizenship and title of every row in
		// the months both cover (Oct 2022 – Sep 2025).
		const keysOf = (path: string) => {
			const out = new Map<string, number>();
			for (const r of readRows(path).rows) {
				const month = monthOfRow(r);
				if (month < '2022-10' || month > '2025-09') continue;
				const key = [
					month,
					r['Land Border Region'],
					r['State'],
					r['Demographic'],
					r['Citizenship'],
					r['Title of Authority']
				].join('|');
				out.set(key, (out.get(key) ?? 0) + Number(r['Encounter Count']));
			}
			return out;
		};
		const older = keysOf('nationwide-encounters-fy22-fy25-state.csv');
		const newer = keysOf('nationwide-encounters-fy23-fy26-nov-state.csv');
		const union = new Set([...older.keys(), ...newer.keys()]);
		const changed = [...union].filter((k) => (older.get(k) ?? 0) !== (newer.get(k) ?? 0));

		const overlap = (await releaseOverlaps(db)).find(
			(o) => o.older === 'state_fy22_fy25' && o.newer === 'state_fy23_fy26_nov'
		)!;
		expect([monthKey(overlap.from), monthKey(overlap.to)]).toEqual(['2022-10', '2025-09']);
		expect(overlap.keysCompared).toBe(union.size);
		expect(overlap.keysChanged).toBe(changed.length);
		expect(overlap.keysChanged).toBe(0);
		expect(overlap.totalBefore).toBe([...older.values()].reduce((a, b) => a + b, 0));
	});

	test('the Nov 2023 state release agrees with the FY22–FY25 one: CBP only renamed a demographic', async () => {
		// Independently: the full keys of both files, Oct 2021 – Sep 2023, with the demographic as
		// written (A1 says "UC / Single Minors", I1 "UAC") or read as one.
		const keysOf = (path: string, oneName: boolean) => {
			const out = new Map<string, number>();
			for (const r of readRows(path).rows) {
				const month = monthOfRow(r);
				if (month < '2021-10' || month > '2023-09') continue;
				const demographic =
					oneName && r['Demographic'] === 'UAC' ? 'UC / Single Minors' : r['Demographic'];
				const key = [
					month,
					r['Land Border Region'],
					r['State'],
					demographic,
					r['Citizenship'],
					r['Title of Authority']
				].join('|');
				out.set(key, (out.get(key) ?? 0) + Number(r['Encounter Count']));
			}
			return out;
		};
		const compare = (oneName: boolean) => {
			const older = keysOf('nationwide-encounters-fy20-fy23-state.csv', oneName);
			const newer = keysOf('nationwide-encounters-fy22-fy25-state.csv', oneName);
			const union = new Set([...older.keys(), ...newer.keys()]);
			return {
				keys: union.size,
				changed: [...union].filter((k) => (older.get(k) ?? 0) !== (newer.get(k) ?? 0)).length
			};
		};
		// PROVENANCE I3's "3,590 of 26,834 keys differ" is the rename: each unaccompanied-children
		// key appears once under each name.
		const asWritten = compare(false);
		const asOne = compare(true);
		expect(asWritten.changed).toBeGreaterThan(0);
		expect(asWritten.changed).toBe(2 * (asWritten.keys - asOne.keys));
		expect(asOne.changed).toBe(0);

		const overlap = (await releaseOverlaps(db)).find(
			(o) => o.older === 'state_fy20_fy23' && o.newer === 'state_fy22_fy25'
		)!;
		expect([monthKey(overlap.from), monthKey(overlap.to)]).toEqual(['2021-10', '2023-09']);
		expect([overlap.keysCompared, overlap.keysChanged]).toEqual([asOne.keys, 0]);
		expect((await revisions(db)).filter((r) => r.older === 'state_fy20_fy23')).toEqual([]);
	});

	test('CBP’s Southwest file differs from the sector sums where a later release revised them', async () => {
		const rows = await componentVsSectors(db);
		for (const r of rows)
			expect(r.componentTotal, monthKey(r.month)).toBe(
				southwestComponentTotal(monthKey(r.month), 'usbp', '8')
			);
		const differing = rows.filter((r) => r.sectorSum !== null && r.sectorSum !== r.componentTotal);
		expect(differing.length).toBeGreaterThan(0);
		for (const r of differing) {
			expect(r.sectorSourceId).toBe('usbp_sw_sectors_fy2020_fy2026');
			expect(monthKey(r.month) >= '2024-10').toBe(true);
		}
	});
});

describe('a release with planted changes', () => {
	const HEADER =
		'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
	const row = (mon: string, sector: string, code: string, citizenship: string, n: number) =>
		`2024,FYTD,${mon},U.S. Border Patrol,Southwest Land Border,${sector} Sector,${code},Single Adults,${citizenship},Title 8,Apprehensions,${n}`;
	const older = [
		HEADER,
		row('OCT', 'Tucson', 'TCA', 'MEXICO', 100),
		row('NOV', 'Tucson', 'TCA', 'MEXICO', 110),
		row('NOV', 'Yuma', 'YUM', 'CUBA', 7),
		row('NOV', 'Yuma', 'YUM', 'MEXICO', 40)
	].join('\n');
	const newer = [
		HEADER,
		row('NOV', 'Tucson', 'TCA', 'MEXICO', 112), // revised up
		row('NOV', 'Yuma', 'YUM', 'MEXICO', 40), // unchanged
		row('NOV', 'Yuma', 'YUM', 'HAITI', 3), // added
		row('DEC', 'Tucson', 'TCA', 'MEXICO', 120) // outside the overlap
	].join('\n'); // Yuma CUBA is left out: a revision to 0
	const template = manifestFiles.find((f) => f.layout === 'aor')!;
	const entry = (id: string, release: string, from: string, to: string): ManifestFile => ({
		...template,
		id,
		path: `${id}.csv`,
		release,
		coverage: { from, to, months: 0 }
	});

	test('lists each changed key with its old and new count, a dropped key as 0', async () => {
		const db = await loadedDb(
			[
				entry('old_release', '2024-01', '2023-10', '2023-11'),
				entry('new_release', '2024-02', '2023-11', '2023-12')
			],
			(f) => (f.id === 'old_release' ? older : newer)
		);
		const changes = (await revisions(db)).map((r) => [
			monthKey(r.month),
			r.aorCode,
			r.citizenship,
			r.before,
			r.after
		]);
		expect(changes).toEqual(
			expect.arrayContaining([
				['2023-11', 'TCA', 'mexico', 110, 112],
				['2023-11', 'YUM', 'cuba', 7, 0],
				['2023-11', 'YUM', 'haiti', 0, 3]
			])
		);
		expect(changes).toHaveLength(3);
		const [overlap] = await releaseOverlaps(db);
		expect(overlap).toMatchObject({
			keysCompared: 4,
			keysChanged: 3,
			totalBefore: 157,
			totalAfter: 155
		});

		// The page lists the first of each pair by month and size, and counts the rest.
		const first = (await revisions(db, 2)).map((r) => [r.aorCode, r.citizenship]);
		expect(first).toEqual([
			['YUM', 'cuba'],
			['YUM', 'haiti']
		]);
		// The chart's net change sums every revised count, not only those listed.
		const net = await netRevisionsByMonth(db);
		expect(net.map((n) => [monthKey(n.month), n.change])).toEqual([
			['2023-11', 112 - 110 + (0 - 7) + (3 - 0)]
		]);
	});

	test('three releases of a month: the net revision is the newest count minus the oldest, once', async () => {
		const nov = (n: number) => [HEADER, row('NOV', 'Tucson', 'TCA', 'MEXICO', n)].join('\n');
		const counts: Record<string, number> = { first: 110, second: 112, third: 115 };
		const db = await loadedDb(
			[
				entry('first', '2024-01', '2023-11', '2023-11'),
				entry('second', '2024-02', '2023-11', '2023-11'),
				entry('third', '2024-03', '2023-11', '2023-11')
			],
			(f) => nov(counts[f.id])
		);
		// Each pair still lists its own revision…
		expect((await revisions(db)).map((r) => [r.older, r.newer, r.before, r.after])).toEqual(
			expect.arrayContaining([
				['first', 'second', 110, 112],
				['second', 'third', 112, 115],
				['first', 'third', 110, 115]
			])
		);
		// …and the month's net change counts the key once.
		const net = await netRevisionsByMonth(db);
		expect(net.map((n) => [monthKey(n.month), n.change])).toEqual([['2023-11', 115 - 110]]);
	});
});
