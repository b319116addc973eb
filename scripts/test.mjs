#!/usr/bin/env node
/**
 * `npm test`: type and lint checks, unit tests (Vitest, real DuckDB in Node), a production build,
 * and browser tests (Playwright driving Debian's Chromium against `vite preview`). Ends with one
 * line `N passed, M failed` that counts every test and check.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();

const results = 'tests/.results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

/** Seconds since `since`, for the line each step ends with: where the run's time goes. */
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function run(command, args, env = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	const since = performance.now();
	const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	console.log(`(${args[0]}: ${seconds(since)})`);
	return r.status === 0;
}

/** Starts a command whose output goes to `log`; resolves to whether it succeeded. */
function start(command, args, env, log) {
	console.log(`\n$ ${command} ${args.join(' ')} (beside the checks below; output in ${log})`);
	const since = performance.now();
	const out = openSync(log, 'w');
	const child = spawn(command, args, {
		stdio: ['ignore', out, out],
		env: { ...process.env, ...env }
	});
	return new Promise((resolve) =>
		child.on('close', (code) => {
			console.log(`(${args[0]}, beside the checks: ${seconds(since)})`);
			resolve(code === 0);
		})
	);
}

/** A step that is one check: it passes or fails as a whole. */
function check(name, command, args) {
	if (run(command, args)) passed++;
	else {
		failed++;
		console.log(`FAILED: ${name}`);
	}
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

const browser = chromiumPath({ install: true });
if (!browser) process.exit(1);

check('svelte-kit sync', 'npx', ['svelte-kit', 'sync']);
// The build keeps about one core busy and so do the static checks: they run side by side.
// vite preview does not serve precompressed files: skip making them here.
const buildLog = `${results}/build.log`;
const building = start('npx', ['vite', 'build'], { PRECOMPRESS: '0' }, buildLog);
check('svelte-check', 'npx', [
	'svelte-check',
	'--tsconfig',
	'./tsconfig.json',
	'--fail-on-warnings'
]);
check('prettier', 'npx', ['prettier', '--check', '.']);
check('eslint', 'npx', ['eslint', '.']);
// The layers of src/lib import one way, with no cycles (.dependency-cruiser.cjs).
check('layers', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);

// Vitest starts after the build: both would write SvelteKit's generated files.
const built = await building;
console.log(`\n$ npx vite build (its output)\n${readFileSync(buildLog, 'utf8')}`);

const vitestOk = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${results}/vitest.json`
]);
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1);
} else failed++;

if (built) {
	passed++;
	const ok = run('npx', ['playwright', 'test'], {
		CHROMIUM_PATH: browser,
		PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`
	});
	const pw = readJson(`${results}/playwright.json`);
	if (pw) {
		passed += pw.stats.expected + pw.stats.flaky;
		failed += pw.stats.unexpected + (ok || pw.stats.unexpected ? 0 : 1);
	} else failed++;
} else {
	failed += 2;
	console.log('FAILED: vite build (browser tests not run)');
}

if (!existsSync(`${results}/vitest.json`)) console.log('note: no Vitest results were written');
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
