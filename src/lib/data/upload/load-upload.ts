/**
 * Loads a validated upload into DuckDB all-or-nothing: the file becomes one more manifest entry
 * (ranked by its release like any other), is read by the same ingest SQL as the bundled files,
 * and the views are rebuilt. If anything fails, its table is dropped and the views are rebuilt
 * from the files loaded before, so the data already loaded stays exactly as it was.
 */
import type { Db } from '../db';
import { buildViews, ingestFiles } from '../load';
import type { ManifestFile } from '../manifest';
import { loadedTotals, type LoadedTotals } from '../../queries/reconciliation';
import { identifier, sql } from '../../queries/sql';
import type { OverlapReport, ValidationResult } from './validate';

export interface LoadedUpload {
	file: ManifestFile;
	/** DuckDB's own rows and sum of counts, to set against the validator's parse. */
	totals: LoadedTotals;
}

async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest entry an upload gets: its own id, its layout, and the release it is ranked by. */
export async function uploadEntry(
	result: ValidationResult,
	overlap: OverlapReport,
	bytes: Uint8Array,
	index: number
): Promise<ManifestFile> {
	if (!result.ok || !result.layout || !result.coverage || result.role !== 'encounters')
		throw new Error(`${result.fileName} cannot be loaded into the explorer's views.`);
	return {
		id: `upload_${index}`,
		path: result.fileName,
		layout: result.layout as ManifestFile['layout'],
		label: `Uploaded: ${result.fileName}`,
		title: result.layoutLabel ?? result.fileName,
		publisher: 'Uploaded in this browser',
		source: 'local file',
		url: '',
		obtained_from: 'Uploaded by the user; not part of the bundled data',
		release: overlap.release ?? '9999-12',
		data_as_of: overlap.releaseInferred
			? `release taken as ${overlap.release} (the month after its last month)`
			: `release ${overlap.release}`,
		derived: false,
		role: 'encounters',
		measures: result.layoutLabel ?? '',
		scope: result.scope,
		sha256: await sha256(bytes),
		bytes: bytes.length,
		rows: result.rowsRead,
		columns: result.columns,
		coverage: result.coverage
	};
}

export async function loadUpload(
	db: Db,
	file: ManifestFile,
	bytes: Uint8Array,
	loadedFiles: ManifestFile[]
): Promise<LoadedUpload> {
	const before = new Set(loadedFiles.map((f) => f.id));
	try {
		await ingestFiles(db, [file], new Map([[file.id, Promise.resolve(bytes)]]), () => {});
		const totals = await loadedTotals(db, file);
		const all = [...loadedFiles, file];
		await buildViews(db, all, new Set([...before, file.id]));
		return { file, totals };
	} catch (error) {
		await db.query(sql`DROP TABLE IF EXISTS ${identifier(file.id)}`).catch(() => {});
		await buildViews(db, loadedFiles, before);
		throw error;
	}
}
