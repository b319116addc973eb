/** A Node DuckDB loaded with the bundled files through the app's own loader (same SQL as the browser). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { loadFiles } from '../../src/lib/db/load';
import type { Manifest, ManifestFile } from '../../src/lib/domain/manifest';

export const manifestFiles = (JSON.parse(readFileSync('data/manifest.json', 'utf8')) as Manifest)
	.files;

let bundled: Promise<Db> | null = null;

/** One database per test file, loaded once. */
export function bundledDb(): Promise<Db> {
	bundled ??= loadedDb(manifestFiles, (f) => readFileSync(join('data', f.path)));
	return bundled;
}

/** A fresh database loaded with the given files, read by `read`. */
export async function loadedDb(
	files: ManifestFile[],
	read: (file: ManifestFile) => Uint8Array | string
): Promise<Db> {
	const db = await createNodeDb();
	await loadFiles(db, files, async (file) => {
		const bytes = read(file);
		return typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
	});
	return db;
}
