/**
 * The one way the app's statements are answered. Figures, the headline and every page ask
 * through it, and it answers each statement from the first of:
 *  1. its cache of recent results (by statement text and parameters), or the same statement
 *     already on its way;
 *  2. the build-time results, while the data are exactly the bundled files;
 *  3. the engine (DuckDB-wasm), one statement at a time: figures in view before figures out of
 *     view before prefetching. A request whose signal aborts (a newer state made it stale) is
 *     dropped before it is sent.
 * A statement nothing can answer yet waits for the engine, and `onEngineNeeded` is called.
 */
import type { Db } from '../data/db';
import { StoreMiss } from '../data/result-store';
import { statementKey, type Sql } from '../queries/sql';

/** In the order the engine serves them. */
export const PRIORITIES = ['view', 'offscreen', 'prefetch'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Rows, and whether they are final: from the build-time results or the fully loaded engine. */
export interface Answer {
	rows: unknown[];
	final: boolean;
}

export interface Sources {
	/** The engine with the files loaded so far; null before it has started. */
	engine: Db | null;
	/** True once the engine holds every file: its answers are then final. */
	complete: boolean;
	/** The build-time results, only for exactly the loaded files (a miss is a `StoreMiss`). */
	store: Pick<Db, 'query'> | null;
}

/** Thrown to a request whose signal aborted before its statement was sent. */
export class Stale extends Error {
	constructor() {
		super('a newer state made this statement stale');
	}
}

/** A statement asked for and not yet answered. */
interface Pending {
	statement: Sql;
	key: string;
	/** The most urgent of its requests. */
	priority: Priority;
	/** Requests still waiting for it: one left unsent with none is dropped. */
	waiting: number;
	stage: 'store' | 'queued' | 'running';
	answer: Promise<Answer>;
	resolve: (answer: Answer) => void;
	reject: (error: unknown) => void;
}

export class Coordinator {
	#sources: Sources = { engine: null, complete: false, store: null };
	/** Answers kept, least recently used first; with whether the build-time results gave it. */
	readonly #cache = new Map<string, Answer & { stored: boolean }>();
	readonly #pending = new Map<string, Pending>();
	/** Counts changes of data: an answer computed on earlier data is not kept. */
	#generation = 0;
	#running = false;
	/** Set when the engine could not start: what needs it fails with this until a new engine. */
	#failure: Error | null = null;

	constructor(private readonly options: { capacity?: number; onEngineNeeded?: () => void } = {}) {}

	/** Statements waiting for or running on the engine. */
	get inFlight(): number {
		let n = 0;
		for (const p of this.#pending.values()) if (p.stage !== 'store') n++;
		return n;
	}

	/**
	 * New sources. A new engine, or the same one with more files, means new data: the engine's
	 * answers kept are forgotten (the build-time results' stay while the store does), and the
	 * statements waiting go to it.
	 */
	use(sources: Partial<Sources>): void {
		const next = { ...this.#sources, ...sources };
		const engineChanged =
			next.engine !== this.#sources.engine || next.complete !== this.#sources.complete;
		const storeChanged = next.store !== this.#sources.store;
		this.#sources = next;
		if (engineChanged || storeChanged) {
			this.#generation++;
			this.#failure = null;
			for (const [key, answer] of this.#cache)
				if (storeChanged || !answer.stored) this.#cache.delete(key);
		}
		this.#pump();
	}

	/** The engine could not start: what waits for it fails with `error`. */
	fail(error: Error): void {
		this.#failure = error;
		for (const p of [...this.#pending.values()])
			if (p.stage === 'queued') this.#settle(p, () => p.reject(error));
	}

	answer(
		statement: Sql,
		{ priority = 'view', signal }: { priority?: Priority; signal?: AbortSignal } = {}
	): Promise<Answer> {
		if (signal?.aborted) return Promise.reject(new Stale());
		const key = statementKey(statement);
		const kept = this.#cache.get(key);
		if (kept) {
			this.#cache.delete(key);
			this.#cache.set(key, kept);
			return Promise.resolve({ rows: kept.rows, final: kept.final });
		}
		const pending = this.#pending.get(key) ?? this.#ask(statement, key, priority);
		return this.#wait(pending, priority, signal);
	}

	/** A `Db` whose statements go through the coordinator with one priority and signal. */
	db(priority: Priority = 'view', signal?: AbortSignal): Db {
		return {
			query: async <T>(statement: Sql) =>
				(await this.answer(statement, { priority, signal })).rows as T[],
			registerFile: () => Promise.reject(new Error('files are loaded by the data state')),
			dropFile: () => Promise.reject(new Error('files are loaded by the data state'))
		};
	}

	#ask(statement: Sql, key: string, priority: Priority): Pending {
		let resolve!: Pending['resolve'];
		let reject!: Pending['reject'];
		const answer = new Promise<Answer>((res, rej) => ([resolve, reject] = [res, rej]));
		// Each request sees it through `#wait`; this one only keeps it from going unhandled.
		answer.catch(() => {});
		const pending: Pending = {
			statement,
			key,
			priority,
			waiting: 0,
			stage: 'store',
			answer,
			resolve,
			reject
		};
		this.#pending.set(key, pending);
		const generation = this.#generation;
		const store = this.#sources.store;
		(store ? store.query(statement) : Promise.reject(new StoreMiss('no stored results'))).then(
			(rows) =>
				this.#settle(pending, () => this.#keep(pending, { rows, final: true }, generation, true)),
			(error) => {
				if (!(error instanceof StoreMiss)) return this.#settle(pending, () => reject(error));
				if (this.#failure) return this.#settle(pending, () => reject(this.#failure));
				pending.stage = 'queued';
				if (!this.#sources.engine) this.options.onEngineNeeded?.();
				this.#pump();
			}
		);
		return pending;
	}

	/** One request's view of a pending statement: it alone is rejected when its signal aborts. */
	#wait(pending: Pending, priority: Priority, signal?: AbortSignal): Promise<Answer> {
		pending.waiting++;
		if (PRIORITIES.indexOf(priority) < PRIORITIES.indexOf(pending.priority))
			pending.priority = priority;
		if (!signal) return pending.answer;
		return new Promise<Answer>((resolve, reject) => {
			pending.answer.then(resolve, reject);
			signal.addEventListener('abort', () => {
				reject(new Stale());
				if (--pending.waiting > 0 || pending.stage !== 'queued') return;
				this.#settle(pending, () => pending.reject(new Stale()));
			});
		});
	}

	#keep(pending: Pending, answer: Answer, generation: number, stored = false): void {
		// Computed on data since replaced: it answers who asked, and is not kept.
		if (generation === this.#generation) {
			this.#cache.set(pending.key, { ...answer, stored });
			const capacity = this.options.capacity ?? 400;
			if (this.#cache.size > capacity) this.#cache.delete(this.#cache.keys().next().value!);
		}
		pending.resolve(answer);
	}

	#settle(pending: Pending, finish: () => void): void {
		if (this.#pending.get(pending.key) === pending) this.#pending.delete(pending.key);
		finish();
	}

	/** Sends the most urgent waiting statement once the engine is free. */
	#pump(): void {
		const engine = this.#sources.engine;
		if (!engine || this.#running) return;
		let next: Pending | null = null;
		for (const p of this.#pending.values())
			if (
				p.stage === 'queued' &&
				(!next || PRIORITIES.indexOf(p.priority) < PRIORITIES.indexOf(next.priority))
			)
				next = p;
		if (!next) return;
		const pending = next;
		pending.stage = 'running';
		this.#running = true;
		const { complete } = this.#sources;
		const generation = this.#generation;
		engine
			.query(pending.statement)
			.then(
				(rows) =>
					this.#settle(pending, () => this.#keep(pending, { rows, final: complete }, generation)),
				(error) => this.#settle(pending, () => pending.reject(error))
			)
			.finally(() => {
				this.#running = false;
				this.#pump();
			});
	}
}
