/**
 * The benchmark's static server: serves `build/` (and the baseline page) on 127.0.0.1 only, with
 * correct MIME types (incl. `application/wasm`) and gzip/brotli content-encoding, and counts the
 * bytes it sends per request so a cold load can be split by kind.
 *
 * Compression: a precompressed sibling (`x.js.br`, `x.js.gz`) in the served tree wins; otherwise the
 * file is compressed once at start-up (brotli quality 9, gzip level 9) and cached on disk under
 * `bench/.cache/` by content hash, so no compression ever happens inside a timed request.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

export const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.webmanifest': 'application/manifest+json',
	'.xml': 'application/xml'
};

const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.map',
	'.csv',
	'.txt',
	'.svg',
	'.wasm',
	'.ico',
	'.webmanifest',
	'.xml'
]);
/** Below this size compression is not worth a header. */
const MIN_COMPRESS = 256;

function walk(dir, prefix, out) {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		const url = `${prefix}${name}`;
		if (statSync(full).isDirectory()) walk(full, `${url}/`, out);
		else out.set(url, full);
	}
	return out;
}

function cached(cacheDir, key, make, used) {
	used.add(key);
	const path = join(cacheDir, key);
	if (existsSync(path)) return readFileSync(path);
	const bytes = make();
	writeFileSync(path, bytes);
	return bytes;
}

/**
 * @param {{ mounts: { url: string, path: string }[], cacheDir: string, log?: (s: string) => void }} options
 *   `url` ending in `/` mounts a directory, otherwise a single file.
 */
