import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import svelteConfig from '../../svelte.config.js';
import {
	collectScriptHashes,
	contentSecurityPolicy,
	inlineScriptHashes,
	pageKind,
	renderHeadersFile,
	securityHeaders,
	securityHeadersPlugin,
	urlPatterns,
	writeHeadersFile
} from '../../scripts/security-headers.ts';

const HASH_A = 'sha256-Pllm6hV9NpAVcEusq6yyZxxL307j0HkKw3w6mI2nBE4=';
const HASH_B = 'sha256-JCfyFk36qsTXdMfy8x9geD8/OIBFVgHuyvpcOwVMZpg=';

function parsePolicy(csp: string): Map<string, string[]> {
	return new Map(
		csp.split('; ').map((d) => {
			const [name, ...sources] = d.split(' ');
			return [name, sources];
		})
	);
}

/** A page as SvelteKit prerenders it, with its meta policy. */
const page = (scriptHash: string) =>
	`<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${scriptHash}'; style-src 'self' 'sha256-notAScriptHash='"></head><body><script>start()</script></body></html>`;

describe('pageKind', () => {
	it('is embed for /embed, /embed.html and anything under /embed/', () => {
		for (const path of ['/embed', '/embed.html', '/embed/', '/embed/__data.json'])
			expect(pageKind(path), path).toBe('embed');
	});
	it('is app for every other path, including look-alikes', () => {
		for (const path of ['/', '/about', '/index.html', '/embedded', '/embed.htm', '/x/embed'])
			expect(pageKind(path), path).toBe('app');
	});
});

describe('contentSecurityPolicy', () => {
	const configured = svelteConfig.kit!.csp!.directives! as Record<string, string[]>;
	const keywords = new Set(['self', 'none', 'unsafe-inline', 'wasm-unsafe-eval', 'unsafe-eval']);

	it("is svelte.config.js's kit.csp, quoted as SvelteKit quotes it, plus the script hashes", () => {
		const policy = parsePolicy(contentSecurityPolicy('app', [HASH_A, HASH_B]));
		for (const [name, sources] of Object.entries(configured)) {
			const quoted = sources.map((s) => (keywords.has(s) ? `'${s}'` : s));
			if (name === 'script-src') quoted.push(`'${HASH_A}'`, `'${HASH_B}'`);
			expect(policy.get(name), name).toEqual(quoted);
		}
		expect([...policy.keys()].sort()).toEqual(
			[...Object.keys(configured), 'frame-ancestors'].sort()
		);
	});

	it('lets DuckDB compile wasm and blob: workers and images run, and allows no inline script', () => {
		const policy = parsePolicy(contentSecurityPolicy('app', [HASH_A]));
		expect(policy.get('script-src')).toContain("'wasm-unsafe-eval'");
		expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
		expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
		expect(policy.get('worker-src')).toContain('blob:');
		expect(policy.get('img-src')).toContain('blob:');
		expect(policy.get('default-src')).toEqual(["'self'"]);
	});

	it('lets only this site frame the app, and any site frame the embed', () => {
		expect(parsePolicy(contentSecurityPolicy('app', [])).get('frame-ancestors')).toEqual([
			"'self'"
		]);
		expect(parsePolicy(contentSecurityPolicy('embed', [])).get('frame-ancestors')).toEqual(['*']);
	});
});

describe('securityHeaders', () => {
	it('sends nosniff, a referrer and a permissions policy everywhere, and no CORS header', () => {
		for (const path of ['/', '/about', '/embed', '/_app/immutable/x.wasm']) {
			const headers = securityHeaders(path, [HASH_A]);
			expect(headers['X-Content-Type-Options']).toBe('nosniff');
			expect(headers['Referrer-Policy']).toBe('no-referrer');
			for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
				expect(headers['Permissions-Policy']).toContain(`${feature}=()`);
			expect(Object.keys(headers).filter((h) => /^access-control-/i.test(h))).toEqual([]);
		}
	});
	it('sends X-Frame-Options SAMEORIGIN everywhere but the embed', () => {
		expect(securityHeaders('/about', [])['X-Frame-Options']).toBe('SAMEORIGIN');
		expect(securityHeaders('/', [])['X-Frame-Options']).toBe('SAMEORIGIN');
		expect(securityHeaders('/embed', [])).not.toHaveProperty('X-Frame-Options');
		expect(securityHeaders('/embed', [])['Content-Security-Policy']).toContain('frame-ancestors *');
	});
});

