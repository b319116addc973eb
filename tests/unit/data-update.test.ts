/**
 * `npm run data:update` adds a CBP release to a data directory, offline: every test works on a
 * temp copy of data/manifest.json (`--data-dir`), never on data/ itself. A valid file is copied
 * byte for byte and gets a manifest entry whose measured fields are recomputed here with
 * node:crypto; an invalid file, or a batch with one, changes nothing. Downloads are tested against
 * a server on 127.0.0.1, and a refused connection stands in for being offline.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	cpSync,
	mkdtempSync,
	readFileSync,
	mkdirSync,
	readdirSync,
	rmSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/lib/domain/manifest';
import {
	idFromFileName,
	parseCommandLine,
	releaseFromLocation,
	runUpdate
} from '../../scripts/data-update';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const REAL_MANIFEST = readFileSync('data/manifest.json', 'utf8');
const AOR_SAMPLE = readFileSync(fixture('upload/aor-sample.csv'));
const CBP_NAME = 'nationwide-encounters-fy23-fy26-jul-aor.csv';

let root: string;
let dataDir: string;
let sourceDir: string;
let output: string[];
const log = (line: string) => output.push(line);

/** A local port nothing listens on: a download from it fails as it would offline. */
let closedPort = 0;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'data-update-'));
	const probe = createServer();
	await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
	closedPort = (probe.address() as AddressInfo).port;
	await new Promise<void>((done) => probe.close(() => done()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
	const run = mkdtempSync(join(root, 'run-'));
	dataDir = join(run, 'data');
	sourceDir = join(run, 'downloads');
	mkdirSync(dataDir);
	mkdirSync(sourceDir);
	cpSync('data/manifest.json', join(dataDir, 'manifest.json'));
	cpSync(fixture('upload/aor-sample.csv'), join(sourceDir, CBP_NAME));
	output = [];
});

const manifestIn = (dir: string): Manifest =>
	JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** The data directory exactly: every file name and its bytes. */
function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((name) => [
				name,
				createHash('sha256')
					.update(readFileSync(join(dir, name)))
					.digest('hex')
			])
	);
}

async function update(args: string[]): Promise<number> {
	const { locations, options } = parseCommandLine(args);
	return runUpdate(locations, options, log);
}

