/**
 * Repeat visits and offline use through the service worker: once a link has been visited, it
 * opens again with the network gone, with the same numbers (computed from the CSVs).
 */
import { expect, test } from '@playwright/test';
import { filteredTotal } from '../helpers/expected-filters';

test.use({ serviceWorkers: 'allow' });
// Three loads of the page, two of them of the whole engine: slow while another worker loads its own.
test.describe.configure({ timeout: 240_000 });
const LOADED = { timeout: 90_000 };

const SPEC = { components: ['usbp' as const], regions: ['southwest' as const], sectors: ['EPT'] };

test('a visited link opens again offline, every file from the cache', async ({ page, context }) => {
	await page.goto('./?month=2024-06&sector=EPT');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit ran before the worker took over: a second one goes through it and keeps
	// every file it fetches.
	await page.reload();
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false', LOADED);
	await expect(page.getByTestId('loading')).toHaveCount(0, LOADED);
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	// Online, the browser's HTTP cache serves the app's hashed files and the worker copies them a
	// few seconds after the page used them: wait until it holds every script and style the page
	// loaded, and DuckDB's wasm.
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const used = performance
						.getEntriesByType('resource')
						.map((r) => new URL(r.name).pathname)
						.filter((path) => path.includes('/_app/immutable/'));
					const name = (await caches.keys()).find((n) => n.startsWith('app-'));
					if (!name) return ['no app cache'];
					const kept = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
					const missing = used.filter((path) => !kept.includes(path));
					if (!kept.some((path) => path.endsWith('.wasm'))) missing.push('the wasm');
					return missing;
				}),
			LOADED
		)
		.toEqual([]);

	await context.setOffline(true);
	await page.reload();
	// Offline indeed: what the cache does not hold cannot be fetched.
	const uncached = await page.evaluate(() =>
		fetch(`./not-cached-${Date.now()}.json`).then(
			() => 'fetched',
			() => 'failed'
		)
	);
	expect(uncached).toBe('failed');
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-value', String(filteredTotal('2024-06', SPEC)));
	await expect(headline).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal('2023-06', SPEC))
	);
	// Offline, the engine still loads every CSV (from the cache) and answers a view the build
	// did not store: the sector's composition by title.
	await page.getByTestId('split-title').click();
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false', LOADED);
	await expect(page.getByTestId('loading')).toHaveCount(0, LOADED);
	await expect(page.getByTestId('load-error')).toHaveCount(0);
});
