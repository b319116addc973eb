#!/usr/bin/env node
/**
 * `npm run bench` — the benchmark of issue 6 (see bench/README.md for what every number means).
 *
 *   node bench/run.mjs [--runs N] [--quick] [--interactions N] [--no-build] [--update-readme]
 *                      [--links-only]
 *
 * 1. `npx vite build`; 2. data ingest per file in Node with the app's own loader (same DuckDB-wasm
 * engine); 3. serve build/ and bench/baseline/ from bench/server.mjs on 127.0.0.1; 4. headless
 * Chromium (playwright-core): N cold loads of the app and of the baseline, interleaved, each in a
 * fresh browser context; 50 filter changes in one session; 5. bench/results.json, a table, targets.
 *
 * Exit codes: 0 all enforced targets met (or within 10%), 1 a target missed by more than 10%
 * (enforced only with at least 5 runs), 2 the harness could not measure (build failed, page error).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { LINK_TARGETS, measureLinks, summarizeLinks } from './links.mjs';
import { categorize, missingReferences, startServer } from './server.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
process.chdir(ROOT);

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
	const i = argv.indexOf(name);
	if (i < 0) return fallback;
	const n = Number(argv[i + 1]);
	if (!Number.isInteger(n) || n < 1) {
		console.error(`${name} needs a positive whole number`);
		process.exit(2);
	}
	return n;
};
if (flag('--help') || flag('-h')) {
	console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
	process.exit(0);
}
const QUICK = flag('--quick');
const RUNS = option('--runs', QUICK ? 2 : 5);
const INTERACTIONS = option('--interactions', QUICK ? 10 : 50);
const INGEST_REPEATS = QUICK ? 1 : 3;
const WARMUP = !QUICK;
const ENFORCE = RUNS >= 5;
/** Only the shared links (bench/links.mjs): for working on them; targets reported, not enforced. */
const LINKS_ONLY = flag('--links-only');
/** "Every chart drawn" must hold this long before a cold load counts as finished. */
const QUIET_MS = 1000;
const LOAD_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 15_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };

const TARGETS = [
	{ id: 'headline', label: 'Headline visible, cold load (median)', limit: 1000, unit: 'ms' },
	{ id: 'charts', label: 'All charts on / drawn, cold load (median)', limit: 2000, unit: 'ms' },
	{
		id: 'interactionP95',
		label: 'Filter change → charts in view updated, p95',
		limit: 50,
		unit: 'ms'
	},
	{
		id: 'interactionP50',
		label: 'Filter change → charts in view updated, p50',
		limit: 16,
		unit: 'ms'
	},
	{
		id: 'unprefetchedP95',
		label: 'Filter change no prefetch reached (region, demographic) → charts in view updated, p95',
		limit: 150,
		unit: 'ms'
	},
	{ id: 'appJsGzip', label: 'App JS on cold load, gzip', limit: 250, unit: 'KB' },
	{
		id: 'longTaskLoad',
		label: 'Longest main-thread task after first render, cold load (median of runs)',
		limit: 200,
		unit: 'ms'
	},
	{
		id: 'longTaskInteractions',
		label: 'Longest main-thread task during the filter changes',
		limit: 200,
		unit: 'ms'
	}
];
const TOLERANCE = 0.1;
/** Kinds of filter change whose states no prefetch asks ahead (state/prefetch.ts). */
const UNPREFETCHED = ['region', 'demographic'];

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (...a) => console.log(...a);
const median = (xs) => {
	const s = xs
		.filter((x) => x !== null && x !== undefined && !Number.isNaN(x))
		.sort((a, b) => a - b);
	if (!s.length) return null;
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
	const s = xs.filter((x) => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const round = (x, d = 1) =>
	x === null || x === undefined || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d;
const kb = (bytes) => (bytes === null || bytes === undefined ? null : bytes / 1000);
const fmtMs = (x) =>
	x === null || x === undefined ? '—' : x === Infinity ? 'timeout' : `${Math.round(x)} ms`;
const fmtKB = (bytes) =>
	bytes === null || bytes === undefined
		? '—'
		: bytes >= 1e6
			? `${(bytes / 1e6).toFixed(2)} MB`
			: `${(bytes / 1000).toFixed(1)} KB`;
const fmtNum = (x, d = 0) =>
	x === null || x === undefined
		? '—'
		: x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function table(headers, rows, align = []) {
	const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '—')));
	const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r) =>
		r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
	return [
		line(cells[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...cells.slice(1).map(line)
	].join('\n');
}
function markdownTable(headers, rows, align = []) {
	const esc = (c) => String(c ?? '—').replaceAll('|', '\\|');
	return [
		`| ${headers.map(esc).join(' | ')} |`,
		`| ${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
		...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)
	].join('\n');
}

function mulberry32(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const monthIndex = (k) => +k.slice(0, 4) * 12 + (+k.slice(5, 7) - 1);
const monthKey = (i) => {
	const y = Math.floor(i / 12);
	const m = i - y * 12 + 1;
	return `${y}-${m < 10 ? '0' : ''}${m}`;
};

class HarnessError extends Error {}

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
	const cpus = os.cpus();
	return {
		os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
		cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
		cpuCount: cpus.length,
		availableParallelism: os.availableParallelism?.() ?? cpus.length,
		memoryGB: round(os.totalmem() / 2 ** 30, 1),
		freeMemoryGB: round(os.freemem() / 2 ** 30, 1),
		loadAverage: os.loadavg().map((x) => round(x, 2)),
		node: process.version,
		chromium: null,
		chromiumPath: CHROMIUM,
		date: new Date().toISOString()
	};
}

// ---------------------------------------------------------------------------------------------
// Build and Node ingest

function build() {
	log('\n[1/5] Production build: npx vite build');
	const t0 = Date.now();
	const r = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
	const ms = Date.now() - t0;
	if (r.status !== 0) {
		const out = ((r.stderr ?? '').trim() || (r.stdout ?? '').trim())
			.split('\n')
			.slice(-25)
			.join('\n');
		throw new HarnessError(`vite build failed (exit ${r.status}):\n${out}`);
	}
	log(`      built in ${(ms / 1000).toFixed(1)} s`);
	return ms;
}

function nodeIngest() {
	log(
		`\n[3/5] Data ingest in Node (app's loadFiles, same DuckDB-wasm engine), ${INGEST_REPEATS} repeat(s)`
	);
	const r = spawnSync(
		'npx',
		['tsx', join(BENCH, 'ingest-node.ts'), '--repeats', String(INGEST_REPEATS)],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 2 ** 20
		}
	);
	const last = (r.stdout ?? '').trim().split('\n').pop();
	if (r.status !== 0 || !last?.startsWith('{')) {
		log(
			`      could not measure: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-10).join('\n      ')}`
		);
		return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().slice(-2000) };
	}
	const result = JSON.parse(last);
	log(`      loadFiles ${fmtMs(result.loadFilesMs)} (engine start ${fmtMs(result.engineStartMs)})`);
	return result;
}