describe('a valid AOR release', () => {
	test('is copied into the data dir and added to the manifest with measured fields', async () => {
		const code = await update([
			join(sourceDir, CBP_NAME),
			'--data-dir',
			dataDir,
			'--release',
			'2026-08'
		]);
		expect(output.join('\n')).toContain(
			`${CBP_NAME}: Recognised CBP Nationwide Encounters by Area of Responsibility, FY2024, Jul 2024 – Sep 2024, 24 rows`
		);
		expect(code).toBe(0);
		expect(readFileSync(join(dataDir, CBP_NAME)).equals(AOR_SAMPLE)).toBe(true);

		const files = manifestIn(dataDir).files;
		const entry = files.find((f) => f.path === CBP_NAME)!;
		expect(entry).toMatchObject({
			id: 'aor_fy23_fy26_jul',
			layout: 'aor',
			role: 'encounters',
			release: '2026-08',
			derived: false,
			label: 'CBP Nationwide Encounters FY24 (Aug 2026 release)',
			data_as_of: 'CBP release of August 2026',
			sha256: createHash('sha256').update(AOR_SAMPLE).digest('hex'),
			bytes: AOR_SAMPLE.length,
			rows: 24,
			columns: AOR_SAMPLE.toString('utf8').split('\r\n')[0].split(','),
			coverage: { from: '2024-07', to: '2024-09', months: 3 },
			scope: { components: ['usbp'], regions: ['southwest'] }
		});
		expect(entry.obtained_from).toMatch(
			/^Local file nationwide-encounters-fy23-fy26-jul-aor\.csv, added by npm run data:update on \d{4}-\d{2}-\d{2}$/
		);
		// Placed after the other AOR releases; every other entry exactly as before.
		const before = (JSON.parse(REAL_MANIFEST) as Manifest).files;
		expect(files.map((f) => f.id)).toEqual([
			'aor_fy20_fy23',
			'aor_fy21_fy24',
			'aor_fy23_fy26_jul',
			...before.slice(2).map((f) => f.id)
		]);
		expect(files.filter((f) => f.id !== entry.id)).toEqual(before);
		expect(output.join('\n')).toContain('Also list it in PRECEDENCE in tests/helpers/expected.ts');
	});

	test('a state release is added with both components in its scope (USBP and OFO together)', async () => {
		const name = 'nationwide-encounters-fy20-fy23-state.csv';
		copyFileSync(fixture('upload/state-sample.csv'), join(sourceDir, name));
		const code = await update([
			join(sourceDir, name),
			'--data-dir',
			dataDir,
			'--release',
			'2023-11'
		]);
		expect(code).toBe(0);
		const entry = manifestIn(dataDir).files.find((f) => f.path === name)!;
		expect(entry).toMatchObject({
			layout: 'state',
			role: 'encounters',
			release: '2023-11',
			derived: false,
			rows: 7,
			coverage: { from: '2020-04', to: '2020-04', months: 1 },
			scope: { components: ['usbp', 'ofo'], regions: ['northern'] }
		});
	});

	test('updating an existing entry keeps its id and descriptive fields and takes the new release', async () => {
		await update([
			join(sourceDir, CBP_NAME),
			'--data-dir',
			dataDir,
			'--release',
			'2026-08',
			'--label',
			'My label'
		]);
		output = [];
		const code = await update([
			join(sourceDir, CBP_NAME),
			'--data-dir',
			dataDir,
			'--release',
			'2026-09'
		]);
		expect(code).toBe(0);
		const files = manifestIn(dataDir).files;
		expect(files).toHaveLength((JSON.parse(REAL_MANIFEST) as Manifest).files.length + 1);
		const entry = files.find((f) => f.path === CBP_NAME)!;
		expect(entry).toMatchObject({ id: 'aor_fy23_fy26_jul', label: 'My label', release: '2026-09' });
		expect(output.join('\n')).toContain(`keep (unchanged bytes) ${CBP_NAME} as aor_fy23_fy26_jul`);
	});

	test('a file listed in a subfolder (history/) is updated there, under its id', async () => {
		const yuma = join(sourceDir, 'southwest_apprehensions_Yuma.csv');
		copyFileSync('data/history/southwest_apprehensions_Yuma.csv', yuma);
		expect(await update([yuma, '--data-dir', dataDir])).toBe(0);
		expect(manifestIn(dataDir)).toEqual(JSON.parse(REAL_MANIFEST));
		expect(
			readFileSync(join(dataDir, 'history/southwest_apprehensions_Yuma.csv')).equals(
				readFileSync(yuma)
			)
		).toBe(true);
		expect(output.join('\n')).toContain(
			'keep (unchanged bytes) history/southwest_apprehensions_Yuma.csv as usbp_sw_annual_yuma'
		);
	});

	test('--dry-run validates and reports but writes nothing', async () => {
		const before = snapshot(dataDir);
		const code = await update([
			join(sourceDir, CBP_NAME),
			'--data-dir',
			dataDir,
			'--release',
			'2026-08',
			'--dry-run'
		]);
		expect(code).toBe(0);
		expect(output.join('\n')).toContain(`would add ${CBP_NAME} as aor_fy23_fy26_jul`);
		expect(snapshot(dataDir)).toEqual(before);
	});

	test('the overlap with the loaded releases is reported', async () => {
		await update([join(sourceDir, CBP_NAME), '--data-dir', dataDir, '--release', '2026-08']);
		expect(output.join('\n')).toContain(
			'CBP Nationwide Encounters FY21–FY24 (Oct 2024 release) also covers Jul 2024 – Sep 2024 (3 months): this file would replace it there, because its Aug 2026 release is newer than the Oct 2024 release'
		);
	});
});

