import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.mjs';

// Browser tests run against the production build served by `vite preview` (built by `npm test`).
export default defineConfig({
	testDir: 'tests/browser',
	timeout: 60_000,
	expect: { timeout: 30_000 },
	// Files run side by side on the two cores (each test has its own context); a file's tests in order.
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['json']],
	use: {
		// BASE_URL points the tests at a site served elsewhere (then no preview server is started).
		baseURL: process.env.BASE_URL ?? 'http://localhost:4173',
		timezoneId: 'America/Los_Angeles',
		// Every test starts as a first visit; offline.spec.ts allows the service worker itself.
		serviceWorkers: 'block',
		// vite preview gzips every response as it sends it (measured: 0.58 CPU-s of the server for
		// each full load of the app, 0.25 plain; a static host sends files compressed at build time).
		// The browser hands the page the same decoded bytes either way, so the tests ask for them plain.
		extraHTTPHeaders: { 'Accept-Encoding': 'identity' },
		launchOptions: {
			// Debian's headless shell when installed (scripts/chromium.mjs says why), else its Chromium.
			executablePath: chromiumPath() ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
		}
	},
	webServer: process.env.BASE_URL
		? undefined
		: {
				command: 'npx vite preview --port 4173 --strictPort',
				url: 'http://localhost:4173',
				reuseExistingServer: !process.env.CI,
				timeout: 60_000
			}
});
