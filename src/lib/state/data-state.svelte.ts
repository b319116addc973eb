/**
 * Loading of the bundled data into the one in-browser DuckDB, with progress for the loading view.
 * DuckDB and the loader are imported dynamically so that neither runs during prerender.
 */
import type { CachedDb } from '../data/cached-db';
import type { Db } from '../data/db';
import type { LoadProgress } from '../data/load';
import type { Manifest, ManifestFile } from '../data/manifest';
import type { StatementSnapshot } from '../data/snapshot-db';
import type { ValidationResult } from '../data/upload/validate';

export interface FileProgress {
	file: ManifestFile;
	stage: LoadProgress['stage'] | 'waiting';
	bytesLoaded: number;
}

export class DataState {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	progress = $state<FileProgress[]>([]);
	error = $state<string | null>(null);
	/** The engine behind its query cache, once the first files are in. */
	db = $state.raw<CachedDb | null>(null);
	/** False while some files are still loading after the first view was drawn. */
	complete = $state(false);
	/** Every file loaded: the bundled ones, then uploads in the order they were added. */
	files = $state.raw<ManifestFile[]>([]);
	uploads = $state<UploadReport[]>([]);
	#raw: Db | null = null;
	#seed: [string, unknown[]][] = [];

	constructor(readonly manifest: Manifest) {
		this.files = manifest.files;
		this.progress = manifest.files.map((file) => ({ file, stage: 'waiting', bytesLoaded: 0 }));
	}

	/**
	 * Statement results computed at build time over these very files: once every file is loaded,
	 * the engine's cache starts with them (ignored if the files differ).
	 */
	seed(snapshot: StatementSnapshot): void {
		if (this.isBundledSet(snapshot.sha256)) this.#seed = snapshot.statements;
	}

	/** No file beyond the bundled ones has been loaded. */
	get bundledOnly(): boolean {
		return this.files.length === this.manifest.files.length;
	}

	/** Whether files with these sha256 sums, in order, are exactly the bundled ones. */
	isBundledSet(sha256: string[]): boolean {
		return sha256.join() === this.manifest.files.map((f) => f.sha256).join();
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
			// Marks for the benchmark and for DevTools: where cold-load time goes.
			performance.mark('bse:duckdb-ready');
			this.#raw = db;
			await load.prepareDatabase(db);
			const loaded = new Set<string>();
			for (const [i, step] of loadSteps(files).entries()) {
				await load.ingestFiles(db, step, fetched, onProgress);
				performance.mark(`bse:step-${i + 1}-ingested`);
				for (const f of step) loaded.add(f.id);
				await load.buildViews(db, files, loaded);
				performance.mark(`bse:step-${i + 1}-views`);
				this.complete = loaded.size === files.length;
				const handle = cachedDb(db, undefined, this.complete ? this.#seed : []);
				this.db = handle;
				this.status = 'ready';
				// DuckDB runs one statement at a time: let the first view's queries go before the
				// large files are read, so the first numbers are not queued behind them.
				await quiet(handle);
			}
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}

	/**
	 * Checks a user's CSV and, if every row passes, loads it beside the bundled files (all or
	 * nothing). A refused or failed file leaves the loaded data exactly as it was.
	 */
	async addUpload(name: string, size: number, read: () => Promise<Uint8Array>): Promise<void> {
		const report: UploadReport = {
			fileName: name,
			status: 'checking',
			summary: 'Checking…',
			overlap: null,
			validation: null,
			reconciliation: null,
			error: null
		};
		this.uploads.push(report);
		const entry = this.uploads[this.uploads.length - 1];
		const v = await import('../data/upload/validate');
		const tooLarge = v.sizeProblem(name, size);
		if (tooLarge) {
			Object.assign(entry, { status: 'refused', summary: tooLarge });
			return;
		}
		const bytes = await read();
		const result = v.validateCsv(name, size, bytes);
		entry.validation = result;
		entry.summary = result.summary || result.errors.join(' ');
		if (!result.ok) {
			entry.status = 'refused';
			return;
		}
		const overlap = v.overlap(result, this.files);
		entry.overlap = overlap.summary;
		if (result.role !== 'encounters') {
			Object.assign(entry, {
				status: 'refused',
				summary: `${result.summary}. Recognised, but not loaded: the explorer's views are built from CBP's AOR releases and the project's sector files.`
			});
			return;
		}
		if (!this.#raw || this.status !== 'ready' || !this.complete) {
			Object.assign(entry, {
				status: 'failed',
				error: 'Wait until the bundled data has finished loading, then add the file again.'
			});
			return;
		}
		try {
			const { uploadEntry, loadUpload } = await import('../data/upload/load-upload');
			const { cachedDb } = await import('../data/cached-db');
			const file = await uploadEntry(result, overlap, bytes, this.uploads.length);
			const loaded = await loadUpload(this.#raw, file, bytes, this.files);
			this.files = [...this.files, file];
			this.db = cachedDb(this.#raw);
			entry.reconciliation = {
				rowsRead: result.rowsRead,
				rowsLoaded: loaded.totals.rows,
				rowsRejected: result.rowsRejected,
				sumParsed: result.countSum,
				sumLoaded: loaded.totals.sum
			};
			entry.status = 'loaded';
		} catch (error) {
			Object.assign(entry, {
				status: 'failed',
				error: error instanceof Error ? error.message : String(error)
			});
		}
	}
}

/** What became of one uploaded file, for the upload panel. */
export interface UploadReport {
	fileName: string;
	status: 'checking' | 'loaded' | 'refused' | 'failed';
	/** Layout, coverage and rows recognised, or why it was refused. */
	summary: string;
	/** How it overlaps what was loaded, and which months it now supplies. */
	overlap: string | null;
	validation: ValidationResult | null;
	/** Rows read and sum of counts by papaparse against DuckDB's, when loaded. */
	reconciliation: {
		rowsRead: number;
		rowsLoaded: number;
		rowsRejected: number;
		sumParsed: number;
		sumLoaded: number;
	} | null;
	error: string | null;
}

/** Resolves once no query has been in flight for two checks in a row (at most two seconds). */
async function quiet(db: { readonly inFlight: number }): Promise<void> {
	const tick = () => new Promise((resolve) => setTimeout(resolve, 16));
	let calm = 0;
	for (let i = 0; i < 125 && calm < 2; i++) {
		await tick();
		calm = db.inFlight === 0 ? calm + 1 : 0;
	}
}

/** Files under a megabyte first (they answer the default view), then the large releases. */
export function loadSteps(files: ManifestFile[]): ManifestFile[][] {
	const small = files.filter((f) => f.bytes < 1_000_000);
	const large = files.filter((f) => f.bytes >= 1_000_000);
	return [small, large].filter((step) => step.length);
}
