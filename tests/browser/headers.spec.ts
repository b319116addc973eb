/**
 * The start server sends the security headers of scripts/security-headers.ts: a CSP that is the
 * page's own meta policy plus frame-ancestors (the embed frameable by any site, the rest only by
 * this one), nosniff, a referrer and a permissions policy, and no CORS grant. The pages still load
 * under both policies.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIResponse, type Page } from '@playwright/test';

type Policy = Map<string, string[]>;

function parsePolicy(csp: string): Policy {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((tokens) => tokens[0])
			.map(([name, ...sources]) => [name, sources])
	);
}

function expectCommonHeaders(headers: Record<string, string>) {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['permissions-policy']).toContain('camera=()');
	expect(headers['permissions-policy']).toContain('geolocation=()');
	expect(headers['access-control-allow-origin']).toBeUndefined();
	expect(headers['access-control-allow-methods']).toBeUndefined();
}

/** The page's header policy is its meta policy (all pages' script hashes) plus frame-ancestors. */
async function expectPageHeaders(response: APIResponse, frameAncestors: string) {
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expectCommonHeaders(headers);
	const html = await response.text();
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
	expect(meta, 'meta CSP').toBeTruthy();
	const fromMeta = parsePolicy(meta!);
	const fromHeader = parsePolicy(headers['content-security-policy'] ?? '');
	expect(fromHeader.get('frame-ancestors')).toEqual([frameAncestors]);
	expect([...fromHeader.keys()].sort()).toEqual([...fromMeta.keys(), 'frame-ancestors'].sort());
	for (const [name, sources] of fromMeta) {
		if (name === 'script-src')
			expect(fromHeader.get(name)).toEqual(expect.arrayContaining(sources));
		else expect(fromHeader.get(name)).toEqual(sources);
	}
	expect(fromHeader.get('script-src')).not.toContain("'unsafe-inline'");
	expect(fromHeader.get('script-src')).not.toContain("'unsafe-eval'");
	return headers;
}

test('/ and /about send the site policy, framing only by this site', async ({ request }) => {
	for (const path of ['/', '/about']) {
		const headers = await expectPageHeaders(await request.get(path), "'self'");
		expect(headers['x-frame-options'], path).toBe('SAMEORIGIN');
	}
});

test('/embed sends the same policy but may be framed by any site', async ({ request }) => {
	const headers = await expectPageHeaders(await request.get('/embed?view=monthly'), '*');
	expect(headers['x-frame-options']).toBeUndefined();
});

test('a JavaScript asset is served as JavaScript with the headers', async ({ request }) => {
	const html = await (await request.get('/')).text();
	const src = /<link href="\.?(\/_app\/immutable\/[^"]+\.js)" rel="modulepreload">/.exec(html)?.[1];
	expect(src, 'a modulepreload script in /').toBeTruthy();
	const response = await request.get(src!);
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expect(headers['content-type']).toMatch(/^(text|application)\/javascript/);
	expectCommonHeaders(headers);
	expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
});

test('a CORS preflight from another origin is refused, and only GET and HEAD are answered', async ({
	request
}) => {
	const preflight = await request.fetch('/', {
		method: 'OPTIONS',
		headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' }
	});
	expect(preflight.status()).toBe(405);
	expect(preflight.headers()['allow']).toBe('GET, HEAD');
	expectCommonHeaders(preflight.headers());
	for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
		const response = await request.fetch('/about', { method, data: 'x' });
		expect(response.status(), method).toBe(405);
	}
	const get = await request.get('/', { headers: { Origin: 'https://evil.example' } });
	expect(get.status()).toBe(200);
	expectCommonHeaders(get.headers());
});

/** Records CSP violations and console messages about the header policies. */
async function watchPolicies(page: Page) {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (/Content[- ]Security[- ]Policy|Permissions[- ]Policy|X-Frame-Options/i.test(m.text()))
			problems.push(`console: ${m.text()}`);
	});
	await page.exposeFunction('reportViolation', (v: string) => problems.push(v));
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		)
	);
	return problems;
}

test('the explorer loads under the header and meta policies; the wasm is application/wasm', async ({
	page
}) => {
	const problems = await watchPolicies(page);
	// DuckDB fetches its wasm after the first paint (drawn from the prerendered snapshot); the
	// snapshot does not answer OFO, so ready means DuckDB's worker ran under the header policy too.
	const wasm = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('.wasm'));
	const response = await page.goto('/?component=ofo&month=2024-06');
	expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
	const wasmHeaders = await (await wasm).allHeaders();
	expect(wasmHeaders['content-type']).toBe('application/wasm');
	expectCommonHeaders(wasmHeaders);
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	expect(problems).toEqual([]);
	// The policies still have teeth: an injected inline script does not run.
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
		return (window as unknown as { injected?: boolean }).injected === true;
	});
	expect(ran).toBe(false);
	await expect.poll(() => problems).toContain('script-src-elem inline');
});

test('the embed loads under the header and meta policies', async ({ page }) => {
	const problems = await watchPolicies(page);
	const response = await page.goto('/embed?view=monthly');
	expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
	await expect(page.getByTestId('embed-ready')).toHaveAttribute('aria-busy', 'false');
	expect(problems).toEqual([]);
});

test('another site may frame the embed but not the explorer', async ({ page, baseURL }) => {
	// An article on another origin, from a real loopback server: Chromium's local network access
	// checks refuse a page fulfilled by page.route() to frame a localhost site.
	const site = new URL(baseURL!);
	const article = createServer((_, res) => {
		res.setHeader('Content-Type', 'text/html');
		res.end(`<!doctype html><title>Article</title>
			<iframe name="embed" src="${new URL('/embed?view=monthly', site)}"></iframe>
			<iframe name="explorer" src="${new URL('/about', site)}"></iframe>`);
	});
	await new Promise<void>((resolve) => article.listen(0, '127.0.0.1', resolve));
	try {
		const { port } = article.address() as AddressInfo;
		await page.goto(`http://127.0.0.1:${port}/`);
		await expect(
			page.frameLocator('iframe[name=embed]').getByTestId('embed-ready')
		).toHaveAttribute('aria-busy', 'false');
		// Chromium swaps a frame refused by frame-ancestors for its error page.
		await expect.poll(() => page.frame({ name: 'explorer' })?.url()).toMatch(/^chrome-error:/);
	} finally {
		article.close();
	}
});
