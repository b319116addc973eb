/// <reference lib="webworker" />
/** Checks an upload off the main thread, so a large file never freezes the page. */
import { validateCsv } from './validate';

self.onmessage = ({ data }: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
	const result = validateCsv(data.name, data.bytes.length, data.bytes, {
		onProgress: (fraction) => self.postMessage({ progress: fraction })
	});
	self.postMessage({ result });
};
