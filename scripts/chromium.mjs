/**
 * Finds Debian's Chromium (or `CHROMIUM_PATH`). Playwright's own browser downloads cannot work
 * here, so when none is found and we are root with apt-get, install Debian's package; otherwise
 * say exactly what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get update && apt-get install -y chromium';

export function chromiumPath({ install = false } = {}) {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((p) => p && existsSync(p));
	if (found) return found;
	const root = process.getuid?.() === 0;
	const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (install && root && apt) {
		console.log(`No Chromium found; installing Debian's package: ${INSTALL}`);
		const r = spawnSync('sh', ['-c', `${INSTALL} > /dev/null`], { stdio: 'inherit' });
		if (r.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	}
	console.error(
		`No Chromium found. Install Debian's Chromium and run again:\n  sudo sh -c '${INSTALL}'\n` +
			'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
	);
	return null;
}
