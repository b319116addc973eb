/** Fetches a bundled data file from our own origin, reporting bytes as they arrive. */
import type { FetchFile } from './load';

export function fetchBundledFile(baseUrl: string): FetchFile {
	return async (file, onBytes) => {
		const path = file.path.split('/').map(encodeURIComponent).join('/');
		const response = await fetch(`${baseUrl}/data/${path}`);
		if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
		if (!response.body) return new Uint8Array(await response.arrayBuffer());
		const chunks: Uint8Array[] = [];
		let loaded = 0;
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.length;
			onBytes(loaded);
		}
		const bytes = new Uint8Array(loaded);
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.length;
		}
		return bytes;
	};
}
