/**
 * `validateCsv` in a worker of its own, with progress; aborting `signal` stops the worker at once.
 * Browser only (the Node scripts and tests call `validateCsv` directly).
 */
import type { ValidationResult } from './validate';

export function validateInWorker(
	name: string,
	bytes: Uint8Array,
	onProgress: (fraction: number) => void,
	signal: AbortSignal
): Promise<ValidationResult> {
	const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ValidationResult>((resolve, reject) => {
		const stop = () => reject(new DOMException(`${name}: cancelled`, 'AbortError'));
		signal.addEventListener('abort', stop, { once: true });
		worker.onmessage = ({ data }) => {
			if ('progress' in data) return onProgress(data.progress);
			resolve(data.result);
		};
		worker.onerror = (e) => reject(new Error(`${name}: the check failed: ${e.message}`));
		// A copy, not a transfer: the bytes are still needed for the checksum and the load.
		worker.postMessage({ name, bytes });
	}).finally(() => worker.terminate());
}
