/**
 * The app's one DuckDB-wasm instance, started once in a Web Worker from bundles served by our own
 * origin. Only ever imported dynamically in the browser: never during SSR or prerender.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Db } from './db';
import { plainRows } from './db';
import type { Sql } from './sql';

const START_TIMEOUT_MS = 30_000;
const MAX_PREPARED = 64;

let started: Promise<Db> | null = null;

export function browserDb(): Promise<Db> {
	started ??= start().catch((error) => {
		started = null;
		throw error;
	});
	return started;
}

async function start(): Promise<Db> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A worker that fails to load (wrong MIME type for .wasm, blocked script) never resolves
	// `instantiate`: turn that into an error the page can show.
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) =>
			reject(new Error(`The DuckDB worker failed to start: ${e.message || 'unknown error'}`))
		);
		setTimeout(
			() => reject(new Error('The DuckDB engine did not start within 30 seconds.')),
			START_TIMEOUT_MS
		);
	});
	await Promise.race([db.instantiate(bundle.mainModule), failed]);
	const conn = await db.connect();
	// Each message to the worker is a round trip; a statement prepared once and kept open costs
	// one per query instead of three (prepare, run, close). Views ask the same few statements.
	const statements = new PreparedStatements((text) => conn.prepare(text), MAX_PREPARED);
	return {
		async query<T>(statement: Sql): Promise<T[]> {
			if (statement.params.length === 0) return plainRows<T>(await conn.query(statement.text));
			return plainRows<T>(await statements.run(statement.text, statement.params));
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			await db.dropFile(name);
		}
	};
}

interface PreparedEntry {
	statement: Promise<duckdb.AsyncPreparedStatement>;
	running: number;
}

/** Prepared statements by text, the least recently used closed once no query is running on it. */
class PreparedStatements {
	#entries = new Map<string, PreparedEntry>();
	#retired = new Set<PreparedEntry>();

	constructor(
		readonly prepare: (text: string) => Promise<duckdb.AsyncPreparedStatement>,
		readonly capacity: number
	) {}

	async run(text: string, params: readonly unknown[]): Promise<Table> {
		let entry = this.#entries.get(text);
		if (entry) this.#entries.delete(text);
		else entry = { statement: this.prepare(text), running: 0 };
		this.#entries.set(text, entry);
		if (this.#entries.size > this.capacity) this.#retire(this.#entries.keys().next().value!);
		entry.running++;
		try {
			return await (await entry.statement).query(...params);
		} catch (error) {
			// A statement that failed is prepared afresh next time.
			if (this.#entries.get(text) === entry) this.#retire(text);
			throw error;
		} finally {
			entry.running--;
			this.#closeIdle();
		}
	}

	#retire(text: string): void {
		this.#retired.add(this.#entries.get(text)!);
		this.#entries.delete(text);
		this.#closeIdle();
	}

	#closeIdle(): void {
		for (const entry of this.#retired) {
			if (entry.running) continue;
			this.#retired.delete(entry);
			entry.statement.then((s) => s.close()).catch(() => {});
		}
	}
}
