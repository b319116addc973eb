/**
 * Finds Debian's Chromium for the browser tests (or `CHROMIUM_PATH`). Playwright's own browser
 * downloads cannot work here, so when none is found and we are root with apt-get, install Debian's
 * package; otherwise say exactly what to run.
 *
 * Debian's `chromium-headless-shell` comes first: the same Chromium build (engine, V8, DuckDB-wasm
 * and all) without the desktop browser around it, and what Playwright itself runs for headless
 * Chromium. The suite is bound by CPU on two cores, and the shell costs less per page (a full
 * app load 5.0–5.4 CPU-s against 6.0–6.2; the whole browser suite 3.9 minutes against 5.7, same
 * build, back to back). The full `chromium` is still used when it is the one installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGE = 'chromium-headless-shell';
const INSTALL = `apt-get update && apt-get install -y ${PACKAGE}`;

export function chromiumPath({ install = false } = {}) {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/lib/chromium/chromium-headless-shell',
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	];
	const found = candidates.find((p) => p && existsSync(p));
	if (found) return found;
	const root = process.getuid?.() === 0;
	const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (install && root && apt) {
		console.log(`No Chromium found; installing Debian's package: ${INSTALL}`);
		const r = spawnSync('sh', ['-c', `${INSTALL} > /dev/null`], { stdio: 'inherit' });
		if (r.status === 0 && existsSync(candidates[1])) return candidates[1];
	}
	console.error(
		`No Chromium found. Install Debian's headless Chromium and run again:\n  sudo sh -c '${INSTALL}'\n` +
			'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
	);
	return null;
}
