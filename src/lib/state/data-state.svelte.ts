/**
 * Loading of the bundled data into the one in-browser DuckDB, with progress for the loading view,
 * and the coordinator every statement goes through, told of each change of data. DuckDB and the
 * loader are imported dynamically so that neither runs during prerender.
 */
import { Coordinator } from '../coordinator/coordinator';
import type { Db } from '../db/db';
import type { LoadProgress } from '../db/load';
import type { Manifest, ManifestFile } from '../domain/manifest';
import type { ResultStore } from '../db/result-store';
import type { UploadPlan } from '../upload/load-upload';
import type { Ready, UploadQueue } from '../upload/upload-queue';
import type { ValidationResult } from '../upload/validate';

export interface FileProgress {
	file: ManifestFile;
	stage: LoadProgress['stage'] | 'waiting';
	bytesLoaded: number;
}

export class DataState {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	progress = $state<FileProgress[]>([]);
	error = $state<string | null>(null);
	/** Runs every statement: from its cache, the build-time results or the engine. */
	readonly coordinator: Coordinator;
	/** Counts changes of the data the coordinator answers from: loads re-run on each. */
	version = $state(0);
	/** True once every file is in the engine (its answers are final). */
	complete = $state(false);
	/** Every file loaded: the bundled ones, then uploads in the order they were added. */
	files = $state.raw<ManifestFile[]>([]);
	uploads = $state<UploadReport[]>([]);
	/** Set before the engine starts by a page whose first view names states (`loadSteps`). */
	statesFirst = false;
	#stored: ResultStore | null = null;
	#raw: Db | null = null;
	/** Resolves with the engine once every bundled file is in: uploads are planned against it. */
	#loaded = deferred<Db>();
	/** Made on the first upload: the explorer never loads the upload code. */
	#queue: Promise<UploadQueue> | null = null;
	/** Per upload: its cancel switch, and its plan once made. */
	readonly #handles = new Map<string, { abort: AbortController; ready: Ready | null }>();

	/** `baseUrl`: where the bundled files are served from. */
	constructor(
		readonly manifest: Manifest,
		private readonly baseUrl = ''
	) {
		// A statement nothing else answers starts the engine.
		this.coordinator = new Coordinator({ onEngineNeeded: () => void this.start() });
		// Uploads waiting on data that failed to load fail with it, not forever.
		this.#loaded.promise.catch(() => {});
		this.files = manifest.files;
		this.progress = manifest.files.map((file) => ({ file, stage: 'waiting', bytesLoaded: 0 }));
	}

	/** No file beyond the bundled ones has been loaded. */
	get bundledOnly(): boolean {
		return this.files.length === this.manifest.files.length;
	}

	/** Whether files with these sha256 sums, in order, are exactly the bundled ones. */
	isBundledSet(sha256: string[]): boolean {
		return sha256.join() === this.manifest.files.map((f) => f.sha256).join();
	}

	/**
	 * Statement results computed at build time over these very files (from the first page that
	 * carries their index): the coordinator answers from them while only bundled files are loaded.
	 */
	useStoredResults(store: ResultStore): void {
		if (this.#stored || !this.bundledOnly) return;
		this.#stored = store;
		this.#use({ store });
	}

	#use(sources: Parameters<Coordinator['use']>[0]): void {
		this.coordinator.use(sources);
		this.version++;
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
	 * is drawn while the large CSV releases are still arriving; then the rest. Each step is new
	 * data for the coordinator (`version`), so every load re-runs on the data then loaded. Months
	 * whose winning file is not loaded yet are pending (null), never answered from another file.
	 */
	async start(): Promise<void> {
		if (this.status === 'loading' || this.status === 'ready') return;
		this.status = 'loading';
		this.error = null;
		try {
			const [{ browserDb }, load, { fetchBundledFile }] = await Promise.all([
				import('../db/duckdb-browser'),
				import('../db/load'),
				import('../db/fetch-file')
			]);
			const files = this.manifest.files;
			const onProgress = (p: LoadProgress) => {
				const i = this.progress.findIndex((f) => f.file.id === p.file.id);
				this.progress[i] = { file: p.file, stage: p.stage, bytesLoaded: p.bytesLoaded };
			};
			const fetched = load.fetchAll(files, fetchBundledFile(this.baseUrl), onProgress);
			const db = await browserDb();
			// Marks for the benchmark and for DevTools: where cold-load time goes.
			performance.mark('bse:duckdb-ready');
			this.#raw = db;
			await load.prepareDatabase(db);
			const loaded = new Set<string>();
			for (const [i, step] of loadSteps(files, this.statesFirst).entries()) {
				await load.ingestFiles(db, step, fetched, onProgress);
				performance.mark(`bse:step-${i + 1}-ingested`);
				for (const f of step) loaded.add(f.id);
				await load.buildViews(db, files, loaded);
				performance.mark(`bse:step-${i + 1}-views`);
				this.complete = loaded.size === files.length;
				this.#use({ engine: db, complete: this.complete });
				this.status = 'ready';
				// DuckDB runs one statement at a time: let the first view's queries go before the
				// large files are read, so the first numbers are not queued behind them.
				await quiet(this.coordinator);
			}
			this.#loaded.resolve(db);
		} catch (error) {
			this.error = message(error);
			this.status = 'error';
			const failure = new Error(`The bundled data could not be loaded: ${this.error}`);
			this.coordinator.fail(failure);
			this.#loaded.reject(failure);
		}
	}

	/**
	 * Checks a user's CSV in a worker (with progress; `cancel` stops it), then plans it against
	 * the loaded data: every month and scope it would replace, with totals before and after. It is
	 * loaded only when the user confirms (`confirm`), all or nothing; a refused, cancelled or
	 * failed file leaves the loaded data exactly as it was.
	 */
	async addUpload(name: string, size: number, read: () => Promise<Uint8Array>): Promise<void> {
		// The id is taken before the file is read or checked: files chosen together never share one.
		const queue = await this.#uploadQueue();
		const id = queue.nextId();
		const abort = new AbortController();
		this.#handles.set(id, { abort, ready: null });
		this.uploads.push({
			id,
			fileName: name,
			status: 'checking',
			summary: 'Checking every row…',
			progress: 0,
			overlap: null,
			plan: null,
			validation: null,
			reconciliation: null,
			error: null
		});
		const entry = this.uploads[this.uploads.length - 1];
		try {
			const [{ sizeProblem }, { validateInWorker }] = await Promise.all([
				import('../upload/validate'),
				import('../upload/validate-in-worker')
			]);
			const tooLarge = sizeProblem(name, size);
			if (tooLarge) return void Object.assign(entry, { status: 'refused', summary: tooLarge });
			const bytes = await read();
			const result = await validateInWorker(
				name,
				bytes,
				(fraction) => (entry.progress = fraction),
				abort.signal
			);
			Object.assign(entry, {
				validation: result,
				progress: null,
				summary: result.summary || result.errors.join(' ')
			});
			if (!result.ok) return void (entry.status = 'refused');
			entry.status = 'planning';
			if (!this.complete) entry.summary += '. Waiting for the bundled data to compare it with…';
			const prepared = await queue.prepare(id, result, bytes);
			if (abort.signal.aborted) return;
			if (!prepared.ok)
				return void Object.assign(entry, { status: 'refused', summary: prepared.reason });
			this.#handles.get(id)!.ready = prepared;
			Object.assign(entry, {
				status: 'planned',
				summary: result.summary,
				overlap: prepared.overlap.lines,
				plan: prepared.plan
			});
		} catch (error) {
			if (abort.signal.aborted) return;
			Object.assign(entry, { status: 'failed', progress: null, error: message(error) });
		}
	}

	#uploadQueue(): Promise<UploadQueue> {
		this.#queue ??= import('../upload/upload-queue').then(
			({ UploadQueue }) => new UploadQueue(() => this.#loaded.promise, this.manifest.files)
		);
		return this.#queue;
	}

