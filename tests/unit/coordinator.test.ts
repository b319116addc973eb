/**
 * The coordinator: one answer per statement, the build-time results before the engine, the
 * engine one statement at a time in priority order, stale requests dropped unsent, failures kept
 * to the statement that failed.
 */
import { describe, expect, test } from 'vitest';
import { Coordinator } from '../../src/lib/coordinator/coordinator';
import type { Db } from '../../src/lib/db/db';
import { StoreMiss } from '../../src/lib/db/result-store';
import { sql, type Sql } from '../../src/lib/db/sql';

/** An engine whose statements answer only when told (`answer`), recording what it was sent. */
function slowEngine() {
	const sent: string[] = [];
	const waiting: { text: string; answer: (rows?: unknown[]) => void; fail: (e: Error) => void }[] =
		[];
	const db: Db = {
		query: (statement) =>
			new Promise((resolve, reject) => {
				sent.push(statement.text);
				waiting.push({
					text: statement.text,
					answer: (rows = [{ text: statement.text }]) => resolve(rows as never),
					fail: reject
				});
			}),
		registerFile: async () => {},
		dropFile: async () => {}
	};
	/** Answers the statement sent first of those still waiting. */
	const next = async (rows?: unknown[]) => {
		await tick();
		waiting.shift()!.answer(rows);
		await tick();
	};
	return { db, sent, waiting, next };
}