// ---------------------------------------------------------------------------------------------
// Browser

const probe = readFileSync(join(BENCH, 'probe.js'), 'utf8');

async function newPage(browser) {
	const context = await browser.newContext({
		viewport: VIEWPORT,
		timezoneId: 'America/Los_Angeles'
	});
	await context.addInitScript({ content: probe });
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
	});
	const cdp = await context.newCDPSession(page);
	const requests = new Map();
	cdp.on('Network.requestWillBeSent', (e) =>
		requests.set(e.requestId, { url: e.request.url, encoded: 0 })
	);
	cdp.on('Network.loadingFinished', (e) => {
		const r = requests.get(e.requestId);
		if (r) r.encoded = e.encodedDataLength;
	});
	await cdp.send('Network.enable');
	await cdp.send('Performance.enable');
	return { context, page, cdp, problems, requests };
}

/** Waits until the page shows its headline and every chart, quiet for QUIET_MS; throws on an error panel. */
async function waitLoaded(page, problems) {
	const failed = await page
		.waitForFunction(
			() => {
				const b = window.__bench;
				if (!b) return false;
				const error = document.querySelector('[data-testid=load-error],[data-testid=query-error]');
				if (error) return `error panel: ${error.textContent.trim().slice(0, 300)}`;
				b.check();
				return b.headlineAt !== null ? 'ok' : false;
			},
			null,
			{ timeout: LOAD_TIMEOUT_MS, polling: 50 }
		)
		.then((h) => h.jsonValue())
		.catch(
			(e) =>
				`headline never appeared within ${LOAD_TIMEOUT_MS / 1000} s (${e.message.split('\n')[0]})`
		);
	if (failed !== 'ok')
		throw new HarnessError(
			`${page.url()}: ${failed}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`
		);
	await page
		.waitForFunction(
			(quiet) => {
				const b = window.__bench;
				b.check();
				return (
					b.chartsOk &&
					b.chartsPaintedAt !== null &&
					b.headlinePaintedAt !== null &&
					performance.now() - b.chartsAt >= quiet
				);
			},
			QUIET_MS,
			{ timeout: LOAD_TIMEOUT_MS, polling: 100 }
		)
		.catch((e) => {
			throw new HarnessError(
				`${page.url()}: charts never all drawn (${e.message.split('\n')[0]})${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`
			);
		});
}

async function coldLoad(browser, server, url) {
	const { context, page, cdp, problems, requests } = await newPage(browser);
	try {
		server.takeLog();
		await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
		await waitLoaded(page, problems);
		// The first view can be drawn before the engine has every file (the build-time snapshot):
		// wait for the rest and a quiet second after it, so long tasks, bytes, heap and the ingest
		// stages cover the whole load, not just the first paint.
		await page
			.getByTestId('loading')
			.waitFor({ state: 'detached', timeout: LOAD_TIMEOUT_MS })
			.catch(() => {});
		await page.waitForTimeout(QUIET_MS);
		const probeData = await page.evaluate(() => {
			const b = window.__bench;
			const h = document.querySelector('[data-testid=headline]');
			return {
				headlineAt: b.headlineAt,
				headlinePaintedAt: b.headlinePaintedAt,
				chartsAt: b.chartsAt,
				chartsPaintedAt: b.chartsPaintedAt,
				chartCount: document.querySelectorAll('svg[data-testid$="-chart"]').length,
				chartIds: [...document.querySelectorAll('svg[data-testid$="-chart"]')].map((c) =>
					c.getAttribute('data-testid')
				),
				longTasks: b.longTasks,
				paints: b.paints,
				stages: b.stages,
				errors: b.errors,
				headline: {
					month: h.getAttribute('data-month'),
					baselineMonth: h.getAttribute('data-baseline-month'),
					value: h.getAttribute('data-value'),
					baselineValue: h.getAttribute('data-baseline-value')
				},
				resources: performance.getEntriesByType('resource').map((e) => ({
					name: new URL(e.name).pathname,
					start: e.startTime,
					responseStart: e.responseStart,
					end: e.responseEnd,
					transferSize: e.transferSize,
					encodedBodySize: e.encodedBodySize,
					decodedBodySize: e.decodedBodySize
				}))
			};
		});
		const metrics = Object.fromEntries(
			(await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])
		);
		await new Promise((r) => setTimeout(r, 50)); // let the server finish logging the last responses
		const served = server.takeLog();
		const cdpBytes = {};
		for (const r of requests.values()) {
			let path;
			try {
				path = new URL(r.url).pathname;
			} catch {
				continue;
			}
			const c = categorize(path);
			cdpBytes[c] = (cdpBytes[c] ?? 0) + r.encoded;
		}
		return { url, ...probeData, metrics, served, cdpBytes, cdpRequests: requests.size, problems };
	} finally {
		await context.close();
	}
}