describe('refusals change nothing', () => {
	test('an invalid file is refused with its rejected rows listed', async () => {
		const bad = join(sourceDir, 'nationwide-encounters-fy25-fy26-aor.csv');
		copyFileSync(fixture('bad/negative-count.csv'), bad);
		const before = snapshot(dataDir);
		const code = await update([bad, '--data-dir', dataDir, '--release', '2026-08']);
		expect(code).toBe(1);
		const text = output.join('\n');
		expect(text).toContain('nationwide-encounters-fy25-fy26-aor.csv refused: nothing is written.');
		expect(text).toContain(
			'nationwide-encounters-fy25-fy26-aor.csv, line 4, column "Encounter Count": "-1431" is negative'
		);
		expect(text).toContain('data:update: 1 of 1 refused; data and manifest left unchanged.');
		expect(snapshot(dataDir)).toEqual(before);
		expect(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).toBe(REAL_MANIFEST);
	});

	test('one invalid file in a batch stops the valid one too', async () => {
		const bad = join(sourceDir, 'extra.csv');
		copyFileSync(fixture('bad/extra-column.csv'), bad);
		const before = snapshot(dataDir);
		const code = await update([
			join(sourceDir, CBP_NAME),
			bad,
			'--data-dir',
			dataDir,
			'--release',
			'2026-08'
		]);
		expect(code).toBe(1);
		expect(output.join('\n')).toContain('extra.csv, line 1: unexpected extra column "Notes"');
		expect(snapshot(dataDir)).toEqual(before);
	});

	test.each([
		[
			'an AOR file with no release in its path and no --release',
			() => [join(sourceDir, CBP_NAME)],
			'cannot tell which CBP release this is'
		],
		['a missing file', () => [join(sourceDir, 'nope.csv')], 'nope.csv: no such file'],
		[
			'a URL when offline (connection refused)',
			() => [`http://127.0.0.1:${closedPort}/sites/default/files/2026-08/x.csv`],
			'/sites/default/files/2026-08/x.csv: ECONNREFUSED. If you are offline, download the file in a browser and pass its local path instead.'
		],
		[
			'an id already used by another file',
			() => [join(sourceDir, CBP_NAME), '--release', '2026-08', '--id', 'aor_fy21_fy24'],
			'the id aor_fy21_fy24 is already used by nationwide-encounters-fy21-fy24-aor.csv; pass --id'
		]
	])('%s', async (_what, args, message) => {
		const before = snapshot(dataDir);
		const code = await update([...args(), '--data-dir', dataDir]);
		expect(code).toBe(1);
		expect(output.join('\n')).toContain(message);
		expect(snapshot(dataDir)).toEqual(before);
	});

	test('malformed flags are refused before anything is read', () => {
		expect(() => parseCommandLine(['x.csv', '--release', '2026-8'])).toThrow(
			'--release 2026-8: expected YYYY-MM'
		);
		expect(() => parseCommandLine(['x.csv', '--role', 'main'])).toThrow(
			'--role main: expected one of'
		);
	});
});

