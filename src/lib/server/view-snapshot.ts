/**
 * The default view computed at build time: the app's own loader and view queries, run by the same
 * DuckDB engine (its Node build) over the bundled CBP files. The prerendered page carries the
 * result, so the first paint needs neither the engine nor the CSVs; the browser's DuckDB answers
 * everything else. Only ever run by prerender (and tests), never shipped to the browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledManifest } from '../data/bundled-manifest';
import { createNodeDb } from '../data/duckdb-node';
import { loadFiles } from '../data/load';
import type { Manifest } from '../data/manifest';
import { citizenshipOptions } from '../queries/options';
import { loadExplorerView, type ViewSnapshot } from '../state/explorer-view';
import { DEFAULT_URL_STATE, serializeUrlState } from '../state/url-state';

let bundled: Promise<ViewSnapshot> | null = null;

/** The bundled files' snapshot, computed once per build however many pages carry it. */
export function bundledViewSnapshot(): Promise<ViewSnapshot> {
	bundled ??= viewSnapshot();
	return bundled;
}

export async function viewSnapshot(
	manifest: Manifest = bundledManifest,
	dataDir = 'data'
): Promise<ViewSnapshot> {
	const db = await createNodeDb();
	await loadFiles(
		db,
		manifest.files,
		async (file) => new Uint8Array(await readFile(join(dataDir, file.path)))
	);
	const files = new Map(manifest.files.map((f) => [f.id, f]));
	const [view, citizenships] = await Promise.all([
		loadExplorerView(db, DEFAULT_URL_STATE, files),
		citizenshipOptions(db)
	]);
	return {
		state: serializeUrlState(DEFAULT_URL_STATE),
		sha256: manifest.files.map((f) => f.sha256),
		view,
		citizenships
	};
}
