/** A page outside Playwright's per-test fixtures, for the tests of a file that share one loaded page. */
import type { Browser, Page, TestInfo } from '@playwright/test';

/**
 * A page with the project's context options, for tests that share one loaded page (each test then
 * also proves that the ones before it left the page working).
 */
export function projectPage(browser: Browser, info: TestInfo): Promise<Page> {
	const { baseURL, timezoneId, serviceWorkers } = info.project.use;
	return browser.newPage({ baseURL, timezoneId, serviceWorkers });
}
