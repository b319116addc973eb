import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { serveProjectData } from './scripts/vite-serve-data.ts';

// Tests run in a non-UTC zone so that any local-time date bug shows.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
	plugins: [sveltekit(), serveProjectData()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