/** A store that holds the statements whose text is in `texts`. */
function storeOf(texts: string[]) {
	const asked: string[] = [];
	return {
		asked,
		store: {
			async query<T>(statement: Sql) {
				asked.push(statement.text);
				if (!texts.includes(statement.text)) throw new StoreMiss('not stored');
				return [{ stored: statement.text }] as T[];
			}
		}
	};
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('Coordinator', () => {
	test('a statement asked twice, at once or later, reaches the engine once', async () => {
		const { db, sent, next } = slowEngine();
		const c = new Coordinator();
		c.use({ engine: db, complete: true });
		const [a, b] = [c.answer(sql`SELECT ${1}`), c.answer(sql`SELECT ${1}`)];
		await next();
		expect(await a).toEqual(await b);
		expect((await c.answer(sql`SELECT ${1}`)).rows).toBe((await a).rows);
		const other = c.answer(sql`SELECT ${2}`);
		await next();
		await other;
		expect(sent).toEqual(['SELECT ?', 'SELECT ?']);
	});

	test('the build-time results answer first, as final; a miss goes to the engine', async () => {
		const { db, sent, next } = slowEngine();
		const { store } = storeOf(['SELECT 1']);
		const c = new Coordinator();
		c.use({ engine: db, complete: false, store });
		expect(await c.answer(sql`SELECT 1`)).toEqual({ rows: [{ stored: 'SELECT 1' }], final: true });
		const missed = c.answer(sql`SELECT 2`);
		await next();
		// The engine holds only some files: its answer is not final.
		expect((await missed).final).toBe(false);
		expect(sent).toEqual(['SELECT 2']);
	});

	test('with no engine, a miss waits for it and asks for it to start', async () => {
		let needed = 0;
		const { store } = storeOf([]);
		const c = new Coordinator({ onEngineNeeded: () => needed++ });
		c.use({ store });
		const answer = c.answer(sql`SELECT 3`);
		await tick();
		expect(needed).toBe(1);
		const { db, sent, next } = slowEngine();
		c.use({ engine: db, complete: true });
		await next();
		expect((await answer).final).toBe(true);
		expect(sent).toEqual(['SELECT 3']);
	});

	test('the engine gets one statement at a time: in view, then out of view, then prefetch', async () => {
		const { db, sent, next } = slowEngine();
		const c = new Coordinator();
		c.use({ engine: db, complete: true });
		const first = c.answer(sql`SELECT 'first'`);
		await tick();
		const asked = [
			c.answer(sql`SELECT 'prefetch'`, { priority: 'prefetch' }),
			c.answer(sql`SELECT 'offscreen'`, { priority: 'offscreen' }),
			c.answer(sql`SELECT 'view'`, { priority: 'view' })
		];
		await tick();
		expect(sent).toEqual([`SELECT 'first'`]);
		for (let i = 0; i < 4; i++) await next();
		await Promise.all([first, ...asked]);
		expect(sent).toEqual([
			`SELECT 'first'`,
			`SELECT 'view'`,
			`SELECT 'offscreen'`,
			`SELECT 'prefetch'`
		]);
	});

	test('a request made stale is dropped unsent, unless another still waits for it', async () => {
		const { db, sent, next } = slowEngine();
		const c = new Coordinator();
		c.use({ engine: db, complete: true });
		const busy = c.answer(sql`SELECT 'busy'`);
		const [old, shared] = [new AbortController(), new AbortController()];
		const stale = c.answer(sql`SELECT 'stale'`, { signal: old.signal });
		const wanted = c.answer(sql`SELECT 'shared'`, { signal: shared.signal });
		const alsoWanted = c.answer(sql`SELECT 'shared'`);
		await tick();
		old.abort();
		shared.abort();
		await expect(stale).rejects.toThrow(/stale/);
		await expect(wanted).rejects.toThrow(/stale/);
		await next();
		await next();
		await busy;
		expect((await alsoWanted).rows).toEqual([{ text: `SELECT 'shared'` }]);
		expect(sent).toEqual([`SELECT 'busy'`, `SELECT 'shared'`]);
	});

	test('a failed statement fails only its requests, and is asked again next time', async () => {
		const { db, waiting, sent } = slowEngine();
		const c = new Coordinator();
		c.use({ engine: db, complete: true });
		const failing = c.answer(sql`SELECT 'bad'`);
		const fine = c.answer(sql`SELECT 'good'`);
		await tick();
		waiting.shift()!.fail(new Error('Binder Error'));
		await expect(failing).rejects.toThrow('Binder Error');
		await tick();
		waiting.shift()!.answer();
		expect((await fine).rows).toEqual([{ text: `SELECT 'good'` }]);
		const again = c.answer(sql`SELECT 'bad'`);
		await tick();
		waiting.shift()!.answer();
		await again;
		expect(sent).toEqual([`SELECT 'bad'`, `SELECT 'good'`, `SELECT 'bad'`]);
	});

	test('new data forgets the engine’s answers, not the build-time results’', async () => {
		const { db, sent, next } = slowEngine();
		const { store, asked } = storeOf(['SELECT 1']);
		const c = new Coordinator();
		c.use({ engine: db, complete: false, store });
		await c.answer(sql`SELECT 1`);
		const partial = c.answer(sql`SELECT 2`);
		await next();
		await partial;
		c.use({ complete: true });
		await c.answer(sql`SELECT 1`);
		const complete = c.answer(sql`SELECT 2`);
		await next();
		expect((await complete).final).toBe(true);
		expect(sent).toEqual(['SELECT 2', 'SELECT 2']);
		expect(asked.filter((t) => t === 'SELECT 1')).toHaveLength(1);
	});

	test('an engine-only request skips the build-time results; others prefer them to a partial engine', async () => {
		const { db, sent, next } = slowEngine();
		const { store } = storeOf(['SELECT 1']);
		const c = new Coordinator();
		c.use({ engine: db, complete: false, store });
		const fromEngine = c.answer(sql`SELECT 1`, { engineOnly: true });
		await next([{ partial: true }]);
		expect(await fromEngine).toEqual({ rows: [{ partial: true }], final: false });
		expect(await c.answer(sql`SELECT 1`)).toEqual({ rows: [{ stored: 'SELECT 1' }], final: true });
		expect(await c.answer(sql`SELECT 1`, { engineOnly: true })).toEqual({
			rows: [{ partial: true }],
			final: false
		});
		expect(sent).toEqual(['SELECT 1']);
	});

	test('once the engine cannot start, what waits for it fails with the reason', async () => {
		const c = new Coordinator();
		const waiting = c.answer(sql`SELECT 4`);
		await tick();
		c.fail(new Error('The bundled data could not be loaded: HTTP 404'));
		await expect(waiting).rejects.toThrow('HTTP 404');
		await expect(c.answer(sql`SELECT 5`)).rejects.toThrow('HTTP 404');
	});
});
