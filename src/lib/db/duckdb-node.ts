/**
 * The Node twin of the browser client: the same DuckDB-wasm engine (its blocking Node build) behind
 * the same `Db` interface, so unit tests and Node scripts run exactly the app's SQL.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Db } from './db';
import { plainRows } from './db';
import type { Sql } from './sql';

const require = createRequire(import.meta.url);
type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');
/** A started DuckDB-wasm engine: about a second to start, most of it the wasm module's linking. */
export type NodeEngine = Awaited<ReturnType<Blocking['createDuckDB']>>;

export async function startNodeEngine(): Promise<NodeEngine> {
	const duckdb: Blocking = require('@duckdb/duckdb-wasm/blocking');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/blocking'));
	const bundles = {
		mvp: {
			mainModule: join(dist, 'duckdb-mvp.wasm'),
			mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: join(dist, 'duckdb-eh.wasm'),
			mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
		}
	};
	const engine = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await engine.instantiate();
	return engine;
}

/** The `Db` of a new connection to the engine's database. */
export function connectNodeDb(engine: NodeEngine): Db {
	const conn = engine.connect();
	return {
		async query<T>(statement: Sql): Promise<T[]> {
			if (statement.params.length === 0) return plainRows<T>(conn.query(statement.text));
			const prepared = conn.prepare(statement.text);
			try {
				return plainRows<T>(prepared.query(...statement.params));
			} finally {
				prepared.close();
			}
		},
		async registerFile(name, bytes) {
			engine.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			engine.dropFile(name);
		}
	};
}

export async function createNodeDb(): Promise<Db> {
	return connectNodeDb(await startNodeEngine());
}
