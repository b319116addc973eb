#!/usr/bin/env node
/**
 * `npm start`: installs dependencies if needed, builds the static site and serves it with the
 * bundled CBP data on http://localhost:4173, or the port of `PORT=…` or `--port …`.
 */
import { spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

const args = process.argv.slice(2);
const flag = args.indexOf('--port');
const port = flag >= 0 ? args[flag + 1] : (process.env.PORT ?? '4173');
if (!/^\d{1,5}$/.test(port ?? '')) {
	console.error(`npm start: "${port}" is not a port number.`);
	process.exit(2);
}
const rest = flag >= 0 ? [...args.slice(0, flag), ...args.slice(flag + 2)] : args;

ensureDependencies();
const step = (stepArgs) => {
	// vite preview does not serve precompressed files, so the build skips making them.
	const r = spawnSync('npx', stepArgs, {
		stdio: 'inherit',
		env: { ...process.env, PRECOMPRESS: '0' }
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['vite', 'build']);
console.log(`\nBorder Stats Explorer: open http://localhost:${port}/ (Ctrl+C to stop)\n`);
step(['vite', 'preview', '--port', port, '--strictPort', ...rest]);
