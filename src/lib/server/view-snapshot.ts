/**
 * The default scope's statements answered at build time: the app's own loader and view queries,
 * run by the same DuckDB engine (its Node build) over the bundled CBP files, each statement kept
 * with its rows. The prerendered page carries them, so the explorer draws any view they answer —
 * the default filter in any month, range, split or unit — before the browser's DuckDB or a single
 * CSV has arrived; the engine answers everything else. Only ever run by prerender (and tests).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledManifest } from '../data/bundled-manifest';
import { cachedDb } from '../data/cached-db';
import { createNodeDb } from '../data/duckdb-node';
import { loadFiles } from '../data/load';
import type { Manifest } from '../data/manifest';
import { recordingDb, type StatementSnapshot } from '../data/snapshot-db';
import { citizenshipOptions } from '../queries/options';
import { loadExplorerView } from '../state/explorer-view';
import { DEFAULT_URL_STATE, type SplitChoice } from '../state/url-state';

/** Every split of the composition figure, so a change of split is answered too. */
const SPLITS: SplitChoice[] = ['demographic', 'citizenship', 'title', 'type'];

let bundled: Promise<StatementSnapshot> | null = null;

/** The bundled files' snapshot, computed once per build however many pages carry it. */
export function bundledViewSnapshot(): Promise<StatementSnapshot> {
	bundled ??= viewSnapshot();
	return bundled;
}

export async function viewSnapshot(
	manifest: Manifest = bundledManifest,
	dataDir = 'data'
): Promise<StatementSnapshot> {
	const engine = await createNodeDb();
	await loadFiles(
		engine,
		manifest.files,
		async (file) => new Uint8Array(await readFile(join(dataDir, file.path)))
	);
	// Cached: the splits' views share most statements, each run once.
	const { db, statements } = recordingDb(cachedDb(engine));
	const files = new Map(manifest.files.map((f) => [f.id, f]));
	for (const split of SPLITS) await loadExplorerView(db, { ...DEFAULT_URL_STATE, split }, files);
	await citizenshipOptions(db);
	return { sha256: manifest.files.map((f) => f.sha256), statements: [...statements] };
}
