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

	async start(baseUrl: string): Promise<void> {
		if (this.status === 'loading' || this.status === 'ready') return;
		this.status = 'loading';
		this.error = null;
		try {
			const [{ browserDb }, { loadFiles }, { fetchBundledFile }] = await Promise.all([
				import('../data/duckdb-browser'),
				import('../data/load'),
				import('../data/fetch-file')
			]);
			const db = await browserDb();
			await loadFiles(db, this.manifest.files, fetchBundledFile(baseUrl), (p) => {
				const i = this.progress.findIndex((f) => f.file.id === p.file.id);
				this.progress[i] = { file: p.file, stage: p.stage, bytesLoaded: p.bytesLoaded };
			});
			this.db = db;
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}
}
