/**
 * One loaded page for every test of a describe block, for tests that would each load the whole
 * engine again: each test then also proves that the ones before it left the page working.
 */
import { test, type Page } from '@playwright/test';

/**
 * Call inside a `test.describe`: its tests run in order on one page, opened by `open` once with
 * the project's context options. Returns the page (set once the block starts).
 */
export function sharedPage(open: (page: Page) => Promise<void>): () => Page {
	let page: Page;
	test.describe.configure({ mode: 'serial' });
	test.beforeAll(async ({ browser }, info) => {
		const { baseURL, timezoneId, serviceWorkers, extraHTTPHeaders } = info.project.use;
		page = await browser.newPage({ baseURL, timezoneId, serviceWorkers, extraHTTPHeaders });
		await open(page);
	});
	test.afterAll(() => page.close());
	return () => page;
}