describe('downloads', () => {
	let server: Server;
	let base: string;
	beforeAll(async () => {
		server = createServer((request, response) => {
			if (request.url === `/sites/default/files/2026-08/${CBP_NAME}`) {
				response.writeHead(200, {
					'content-type': 'text/csv',
					'content-length': AOR_SAMPLE.length
				});
				response.end(AOR_SAMPLE);
			} else if (request.url === '/sites/default/files/2026-08/huge-aor.csv') {
				response.writeHead(200, { 'content-length': String(60 * 1024 * 1024) });
				response.end();
			} else {
				response.writeHead(404);
				response.end();
			}
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((done) => server.close(() => done())));

	test('a CBP URL is downloaded, and its folder gives the release', async () => {
		const url = `${base}/sites/default/files/2026-08/${CBP_NAME}`;
		const code = await update([url, '--data-dir', dataDir]);
		expect(code).toBe(0);
		const entry = manifestIn(dataDir).files.find((f) => f.path === CBP_NAME)!;
		expect(entry).toMatchObject({ release: '2026-08', url, rows: 24 });
		expect(entry.obtained_from).toContain(`Downloaded from ${url}`);
		expect(readFileSync(join(dataDir, CBP_NAME)).equals(AOR_SAMPLE)).toBe(true);
	});

	test('an HTTP error and an oversized download are refused', async () => {
		const before = snapshot(dataDir);
		expect(await update([`${base}/missing.csv`, '--data-dir', dataDir])).toBe(1);
		expect(output.join('\n')).toContain(`could not download ${base}/missing.csv: HTTP 404`);
		expect(
			await update([`${base}/sites/default/files/2026-08/huge-aor.csv`, '--data-dir', dataDir])
		).toBe(1);
		expect(output.join('\n')).toContain('huge-aor.csv: is 60.0 MB; files over 50 MB are refused');
		expect(snapshot(dataDir)).toEqual(before);
	});
});

describe('names and releases', () => {
	test.each([
		[
			'https://www.cbp.gov/sites/default/files/assets/documents/2023-Nov/nationwide-encounters-fy20-fy23-aor.csv',
			'2023-11'
		],
		[
			'https://www.cbp.gov/sites/default/files/2024-10/nationwide-encounters-fy21-fy24-aor.csv',
			'2024-10'
		],
		[
			'https://www.cbp.gov/sites/default/files/2026-09/nationwide-encounters-fy23-fy26-aug-aor_0.csv',
			'2026-09'
		],
		['/home/me/Downloads/2025-11/nationwide-encounters-fy22-fy25-aor.csv', '2025-11'],
		['/home/me/Downloads/nationwide-encounters-fy22-fy25-aor.csv', null],
		['https://example.org/2025-13/x.csv', null]
	])('release of %s is %s', (location, release) => {
		expect(releaseFromLocation(location)).toBe(release);
	});

	test.each([
		['nationwide-encounters-fy21-fy24-aor.csv', 'aor_fy21_fy24'],
		['nationwide-encounters-fy23-fy26-aug-aor_0.csv', 'aor_fy23_fy26_aug'],
		['sbo-encounters-fy22-fy25-aug.csv', 'sw_component_fy22_fy25_aug'],
		[
			'usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv',
			'usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026'
		],
		['2026 Release (final).csv', 'file_2026_release_final']
	])('id of %s is %s', (fileName, id) => {
		expect(idFromFileName(fileName)).toBe(id);
	});
});

describe('the npm scripts', () => {
	test('npm run data:update works from the command line', () => {
		const run = spawnSync(
			'npm',
			[
				'run',
				'-s',
				'data:update',
				'--',
				join(sourceDir, CBP_NAME),
				'--data-dir',
				dataDir,
				'--release',
				'2026-08'
			],
			{ encoding: 'utf8' }
		);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`add ${CBP_NAME} as aor_fy23_fy26_jul`);
		expect(manifestIn(dataDir).files.some((f) => f.id === 'aor_fy23_fy26_jul')).toBe(true);
	});

	test('npm run data:manifest still re-measures a data dir to the same manifest', () => {
		const copy = join(root, 'full-copy');
		cpSync('data', copy, { recursive: true });
		const run = spawnSync('npm', ['run', '-s', 'data:manifest', '--', '--data-dir', copy], {
			encoding: 'utf8'
		});
		expect(run.status).toBe(0);
		expect(readFileSync(join(copy, 'manifest.json'), 'utf8')).toBe(REAL_MANIFEST);
	});
});
