import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const dataDir = resolve('data');

/** The CSVs named in data/manifest.json: the only files the app may fetch. */
function manifestFiles(): string[] {
	const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
	return manifest.files.map((f: { path: string }) => f.path);
}

/**
 * Serves `data/` at `/data/` in dev and copies the manifest's files into the client build, so the
 * project keeps one copy of each CBP file (in `data/`) and never imports a CSV as a JS module.
 */
export function serveProjectData(): Plugin {
	let ssrBuild = false;
	return {
		name: 'serve-project-data',
		configResolved(config) {
			ssrBuild = Boolean(config.build.ssr);
		},
		configureServer(server) {
			server.middlewares.use('/data', (req, res, next) => {
				const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
				if (!manifestFiles().includes(name)) return next();
				res.setHeader('Content-Type', 'text/csv; charset=utf-8');
				createReadStream(join(dataDir, name)).pipe(res);
			});
		},
		generateBundle() {
			if (ssrBuild) return;
			for (const name of manifestFiles()) {
				const source = readFileSync(join(dataDir, name));
				this.emitFile({ type: 'asset', fileName: `data/${name}`, source });
				// The adapter precompresses code and wasm but not CSVs: do it here, for hosts that
				// serve `.br`/`.gz` siblings.
				if (process.env.PRECOMPRESS === '0') continue;
				this.emitFile({
					type: 'asset',
					fileName: `data/${name}.gz`,
					source: gzipSync(source, { level: 9 })
				});
				this.emitFile({
					type: 'asset',
					fileName: `data/${name}.br`,
					source: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
				});
			}
		}
	};
}
