/** Fails each test of the file that made a request to another origin (the app is self-contained). */
import { expect, type test as base } from '@playwright/test';

export function forbidOtherOrigins(test: typeof base): void {
	const external: string[] = [];
	test.beforeEach(async ({ page }) => {
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (!['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol.startsWith('http'))
				external.push(request.url());
		});
	});
	test.afterEach(() => {
		expect(external, 'requests to other origins').toEqual([]);
	});
}
