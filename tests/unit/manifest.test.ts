/**
 * data/manifest.json describes the files in data/ exactly: every measured field is recomputed here
 * independently (node:crypto, papaparse, own month arithmetic) — never with the app's code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
	DATA_DIR,
	dataPath,
	manifest,
	monthIndex,
	monthOfRow,
	monthRange,
	nextMonth
} from '../helpers/expected';

const files = manifest().files;

describe('manifest entries', () => {
	test('ids are unique', () => {
		const ids = files.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test.each(files.map((f) => [f.id]))('id %s is a safe identifier (/^[a-z][a-z0-9_]*$/)', (id) => {
		expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
	});

	test('paths are unique', () => {
		expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
	});

	test('every CBP CSV in data/ (and data/history/) is listed in the manifest', () => {
		// events.csv is the project's own cited list of policy dates, not a CBP file.
		const csvs = ['', 'history/']
			.flatMap((dir) => readdirSync(DATA_DIR + dir).map((name) => dir + name))
			.filter((name) => name.toLowerCase().endsWith('.csv') && name !== 'events.csv');
		expect(csvs.sort()).toEqual(files.map((f) => f.path).sort());
	});

	test.each(files.map((f) => [f.id, f]))(
		'%s has a YYYY-MM release and a known scope',
		(_id, file) => {
			// The annual sector tables do not say when CBP released them.
			expect(file.release).toMatch(/^(\d{4}-(0[1-9]|1[0-2])|unknown)$/);
			expect(file.scope.components.length).toBeGreaterThan(0);
			for (const c of file.scope.components) expect(['usbp', 'ofo']).toContain(c);
			expect(file.scope.regions.length).toBeGreaterThan(0);
			for (const r of file.scope.regions) expect(['southwest', 'northern', 'other']).toContain(r);
		}
	);
});

describe.each(files.map((f) => [f.path, f]))('%s', (path, file) => {
	const bytes = existsSync(dataPath(path)) ? readFileSync(dataPath(path)) : null;
	const annual = file.layout.startsWith('annual-');

	test('exists in data/', () => {
		expect(bytes).not.toBeNull();
	});

	test('has the manifest sha256 and byte size', () => {
		expect(createHash('sha256').update(bytes!).digest('hex')).toBe(file.sha256);
		expect(bytes!.length).toBe(file.bytes);
	});

	// Parsed once per file; header:false so the header row and ragged rows can be checked too.
	let table: string[][] | null = null;
	const parse = () =>
		(table ??= (() => {
			const parsed = Papa.parse<string[]>(bytes!.toString('utf8').replace(/^\uFEFF/, ''), {
				header: false,
				skipEmptyLines: true
			});
			expect(parsed.errors).toEqual([]);
			return parsed.data;
		})());

	test('has the manifest data-row count, every row as wide as the header', () => {
		const [header, ...rows] = parse();
		expect(rows.length).toBe(file.rows);
		expect(rows.filter((r) => r.length !== header.length)).toEqual([]);
	});

	test('has the manifest columns as its header, in order', () => {
		expect(parse()[0]).toEqual(file.columns);
	});

	test('coverage from/to/months equal the months found in its rows', () => {
		const [header, ...rows] = parse();
		const months = new Set<string>();
		for (const cells of rows)
			months.add(monthOfRow(Object.fromEntries(header.map((h, i) => [h, cells[i]]))));
		const sorted = [...months].sort((a, b) => monthIndex(a) - monthIndex(b));
		// An annual row stands for its whole fiscal year, October to September.
		const to = annual ? nextMonth(sorted.at(-1)!, 11) : sorted.at(-1);
		expect({ from: sorted[0], to, months: sorted.length }).toEqual(file.coverage);
	});

	test('coverage has no gap: every month (or fiscal year) from `from` to `to` has rows', () => {
		const span = monthRange(file.coverage.from, file.coverage.to).length;
		expect(annual ? span / 12 : span).toBe(file.coverage.months);
	});
});
