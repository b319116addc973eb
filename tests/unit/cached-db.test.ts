/** The query cache answers repeated statements from memory and forgets on clear or failure. */
import { describe, expect, test } from 'vitest';
import { cachedDb, statementKey } from '../../src/lib/data/cached-db';
import type { Db } from '../../src/lib/data/db';
import { sql } from '../../src/lib/queries/sql';

function countingDb(fail = false) {
	const calls: string[] = [];
	const db: Db = {
		async query<T>(s: { text: string; params: readonly unknown[] }) {
			calls.push(`${s.text}|${JSON.stringify(s.params)}`);
			if (fail) throw new Error('boom');
			return [{ n: calls.length }] as T[];
		},
		async registerFile() {},
		async dropFile() {}
	};
	return { db, calls };
}

describe('cachedDb', () => {
	test('a repeated statement with the same parameters runs once', async () => {
		const { db, calls } = countingDb();
		const cached = cachedDb(db);
		expect(await cached.query(sql`SELECT ${1}`)).toEqual(await cached.query(sql`SELECT ${1}`));
		expect(calls).toHaveLength(1);
	});

	test('different parameters run again', async () => {
		const { db, calls } = countingDb();
		const cached = cachedDb(db);
		await cached.query(sql`SELECT ${1}`);
		await cached.query(sql`SELECT ${2}`);
		expect(calls).toHaveLength(2);
	});

	test('clear forgets everything', async () => {
		const { db, calls } = countingDb();
		const cached = cachedDb(db);
		await cached.query(sql`SELECT 1`);
		cached.clear();
		await cached.query(sql`SELECT 1`);
		expect(calls).toHaveLength(2);
	});

	test('a failed query is not remembered', async () => {
		const { db, calls } = countingDb(true);
		const cached = cachedDb(db);
		await expect(cached.query(sql`SELECT 1`)).rejects.toThrow('boom');
		await expect(cached.query(sql`SELECT 1`)).rejects.toThrow('boom');
		expect(calls).toHaveLength(2);
	});

	test('keeps at most its capacity, evicting the least recently used', async () => {
		const { db, calls } = countingDb();
		const cached = cachedDb(db, 2);
		await cached.query(sql`SELECT 1`);
		await cached.query(sql`SELECT 2`);
		await cached.query(sql`SELECT 1`);
		await cached.query(sql`SELECT 3`);
		await cached.query(sql`SELECT 1`);
		expect(calls).toHaveLength(3);
		await cached.query(sql`SELECT 2`);
		expect(calls).toHaveLength(4);
	});

	test('seeded results are answered as they are, without running; others run', async () => {
		const { db, calls } = countingDb();
		const rows = [{ n: 42 }];
		const seeded = sql`SELECT ${42} AS n`;
		const cached = cachedDb(db, undefined, [[statementKey(seeded), rows]]);
		expect(await cached.query(seeded)).toBe(rows);
		expect(calls).toHaveLength(0);
		await cached.query(sql`SELECT ${1}`);
		expect(calls).toHaveLength(1);
	});
});
