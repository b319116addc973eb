/**
 * Loads the manifest's files into DuckDB: fetch (by the caller's function, so the browser can
 * stream with progress and Node can read from disk), register, bulk-ingest, then build the
 * normalized view once every file is in.
 */
import type { Db } from './db';
import type { ManifestFile } from '../domain/manifest';
import {
	annualHistoryStatements,
	fileProblemsStatement,
	ingestStatement,
	type FileProblems,
	lockdown,
	normalizeFileStatement,
	normalizedStatements,
	registeredName,
	southwestComponentStatement,
	vocabularyTables
} from './schema';

export interface LoadProgress {
	file: ManifestFile;
	/** `fetching` while bytes arrive, `ingesting` while DuckDB reads them, `done` after. */
	stage: 'fetching' | 'ingesting' | 'done';
	bytesLoaded: number;
}

export type FetchFile = (
	file: ManifestFile,
	onBytes: (loaded: number) => void
) => Promise<Uint8Array>;

export class DataLoadError extends Error {
	constructor(
		readonly file: ManifestFile,
		cause: unknown
	) {
		super(`Could not load ${file.path}: ${cause instanceof Error ? cause.message : String(cause)}`);
	}
}

export async function runAll(db: Db, statements: import('./sql').Sql[]): Promise<void> {
	for (const statement of statements) await db.query(statement);
}

function assertNoProblems(problems: FileProblems): void {
	const found = [
		problems.badMonths && `${problems.badMonths} rows without a valid month`,
		problems.unknownLabels &&
			`${problems.unknownLabels} rows with an unknown component, region, area of responsibility or title`,
		problems.badCounts && `${problems.badCounts} rows with a missing or negative count`
	].filter(Boolean);
	if (found.length) throw new Error(found.join('; '));
}

/** Turns off extension downloads and creates the vocabulary tables: once per database. */
export async function prepareDatabase(db: Db): Promise<void> {
	await runAll(db, [...lockdown, ...vocabularyTables()]);
}

/** Starts every file's download at once; the network is the slow part. */
export function fetchAll(
	files: ManifestFile[],
	fetchFile: FetchFile,
	onProgress: (progress: LoadProgress) => void
): Map<string, Promise<Uint8Array>> {
	const fetched = new Map<string, Promise<Uint8Array>>();
	for (const file of files) {
		const bytes = fetchFile(file, (bytesLoaded) =>
			onProgress({ file, stage: 'fetching', bytesLoaded })
		).catch((cause) => {
			throw new DataLoadError(file, cause);
		});
		bytes.catch(() => {});
		fetched.set(file.id, bytes);
	}
	return fetched;
}

/** Registers, bulk-reads and checks each file in turn; any failure names its file. */
export async function ingestFiles(
	db: Db,
	files: ManifestFile[],
	fetched: Map<string, Promise<Uint8Array>>,
	onProgress: (progress: LoadProgress) => void
): Promise<void> {
	for (const file of files) {
		const bytes = await fetched.get(file.id)!;
		// Registering may transfer the buffer to the worker (leaving `bytes` empty): count it first.
		const size = bytes.length;
		onProgress({ file, stage: 'ingesting', bytesLoaded: size });
		try {
			await db.registerFile(registeredName(file), bytes);
			await db.query(ingestStatement(file));
			await db.dropFile(registeredName(file));
			if (file.layout === 'southwest-component') await db.query(southwestComponentStatement(file));
			if (file.role === 'encounters') {
				await db.query(normalizeFileStatement(file));
				assertNoProblems((await db.query<FileProblems>(fileProblemsStatement(file)))[0]);
			}
		} catch (cause) {
			throw new DataLoadError(file, cause);
		}
		onProgress({ file, stage: 'done', bytesLoaded: size });
	}
}

/**
 * (Re)builds the normalized tables from the files loaded so far. Coverage comes from every file
 * in the manifest, so a month whose winning file is still loading is pending, never answered from
 * a lower-ranked file.
 */
export async function buildViews(
	db: Db,
	files: ManifestFile[],
	loaded: Set<string>
): Promise<void> {
	await runAll(db, [
		...normalizedStatements(files, loaded),
		...annualHistoryStatements(files.filter((f) => loaded.has(f.id)))
	]);
}

/** Everything at once: the path the tests and Node scripts use. */
export async function loadFiles(
	db: Db,
	files: ManifestFile[],
	fetchFile: FetchFile,
	onProgress: (progress: LoadProgress) => void = () => {}
): Promise<void> {
	await prepareDatabase(db);
	await ingestFiles(db, files, fetchAll(files, fetchFile, onProgress), onProgress);
	await buildViews(db, files, new Set(files.map((f) => f.id)));
}
