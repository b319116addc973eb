/**
 * Uploads that used to pass the checks and then corrupt, blank or freeze the explorer: each is
 * reproduced from a file in tests/fixtures/bad/ (or built here) and must now be refused with its
 * file, line and column, or load exactly what was checked. Expected totals come from
 * `tests/helpers/uploads.ts` (plain loops over the CSVs), never from the app's SQL.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { utcMonth } from '../../src/lib/domain/months';
import { UploadQueue, type Ready } from '../../src/lib/upload/upload-queue';
import { problemMessages, validateCsv } from '../../src/lib/upload/validate';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import { citizenshipOptions } from '../../src/lib/queries/options';
import { monthKey } from '../../src/lib/domain/months';
import { readRows } from '../helpers/expected';
import {
	AREAS,
	BASE_FILES,
	aorCsv,
	baseDb,
	cellKey,
	expectedTotals,
	loadedTotalsByCell,
	type UploadRow
} from '../helpers/uploads';

const LATEST = utcMonth(2026, 10); // November 2026: the checks' clock, fixed for the tests
const bad = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/bad/${name}`));
const check = (name: string, bytes: Uint8Array = bad(name)) =>
	validateCsv(name, bytes.length, bytes, { latest: LATEST });

async function queueOn(db: Db) {
	return new UploadQueue(async () => db, BASE_FILES);
}

/** Checks and plans a file the way the page does (id taken before anything is awaited). */
function prepare(queue: UploadQueue, name: string, bytes: Uint8Array) {
	const id = queue.nextId();
	return queue.prepare(id, check(name, bytes), bytes);
}

const ready = (prepared: Awaited<ReturnType<UploadQueue['prepare']>>): Ready => {
	if (!prepared.ok) throw new Error(`expected a plan, got: ${prepared.reason}`);
	return prepared;
};

describe('dates no CBP file can hold are refused, naming line and column', () => {
	test.each([
		['fy2099.csv', 'fy2099.csv, line 3, column "Fiscal Year": "2099" is after FY2027'],
		[
			'future-month.csv',
			'future-month.csv, line 3, column "Month (abbv)": "AUG" names 2027-08, a month that has not ended yet'
		],
		['fy-0050.csv', 'fy-0050.csv, line 2, column "Fiscal Year": "0050" is before FY2000'],
		['year-1100.csv', 'year-1100.csv, line 2, column "month": "1100-05" is before 1999-10']
	])('%s', (name, message) => {
		const result = check(name);
		expect(result.ok).toBe(false);
		expect(problemMessages(result).join('\n')).toContain(message);
	});
});

describe('labels that would collide as keys or reach the page raw', () => {
	test.each([
		['rtl-override.csv', 'line 2, column "Citizenship": "\\u{202E}', 'U+202E'],
		['noncharacter.csv', 'line 2, column "Citizenship"', 'U+FFFF'],
		['noncharacter.csv', 'line 3, column "Citizenship"', 'U+FFFE'],
		['no-letter-citizenship.csv', 'line 2, column "Citizenship": "---" has no letter or digit', '']
	])('%s is refused: %s', (name, where, codePoint) => {
		const result = check(name);
		expect(result.ok).toBe(false);
		const text = problemMessages(result).join('\n');
		expect(text.replace('"U+202E', '"\\u{202E}')).toContain(where.replace('\\u{202E}', ''));
		expect(text).toContain(codePoint);
		// The hidden character itself is spelt out, never echoed.
		expect(text).not.toMatch(/[\u202e\ufffe\uffff]/);
	});

	test('spellings that differ only in case are one citizenship; other scripts keep a slug', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		await queue.load(ready(await prepare(queue, 'case-variants.csv', bad('case-variants.csv'))));
		const options = await citizenshipOptions(db);
		const slugs = options.map((o) => o.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(options.filter((o) => o.slug === 'mexico')).toEqual([
			{ slug: 'mexico', label: 'MEXICO' }
		]);
		expect(slugs).toEqual(expect.arrayContaining(['中国', '日本']));
		expect(slugs).not.toContain('');
	});
});

