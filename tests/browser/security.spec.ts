/**
 * The page runs under a strict Content-Security-Policy, breaks none of it, and talks to no other
 * origin while loading and using the data.
 */
import { expect, test } from '@playwright/test';

test('the explorer loads under its CSP with no violation and no request to another origin', async ({
	page
}) => {
	await page.addInitScript(() => {
		(window as unknown as { cspViolations: string[] }).cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { cspViolations: string[] }).cspViolations.push(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	const origins = new Set<string>();
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol.startsWith('http')) origins.add(url.origin);
	});
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
	expect(csp).not.toContain("'unsafe-eval'");
	expect(
		await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
	).toEqual([]);
	expect([...origins]).toEqual([new URL(page.url()).origin]);
});
