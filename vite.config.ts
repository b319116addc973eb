import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { securityHeadersPlugin } from './scripts/security-headers.ts';
import { serveProjectData } from './scripts/vite-serve-data.ts';

// Tests run in a non-UTC zone so that any local-time date bug shows.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
	// securityHeadersPlugin comes after sveltekit(): it writes _headers once the adapter has run,
	// and turns off preview CORS after SvelteKit has set it (see the plugin).
	plugins: [sveltekit(), serveProjectData(), securityHeadersPlugin()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	// Rolldown's note that plugins take most of the build is true of every SvelteKit build: not a fault.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Both cores, and one module graph per worker across its files: the bundled database
		// (tests/helpers/node-db.ts) is then loaded once per worker, not once per file.
		maxWorkers: 2,
		isolate: false
	}
});
