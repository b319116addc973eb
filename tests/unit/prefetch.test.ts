/** Views one control away are computed ahead, so a change of scope finds its statements cached. */
import { beforeAll, describe, expect, test } from 'vitest';
import { statementKey } from '../../src/lib/data/cached-db';
import type { Db } from '../../src/lib/data/db';
import { loadExplorerView } from '../../src/lib/state/explorer-view';
import { neighbourStates, prefetchNeighbours } from '../../src/lib/state/prefetch';
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

/** A Db that records the statements it is asked. */
function counting(): { db: Db; asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		db: { ...db, query: (statement) => (asked.push(statementKey(statement)), db.query(statement)) }
	};
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
	test('after it, the views of a sector choice and of each other component ask nothing new', async () => {
		const { db: spy, asked } = counting();
		const start = state('month=2023-05');
		await loadExplorerView(spy, start, files);
		await prefetchNeighbours(spy, start, files, () => false, now);
		const known = new Set(asked);
		expect(known.size).toBeGreaterThan(0);
		asked.length = 0;
		const changes: Partial<UrlState>[] = [
			{ sectors: ['TCA'] },
			{ component: 'ofo' },
			{ component: 'all' }
		];
		for (const change of changes) await loadExplorerView(spy, applyChange(start, change), files);
		expect(asked.filter((s) => !known.has(s))).toEqual([]);
	});

	test('stops once cancelled: a newer state asks for its own neighbours', async () => {
		const { db: spy, asked } = counting();
		let pauses = 0;
		await prefetchNeighbours(
			spy,
			state(''),
			files,
			() => pauses > 1,
			async () => void pauses++
		);
		// The first neighbour's view was computed, then the change cancelled the rest.
		const afterFirst = new Set(asked);
		asked.length = 0;
		await loadExplorerView(spy, state('sector=SDC'), files);
		expect(asked.filter((s) => !afterFirst.has(s))).toEqual([]);
		await loadExplorerView(spy, state('component=ofo'), files);
		expect(asked.filter((s) => !afterFirst.has(s)).length).toBeGreaterThan(0);
	});
});
