/**
 * Uploads from a checked file to loaded data, one at a time. Each file gets its id when it is
 * added, before anything is awaited, so files chosen together never share an id (nor a table);
 * plans and loads run one after another, so each is made against the data the previous one left.
 */
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import {
	loadUpload,
	planUpload,
	sha256,
	uploadEntry,
	type LoadedUpload,
	type UploadPlan
} from './load-upload';
import { overlap, type OverlapReport } from './overlap';
import type { ValidationResult } from './validate';

export type Prepared =
	| { ok: false; reason: string }
	| {
			ok: true;
			entry: ManifestFile;
			result: ValidationResult;
			overlap: OverlapReport;
			/** The checked rows as DuckDB will read them. */
			canonical: Uint8Array;
			plan: UploadPlan;
	  };

export type Ready = Extract<Prepared, { ok: true }>;

export class UploadQueue {
	#count = 0;
	#chain: Promise<unknown> = Promise.resolve();
	/** The files loaded: the bundled ones, then each upload in the order it was loaded. */
	files: ManifestFile[];

	/** `db` resolves once the bundled files are loaded. */
	constructor(
		private readonly db: () => Promise<Db>,
		files: ManifestFile[]
	) {
		this.files = files;
	}

	/** The id (and DuckDB table) of the next upload. */
	nextId(): string {
		return `upload_${++this.#count}`;
	}

	/** Runs `task` after every task queued before it, whether they succeeded or not. */
	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#chain.then(task, task);
		this.#chain = run.catch(() => {});
		return run;
	}

	#identical(sha: string): ManifestFile | undefined {
		return this.files.find((f) => f.sha256 === sha);
	}

	/** From a checked file to its plan, or why it is not loaded. */
	async prepare(id: string, result: ValidationResult, bytes: Uint8Array): Promise<Prepared> {
		if (!result.ok || result.canonical === null) return { ok: false, reason: result.summary };
		const sha = await sha256(bytes);
		const same = this.#identical(sha);
		if (same)
			return {
				ok: false,
				reason: `${result.summary}. It is identical to ${same.label} (the same SHA-256), which is already loaded: nothing to load.`
			};
		if (result.role !== 'encounters')
			return {
				ok: false,
				reason: `${result.summary}. Recognised, but not loaded: the explorer's views are built from CBP's AOR releases and the project's sector files.`
			};
		return this.#serial(async () => {
			const report = overlap(result, this.files);
			const entry = uploadEntry(result, report, sha, id);
			return {
				ok: true,
				entry,
				result,
				overlap: report,
				canonical: new TextEncoder().encode(result.canonical!),
				plan: await planUpload(await this.db(), entry, result, this.files)
			};
		});
	}

	/** The plan again, against the data as it is now (another upload may have loaded since). */
	replan(ready: Ready): Promise<Ready> {
		return this.#serial(async () => ({
			...ready,
			overlap: overlap(ready.result, this.files),
			plan: await planUpload(await this.db(), ready.entry, ready.result, this.files)
		}));
	}

	/** Loads a planned upload, all or nothing, after every load queued before it. */
	load(ready: Ready): Promise<LoadedUpload> {
		return this.#serial(async () => {
			const same = this.#identical(ready.entry.sha256);
			if (same)
				throw new Error(
					`${ready.entry.path} is identical to ${same.label}, which was loaded meanwhile: nothing to load.`
				);
			const loaded = await loadUpload(
				await this.db(),
				ready.entry,
				ready.canonical,
				this.files,
				ready.result
			);
			this.files = [...this.files, ready.entry];
			return loaded;
		});
	}
}