describe('what the checks accept is exactly what DuckDB loads', () => {
	test.each([
		['double-bom.csv', 16],
		['bom-mid-file.csv', 16],
		['mixed-line-ends.csv', 23],
		['whitespace-only-lines.csv', 16],
		['nbsp-and-tabs.csv', 19]
	])('%s loads, and its sum is %i', async (name, sum) => {
		const result = check(name);
		expect(problemMessages(result)).toEqual([]);
		expect(result.countSum).toBe(sum);
		const db = await baseDb();
		const queue = await queueOn(db);
		const loaded = await queue.load(ready(await prepare(queue, name, bad(name))));
		expect(loaded.totals).toEqual({ rows: result.rowsRead, sum });
		// Every row reached the encounters view with known labels (the June 2024 Tucson cell).
		const totals = await loadedTotalsByCell(db, ['2024-06']);
		expect(totals.get(cellKey('2024-06', 'usbp', 'southwest'))).toBe(sum);
	});

	test('a large file reports its progress while it is checked', () => {
		const rows: UploadRow[] = Array.from({ length: 20_000 }, (_, i) => ({
			month: '2024-06',
			area: AREAS[0],
			citizenship: `C${i}`,
			count: 1
		}));
		const bytes = new TextEncoder().encode(aorCsv(rows));
		const seen: number[] = [];
		const result = validateCsv('big.csv', bytes.length, bytes, {
			latest: LATEST,
			onProgress: (f) => seen.push(f)
		});
		expect(result.ok).toBe(true);
		expect(seen.length).toBeGreaterThanOrEqual(4);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
	});
});

