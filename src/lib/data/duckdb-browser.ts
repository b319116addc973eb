/**
 * The app's one DuckDB-wasm instance, started once in a Web Worker from bundles served by our own
 * origin. Only ever imported dynamically in the browser: never during SSR or prerender.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Db } from './db';
import { plainRows } from './db';
import type { Sql } from '../queries/sql';

const START_TIMEOUT_MS = 30_000;

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
	return {
		async query<T>(statement: Sql): Promise<T[]> {
			if (statement.params.length === 0) return plainRows<T>(await conn.query(statement.text));
			const prepared = await conn.prepare(statement.text);
			try {
				return plainRows<T>(await prepared.query(...statement.params));
			} finally {
				await prepared.close();
			}
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			await db.dropFile(name);
		}
	};
}