describe('script hashes from the prerendered pages', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("reads the hashes of a page's meta script-src, not of other directives", () => {
		expect(inlineScriptHashes(page(HASH_A))).toEqual([HASH_A]);
		expect(inlineScriptHashes('<html><head></head></html>')).toEqual([]);
	});

	it('collects every page’s hashes once, in nested folders, and none from a missing folder', () => {
		dir = mkdtempSync(join(tmpdir(), 'headers-'));
		mkdirSync(join(dir, 'embed'));
		writeFileSync(join(dir, 'index.html'), page(HASH_B));
		writeFileSync(join(dir, 'about.html'), page(HASH_B));
		writeFileSync(join(dir, 'embed', 'index.html'), page(HASH_A));
		writeFileSync(join(dir, 'notes.txt'), page('sha256-notAPage='));
		expect(collectScriptHashes(dir)).toEqual([HASH_A, HASH_B].sort());
		expect(collectScriptHashes(join(dir, 'missing'))).toEqual([]);
	});
});

/** `_headers` rules as a static host reads them: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string) {
	const rules: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else {
			const [, name, value] = /^\s+([^:]+):\s(.*)$/.exec(line)!;
			rules.at(-1)!.headers.push([name, value]);
		}
	}
	return rules;
}

/** Every header value every rule matching `path` sets, the way Cloudflare combines them. */
function matching(rules: ReturnType<typeof parseHeadersFile>, path: string, header: string) {
	return rules
		.filter(({ pattern }) =>
			pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern
		)
		.flatMap(({ headers }) => headers.filter(([n]) => n === header).map(([, v]) => v));
}

describe('_headers', () => {
	const entries = [
		{ name: 'index.html', directory: false },
		{ name: 'index.html.br', directory: false },
		{ name: 'about.html', directory: false },
		{ name: 'embed.html', directory: false },
		{ name: 'embed', directory: true },
		{ name: '_app', directory: true },
		{ name: 'favicon.svg', directory: false },
		{ name: '_headers', directory: false }
	];
	const rules = parseHeadersFile(renderHeadersFile(entries, [HASH_A]));

	it('maps pages to their clean and .html URLs, folders to a wildcard', () => {
		expect(urlPatterns('index.html', false)).toEqual(['/', '/index.html']);
		expect(urlPatterns('about.html', false)).toEqual(['/about', '/about.html']);
		expect(urlPatterns('_app', true)).toEqual(['/_app/*']);
		expect(urlPatterns('favicon.svg', false)).toEqual(['/favicon.svg']);
		expect(rules.map((r) => r.pattern)).toEqual([
			'/*',
			'/',
			'/_app/*',
			'/about',
			'/about.html',
			'/embed',
			'/embed.html',
			'/embed/*',
			'/favicon.svg',
			'/index.html',
			'/_app/immutable/*'
		]);
	});

	it('lets browsers keep the content-hashed app files for good, and nothing else', () => {
		expect(matching(rules, '/_app/immutable/chunks/a.js', 'Cache-Control')).toEqual([
			'public, max-age=31536000, immutable'
		]);
		for (const path of ['/', '/about', '/_app/version.json', '/embed', '/favicon.svg'])
			expect(matching(rules, path, 'Cache-Control'), path).toEqual([]);
		const withoutApp = parseHeadersFile(
			renderHeadersFile([{ name: 'index.html', directory: false }], [HASH_A])
		);
		expect(withoutApp.map((r) => r.pattern)).toEqual(['/*', '/', '/index.html']);
	});

	it('puts the common headers on /* and no CSP or X-Frame-Options there', () => {
		const all = new Map(rules[0].headers);
		expect(all.get('X-Content-Type-Options')).toBe('nosniff');
		expect(all.get('Referrer-Policy')).toBe('no-referrer');
		expect(all.has('Permissions-Policy')).toBe(true);
		expect(all.has('Content-Security-Policy')).toBe(false);
		expect(all.has('X-Frame-Options')).toBe(false);
	});

	it('gives each URL exactly one CSP, so hosts that merge rules cannot stack frame-ancestors', () => {
		const app = [
			'/',
			'/index.html',
			'/about',
			'/about.html',
			'/_app/immutable/a.js',
			'/favicon.svg'
		];
		for (const path of app) {
			expect(matching(rules, path, 'Content-Security-Policy'), path).toEqual([
				contentSecurityPolicy('app', [HASH_A])
			]);
			expect(matching(rules, path, 'X-Frame-Options'), path).toEqual(['SAMEORIGIN']);
		}
		for (const path of ['/embed', '/embed.html', '/embed/__data.json']) {
			expect(matching(rules, path, 'Content-Security-Policy'), path).toEqual([
				contentSecurityPolicy('embed', [HASH_A])
			]);
			expect(matching(rules, path, 'X-Frame-Options'), path).toEqual([]);
		}
		for (const path of ['/about', '/embed'])
			expect(matching(rules, path, 'X-Content-Type-Options'), path).toEqual(['nosniff']);
	});

	describe('written into the published folder', () => {
		let dir = '';
		afterEach(() => rmSync(dir, { recursive: true, force: true }));

		it('holds the pages’ script hashes and an entry for each file and folder', () => {
			dir = mkdtempSync(join(tmpdir(), 'site-'));
			mkdirSync(join(dir, '_app'));
			writeFileSync(join(dir, 'index.html'), page(HASH_A));
			writeFileSync(join(dir, 'embed.html'), page(HASH_B));
			const text = readFileSync(writeHeadersFile(dir), 'utf8');
			const written = parseHeadersFile(text);
			expect(written.map((r) => r.pattern)).toEqual([
				'/*',
				'/',
				'/_app/*',
				'/embed',
				'/embed.html',
				'/index.html',
				'/_app/immutable/*'
			]);
			expect(matching(written, '/', 'Content-Security-Policy')).toEqual([
				contentSecurityPolicy('app', [HASH_A, HASH_B].sort())
			]);
		});

		it('refuses a folder whose pages carry no script hash (the header would block them)', () => {
			dir = mkdtempSync(join(tmpdir(), 'site-'));
			writeFileSync(join(dir, 'index.html'), '<html></html>');
			expect(() => writeHeadersFile(dir)).toThrow(/no page with a CSP hash/);
		});
	});
});