describe('the upload queue', () => {
	test('two files chosen at once get their own ids and tables, and both load', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const a: UploadRow[] = [
			{ month: '2024-06', area: AREAS[0], citizenship: 'MEXICO', count: 120 },
			{ month: '2024-07', area: AREAS[1], citizenship: 'CUBA', count: 33 }
		];
		const b: UploadRow[] = [
			{ month: '2024-06', area: AREAS[4], citizenship: 'MEXICO', count: 7 },
			{ month: '2024-08', area: AREAS[3], citizenship: 'INDIA', count: 9 }
		];
		const files = [a, b].map((rows) => new TextEncoder().encode(aorCsv(rows)));
		const prepared = await Promise.all([
			prepare(queue, 'a.csv', files[0]),
			prepare(queue, 'b.csv', files[1])
		]);
		const plans = prepared.map(ready);
		expect(plans[0].entry.id).not.toBe(plans[1].entry.id);
		const loaded = await Promise.all(plans.map((p) => queue.load(p)));
		expect(loaded.map((l) => l.totals)).toEqual([
			{ rows: 2, sum: 153 },
			{ rows: 2, sum: 16 }
		]);
		const months = ['2024-06', '2024-07', '2024-08'];
		const cells = months.flatMap((m) =>
			['usbp', 'ofo'].flatMap((c) => ['southwest', 'northern'].map((r) => cellKey(m, c, r)))
		);
		const expected = expectedTotals(
			[
				{ layout: 'aor', rows: a },
				{ layout: 'aor', rows: b }
			],
			cells
		);
		const actual = await loadedTotalsByCell(db, months);
		for (const key of cells)
			expect([key, actual.get(key) ?? null]).toEqual([key, expected.get(key)]);
	});

	test('a sparse file replaces only the months and scopes it holds, and its plan says so', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const before = expectedTotals(
			[],
			[cellKey('2022-06', 'usbp', 'southwest'), cellKey('2024-06', 'usbp', 'southwest')]
		);
		const plan = ready(await prepare(queue, 'sparse-two-rows.csv', bad('sparse-two-rows.csv')));
		const base = expectedTotals(
			[],
			[cellKey('2019-10', 'usbp', 'southwest'), cellKey('2024-09', 'usbp', 'southwest')]
		);
		expect(
			plan.plan.replaces.map((c) => [c.month, c.component, c.region, c.before, c.after])
		).toEqual([
			['2019-10', 'usbp', 'southwest', base.get(cellKey('2019-10', 'usbp', 'southwest')), 40],
			['2024-09', 'usbp', 'southwest', base.get(cellKey('2024-09', 'usbp', 'southwest')), 60]
		]);
		expect(plan.plan.adds).toEqual([]);
		await queue.load(plan);
		const after = await loadedTotalsByCell(db, ['2019-10', '2022-06', '2024-06', '2024-09']);
		expect(after.get(cellKey('2022-06', 'usbp', 'southwest'))).toBe(
			before.get(cellKey('2022-06', 'usbp', 'southwest'))
		);
		expect(after.get(cellKey('2024-06', 'usbp', 'southwest'))).toBe(
			before.get(cellKey('2024-06', 'usbp', 'southwest'))
		);
		expect(after.get(cellKey('2024-09', 'usbp', 'southwest'))).toBe(60);
	});

	test('a file for one sector warns which sectors would read 0', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const plan = ready(
			await prepare(queue, 'tucson-only-fy2024.csv', bad('tucson-only-fy2024.csv'))
		);
		expect(plan.plan.replaces).toHaveLength(12);
		const derived = readRows(BASE_FILES.find((f) => f.layout === 'sector-derived')!.path).rows;
		for (const cell of plan.plan.replaces) {
			const others = [
				...new Set(derived.filter((r) => r.month === cell.month).map((r) => r.aor_abbv))
			]
				.filter((code) => code !== 'TCA')
				.sort();
			expect(others.length).toBe(8);
			expect(cell.missingAreas).toEqual(others);
		}
	});

	test('a file identical to a loaded one is recognised by its SHA-256 and not loaded', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const derived = BASE_FILES.find((f) => f.layout === 'sector-derived')!;
		const bytes = new Uint8Array(readFileSync(`data/${derived.path}`));
		const result = validateCsv('copy.csv', bytes.length, bytes, { latest: LATEST });
		const prepared = await queue.prepare(queue.nextId(), result, bytes);
		expect(prepared.ok).toBe(false);
		expect(!prepared.ok && prepared.reason).toContain(`identical to ${derived.label}`);
	});

	test('the same file chosen twice at once loads once', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const bytes = bad('sparse-two-rows.csv');
		const plans = (
			await Promise.all([prepare(queue, 'x.csv', bytes), prepare(queue, 'x.csv', bytes)])
		).map(ready);
		const outcomes = await Promise.allSettled(plans.map((p) => queue.load(p)));
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
		expect(queue.files).toHaveLength(BASE_FILES.length + 1);
	});

	test('counts at the top of INTEGER sum without overflow in every month total', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		await queue.load(ready(await prepare(queue, 'two-max-counts.csv', bad('two-max-counts.csv'))));
		const june = (await monthlyTotals(db, DEFAULT_FILTERS)).find(
			(r) => monthKey(r.month) === '2024-06'
		);
		expect(june?.value).toBe(2 * 2_147_483_647);
	});

	test('a refused file, and a load DuckDB does not read as checked, change nothing', async () => {
		const db = await baseDb();
		const queue = await queueOn(db);
		const months = ['2024-06', '2024-07', '2024-08', '2024-09'];
		const before = await loadedTotalsByCell(db, months);
		expect((await prepare(queue, 'fy2099.csv', bad('fy2099.csv'))).ok).toBe(false);
		const plan = ready(
			await prepare(queue, 'tucson-only-fy2024.csv', bad('tucson-only-fy2024.csv'))
		);
		// The canonical copy loses its last row on the way: the load must notice and undo itself.
		const text = new TextDecoder()
			.decode(plan.canonical)
			.trimEnd()
			.split('\n')
			.slice(0, -1)
			.join('\n');
		await expect(
			queue.load({ ...plan, canonical: new TextEncoder().encode(text) })
		).rejects.toThrow('the checks read 12 rows');
		expect(await loadedTotalsByCell(db, months)).toEqual(before);
		expect(queue.files).toEqual(BASE_FILES);
	});
});
