/** Installs the locked dependencies when `node_modules` is missing or older than the lock file. */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function ensureDependencies() {
	const marker = 'node_modules/.package-lock.json';
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs)
		return;
	console.log('Installing dependencies (npm ci)…');
	const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