function summarizeLoad(run, server, manifestFiles) {
	const fcp = run.paints['first-contentful-paint'] ?? run.paints['first-paint'] ?? 0;
	const after = run.longTasks.filter((t) => t.start >= fcp);
	const bytes = { appJs: 0, duckdbWorker: 0, wasm: 0, data: 0, other: 0 };
	const raw = { appJs: 0, duckdbWorker: 0, wasm: 0, data: 0, other: 0 };
	const encodings = {};
	let appJsGzip = 0;
	const appJsFiles = [];
	for (const r of run.served) {
		const c = categorize(r.path);
		bytes[c] += r.bytes;
		raw[c] += r.rawBytes;
		(encodings[c] ??= new Set()).add(r.encoding);
		if (c === 'appJs' && r.status === 200) {
			const file = server.files.get(r.file);
			const gz = file.gzip?.length ?? gzipSync(file.identity, { level: 9 }).length;
			appJsGzip += gz;
			appJsFiles.push({ path: r.path, raw: r.rawBytes, gzip: gz });
		}
	}
	const labels = new Map(manifestFiles.map((f) => [f.label, f]));
	const ingest = {};
	for (const [label, st] of Object.entries(run.stages ?? {})) {
		const f = labels.get(label);
		if (!f) continue;
		ingest[f.id] = {
			readingAt: st.reading ?? null,
			readyAt: st.ready ?? null,
			ms: st.reading !== undefined && st.ready !== undefined ? st.ready - st.reading : null
		};
	}
	const fetches = {};
	for (const r of run.resources) {
		const m = /\/data\/(.+\.csv)$/.exec(r.name);
		if (!m) continue;
		const f = manifestFiles.find((x) => x.path === decodeURIComponent(m[1]));
		if (f)
			fetches[f.id] = {
				ms: r.end - r.start,
				start: r.start,
				end: r.end,
				transferSize: r.transferSize,
				encodedBodySize: r.encodedBodySize,
				decodedBodySize: r.decodedBodySize
			};
	}
	return {
		headlineMs: run.headlinePaintedAt,
		chartsMs: run.chartsPaintedAt,
		headlineDomMs: run.headlineAt,
		chartsDomMs: run.chartsAt,
		fcpMs: fcp,
		chartIds: run.chartIds,
		longTasksAfterFirstRender: after.length,
		longTasksOver200: after.filter((t) => t.duration > 200).length,
		maxLongTaskMs: after.reduce((m, t) => Math.max(m, t.duration), 0),
		longTasks: run.longTasks.map((t) => ({ start: round(t.start), duration: round(t.duration) })),
		bytes,
		rawBytes: raw,
		totalBytes: Object.values(bytes).reduce((a, b) => a + b, 0),
		encodings: Object.fromEntries(Object.entries(encodings).map(([k, v]) => [k, [...v].join('/')])),
		appJsGzip,
		appJsFiles,
		cdpEncodedBytes: run.cdpBytes,
		requests: run.served.length,
		jsHeapUsedBytes: run.metrics.JSHeapUsedSize ?? null,
		jsHeapTotalBytes: run.metrics.JSHeapTotalSize ?? null,
		domNodes: run.metrics.Nodes ?? null,
		ingest,
		fetches,
		headline: run.headline,
		problems: run.problems
	};
}

// ---------------------------------------------------------------------------------------------
// Interactions

const SECTOR_NAMES = {
	SDC: 'San Diego',
	ELC: 'El Centro',
	YUM: 'Yuma',
	TCA: 'Tucson',
	EPT: 'El Paso',
	BBT: 'Big Bend',
	DRT: 'Del Rio',
	LRT: 'Laredo',
	RGV: 'Rio Grande Valley'
};

/** The page's filter state as the URL and the headline show it. */
async function readState(page) {
	return page.evaluate(() => {
		const q = new URLSearchParams(location.search);
		const h = document.querySelector('[data-testid=headline]');
		const sectors = q
			.getAll('sector')
			.join(',')
			.split(',')
			.map((s) => s.trim().toUpperCase())
			.filter(Boolean);
		const other = [...q.keys()].filter((k) => !['month', 'sector'].includes(k));
		const component = q.get('component');
		const region = q.get('region');
		return {
			month: h?.getAttribute('data-month') ?? null,
			sectors,
			// The baseline computes USBP Southwest only: other scopes and filters are checked generically.
			defaultScope:
				(!component || component === 'usbp') &&
				(!region || region === 'southwest') &&
				other.every((k) => ['component', 'region', 'from', 'to'].includes(k)),
			search: location.search
		};
	});
}

/** Locates the checkbox of a Southwest sector: by its name, inside the Southwest group when names repeat. */
async function sectorCheckbox(page, code) {
	const name = SECTOR_NAMES[code];
	const all = page.getByRole('checkbox', { name, exact: true });
	if ((await all.count()) === 1) return all;
	const scoped = page
		.locator('fieldset, details, [role=group]')
		.filter({ hasText: /southwest/i })
		.last()
		.getByRole('checkbox', { name, exact: true });
	return (await scoped.count()) === 1 ? scoped : null;
}

/**
 * Picks the next filter change among the controls the page has now, so the harness keeps working
 * while the UI changes: the headline month, a sector link in the sector table, a sector checkbox,
 * the clear-sectors button, the from/to range inputs, the component select, a small-multiples
 * panel (a chart in view). Every pick changes the state.
 */
