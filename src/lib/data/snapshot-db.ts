/**
 * Statement results computed at build time (`src/lib/server/view-snapshot.ts`), answered like a
 * database: the explorer runs its own view queries against them before the browser's DuckDB has
 * loaded anything. A statement that was not recorded is a `SnapshotMiss`; the explorer then asks
 * the loaded engine for the whole view instead.
 */
import { statementKey } from './cached-db';
import type { Db } from './db';

export interface StatementSnapshot {
	/** The sha256 of every file the statements ran over, in manifest order. */
	sha256: string[];
	/** Each statement's key (text and parameters) with its rows. */
	statements: [string, unknown[]][];
}

export class SnapshotMiss extends Error {}

export function snapshotDb(snapshot: StatementSnapshot): Db {
	const rows = new Map(snapshot.statements);
	return {
		query<T>(statement: { text: string; params: readonly unknown[] }) {
			const hit = rows.get(statementKey(statement));
			return hit
				? Promise.resolve(hit as T[])
				: Promise.reject(new SnapshotMiss('not in the build-time snapshot'));
		},
		registerFile: () => Promise.reject(new Error('the snapshot holds no files')),
		dropFile: () => Promise.reject(new Error('the snapshot holds no files'))
	};
}

/** Wraps `db` so that every statement it answers is kept, for a snapshot. */
export function recordingDb(db: Db): { db: Db; statements: Map<string, unknown[]> } {
	const statements = new Map<string, unknown[]>();
	return {
		statements,
		db: {
			async query<T>(statement: { text: string; params: readonly unknown[] }) {
				const result = await db.query<T>(statement as never);
				statements.set(statementKey(statement), result);
				return result;
			},
			registerFile: (name, bytes) => db.registerFile(name, bytes),
			dropFile: (name) => db.dropFile(name)
		}
	};
}
