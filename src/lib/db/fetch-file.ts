/**
 * Fetches a bundled data file from our own origin in a worker (`fetch.worker.ts`), reporting
 * bytes as they arrive. Browser only.
 */
import type { FetchReply, FetchRequest } from './fetch.worker';
import type { FetchFile } from './load';

interface Waiting {
	onBytes: (loaded: number) => void;
	resolve: (bytes: Uint8Array) => void;
	reject: (error: Error) => void;
}

/** One worker for every file, made on the first fetch. */
let worker: Worker | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function fetchWorker(): Worker {
	if (worker) return worker;
	const made = new Worker(new URL('./fetch.worker.ts', import.meta.url), { type: 'module' });
	made.onmessage = ({ data }: MessageEvent<FetchReply>) => {
		const w = waiting.get(data.id);
		if (!w) return;
		if ('loaded' in data) return w.onBytes(data.loaded);
		waiting.delete(data.id);
		if ('bytes' in data) {
			w.onBytes(data.bytes.length);
			w.resolve(data.bytes);
		} else w.reject(new Error(data.error));
	};
	const fail = (reason: string) => {
		// Every file waiting fails with it, and the next fetch makes a new worker.
		for (const w of waiting.values()) w.reject(new Error(`the fetch worker failed: ${reason}`));
		waiting.clear();
		made.terminate();
		if (worker === made) worker = null;
	};
	made.onerror = (e) => fail(e.message || 'it could not start');
	made.onmessageerror = () => fail('a file could not be passed to the page');
	return (worker = made);
}

export function fetchBundledFile(baseUrl: string): FetchFile {
	return (file, onBytes) => {
		const path = file.path.split('/').map(encodeURIComponent).join('/');
		// Absolute: the worker resolves relative URLs against its own script.
		const url = new URL(`${baseUrl}/data/${path}`, location.href).href;
		const id = nextId++;
		return new Promise<Uint8Array>((resolve, reject) => {
			waiting.set(id, { onBytes, resolve, reject });
			fetchWorker().postMessage({ id, url } satisfies FetchRequest);
		});
	};
}
