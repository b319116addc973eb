/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Repeat visits and offline use. The hashed app files are immutable: online, the browser's HTTP
 * cache answers them, and this worker keeps a copy for when there is no network. DuckDB's wasm and
 * the build-time results (named by the data's sums and the statement) are answered from this
 * worker's cache. Everything else — pages, the manifest, the CBP CSVs — goes to the network first,
 * so a new data release replaces exactly the files that changed (the HTTP cache revalidates the
 * rest), and the cached copy answers when there is no network.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP = `app-${version}`;
/** Kept across versions: its entries are named by what they hold, or revalidated on each use. */
const DATA = 'data';
const PAGES = prerendered.filter((path) => !path.includes('/results/'));
// Only the pages and static files up front: the app's chunks and the wasm are kept once the pages
// have fetched them (see keepAll), so a first visit downloads nothing it does not use.
const PRECACHE = [...files, ...PAGES];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(APP)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== APP && k !== DATA).map((k) => caches.delete(k)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	// This version's own files go with it; results outlive versions (named by the data).
	if (build.includes(url.pathname) || files.includes(url.pathname)) {
		// Online, the browser's HTTP cache answers these hashed files sooner than the worker would
		// (100-150 ms on a repeat visit, measured): the worker keeps a copy once the page is loaded.
		// Not the wasm: too large for many HTTP caches (34 MB), and fetched after the first view.
		if (!navigator.onLine || url.pathname.endsWith('.wasm'))
			return event.respondWith(cacheFirst(request, APP));
		toKeep.add(request.url);
		keeping ??= later(KEEP_AFTER_MS).then(keepAll);
		event.waitUntil(keeping);
	} else if (url.pathname.includes('/results/')) event.respondWith(cacheFirst(request, DATA));
	else event.respondWith(networkFirst(request));
});

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
	const hit = await caches.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
	return response;
}

/** Hashed files the page fetched from the network, to copy for offline use. */
const toKeep = new Set<string>();
let keeping: Promise<void> | null = null;
/** Copying while the page loads would slow its requests: wait until it has. */
const KEEP_AFTER_MS = 3000;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Copies the files in `toKeep` not yet kept, from the HTTP cache only (the page's own fetches
 * filled it): never a second download. A file not there yet is kept on a later visit.
 */
async function keepAll(): Promise<void> {
	try {
		// Deleted by a newer version's activation: this version's files are no longer wanted.
		if (!(await caches.has(APP))) return toKeep.clear();
		const cache = await caches.open(APP);
		for (const url of toKeep) {
			toKeep.delete(url);
			try {
				if (await cache.match(url)) continue;
				const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
				if (response.ok) await cache.put(url, response);
			} catch {
				// Not in the HTTP cache, or the cache is full: the next visit tries again.
			}
		}
	} finally {
		keeping = null;
	}
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		// Pages are kept as installed: one copy each, whatever the query string.
		if (response.ok && request.mode !== 'navigate')
			(await caches.open(DATA)).put(request, response.clone());
		return response;
	} catch (error) {
		const hit = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
		if (hit) return hit;
		throw error;
	}
}