describe('the preview server plugin', () => {
	type Handler = (
		req: { url: string; method: string },
		res: { statusCode: number; setHeader: (n: string, v: string) => void; end: () => void },
		next: () => void
	) => void;

	function previewMiddleware(): Handler {
		let handler: Handler | undefined;
		const plugin = securityHeadersPlugin();
		(plugin.configurePreviewServer as (server: unknown) => void)({
			config: { logger: { warn: () => {} } },
			middlewares: { use: (h: Handler) => (handler = h) }
		});
		return handler!;
	}

	function call(method: string, url: string) {
		const headers: Record<string, string> = {};
		const res = { statusCode: 200, ended: false, passed: false, headers };
		previewMiddleware()(
			{ method, url },
			{
				get statusCode() {
					return res.statusCode;
				},
				set statusCode(code) {
					res.statusCode = code;
				},
				setHeader: (name, value) => (headers[name] = value),
				end: () => (res.ended = true)
			},
			() => (res.passed = true)
		);
		return res;
	}

	it('turns off preview CORS after SvelteKit has set it', () => {
		const hook = securityHeadersPlugin().config as { order: string; handler: () => unknown };
		expect(hook.order).toBe('post');
		expect(hook.handler()).toEqual({ preview: { cors: false } });
	});

	it('passes GET and HEAD on with the headers for their path', () => {
		const get = call('GET', '/embed?view=monthly');
		expect(get.passed).toBe(true);
		expect(get.headers['Content-Security-Policy']).toContain('frame-ancestors *');
		expect(get.headers).not.toHaveProperty('X-Frame-Options');
		const head = call('HEAD', '/about');
		expect(head.passed).toBe(true);
		expect(head.headers['X-Frame-Options']).toBe('SAMEORIGIN');
	});

	it('answers any other method, preflights included, 405 with Allow: GET, HEAD', () => {
		for (const method of ['OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']) {
			const res = call(method, '/');
			expect(res.passed, method).toBe(false);
			expect(res.ended, method).toBe(true);
			expect(res.statusCode, method).toBe(405);
			expect(res.headers['Allow']).toBe('GET, HEAD');
			expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
		}
	});
});