async function nextStep(page, state, allSectors, months, rng) {
	const pick = (xs) => xs[Math.floor(rng() * xs.length)];
	const order = (codes) => allSectors.filter((c) => codes.includes(c));
	/** What the headline shows once `code` is toggled in or out of the chosen sectors. */
	const toggled = (code) => ({
		month: state.month,
		sectors: order(
			state.sectors.includes(code)
				? state.sectors.filter((s) => s !== code)
				: [...state.sectors, code]
		)
	});
	for (let attempt = 0; attempt < 50; attempt++) {
		const kind = pick([
			'month',
			'month',
			'sector-link',
			'checkbox',
			'checkbox',
			'clear-sectors',
			'range',
			'component',
			'panel',
			'region',
			'demographic'
		]);
		if (kind === 'month') {
			const input = page.getByTestId('month-input');
			if ((await input.count()) !== 1) continue;
			const target = monthKey(months.first + Math.floor(rng() * (months.last - months.first + 1)));
			if (target === state.month) continue;
			return {
				kind,
				target,
				act: () => input.fill(target),
				expect: { month: target, sectors: state.sectors }
			};
		}
		if (kind === 'sector-link') {
			const shown = await page
				.locator('[data-testid=sector-table] tbody tr[data-sector] a')
				.count();
			if (shown < 2) continue;
			const codes = await page
				.locator('[data-testid=sector-table] tbody tr[data-sector]')
				.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sector')));
			const target = pick(codes.filter((c) => allSectors.includes(c)));
			if (!target || (state.sectors.length === 1 && state.sectors[0] === target)) continue;
			const link = page
				.locator(`[data-testid=sector-table] tbody tr[data-sector="${target}"] a`)
				.first();
			return {
				kind,
				target,
				act: () => link.click(),
				expect: { month: state.month, sectors: [target] }
			};
		}
		if (kind === 'checkbox') {
			const target = pick(allSectors);
			const box = await sectorCheckbox(page, target);
			if (!box) continue;
			return { kind, target, act: () => box.click(), expect: toggled(target) };
		}
		if (kind === 'panel') {
			// A click on a sector's small-multiples panel: the chart clicked is in view, so it
			// must be redrawn before the change counts as done.
			const target = pick(allSectors);
			const panel = page.locator(`[data-testid=small-multiples] [data-code="${target}"]`);
			if ((await panel.count()) !== 1) continue;
			return { kind, target, act: () => panel.click(), expect: toggled(target) };
		}
		if (kind === 'clear-sectors') {
			if (!state.sectors.length) continue;
			const button = page.getByRole('button', { name: /^(all|clear) sectors$/i });
			if ((await button.count()) !== 1) continue;
			return {
				kind,
				target: null,
				act: () => button.click(),
				expect: { month: state.month, sectors: [] }
			};
		}
		if (kind === 'range') {
			const which = pick(['from', 'to']);
			const input = page.getByTestId(`filter-${which}`);
			const other = page.getByTestId(`filter-${which === 'from' ? 'to' : 'from'}`);
			if ((await input.count()) !== 1 || (await other.count()) !== 1) continue;
			const current = await input.inputValue();
			const otherValue = await other.inputValue();
			if (!/^\d{4}-\d{2}$/.test(otherValue)) continue;
			const lo = which === 'from' ? months.min : monthIndex(otherValue) + 1;
			const hi = which === 'from' ? monthIndex(otherValue) - 1 : months.max;
			if (hi < lo) continue;
			const target = monthKey(lo + Math.floor(rng() * (hi - lo + 1)));
			if (target === current) continue;
			return {
				kind: `range-${which}`,
				target,
				act: () => input.fill(target),
				expect: { generic: true }
			};
		}
		if (kind === 'component' || kind === 'region' || kind === 'demographic') {
			// Another value of a select; a new region or demographic is a state no prefetch asks
			// ahead (UNPREFETCHED).
			const select = page.getByTestId(`filter-${kind}`);
			if ((await select.count()) !== 1) continue;
			const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
			const current = await select.inputValue();
			const target = pick(values.filter((v) => v !== current));
			if (!target) continue;
			return { kind, target, act: () => select.selectOption(target), expect: { generic: true } };
		}
	}
	throw new HarnessError(
		'no filter control found on / to change (month input, sector table links, sector checkboxes)'
	);
}

