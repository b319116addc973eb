/**
 * The HTTP response headers the site is served with, in one place: the start server
 * (`vite preview`) sets them through `securityHeadersPlugin`, and the build writes them as a
 * `_headers` file (Netlify / Cloudflare Pages format) into the published folder.
 *
 * The Content-Security-Policy is the one in svelte.config.js (`kit.csp`, which SvelteKit writes as a
 * <meta> tag with the hashes of its inline bootstrap script) plus `frame-ancestors`, which a meta
 * tag cannot carry. Every page other than the embed may be framed only by this site; the embed is
 * made to be framed by any site.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import svelteConfig from '../svelte.config.js';

export type PageKind = 'app' | 'embed';

/** Headers on every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	// The filter state is in the URL; links out (CBP sources) need not carry it, nor the origin.
	'Referrer-Policy': 'no-referrer',
	// No powerful feature is used. clipboard-write is left at its default (self) for "copy link".
	'Permissions-Policy': [
		'accelerometer=()',
		'autoplay=()',
		'camera=()',
		'display-capture=()',
		'fullscreen=()',
		'geolocation=()',
		'gyroscope=()',
		'hid=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'publickey-credentials-get=()',
		'serial=()',
		'usb=()',
		'xr-spatial-tracking=()'
	].join(', ')
};

/** SvelteKit's folder of built files; its `immutable/` files have content hashes in their names. */
const APP_DIR = svelteConfig.kit?.appDir ?? '_app';
const IMMUTABLE_HEADERS: Readonly<Record<string, string>> = {
	'Cache-Control': 'public, max-age=31536000, immutable'
};

/** `/embed`, `/embed.html` and anything under `/embed/`: the figure page other sites frame. */
export function pageKind(pathname: string): PageKind {
	return /^\/embed(?:\.html)?$|^\/embed\//.test(pathname) ? 'embed' : 'app';
}

// Keywords SvelteKit puts in quotes when it writes kit.csp (see its runtime/server/page/csp.js).
const QUOTED = new Set([
	'self',
	'unsafe-eval',
	'unsafe-hashes',
	'unsafe-inline',
	'none',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval',
	'script'
]);
const quote = (source: string) =>
	QUOTED.has(source) || /^(nonce|sha\d{3})-/.test(source) ? `'${source}'` : source;

/**
 * The policy for one kind of page. `scriptHashes` (`sha256-…`) are the hashes SvelteKit put in the
 * pages' meta policies: browsers enforce the header and the meta policy both, so without them the
 * header would block SvelteKit's inline bootstrap script.
 */
export function contentSecurityPolicy(kind: PageKind, scriptHashes: readonly string[]): string {
	const configured = (svelteConfig.kit?.csp?.directives ?? {}) as Record<
		string,
		readonly string[] | boolean | undefined
	>;
	const directives = new Map<string, string[]>();
	for (const [name, value] of Object.entries(configured)) {
		if (value === true) directives.set(name, []);
		else if (Array.isArray(value)) directives.set(name, value.map(quote));
	}
	const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
	directives.set('script-src', [...scriptSrc, ...scriptHashes.map(quote)]);
	// The embed shows public figures and has nothing to click that acts on the user's behalf, so
	// any page may frame it (http: too, e.g. a newsroom's local preview); `*` still excludes
	// data:, blob: and file: ancestors.
	directives.set('frame-ancestors', kind === 'embed' ? ['*'] : ["'self'"]);
	return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Every header for a response at `pathname`. No Access-Control-* header: nothing is shared. */
export function securityHeaders(
	pathname: string,
	scriptHashes: readonly string[]
): Record<string, string> {
	const kind = pageKind(pathname);
	return {
		...COMMON_HEADERS,
		'Content-Security-Policy': contentSecurityPolicy(kind, scriptHashes),
		// For browsers without frame-ancestors; it has no "any origin" value, so the embed sends none.
		...(kind === 'app' ? { 'X-Frame-Options': 'SAMEORIGIN' } : {})
	};
}

/** The script hashes in a page's CSP meta tag, without quotes. */
export function inlineScriptHashes(html: string): string[] {
	const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
	const scriptSrc = content
		?.split(';')
		.map((d) => d.trim())
		.find((d) => d.startsWith('script-src '));
	return scriptSrc?.match(/sha(?:256|384|512)-[A-Za-z0-9+/=]+/g) ?? [];
}

/** The script hashes of every .html page under `dir`, each once, sorted. */
export function collectScriptHashes(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const hashes = new Set<string>();
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		for (const hash of inlineScriptHashes(readFileSync(join(dir, file), 'utf8'))) hashes.add(hash);
	}
	return [...hashes].sort();
}

