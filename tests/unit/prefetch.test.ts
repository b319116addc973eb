/** Views one control away are asked ahead, so a change of scope finds its statements kept. */
import { beforeAll, describe, expect, test } from 'vitest';
import { Coordinator } from '../../src/lib/coordinator/coordinator';
import type { Db } from '../../src/lib/db/db';
import { statementKey } from '../../src/lib/db/sql';
import { loadEverything } from '../../src/lib/figures/loads';
import { neighbourStates, prefetchNeighbours } from '../../src/lib/state/prefetch';
import {
	applyChange,
	parseUrlState,
	serializeUrlState,
	type UrlState
} from '../../src/lib/filters/url-state';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const state = (query: string) => parseUrlState(new URLSearchParams(query)).state;
const now = () => Promise.resolve();

/** The engine behind the coordinator, as in the browser, recording what reaches the engine. */
function engine(): { coordinator: Coordinator; asked: string[] } {
	const asked: string[] = [];
	const counting: Db = {
		...db,
		query: (statement) => (asked.push(statementKey(statement)), db.query(statement))
	};
	const coordinator = new Coordinator({ capacity: 2000 });
	coordinator.use({ engine: counting, complete: true });
	return { coordinator, asked };
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
		const { coordinator, asked } = engine();
		await loadEverything(coordinator.db(), start, files);
		if (prefetch)
			await prefetchNeighbours(
				coordinator,
				new AbortController().signal,
				start,
				files,
				loadEverything,
				now
			);
		const before = new Set(asked);
		for (const change of changes)
			await loadEverything(coordinator.db(), applyChange(start, change), files);
		return asked.filter((s) => !before.has(s));
	}

	test('after it, the views of a sector choice and of each other component ask nothing new', async () => {
		expect(await askedByChanges(true)).toEqual([]);
		// Without it, the same changes do ask the engine.
		expect((await askedByChanges(false)).length).toBeGreaterThan(5);
	});

	test('stops once aborted: a newer state asks for its own neighbours', async () => {
		const { coordinator, asked } = engine();
		const controller = new AbortController();
		let pauses = 0;
		await prefetchNeighbours(
			coordinator,
			controller.signal,
			state(''),
			files,
			loadEverything,
			async () => {
				if (++pauses > 0) controller.abort();
			}
		);
		expect(asked).toEqual([]);
		await loadEverything(coordinator.db(), state('component=ofo'), files);
		expect(asked.length).toBeGreaterThan(0);
	});
});
