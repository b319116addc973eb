#!/usr/bin/env node
/**
 * `npm test`: type and lint checks, unit tests (Vitest, real DuckDB in Node), a production build,
 * and browser tests (Playwright driving Debian's Chromium against `vite preview`). Ends with one
 * line `N passed, M failed` that counts every test and check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();

const results = 'tests/.results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function run(command, args, env = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status === 0;
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

// vite preview does not serve precompressed files: skip making them here.
const built = run('npx', ['vite', 'build'], { PRECOMPRESS: '0' });
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