export async function startServer({ mounts, cacheDir, log = () => {} }) {
	mkdirSync(cacheDir, { recursive: true });
	/** url path → { type, identity, gzip?, br?, sourceOfEncoding } */
	const files = new Map();
	const started = Date.now();
	let compressedNow = 0;
	/** Cache entries this snapshot uses; the others (older builds) are removed afterwards. */
	const used = new Set();
	for (const mount of mounts) {
		const entries = mount.url.endsWith('/')
			? walk(resolve(mount.path), mount.url, new Map())
			: new Map([[mount.url, resolve(mount.path)]]);
		for (const [url, full] of entries) {
			if (/\.(br|gz)$/.test(url)) continue; // siblings are attached to their file below
			const ext = extname(url).toLowerCase();
			const identity = readFileSync(full);
			const entry = {
				type: MIME[ext] ?? 'application/octet-stream',
				identity,
				ext,
				encodedBy: 'none'
			};
			if (COMPRESSIBLE.has(ext) && identity.length >= MIN_COMPRESS) {
				if (existsSync(`${full}.br`) || existsSync(`${full}.gz`)) {
					if (existsSync(`${full}.br`)) entry.br = readFileSync(`${full}.br`);
					if (existsSync(`${full}.gz`)) entry.gzip = readFileSync(`${full}.gz`);
					entry.encodedBy = 'precompressed sibling';
				} else {
					const hash = createHash('sha256').update(identity).digest('hex').slice(0, 32);
					const before = Date.now();
					entry.br = cached(
						cacheDir,
						`${hash}.br`,
						() =>
							brotliCompressSync(identity, {
								params: {
									[zc.BROTLI_PARAM_QUALITY]: 9,
									[zc.BROTLI_PARAM_SIZE_HINT]: identity.length
								}
							}),
						used
					);
					entry.gzip = cached(cacheDir, `${hash}.gz`, () => gzipSync(identity, { level: 9 }), used);
					compressedNow += Date.now() - before;
					entry.encodedBy = 'bench server (cached)';
				}
			}
			files.set(url, entry);
		}
	}
	for (const name of readdirSync(cacheDir))
		if (/^[0-9a-f]{32}\.(br|gz)$/.test(name) && !used.has(name)) rmSync(join(cacheDir, name));
	log(
		`server: ${files.size} files held in memory in ${Date.now() - started} ms (compression ${compressedNow} ms)`
	);

	/** One row per response since the last `takeLog()`. */
	let requests = [];

	function resolveUrl(pathname) {
		if (files.has(pathname)) return pathname;
		if (pathname.endsWith('/') && files.has(`${pathname}index.html`))
			return `${pathname}index.html`;
		if (files.has(`${pathname}.html`)) return `${pathname}.html`;
		if (files.has(`${pathname}/index.html`)) return `${pathname}/index.html`;
		return null;
	}

	const server = createServer((req, res) => {
		const t0 = performance.now();
		let pathname;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			res.writeHead(400).end();
			return;
		}
		if (pathname.split('/').includes('..') || pathname.includes('\0')) {
			res.writeHead(400).end();
			return;
		}
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		const key = resolveUrl(pathname);
		if (!key) {
			const body = Buffer.from(`Not found: ${pathname}\n`);
			res.writeHead(404, {
				'Content-Type': 'text/plain; charset=utf-8',
				'Content-Length': body.length
			});
			res.end(req.method === 'HEAD' ? undefined : body);
			requests.push({
				path: pathname,
				status: 404,
				encoding: 'identity',
				bytes: body.length,
				rawBytes: body.length
			});
			return;
		}
		const file = files.get(key);
		// Like any static host: `no-cache` files are revalidated by ETag, so a repeat visit
		// downloads only what changed.
		const etag = `"${(file.etag ??= createHash('sha256').update(file.identity).digest('hex').slice(0, 24))}"`;
		if (req.headers['if-none-match'] === etag) {
			res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
			requests.push({
				path: pathname,
				file: key,
				status: 304,
				encoding: 'identity',
				bytes: 0,
				rawBytes: 0
			});
			return;
		}
		const accept = String(req.headers['accept-encoding'] ?? '');
		const accepted = new Set(
			accept
				.split(',')
				.map((part) => part.trim().split(';'))
				.filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
				.map(([name]) => name.trim().toLowerCase())
		);
		const accepts = (name) => accepted.has(name) || accepted.has('*');
		let encoding = 'identity';
		let body = file.identity;
		if (file.br && accepts('br')) {
			encoding = 'br';
			body = file.br;
		} else if (file.gzip && accepts('gzip')) {
			encoding = 'gzip';
			body = file.gzip;
		}
		const headers = {
			'Content-Type': file.type,
			'Content-Length': body.length,
			'Cache-Control': key.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
			'X-Content-Type-Options': 'nosniff',
			ETag: etag
		};
		if (file.br || file.gzip) headers['Vary'] = 'Accept-Encoding';
		if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
		res.writeHead(200, headers);
		const row = {
			path: pathname,
			file: key,
			status: 200,
			encoding,
			acceptEncoding: accept,
			bytes: req.method === 'HEAD' ? 0 : body.length,
			rawBytes: file.identity.length,
			gzipBytes: file.gzip?.length ?? file.identity.length,
			start: t0
		};
		requests.push(row);
		if (req.method === 'HEAD') res.end();
		else res.end(body, () => (row.ms = performance.now() - t0));
	});
	await new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', ok);
	});
	const { port } = server.address();
	return {
		origin: `http://127.0.0.1:${port}`,
		files,
		/** Responses since the last call. */
		takeLog() {
			const out = requests;
			requests = [];
			return out;
		},
		close: () => new Promise((ok) => server.close(() => ok()))
	};
}

/**
 * Relative `.js`/`.css` imports in the served HTML and app JS (not third-party assets) that point
 * at no served file in a folder that exists: a build changed under us while it was read (another
 * process building into build/).
 */
export function missingReferences(files) {
	const dirs = new Set([...files.keys()].map((u) => u.slice(0, u.lastIndexOf('/') + 1)));
	const missing = new Set();
	for (const [url, file] of files) {
		if (!/\.(html|m?js)$/.test(url) || url.includes('/assets/') || url.startsWith('/baseline/'))
			continue;
		const text = file.identity.toString('utf8');
		const base = new URL(url, 'http://x');
		for (const m of text.matchAll(/["'`]((?:\.\.?\/)+(?:[\w.@-]+\/)*[\w.@-]+\.(?:js|css))["'`]/g)) {
			const target = new URL(m[1], base).pathname;
			const dir = target.slice(0, target.lastIndexOf('/') + 1);
			if (dirs.has(dir) && !files.has(target)) missing.add(`${url} → ${target}`);
		}
	}
	return [...missing];
}

/** Which bucket of the cold-load byte split a URL path belongs to. */
export function categorize(path) {
	if (/\.wasm$/i.test(path)) return 'wasm';
	if (/\/data\/.+\.csv$/i.test(path)) return 'data';
	if (/duckdb[^/]*worker[^/]*\.js$/i.test(path)) return 'duckdbWorker';
	if (/\.m?js$/i.test(path)) return 'appJs';
	return 'other';
}
