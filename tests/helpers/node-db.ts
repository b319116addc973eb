/** A Node DuckDB loaded with the bundled files through the app's own loader (same SQL as the browser). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { connectNodeDb, startNodeEngine, type NodeEngine } from '../../src/lib/db/duckdb-node';
import { loadFiles } from '../../src/lib/db/load';
import type { Manifest, ManifestFile } from '../../src/lib/domain/manifest';

export const manifestFiles = (JSON.parse(readFileSync('data/manifest.json', 'utf8')) as Manifest)
	.files;

let bundled: Promise<Db> | null = null;

/**
 * The bundled files, loaded once per worker and shared by its test files: on an engine of its
 * own, whichever test asks first (never one that goes back to `idle`).
 */
export function bundledDb(): Promise<Db> {
	bundled ??= startNodeEngine().then((engine) =>
		loadInto(connectNodeDb(engine), manifestFiles, (f) => readFileSync(join('data', f.path)))
	);
	return bundled;
}

/** A fresh database loaded with the given files, read by `read`. */
export async function loadedDb(
	files: ManifestFile[],
	read: (file: ManifestFile) => Uint8Array | string
): Promise<Db> {
	return loadInto(await emptyDb(), files, read);
}

async function loadInto(
	db: Db,
	files: ManifestFile[],
	read: (file: ManifestFile) => Uint8Array | string
): Promise<Db> {
	await loadFiles(db, files, async (file) => {
		const bytes = read(file);
		return typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
	});
	return db;
}

/** Engines whose test has finished, their database and files dropped. */
const idle: NodeEngine[] = [];

/**
 * A DuckDB with nothing in it. Starting an engine takes about a second (the wasm module's
 * linking, every time); a new empty database on a started one about 0.1 s. So a database made
 * inside a test runs on an engine that a finished test left, and leaves it when its own test
 * finishes: reset (a new in-memory database, every connection to the old one gone) and with
 * no file registered. One made outside a test (a file's shared database) keeps its engine.
 */
export async function emptyDb(): Promise<Db> {
	const engine = idle.pop() ?? (await startNodeEngine());
	try {
		onTestFinished(() => {
			engine.dropFiles();
			engine.reset();
			idle.push(engine);
		});
	} catch {
		// Not inside a test: the engine stays with this database.
	}
	return connectNodeDb(engine);
}
