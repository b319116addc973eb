/**
 * One declared load (the page's, a figure's) for the current state, through the coordinator. A
 * newer `run` aborts the older one: its statements not yet sent are dropped and its result is
 * never shown. It records the statements its load asked, which the figure's downloads offer
 * (exactly the statements that gave its rows), and whether every answer was final.
 */
import { untrack } from 'svelte';
import type { Db } from '../db/db';
import { statementKey, type Sql } from '../db/sql';
import type { Coordinator, Priority } from './coordinator';

export class Query<T> {
	// Raw: results are replaced whole, never mutated, so deep proxies would only cost time.
	value = $state.raw<T | undefined>(undefined);
	error = $state.raw<Error | null>(null);
	pending = $state(false);
	/** True when every statement of the value shown came from a final source. */
	final = $state(false);
	/** The statements behind the value shown, in the order first asked. */
	statements = $state.raw<Sql[]>([]);
	#controller: AbortController | null = null;

	constructor(private readonly coordinator: Coordinator) {}

	run(load: (db: Db) => Promise<T>, priority: Priority = 'view'): void {
		this.#controller?.abort();
		const controller = (this.#controller = new AbortController());
		const signal = controller.signal;
		this.pending = true;
		this.#attempt(load, priority, signal, false).then(
			({ value, statements, final }) => {
				if (signal.aborted) return;
				this.value = value;
				this.error = null;
				this.final = final;
				this.statements = statements;
				this.pending = false;
			},
			(error: unknown) => {
				if (signal.aborted) return;
				this.error = error instanceof Error ? error : new Error(String(error));
				this.final = false;
				this.pending = false;
			}
		);
	}

	/**
	 * Runs `load` once, recording its statements. Answers from the build-time results (every file)
	 * and from an engine that holds only some files must not meet in one value (a month could
	 * be answerable in one and still loading in the other): such a load runs again, all from the
	 * engine.
	 */
	async #attempt(
		load: (db: Db) => Promise<T>,
		priority: Priority,
		signal: AbortSignal,
		engineOnly: boolean
	): Promise<{ value: T; statements: Sql[]; final: boolean }> {
		const asked = new Map<string, Sql>();
		let final = false;
		let partial = false;
		const db: Db = {
			...this.coordinator.db(),
			query: async <R>(statement: Sql) => {
				asked.set(statementKey(statement), statement);
				const answer = await this.coordinator.answer(statement, { priority, signal, engineOnly });
				if (answer.final) final = true;
				else partial = true;
				return answer.rows as R[];
			}
		};
		const value = await load(db);
		if (final && partial && !engineOnly) return this.#attempt(load, priority, signal, true);
		return { value, statements: [...asked.values()], final: !partial };
	}

	/** The key of the last run (see `follow`). */
	key = $state<string | null>(null);

	/**
	 * Call inside an effect: runs `load` for `key` unless the final value for `key` is shown,
	 * and again on each change of `data` (read only while the value is not final).
	 */
	follow(
		key: string,
		data: () => unknown,
		load: (db: Db) => Promise<T>,
		priority: Priority = 'view'
	): void {
		if (key === untrack(() => this.key) && untrack(() => this.final && !this.pending)) return;
		data();
		untrack(() => {
			this.key = key;
			this.run(load, priority);
		});
	}

	/** Stops the current run: nothing it has not sent is sent. */
	cancel(): void {
		this.#controller?.abort();
		this.#controller = null;
		this.pending = false;
	}
}
