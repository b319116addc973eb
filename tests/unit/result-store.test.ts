/**
 * The results stored at build time: the app's view statements over the bundled files, answered
 * without an engine. Views built from them are checked against values computed straight from the
 * CSVs; every stored result equals what DuckDB answers after ingesting the CSVs; a state the build
 * did not run is a `StoreMiss`, for the engine to answer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { Coordinator } from '../../src/lib/coordinator/coordinator';
import { monthKey } from '../../src/lib/domain/months';
import {
	decodeResult,
	resultName,
	resultStore,
	StoreMiss,
	type StoredResult
} from '../../src/lib/db/result-store';
import { bundledManifest } from '../../src/lib/domain/bundled-manifest';
import { computeResults, linkedStates } from '../../src/lib/server/result-store';
import { loadEverything } from '../../src/lib/figures/loads';
import { loadPageView } from '../../src/lib/state/page-view';
import { DEFAULT_URL_STATE, parseUrlState, type UrlState } from '../../src/lib/filters/url-state';
import { latestCoveredMonth, nextMonth } from '../helpers/expected';
import { filteredTotal } from '../helpers/expected-filters';
import { LINKED_STATES } from '../helpers/linked-states';
import { bundledDb, manifestFiles } from '../helpers/node-db';

const sha256 = manifestFiles.map((f) => f.sha256);
const files = new Map(manifestFiles.map((f) => [f.id, f]));
const explorerLinks = LINKED_STATES.filter((l) => !('embed' in l.meaning));
const stateOf = (path: string) => parseUrlState(new URL(path, 'http://x').searchParams).state;

/**
 * Whether an entry of the build's list stands for a link: the same scope and breakdowns, with
 * areas (sectors, states) chosen or not, whichever ones; and no split of its own.
 */
const standsFor =
	(link: UrlState) =>
	(entry: Partial<UrlState>): boolean => {
		const full = { ...DEFAULT_URL_STATE, ...entry };
		return (
			entry.split === undefined &&
			(['component', 'region', 'demographic', 'citizenship', 'title', 'type'] as const).every(
				(k) => full[k] === link[k]
			) &&
			!full.sectors.length === !link.sectors.length &&
			!full.states.length === !link.states.length
		);
	};
const buildList = linkedStates(['mexico']);

let results: Map<string, StoredResult>;
beforeAll(async () => {
	// For each of the bench's links, the entry of the build's list that stands for it (so a link's
	// own sectors, states, months and range are answered from another choice's statements).
	results = await computeResults(
		bundledManifest,
		'data',
		explorerLinks.map((l) => buildList.find(standsFor(stateOf(l.path)))!)
	);
}, 120_000);

/** A store that reads results as the browser does: through JSON. */
const store = () =>
	resultStore({ sha256, names: [...results.keys()] }, async (name) =>
		JSON.parse(JSON.stringify(results.get(name)))
	);

/** The coordinator with the store alone: a statement it needs the engine for fails. */
function storeOnly() {
	const coordinator: Coordinator = new Coordinator({
		onEngineNeeded: () => coordinator.fail(new StoreMiss('needs the engine'))
	});
	coordinator.use({ store: store() });
	return coordinator.db();
}

test('the results are named for exactly the bundled files', () => {
	const sums = manifestFiles.map((f) =>
		createHash('sha256')
			.update(readFileSync(join('data', f.path)))
			.digest('hex')
	);
	expect(bundledManifest.files.map((f) => f.sha256)).toEqual(sums);
	const [key] = [...results.values()].map((r) => r.key);
	expect(results.has(resultName(sums, key))).toBe(true);
	// Other data, other names: results of other files are never asked for.
	expect(resultName([...sums.slice(1), 'x'], key)).not.toBe(resultName(sums, key));
});

test.each(explorerLinks.map((l) => [l.id, l] as const))(
	'answers the shared link "%s" whole, with the numbers in the CSVs',
	async (_, link) => {
		const meaning = link.meaning as {
			month: string | null;
			spec: Parameters<typeof filteredTotal>[1];
		};
		const db = storeOnly();
		// Every figure's rows too, not only the page's.
		await loadEverything(db, stateOf(link.path), files);
		const v = await loadPageView(db, stateOf(link.path), files);
		const month = meaning.month ?? latestCoveredMonth();
		expect(monthKey(v.headline!.month)).toBe(month);
		expect(v.headline!.value).toBe(filteredTotal(month, meaning.spec));
		expect(v.headline!.baselineValue).toBe(filteredTotal(nextMonth(month, -12), meaning.spec));
		expect(v.pending).toBe(false);
	}
);

test('a state the build did not run is a StoreMiss', async () => {
	const state: UrlState = { ...stateOf('/?demographic=uc&title=42'), sectors: ['TCA'] };
	await expect(loadPageView(storeOnly(), state, files)).rejects.toBeInstanceOf(StoreMiss);
});

test('a stored result under another statement’s name is a StoreMiss, not an answer', async () => {
	const [name, other] = [...results.keys()];
	const swapped = resultStore({ sha256, names: [...results.keys()] }, async (n) =>
		results.get(n === name ? other : n)!
	);
	const { key } = results.get(name)!;
	const [text, params] = key.split('\u0000');
	await expect(swapped.query({ text, params: JSON.parse(params) })).rejects.toBeInstanceOf(
		StoreMiss
	);
});

test('every stored result equals what DuckDB answers over the ingested CSVs, key by key', async () => {
	const db = await bundledDb();
	for (const stored of results.values()) {
		const [text, params] = stored.key.split('\u0000');
		const fromCsv = await db.query({ text, params: JSON.parse(params) } as never);
		expect(decodeResult(JSON.parse(JSON.stringify(stored)))).toEqual(fromCsv);
	}
});

test('the build runs an entry standing for every shared link of the bench', () => {
	for (const link of explorerLinks)
		expect(buildList.some(standsFor(stateOf(link.path))), link.id).toBe(true);
});