	/** Stops checking a file, or drops a planned one: nothing is loaded. */
	cancel(id: string): void {
		const entry = this.uploads.find((u) => u.id === id);
		if (!entry || !['checking', 'planning', 'planned'].includes(entry.status)) return;
		this.#handles.get(id)?.abort.abort();
		this.#handles.delete(id);
		Object.assign(entry, {
			status: 'cancelled',
			progress: null,
			summary: `${entry.fileName}: cancelled; nothing was loaded.`
		});
	}

	/** Loads a planned upload (after any load confirmed before it). */
	async confirm(id: string): Promise<void> {
		const entry = this.uploads.find((u) => u.id === id);
		const ready = this.#handles.get(id)?.ready;
		if (!entry || !ready || entry.status !== 'planned') return;
		entry.status = 'loading';
		this.#handles.delete(id);
		const queue = await this.#uploadQueue();
		try {
			const loaded = await queue.load(ready);
			this.files = queue.files;
			// The build-time results no longer describe the data.
			this.#use({ engine: this.#raw, complete: true, store: null });
			entry.reconciliation = {
				rowsRead: ready.result.rowsRead,
				rowsLoaded: loaded.totals.rows,
				rowsRejected: ready.result.rowsRejected,
				sumParsed: ready.result.countSum,
				sumLoaded: loaded.totals.sum
			};
			entry.status = 'loaded';
		} catch (error) {
			Object.assign(entry, { status: 'failed', error: message(error) });
		}
		// The data changed: what the other planned files would replace is said again.
		for (const [other, handle] of this.#handles) {
			if (!handle.ready) continue;
			const replanned = await queue.replan(handle.ready);
			const report = this.uploads.find((u) => u.id === other);
			if (!report || report.status !== 'planned' || this.#handles.get(other) !== handle) continue;
			handle.ready = replanned;
			Object.assign(report, { plan: replanned.plan, overlap: replanned.overlap.lines });
		}
	}
}

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
	return { promise, resolve, reject };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What became of one uploaded file, for the upload panel. */
export interface UploadReport {
	id: string;
	fileName: string;
	/** `planned` waits for the user to confirm or cancel. */
	status:
		'checking' | 'planning' | 'planned' | 'loading' | 'loaded' | 'refused' | 'failed' | 'cancelled';
	/** Layout, coverage and rows recognised, or why it was refused. */
	summary: string;
	/** Share of the file checked (0–1) while checking. */
	progress: number | null;
	/** How it overlaps what was loaded, and which months it now supplies: one sentence a fact. */
	overlap: string[] | null;
	/** Every month and scope it would replace or add, with totals before and after. */
	plan: UploadPlan | null;
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

/**
 * Files under a megabyte first (they answer the default view), then the large releases, then the
 * state releases: they answer only views of USBP and OFO together after the AOR releases end, so
 * the AOR releases' views do not wait for them. A view of states reads only the state releases:
 * with `statesFirst` they come before the AOR releases.
 */
export function loadSteps(files: ManifestFile[], statesFirst = false): ManifestFile[][] {
	const small = files.filter((f) => f.bytes < 1_000_000);
	const large = files.filter((f) => f.bytes >= 1_000_000 && f.layout !== 'state');
	const byState = files.filter((f) => f.bytes >= 1_000_000 && f.layout === 'state');
	return (statesFirst ? [small, byState, large] : [small, large, byState]).filter(
		(step) => step.length
	);
}
