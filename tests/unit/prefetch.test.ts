/** Views one control away are computed ahead, so a change of scope finds its statements cached. */
import { beforeAll, describe, expect, test } from 'vitest';
import { cachedDb, statementKey } from '../../src/lib/data/cached-db';
import type { Db } from '../../src/lib/data/db';
import { sql } from '../../src/lib/queries/sql';
import { loadExplorerView } from '../../src/lib/state/explorer-view';
import { neighbourStates, prefetchNeighbours, yieldingDb } from '../../src/lib/state/prefetch';
import {
	applyChange,
	parseUrlState,
	serializeUrlState,
	type UrlState
} from '../../src/lib/state/url-state';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const state = (query: string) => parseUrlState(new URLSearchParams(query)).state;
const now = () => Promise.resolve();

/** The engine behind a query cache, as in the browser, recording what reaches the engine. */
function engine(): { db: ReturnType<typeof cachedDb>; asked: string[] } {
	const asked: string[] = [];
	const counting: Db = {
		...db,
		query: (statement) => (asked.push(statementKey(statement)), db.query(statement))
	};
	return { db: cachedDb(counting, 1000), asked };
}

describe('neighbourStates', () => {
	test.each([
		['', ['?sector=SDC', '?component=ofo', '?component=all']],
		[
			'sector=TCA&month=2024-01',
			['?month=2024-01', '?month=2024-01&component=ofo', '?sector=TCA&month=2024-01&component=all']
		],
		[
			'component=ofo&region=northern',
			[
				'?sector=ofo-san-diego&region=northern',
				'?region=northern',
				'?component=all&region=northern'
			]
		]
	])('%s: a sector chosen or cleared, and each other component', (query, expected) => {
		expect(neighbourStates(state(query)).map((s) => serializeUrlState(s))).toEqual(expected);
	});
});

describe('prefetchNeighbours', () => {
	const start = state('month=2023-05');
	const changes: Partial<UrlState>[] = [
		{ sectors: ['TCA'] },
		{ component: 'ofo' },
		{ component: 'all' }
	];
	/** Statements the engine is asked for the views after `changes`, beyond those asked before. */
	async function askedByChanges(prefetch: boolean): Promise<string[]> {
		const { db: cached, asked } = engine();
		await loadExplorerView(cached, start, files);
		if (prefetch) await prefetchNeighbours(cached, start, files, () => false, now);
		const before = new Set(asked);
		for (const change of changes) await loadExplorerView(cached, applyChange(start, change), files);
		return asked.filter((s) => !before.has(s));
	}

	test('after it, the views of a sector choice and of each other component ask nothing new', async () => {
		expect(await askedByChanges(true)).toEqual([]);
		// Without it, the same changes do ask the engine.
		expect((await askedByChanges(false)).length).toBeGreaterThan(5);
	});

	test('stops once cancelled: a newer state asks for its own neighbours', async () => {
		const { db: cached, asked } = engine();
		let pauses = 0;
		await prefetchNeighbours(
			cached,
			state(''),
			files,
			() => pauses > 1,
			async () => void pauses++
		);
		// The first neighbour's view was computed, then the change cancelled the rest.
		const afterFirst = new Set(asked);
		asked.length = 0;
		await loadExplorerView(cached, state('sector=SDC'), files);
		expect(asked.filter((s) => !afterFirst.has(s))).toEqual([]);
		await loadExplorerView(cached, state('component=ofo'), files);
		expect(asked.filter((s) => !afterFirst.has(s)).length).toBeGreaterThan(0);
	});
});

describe('yieldingDb', () => {
	/** A fake engine whose queries answer only when told, with the cache's in-flight count. */
	function slowEngine() {
		const waiting: { text: string; answer: () => void }[] = [];
		const raw: Db = {
			...db,
			query: (statement) =>
				new Promise((resolve) =>
					waiting.push({ text: statement.text.trim(), answer: () => resolve([]) })
				)
		};
		return { cached: cachedDb(raw), waiting };
	}
	const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

	test('sends one statement at a time, and none while another query is in flight', async () => {
		const { cached, waiting } = slowEngine();
		const user = cached.query(sql`SELECT 'user'`);
		const polite = yieldingDb(cached, () => false, tick);
		const first = polite.query(sql`SELECT 1`);
		const second = polite.query(sql`SELECT 2`);
		await tick();
		await tick();
		expect(waiting.map((w) => w.text)).toEqual([`SELECT 'user'`]);
		waiting[0].answer();
		await user;
		await tick();
		await tick();
		expect(waiting.map((w) => w.text)).toEqual([`SELECT 'user'`, 'SELECT 1']);
		waiting[1].answer();
		await first;
		await tick();
		await tick();
		expect(waiting.map((w) => w.text)).toEqual([`SELECT 'user'`, 'SELECT 1', 'SELECT 2']);
		waiting[2].answer();
		await second;
	});

	test('once cancelled, sends nothing more and rejects what waits', async () => {
		const { cached, waiting } = slowEngine();
		let cancelled = false;
		const polite = yieldingDb(cached, () => cancelled, tick);
		const first = polite.query(sql`SELECT 1`);
		const second = polite.query(sql`SELECT 2`);
		await tick();
		expect(waiting).toHaveLength(1);
		cancelled = true;
		waiting[0].answer();
		await first;
		await expect(second).rejects.toThrow();
		expect(waiting).toHaveLength(1);
	});
});
