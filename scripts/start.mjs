#!/usr/bin/env node
/**
 * `npm start`: installs dependencies if needed, builds the static site and serves it on
 * http://localhost:4173 with the bundled CBP data.
 */
import { spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const step = (args) => {
	// vite preview does not serve precompressed files, so the build skips making them.
	const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, PRECOMPRESS: '0' } });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['vite', 'build']);
console.log('\nBorder Stats Explorer: open http://localhost:4173/ (Ctrl+C to stop)\n');
step(['vite', 'preview', '--port', '4173', '--strictPort', ...process.argv.slice(2)]);
