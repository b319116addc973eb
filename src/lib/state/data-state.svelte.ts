/**
 * Loading of the bundled data into the one in-browser DuckDB, with progress for the loading view.
 * DuckDB and the loader are imported dynamically so that neither runs during prerender.
 */
import type { Db } from '../data/db';
import type { LoadProgress } from '../data/load';
import type { Manifest, ManifestFile } from '../data/manifest';

export interface FileProgress {
	file: ManifestFile;
	stage: LoadProgress['stage'] | 'waiting';
	bytesLoaded: number;
}

export class DataState {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	progress = $state<FileProgress[]>([]);
	error = $state<string | null>(null);
	db = $state.raw<Db | null>(null);
	/** False while some files are still loading after the first view was drawn. */
	complete = $state(false);

	constructor(readonly manifest: Manifest) {
		this.progress = manifest.files.map((file) => ({ file, stage: 'waiting', bytesLoaded: 0 }));
	}

	get bytesTotal(): number {
		return this.manifest.files.reduce((a, f) => a + f.bytes, 0);
	}

	get bytesLoaded(): number {
		return this.progress.reduce((a, p) => a + p.bytesLoaded, 0);
	}

	get filesDone(): number {
		return this.progress.filter((p) => p.stage === 'done').length;
	}

	/**
	 * Loads in two steps: the small files first, so the first view (whose months come from them)
	 * is drawn while the large CSV releases are still arriving; then the rest. Each step gives a
	 * new `db` handle with an empty cache, so every view re-runs on the data then loaded. Months
	 * whose winning file is not loaded yet are pending (null), never answered from another file.
	 */
	async start(baseUrl: string): Promise<void> {
		if (this.status === 'loading' || this.status === 'ready') return;
		this.status = 'loading';
		this.error = null;
		try {
			const [{ browserDb }, load, { fetchBundledFile }, { cachedDb }] = await Promise.all([
				import('../data/duckdb-browser'),
				import('../data/load'),
				import('../data/fetch-file'),
				import('../data/cached-db')
			]);
			const files = this.manifest.files;
			const onProgress = (p: LoadProgress) => {
				const i = this.progress.findIndex((f) => f.file.id === p.file.id);
				this.progress[i] = { file: p.file, stage: p.stage, bytesLoaded: p.bytesLoaded };
			};
			const fetched = load.fetchAll(files, fetchBundledFile(baseUrl), onProgress);
			const db = await browserDb();
			await load.prepareDatabase(db);
			const loaded = new Set<string>();
			for (const step of loadSteps(files)) {
				await load.ingestFiles(db, step, fetched, onProgress);
				for (const f of step) loaded.add(f.id);
				await load.buildViews(db, files, loaded);
				this.complete = loaded.size === files.length;
				this.db = cachedDb(db);
				this.status = 'ready';
			}
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}
}

/** Files under a megabyte first (they answer the default view), then the large releases. */
export function loadSteps(files: ManifestFile[]): ManifestFile[][] {
	const small = files.filter((f) => f.bytes < 1_000_000);
	const large = files.filter((f) => f.bytes >= 1_000_000);
	return [small, large].filter((step) => step.length);
}
