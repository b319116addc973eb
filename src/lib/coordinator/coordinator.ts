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
import type { Db } from '../db/db';
import { StoreMiss } from '../db/result-store';
import { statementKey, type Sql } from '../db/sql';

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

/** How a request may be answered. */
export interface Request {
	priority?: Priority;
	/** Aborted when a newer state made the request stale. */
	signal?: AbortSignal;
	/**
	 * Only from the engine: for a load that must not mix the build-time results (every file) with
	 * the answers of an engine that holds only some files (see `Query`).
	 */
	engineOnly?: boolean;
}

/** A statement asked for and not yet answered. */
interface Pending {
	statement: Sql;
	key: string;
	/** `key`, and whether it is answered by the engine only. */
	id: string;
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
	/** The build-time results' answers kept, least recently used first. */
	readonly #stored = new Map<string, unknown[]>();
	/** The engine's answers kept (on the data it holds now), least recently used first. */
	readonly #answered = new Map<string, Answer>();
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
		if (next.store !== this.#sources.store) this.#stored.clear();
		this.#sources = next;
		if (engineChanged) {
			this.#generation++;
			this.#failure = null;
			this.#answered.clear();
		}
		this.#pump();
	}

	/** The engine could not start: what waits for it fails with `error`. */
	fail(error: Error): void {
		this.#failure = error;
		for (const p of [...this.#pending.values()])
			if (p.stage === 'queued') this.#settle(p, () => p.reject(error));
	}

	/**
	 * The rows of `statement`: kept, pending, from the build-time results, or from the engine, in
	 * that order; a final answer before one of an engine that holds only some files.
	 */
	answer(statement: Sql, { priority = 'view', signal, engineOnly = false }: Request = {}) {
		if (signal?.aborted) return Promise.reject<Answer>(new Stale());
		const key = statementKey(statement);
		const stored = engineOnly ? undefined : recent(this.#stored, key);
		if (stored) return Promise.resolve<Answer>({ rows: stored, final: true });
		const answered = recent(this.#answered, key);
		if (answered && (answered.final || engineOnly || !this.#sources.store))
			return Promise.resolve(answered);
		const id = `${engineOnly ? 'engine' : 'any'}\u0000${key}`;
		const pending = this.#pending.get(id) ?? this.#ask(statement, key, id, priority, engineOnly);
		return this.#wait(pending, priority, signal);
	}

	/** A `Db` whose statements go through the coordinator with one request's options. */
	db(request: Request = {}): Db {
		return {
			query: async <T>(statement: Sql) => (await this.answer(statement, request)).rows as T[],
			registerFile: () => Promise.reject(new Error('files are loaded by the data state')),
			dropFile: () => Promise.reject(new Error('files are loaded by the data state'))
		};
	}

	#ask(statement: Sql, key: string, id: string, priority: Priority, engineOnly: boolean): Pending {
		let resolve!: Pending['resolve'];
		let reject!: Pending['reject'];
		const answer = new Promise<Answer>((res, rej) => ([resolve, reject] = [res, rej]));
		// Each request sees it through `#wait`; this one only keeps it from going unhandled.
		answer.catch(() => {});
		const pending: Pending = {
			statement,
			key,
			id,
			priority,
			waiting: 0,
			stage: 'store',
			answer,
			resolve,
			reject
		};
		this.#pending.set(id, pending);
		const store = engineOnly ? null : this.#sources.store;
		(store ? store.query(statement) : Promise.reject(new StoreMiss('no stored results'))).then(
			(rows) =>
				this.#settle(pending, () => {
					this.#keep(this.#stored, key, rows);
					resolve({ rows, final: true });
				}),
			(error) => {
				if (!(error instanceof StoreMiss)) return this.#settle(pending, () => reject(error));
				// An answer of the engine kept meanwhile (it holds only some files) will do.
				const answered = this.#answered.get(key);
				if (answered) return this.#settle(pending, () => resolve(answered));
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

	/** Keeps `value` under `key` in `map`, dropping the least recently used beyond capacity. */
	#keep<V>(map: Map<string, V>, key: string, value: V): void {
		map.set(key, value);
		if (map.size > (this.options.capacity ?? 400)) map.delete(map.keys().next().value!);
	}

	#settle(pending: Pending, finish: () => void): void {
		if (this.#pending.get(pending.id) === pending) this.#pending.delete(pending.id);
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
					this.#settle(pending, () => {
						const answer = { rows, final: complete };
						// Computed on data since replaced: it answers who asked, and is not kept.
						if (generation === this.#generation) this.#keep(this.#answered, pending.key, answer);
						pending.resolve(answer);
					}),
				(error) => this.#settle(pending, () => pending.reject(error))
			)
			.finally(() => {
				this.#running = false;
				this.#pump();
			});
	}
}

/** `map`'s value under `key`, marked as the most recently used. */
function recent<V>(map: Map<string, V>, key: string): V | undefined {
	const value = map.get(key);
	if (value !== undefined) {
		map.delete(key);
		map.set(key, value);
	}
	return value;
}