/** The URL patterns a static host matches a top-level file or folder of the published site by. */
export function urlPatterns(name: string, directory: boolean): string[] {
	if (directory) return [`/${name}/*`];
	if (name === 'index.html') return ['/', '/index.html'];
	if (name.endsWith('.html')) return [`/${name.slice(0, -'.html'.length)}`, `/${name}`];
	return [`/${name}`];
}

/**
 * A `_headers` file for the published folder whose top-level entries are `entries`. Hosts differ
 * when several rules set the same header for one path (Netlify keeps the last, Cloudflare joins
 * them with a comma, which for CSP means two policies that must both pass), so `/*` carries only
 * the common headers and each entry gets its CSP from exactly one rule.
 */
export function renderHeadersFile(
	entries: readonly { name: string; directory: boolean }[],
	scriptHashes: readonly string[]
): string {
	const block = (pattern: string, headers: Record<string, string>) =>
		[pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
	const blocks = [block('/*', { ...COMMON_HEADERS })];
	const patterns = entries
		// Precompressed siblings are served under their uncompressed name; _headers is not served.
		.filter((e) => e.directory || !/\.(?:br|gz)$|^_headers$/.test(e.name))
		.flatMap((e) => urlPatterns(e.name, e.directory));
	for (const pattern of [...new Set(patterns)].sort()) {
		const { 'Content-Security-Policy': csp, 'X-Frame-Options': xfo } = securityHeaders(
			pattern.replace(/\*$/, ''),
			scriptHashes
		);
		blocks.push(
			block(pattern, { 'Content-Security-Policy': csp, ...(xfo ? { 'X-Frame-Options': xfo } : {}) })
		);
	}
	// Named by their content: a browser may keep them for good and never ask again. Without this,
	// static hosts revalidate each on every visit (Netlify's default is max-age=0).
	if (entries.some((e) => e.directory && e.name === APP_DIR))
		blocks.push(block(`/${APP_DIR}/immutable/*`, IMMUTABLE_HEADERS));
	return [
		'# Written by scripts/security-headers.ts at build time; change the rules there.',
		...blocks
	].join('\n\n');
}

/** Writes `_headers` into the published folder `dir`, from its own pages and entries. */
export function writeHeadersFile(dir: string): string {
	const hashes = collectScriptHashes(dir);
	// Without the hashes the header policy would block every page's bootstrap script.
	if (hashes.length === 0) throw new Error(`security-headers: no page with a CSP hash in ${dir}`);
	const entries = readdirSync(dir, { withFileTypes: true }).map((e) => ({
		name: e.name,
		directory: e.isDirectory()
	}));
	const file = join(dir, '_headers');
	writeFileSync(file, renderHeadersFile(entries, hashes) + '\n');
	return file;
}

/**
 * Vite plugin: turns off CORS for `vite preview`, sets the headers on every preview response and
 * answers only GET and HEAD (405 otherwise, so no CORS preflight is granted); after the adapter
 * has written the site, writes its `_headers`.
 */
export function securityHeadersPlugin(): Plugin {
	let ssrBuild = false;
	return {
		name: 'security-headers',
		// A static site shares nothing cross-origin: no Access-Control-Allow-Origin. Set here, after
		// SvelteKit's own config hook, which sets preview.cors to an object and would override a
		// `preview: { cors: false }` in vite.config.ts.
		config: {
			order: 'post',
			handler: () => ({ preview: { cors: false } })
		},
		configResolved(config) {
			ssrBuild = Boolean(config.build.ssr);
		},
		configurePreviewServer(server) {
			// Where SvelteKit's preview serves the prerendered pages from.
			const pages = join(svelteConfig.kit?.outDir ?? '.svelte-kit', 'output/prerendered/pages');
			const hashes = collectScriptHashes(pages);
			if (hashes.length === 0) {
				server.config.logger.warn(`security-headers: no page with a CSP hash in ${pages}`);
			}
			server.middlewares.use((req, res, next) => {
				const pathname = (req.url ?? '/').split('?')[0];
				for (const [name, value] of Object.entries(securityHeaders(pathname, hashes))) {
					res.setHeader(name, value);
				}
				if (req.method === 'GET' || req.method === 'HEAD') return next();
				res.statusCode = 405;
				res.setHeader('Allow', 'GET, HEAD');
				res.end();
			});
		},
		// SvelteKit runs the adapter in its own sequential closeBundle (server build); this plugin
		// comes after it in the plugin list, so the site is complete here.
		closeBundle: {
			sequential: true,
			handler(error) {
				if (!ssrBuild || error) return;
				// The adapter's output folder, as set in svelte.config.js.
				const file = writeHeadersFile(process.env.BUILD_DIR ?? 'build');
				console.log(`security-headers: wrote ${file}`);
			}
		}
	};
}