async function interactions(browser, appUrl, baselineUrl, count) {
	const { context, page, problems } = await newPage(browser);
	const ref = await newPage(browser);
	try {
		await ref.page.goto(baselineUrl, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
		await waitLoaded(ref.page, ref.problems);
		await page.goto(appUrl, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
		await waitLoaded(page, problems);
		// The first view may come from the build-time snapshot while the engine still loads the
		// files behind a progress line: measure filter changes on the loaded app, not the load.
		await page.getByTestId('loading').waitFor({ state: 'detached', timeout: LOAD_TIMEOUT_MS });
		const start = await page.evaluate(() => {
			const input = document.querySelector('[data-testid=month-input]');
			return {
				sectors: [
					...document.querySelectorAll('[data-testid=sector-table] tbody tr[data-sector]')
				].map((r) => r.getAttribute('data-sector')),
				min: input?.getAttribute('min') ?? null,
				max: input?.getAttribute('max') ?? null
			};
		});
		if (!start.min || !start.max)
			throw new HarnessError('no [data-testid=month-input] with min/max on /');
		// West to east, as the sector table lists them on the default view (else the known order).
		const listed = start.sectors.filter((c) => c in SECTOR_NAMES);
		const allSectors = listed.length >= 2 ? listed : Object.keys(SECTOR_NAMES);
		// Headline months with a year-earlier month the sources cover, so both numbers exist.
		const months = {
			min: monthIndex(start.min),
			max: monthIndex(start.max),
			first: Math.max(monthIndex(start.min) + 12, monthIndex('2000-10')),
			last: monthIndex(start.max)
		};
		const rng = mulberry32(6);
		const tasksBefore = await page.evaluate(() => window.__bench.longTasks.length);
		const results = [];
		let timeoutsInARow = 0;
		for (let i = 0; i < count; i++) {
			const state = await readState(page);
			const step = await nextStep(page, state, allSectors, months, rng);
			let expect = { generic: true };
			if (!step.expect.generic && state.defaultScope) {
				const e = await ref.page.evaluate(
					([m, s]) => window.__baselineHeadline(m, s),
					[step.expect.month, step.expect.sectors]
				);
				expect = { month: e.month, value: e.value, baselineValue: e.baselineValue };
			}
			await page.evaluate((x) => window.__bench.arm(x), expect);
			await step.act();
			const done = await page
				.waitForFunction(
					() => {
						const s = window.__bench.step;
						if (s.allEnd === null && s.start !== null) window.__bench.check();
						return s.painted !== null && s.allPainted !== null;
					},
					null,
					{ timeout: STEP_TIMEOUT_MS, polling: 20 }
				)
				.then(() => true)
				.catch(() => false);
			const s = await page.evaluate(() => {
				const h = document.querySelector('[data-testid=headline]');
				const { start, startEvent, end, painted, allPainted, busySeen } = window.__bench.step;
				return {
					start,
					startEvent,
					end,
					painted,
					allPainted,
					busySeen,
					shown: {
						month: h?.getAttribute('data-month') ?? null,
						value: h?.getAttribute('data-value') ?? null,
						baselineValue: h?.getAttribute('data-baseline-value') ?? null
					},
					url: location.search
				};
			});
			const ok = done && s.start !== null;
			results.push({
				i,
				kind: step.kind,
				target: step.target,
				expect,
				url: s.url,
				startEvent: s.startEvent,
				busySeen: s.busySeen,
				ms: ok ? s.painted - s.start : Infinity,
				domMs: ok ? s.end - s.start : Infinity,
				allMs: ok ? s.allPainted - s.start : Infinity,
				shown: s.shown,
				timedOut: !ok
			});
			if (ok) timeoutsInARow = 0;
			else {
				log(
					`      step ${i} (${step.kind} ${step.target ?? ''}) did not finish within ${STEP_TIMEOUT_MS / 1000} s; expected ${JSON.stringify(expect)}, shown ${JSON.stringify(s.shown)}`
				);
				if (++timeoutsInARow >= 3)
					throw new HarnessError('three filter changes in a row never finished: stopping');
			}
		}
		const tasks = await page.evaluate((n) => window.__bench.longTasks.slice(n), tasksBefore);
		const checked = results.filter((r) => !r.expect.generic);
		const matched = checked.filter(
			(r) =>
				!r.timedOut &&
				r.shown.month === r.expect.month &&
				r.shown.value === String(r.expect.value) &&
				r.shown.baselineValue === String(r.expect.baselineValue)
		).length;
		return {
			steps: results,
			longTasks: tasks.map((t) => ({ start: round(t.start), duration: round(t.duration) })),
			check: { matched, of: checked.length, generic: results.length - checked.length },
			problems
		};
	} finally {
		await context.close();
		await ref.context.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Main

/**
 * Builds, then takes build/ into the server's memory at once, so later rebuilds by other processes
 * cannot change what is measured; retries when the snapshot is inconsistent (a concurrent build).
 */
async function buildAndServe() {
	for (let attempt = 1; ; attempt++) {
		try {
			const buildMs = flag('--no-build') ? null : build();
			if (!existsSync('build/index.html'))
				throw new Error(
					'build/index.html is missing (a build in progress elsewhere, or run without --no-build)'
				);
			log('\n[2/5] Static server (build/ and bench/baseline/ on 127.0.0.1, gzip/brotli)');
			const server = await startServer({
				mounts: [
					{ url: '/', path: 'build' },
					{ url: '/baseline/', path: join(BENCH, 'baseline') },
					{ url: '/baseline/papaparse.min.js', path: 'node_modules/papaparse/papaparse.min.js' },
					{ url: '/baseline/manifest.json', path: 'data/manifest.json' }
				],
				cacheDir: join(BENCH, '.cache'),
				log: (s) => log(`      ${s}`)
			});
			const missing = missingReferences(server.files);
			if (missing.length) {
				await server.close();
				throw new Error(
					`build/ is inconsistent (${missing.length} missing references, e.g. ${missing[0]})`
				);
			}
			log(`      ${server.origin}/ and ${server.origin}/baseline/`);
			return { server, buildMs };
		} catch (e) {
			if (e instanceof HarnessError || attempt >= 3) throw e;
			log(
				`      ${e.code === 'ENOENT' ? 'build/ changed while being read (another build running?)' : e.message}; building again`
			);
			await new Promise((r) => setTimeout(r, 5000));
		}
	}
}

async function main() {
	const t0 = Date.now();
	const info = machine();
	log(
		`Border Stats Explorer benchmark — ${RUNS} cold-load runs, ${INTERACTIONS} filter changes${QUICK ? ' (--quick)' : ''}`
	);
	log(
		`Machine: ${info.cpuModel} × ${info.cpuCount}, ${info.memoryGB} GB, ${info.os}, Node ${info.node}`
	);

	const { server, buildMs } = await buildAndServe();
	const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
	const ingestNode = LINKS_ONLY ? { error: 'skipped (--links-only)' } : nodeIngest();

	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	info.chromium = browser.version();
	const appUrl = `${server.origin}/`;
	const baselineUrl = `${server.origin}/baseline/`;
	try {
		if (LINKS_ONLY) {
			const links = await sharedLinks(browser, appUrl);
			log(`\n${renderLinks(links, 'text')}`);
			for (const t of LINK_TARGETS) {
				const v = links.values[t.id];
				log(`  ${t.label}: ${round(v, 2)} ${t.unit} (target ≤ ${t.limit} ${t.unit})`);
			}
			return { exitCode: 0 };
		}
		log(
			`\n[4/5] Cold loads in Chromium ${info.chromium}, fresh context each${WARMUP ? ' (after one unmeasured warm-up of each page)' : ''}`
		);
		if (WARMUP) {
			await coldLoad(browser, server, appUrl);
			await coldLoad(browser, server, baselineUrl);
		}
		const app = [];
		const baseline = [];
		for (let i = 0; i < RUNS; i++) {
			const order = i % 2 ? ['baseline', 'app'] : ['app', 'baseline'];
			for (const kind of order) {
				const run = await coldLoad(browser, server, kind === 'app' ? appUrl : baselineUrl);
				const s = summarizeLoad(run, server, manifest.files);
				(kind === 'app' ? app : baseline).push(s);
				log(
					`      run ${i + 1} ${kind.padEnd(8)} headline ${fmtMs(s.headlineMs).padStart(8)}  charts ${fmtMs(s.chartsMs).padStart(8)}  longest task ${fmtMs(s.maxLongTaskMs).padStart(7)}  ${fmtKB(s.totalBytes)}`
				);
			}
		}
		const sameHeadline =
			JSON.stringify(app[0].headline) === JSON.stringify(baseline[0].headline)
				? true
				: { app: app[0].headline, baseline: baseline[0].headline };
		if (sameHeadline !== true)
			log(`      WARNING: app and baseline headlines differ: ${JSON.stringify(sameHeadline)}`);

		const links = await sharedLinks(browser, appUrl);

		log(`\n[5/5] ${INTERACTIONS} filter changes on / (one session)`);
		const inter = await interactions(browser, appUrl, baselineUrl, INTERACTIONS);
		const check = inter.check;
		// The in-view targets are for the changes the page can answer from what it holds or asked
		// ahead; the changes no prefetch reaches have their own.
		const lat = inter.steps.filter((s) => !UNPREFETCHED.includes(s.kind)).map((s) => s.ms);
		const unprefetched = inter.steps.filter((s) => UNPREFETCHED.includes(s.kind)).map((s) => s.ms);
		const doms = inter.steps.map((s) => s.domMs);
		const alls = inter.steps.map((s) => s.allMs);
		log(
			`      p50 ${fmtMs(percentile(lat, 0.5))}, p95 ${fmtMs(percentile(lat, 0.95))}; no prefetch reached (${unprefetched.length}): p95 ${fmtMs(percentile(unprefetched, 0.95))}; values match the baseline's in ${check.matched}/${check.of} steps`
		);

		const results = report({
			info,
			buildMs,
			ingestNode,
			app,
			baseline,
			sameHeadline,
			inter,
			check,
			lat,
			unprefetched,
			doms,
			alls,
			manifest,
			links,
			t0
		});
		return results;
	} finally {
		await browser.close();
		await server.close();
	}
}

function report({
	info,
	buildMs,
	ingestNode,
	app,
	baseline,
	sameHeadline,
	inter,
	check,
	lat,
	unprefetched,
	doms,
	alls,
	manifest,
	links,
	t0
}) {
	const m = (xs, f) => median(xs.map(f));
	const cats = ['appJs', 'duckdbWorker', 'wasm', 'data', 'other'];
	const catLabel = {
		appJs: 'App JS',
		duckdbWorker: "DuckDB's worker script",
		wasm: 'Wasm',
		data: 'Data (CSV)',
		other: 'Other (HTML, CSS, icons)'
	};
	const load = {
		headlineMs: m(app, (r) => r.headlineMs),
		chartsMs: m(app, (r) => r.chartsMs),
		headlineDomMs: m(app, (r) => r.headlineDomMs),
		chartsDomMs: m(app, (r) => r.chartsDomMs),
		baselineHeadlineMs: m(baseline, (r) => r.headlineMs),
		baselineChartsMs: m(baseline, (r) => r.chartsMs),
		fcpMs: m(app, (r) => r.fcpMs),
		jsHeapUsedBytes: m(app, (r) => r.jsHeapUsedBytes),
		baselineJsHeapUsedBytes: m(baseline, (r) => r.jsHeapUsedBytes),
		maxLongTaskMs: m(app, (r) => r.maxLongTaskMs),
		baselineMaxLongTaskMs: m(baseline, (r) => r.maxLongTaskMs)
	};
	load.headlineRatio = load.headlineMs / load.baselineHeadlineMs;
	load.chartsRatio = load.chartsMs / load.baselineChartsMs;
	const bytes = Object.fromEntries(
		cats.map((c) => [
			c,
			{
				transferred: m(app, (r) => r.bytes[c]),
				raw: m(app, (r) => r.rawBytes[c]),
				encoding: app[0].encodings[c] ?? '—',
				cdpEncoded: m(app, (r) => r.cdpEncodedBytes[c] ?? 0)
			}
		])
	);
	bytes.total = {
		transferred: m(app, (r) => r.totalBytes),
		raw: m(app, (r) => Object.values(r.rawBytes).reduce((a, b) => a + b, 0))
	};
	const baselineBytes = { transferred: m(baseline, (r) => r.totalBytes) };
	const appJsGzip = m(app, (r) => r.appJsGzip);

	const ingestFiles = manifest.files
		.map((f) => {
			const node = ingestNode.files?.find((x) => x.id === f.id) ?? null;
			const bMs = m(app, (r) => r.ingest[f.id]?.ms ?? null);
			const fetchMs = m(app, (r) => r.fetches[f.id]?.ms ?? null);
			return {
				id: f.id,
				path: f.path,
				bytes: f.bytes,
				rows: f.rows,
				node: node && { ms: node.ms, rowsPerSec: node.rowsPerSec, mbPerSec: node.mbPerSec },
				browser: {
					fetchMs,
					transferSize: m(app, (r) => r.fetches[f.id]?.transferSize ?? null),
					ingestMs: bMs,
					rowsPerSec: bMs ? f.rows / (bMs / 1000) : null,
					mbPerSec: bMs ? f.bytes / 1e6 / (bMs / 1000) : null
				}
			};
		})
		.filter((f) => f.node || f.browser.fetchMs !== null || f.browser.ingestMs !== null);

	const longTaskInteractions = inter.longTasks.reduce((mx, t) => Math.max(mx, t.duration), 0);
	const values = {
		headline: load.headlineMs,
		charts: load.chartsMs,
		interactionP95: percentile(lat, 0.95),
		interactionP50: percentile(lat, 0.5),
		unprefetchedP95: percentile(unprefetched, 0.95),
		appJsGzip: kb(appJsGzip),
		longTaskLoad: load.maxLongTaskMs,
		longTaskInteractions,
		...links.values
	};
	const targets = [...TARGETS, ...LINK_TARGETS].map((t) => {
		const v = values[t.id];
		const status =
			v === null || v === undefined
				? 'not measured'
				: v <= t.limit
					? 'pass'
					: v <= t.limit * (1 + TOLERANCE)
						? 'within 10%'
						: 'FAIL';
		return { ...t, value: v, status };
	});
	const failed = targets.filter((t) => t.status === 'FAIL' || t.status === 'not measured');

	const results = {
		issue: 6,
		date: info.date,
		machine: info,
		options: {
			runs: RUNS,
			interactions: INTERACTIONS,
			quick: QUICK,
			ingestRepeats: INGEST_REPEATS,
			warmup: WARMUP,
			quietMs: QUIET_MS,
			viewport: VIEWPORT,
			targetsEnforced: ENFORCE,
			tolerance: TOLERANCE
		},
		buildMs,
		coldLoad: { ...load, sameHeadlineAsBaseline: sameHeadline, chartIds: app[0].chartIds },
		bytes: {
			...bytes,
			appJsGzip,
			appJsFiles: app[0].appJsFiles,
			baselineTotalTransferred: baselineBytes.transferred
		},
		ingest: {
			node: {
				label: ingestNode.label ?? 'Node',
				engineStartMs: ingestNode.engineStartMs,
				loadFilesMs: ingestNode.loadFilesMs,
				otherMs: ingestNode.otherMs,
				repeats: ingestNode.repeats,
				error: ingestNode.error
			},
			files: ingestFiles
		},
		interactions: {
			count: inter.steps.length,
			p50Ms: percentile(lat, 0.5),
			p95Ms: percentile(lat, 0.95),
			maxMs: Math.max(...lat),
			domP50Ms: percentile(doms, 0.5),
			domP95Ms: percentile(doms, 0.95),
			allP50Ms: percentile(alls, 0.5),
			allP95Ms: percentile(alls, 0.95),
			byKind: Object.fromEntries(
				[...new Set(inter.steps.map((s) => s.kind))].map((k) => {
					const xs = inter.steps.filter((s) => s.kind === k).map((s) => s.ms);
					return [k, { n: xs.length, p50Ms: percentile(xs, 0.5), p95Ms: percentile(xs, 0.95) }];
				})
			),
			timeouts: inter.steps.filter((s) => s.timedOut).length,
			valuesMatchBaseline: check,
			longTasks: inter.longTasks,
			steps: inter.steps.map((s) => ({
				...s,
				ms: round(s.ms, 2),
				domMs: round(s.domMs, 2),
				allMs: round(s.allMs, 2)
			}))
		},
		links: links.links,
		targets,
		runs: { app, baseline },
		totalSeconds: round((Date.now() - t0) / 1000, 1)
	};
	// Infinity is not JSON: timeouts are written as null.
	writeFileSync(
		join(BENCH, 'results.json'),
		JSON.stringify(results, (k, v) => (v === Infinity ? null : v), '\t') + '\n'
	);

	const md = renderTables(results, catLabel, cats, 'md');
	writeFileSync(join(BENCH, 'results.md'), md + '\n');
	log(`\n${renderTables(results, catLabel, cats, 'text')}`);
	if (flag('--update-readme')) updateReadme(md);
	// The project's `npm test` runs `prettier --check .`: keep what the bench writes formatted.
	const written = ['results.json', 'results.md', ...(flag('--update-readme') ? ['README.md'] : [])];
	const pretty = spawnSync(
		'npx',
		['prettier', '--write', '--log-level', 'warn', ...written.map((f) => join(BENCH, f))],
		{ encoding: 'utf8' }
	);
	if (pretty.status !== 0)
		log(
			`(prettier could not format ${written.join(', ')}: ${(pretty.stderr || '').trim().split('\n')[0]})`
		);
	log(`\nWrote bench/results.json and bench/results.md (${results.totalSeconds} s in all).`);

	if (failed.length) {
		log(
			`\n${ENFORCE ? 'FAILED' : 'Missed (not enforced: fewer than 5 runs)'} — targets missed by more than 10%:`
		);
		for (const t of failed)
			log(
				`  - ${t.label}: ${t.value === null || t.value === undefined ? 'not measured' : `${round(t.value, 1)} ${t.unit}`} (target ≤ ${t.limit} ${t.unit})`
			);
	} else log('\nAll targets met (or within 10%).');
	const soft = targets.filter((t) => t.status === 'within 10%');
	if (soft.length) log(`Within the 10% tolerance: ${soft.map((t) => t.label).join('; ')}`);
	return { results, exitCode: failed.length && ENFORCE ? 1 : 0 };
}

function renderTables(r, catLabel, cats, style) {
	const T = style === 'md' ? markdownTable : table;
	const h = (s) => (style === 'md' ? `#### ${s}` : `== ${s} ==`);
	const c = r.coldLoad;
	const ratio = (x) => (x ? `${x.toFixed(2)}×` : '—');
	const info = r.machine;
	const out = [];
	out.push(
		`Machine: ${info.cpuModel} × ${info.cpuCount} logical CPUs, ${info.memoryGB} GB RAM, ${info.os}; Node ${info.node}; Chromium ${info.chromium} (headless); ${info.date.slice(0, 16).replace('T', ' ')} UTC; load average at start ${info.loadAverage.join(' / ')}; ${r.options.runs} runs, ${r.interactions.count} filter changes.`
	);
	out.push('', h('Targets'), '');
	out.push(
		T(
			['Target', 'Measured', 'Limit', 'Status'],
			r.targets.map((t) => [
				t.label,
				t.value === null || t.value === undefined
					? '—'
					: `${fmtNum(t.value, t.unit === 'KB' ? 1 : 0)} ${t.unit}`,
				`≤ ${t.limit} ${t.unit}`,
				t.status
			]),
			['', 'r', 'r', '']
		)
	);
	out.push('', h(`Cold load, median of ${r.options.runs} (fresh browser context each)`), '');
	out.push(
		T(
			['Measure', 'App', 'Baseline (papaparse)', 'App / baseline'],
			[
				['First contentful paint', fmtMs(c.fcpMs), '', ''],
				[
					'Headline numbers visible',
					fmtMs(c.headlineMs),
					fmtMs(c.baselineHeadlineMs),
					ratio(c.headlineRatio)
				],
				['Every chart drawn', fmtMs(c.chartsMs), fmtMs(c.baselineChartsMs), ratio(c.chartsRatio)],
				['(Headline in the DOM, before its frame)', fmtMs(c.headlineDomMs), '', ''],
				[
					'Longest main-thread task after first render',
					fmtMs(c.maxLongTaskMs),
					fmtMs(c.baselineMaxLongTaskMs),
					''
				],
				[
					'JS heap used after load (page)',
					fmtKB(c.jsHeapUsedBytes),
					fmtKB(c.baselineJsHeapUsedBytes),
					''
				],
				[
					'Bytes transferred',
					fmtKB(r.bytes.total.transferred),
					fmtKB(r.bytes.baselineTotalTransferred),
					''
				]
			],
			['', 'r', 'r', 'r']
		)
	);
	out.push('', renderLinks({ links: r.links }, style), '');
	out.push('', h('Bytes on a cold load of / (app)'), '');
	out.push(
		T(
			['Kind', 'Transferred', 'Uncompressed', 'Encoding'],
			[
				...cats.map((k) => [
					catLabel[k],
					fmtKB(r.bytes[k].transferred),
					fmtKB(r.bytes[k].raw),
					r.bytes[k].encoding
				]),
				['Total', fmtKB(r.bytes.total.transferred), fmtKB(r.bytes.total.raw), ''],
				["App JS, gzip -9 (the target's measure)", fmtKB(r.bytes.appJsGzip), '', 'gzip']
			],
			['', 'r', 'r', '']
		)
	);
	out.push('', h('Data ingest per file'), '');
	out.push(
		T(
			[
				'File',
				'Rows',
				'MB',
				'Node ms',
				'Node rows/s',
				'Node MB/s',
				'Browser fetch ms',
				'Browser ingest ms',
				'Browser rows/s',
				'Browser MB/s'
			],
			r.ingest.files.map((f) => [
				f.path,
				fmtNum(f.rows),
				(f.bytes / 1e6).toFixed(2),
				fmtNum(f.node?.ms),
				fmtNum(f.node?.rowsPerSec),
				fmtNum(f.node?.mbPerSec, 1),
				fmtNum(f.browser.fetchMs),
				fmtNum(f.browser.ingestMs),
				fmtNum(f.browser.rowsPerSec),
				fmtNum(f.browser.mbPerSec, 1)
			]),
			['', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
		)
	);
	const n = r.ingest.node;
	out.push(
		'',
		n.error
			? `Node ingest could not run: ${n.error.split('\n').pop()}`
			: `Node (${n.label}): engine start ${fmtMs(n.engineStartMs)}, loadFiles ${fmtMs(n.loadFilesMs)} of which ${fmtMs(n.otherMs)} vocabulary tables and normalized view; median of ${n.repeats}.`
	);
	const ix = r.interactions;
	out.push(
		'',
		h(`Interaction: ${ix.count} filter changes, input event → every chart in view updated`),
		''
	);
	out.push(
		T(
			['Change', 'n', 'p50', 'p95'],
			[
				['All', ix.count, fmtMs(ix.p50Ms), fmtMs(ix.p95Ms)],
				...Object.entries(ix.byKind).map(([k, v]) => [k, v.n, fmtMs(v.p50Ms), fmtMs(v.p95Ms)]),
				[
					'All, to the DOM update (before its frame is rendered)',
					ix.count,
					fmtMs(ix.domP50Ms),
					fmtMs(ix.domP95Ms)
				],
				[
					'All, until every figure on the page is updated (off-screen ones too)',
					ix.count,
					fmtMs(ix.allP50Ms),
					fmtMs(ix.allP95Ms)
				]
			],
			['', 'r', 'r', 'r']
		)
	);
	out.push(
		'',
		`Headline values after each change equal the baseline's own computation in ${ix.valuesMatchBaseline.matched}/${ix.valuesMatchBaseline.of} steps (${ix.valuesMatchBaseline.generic} steps outside the baseline's scope were checked only for completing); ${ix.timeouts} timeouts; longest main-thread task during the changes ${fmtMs(ix.longTasks.reduce((m, t) => Math.max(m, t.duration), 0))}.`
	);
	return out.join('\n');
}

async function sharedLinks(browser, appUrl) {
	log(`\n[4b] Shared links: ${RUNS} rounds, each link cold and then again (bench/links.mjs)`);
	const byLink = await measureLinks({
		browser,
		origin: appUrl.replace(/\/$/, ''),
		runs: RUNS,
		newPage: (b) => newPage(b),
		timeout: LOAD_TIMEOUT_MS,
		log
	});
	return summarizeLinks(byLink, median);
}

function renderLinks({ links }, style) {
	const T = style === 'md' ? markdownTable : table;
	const title = `Shared links, median of ${links[0].runs.length} cold loads (fresh context each) and repeat visits`;
	return [
		style === 'md' ? `#### ${title}` : `== ${title} ==`,
		'',
		T(
			[
				'Link',
				'Complete headline',
				'÷ default',
				'In view drawn',
				'Repeat visit',
				'CSV bytes fetched before complete'
			],
			links.map((l) => [
				`${l.id}: \`${l.path}\``,
				fmtMs(l.completeMs),
				`${l.ratio.toFixed(2)}×`,
				fmtMs(l.viewMs),
				fmtMs(l.repeatMs),
				fmtKB(l.dataBytes)
			]),
			['', 'r', 'r', 'r', 'r', 'r']
		)
	].join('\n');
}

function updateReadme(md) {
	const path = join(BENCH, 'README.md');
	if (!existsSync(path)) return;
	const text = readFileSync(path, 'utf8');
	const start = '<!-- results:start -->';
	const end = '<!-- results:end -->';
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a < 0 || b < a) return log('bench/README.md has no results markers; not updated');
	writeFileSync(path, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
	log('Updated the results section of bench/README.md');
}

const watchdog = setTimeout(() => {
	console.error('bench: gave up after 45 minutes');
	process.exit(2);
}, 45 * 60_000);
watchdog.unref();

main()
	.then(({ exitCode }) => process.exit(exitCode))
	.catch((e) => {
		console.error(`\nbench: ${e instanceof HarnessError ? e.message : (e?.stack ?? e)}`);
		process.exit(2);
	});
