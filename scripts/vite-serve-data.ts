import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
				this.emitFile({
					type: 'asset',
					fileName: `data/${name}`,
					source: readFileSync(join(dataDir, name))
				});
			}
		}
	};
}
