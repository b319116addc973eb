/**
 * The build-time results (`db/result-store.ts`): the app's own loader and view statements, run
 * by the same DuckDB engine (its Node build) over the bundled CBP files for the states people link
 * to — every component × region with its per-area series and every split, each demographic,
 * title and encounter type, each citizenship at the Southwest border, and states in each region
 * — each statement kept
 * with its rows. Prerender writes them as files under `results/`; a page draws any of these views,
 * in any month and range and with any areas of the scope, before the browser's DuckDB or a single
 * CSV has arrived. Only ever run by prerender (and tests).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { building, version } from '$app/environment';
import { bundledManifest } from '../domain/bundled-manifest';
import { createNodeDb } from '../db/duckdb-node';
import type { Db } from '../db/db';
import { loadFiles } from '../db/load';
import type { Manifest } from '../domain/manifest';
import { encodeResult, resultName, type ResultIndex, type StoredResult } from '../db/result-store';
import { DEMOGRAPHICS, ENCOUNTER_TYPES, TITLES } from '../domain/vocabulary';
import { Coordinator } from '../coordinator/coordinator';
import { statementKey } from '../db/sql';
import { citizenshipOptions } from '../queries/options';
import { loadEverything } from '../figures/loads';
import {
	DEFAULT_URL_STATE,
	defaultSplit,
	SPLITS,
	type ComponentChoice,
	type RegionChoice,
	type UrlState
} from '../filters/url-state';

const COMPONENTS: ComponentChoice[] = ['usbp', 'ofo', 'all'];
const REGIONS: RegionChoice[] = ['southwest', 'northern', 'other', 'all'];

/**
 * Areas that keep a scope as it is when chosen (`filtersOf` narrows the scope to the chosen
 * areas' components and regions): a view with them asks the scope's per-area statements.
 */
function areasKeeping(component: ComponentChoice, region: RegionChoice): string[] {
	const usbp = {
		southwest: ['EPT'],
		northern: ['BLW'],
		other: ['MIP'],
		all: ['EPT', 'BLW', 'MIP']
	};
	if (component === 'usbp') return usbp[region];
	if (component === 'ofo') return ['ofo-laredo'];
	return [...usbp[region], 'ofo-laredo'];
}

/** The states whose statements are stored. */
export function linkedStates(citizenships: string[]): Partial<UrlState>[] {
	const states: Partial<UrlState>[] = [];
	const breakdowns: Partial<UrlState>[] = [
		{},
		...Object.keys(DEMOGRAPHICS).map((demographic) => ({ demographic })),
		...Object.keys(TITLES).map((title) => ({ title: title as UrlState['title'] })),
		...Object.keys(ENCOUNTER_TYPES).map((type) => ({ type: type as UrlState['type'] }))
	];
	for (const component of COMPONENTS)
		for (const region of REGIONS) {
			const scope = { component, region };
			for (const split of SPLITS) states.push({ ...scope, split });
			for (const breakdown of breakdowns) {
				states.push({ ...scope, ...breakdown });
				states.push({ ...scope, ...breakdown, sectors: areasKeeping(component, region) });
			}
		}
	for (const component of COMPONENTS)
		for (const citizenship of citizenships)
			states.push({ component, region: 'southwest', citizenship });
	// A view of states sums the per-state rows of its scope (both components, a region), so one
	// state stands for any choice of them; the state releases hold demographics.
	for (const region of REGIONS)
		for (const breakdown of [
			{},
			...Object.keys(DEMOGRAPHICS).map((demographic) => ({ demographic }))
		])
			states.push({ component: 'all', region, states: ['TX'], ...breakdown });
	return states;
}

let bundled: Promise<Map<string, StoredResult>> | null = null;

/**
 * SvelteKit runs a build's server code in two threads: analysis asks `entries()` (every result's
 * name), then prerender writes the results. The first computes them and leaves them in a file
 * named by the build's version; the second takes that file (and removes it) instead of running
 * every statement again. The dev server computes its own and leaves nothing.
 */
const handoff = join(tmpdir(), `border-stats-results-${version}.json`);

/** The bundled files' results by name, computed once per build however many routes ask. */
export function bundledResults(): Promise<Map<string, StoredResult>> {
	bundled ??= takeHandoff().then(async (kept) => {
		if (kept) return kept;
		const results = await computeResults();
		if (building) await writeFile(handoff, JSON.stringify([...results]));
		return results;
	});
	return bundled;
}

async function takeHandoff(): Promise<Map<string, StoredResult> | null> {
	try {
		const kept = new Map<string, StoredResult>(JSON.parse(await readFile(handoff, 'utf8')));
		await rm(handoff, { force: true });
		return kept;
	} catch {
		return null;
	}
}

export async function computeResults(
	manifest: Manifest = bundledManifest,
	dataDir = 'data',
	states?: Partial<UrlState>[]
): Promise<Map<string, StoredResult>> {
	const engine = await createNodeDb();
	await loadFiles(
		engine,
		manifest.files,
		async (file) => new Uint8Array(await readFile(join(dataDir, file.path)))
	);
	// Through a coordinator that keeps everything: the states share most statements, each run once.
	const coordinator = new Coordinator({ capacity: Infinity });
	coordinator.use({ engine, complete: true });
	const { db, statements } = recordingDb(coordinator.db());
	const files = new Map(manifest.files.map((f) => [f.id, f]));
	const citizenships = (await citizenshipOptions(db)).map((c) => c.slug);
	for (const state of states ?? linkedStates(citizenships)) {
		const full = { ...DEFAULT_URL_STATE, ...state };
		// A link without split= splits by the first dimension its filter leaves open.
		await loadEverything(db, { ...full, split: state.split ?? defaultSplit(full) }, files);
	}
	const sha256 = manifest.files.map((f) => f.sha256);
	const results = new Map<string, StoredResult>();
	for (const [key, rows] of statements)
		results.set(resultName(sha256, key), encodeResult(key, rows as Record<string, unknown>[]));
	return results;
}

/** Wraps `db` so that every statement it answers is kept. */
function recordingDb(db: Db): { db: Db; statements: Map<string, unknown[]> } {
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

/** What a page carries: the names of the bundled results, for exactly the bundled files. */
export async function bundledResultIndex(): Promise<ResultIndex> {
	return {
		sha256: bundledManifest.files.map((f) => f.sha256),
		names: [...(await bundledResults()).keys()]
	};
}
