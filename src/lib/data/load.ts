/**
 * Loads the manifest's files into DuckDB: fetch (by the caller's function, so the browser can
 * stream with progress and Node can read from disk), register, bulk-ingest, then build the
 * normalized view once every file is in.
 */
import type { Db } from './db';
import type { ManifestFile } from './manifest';
import {
	annualHistoryStatements,
	fileProblemsStatement,
	ingestStatement,
	type FileProblems,
	lockdown,
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

export type FetchFile = (file: ManifestFile, onBytes: (loaded: number) => void) => Promise<Uint8Array>;

export class DataLoadError extends Error {
	constructor(
		readonly file: ManifestFile,
		cause: unknown
	) {
		super(`Could not load ${file.path}: ${cause instanceof Error ? cause.message : String(cause)}`);
	}
}

export async function runAll(db: Db, statements: import('../queries/sql').Sql[]): Promise<void> {
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

export async function loadFiles(
	db: Db,
	files: ManifestFile[],
	fetchFile: FetchFile,
	onProgress: (progress: LoadProgress) => void = () => {}
): Promise<void> {
	await runAll(db, [...lockdown, ...vocabularyTables()]);
	// Fetch in parallel (the network is the slow part); ingest one at a time in manifest order.
	const fetched = files.map((file) =>
		fetchFile(file, (bytesLoaded) => onProgress({ file, stage: 'fetching', bytesLoaded })).catch(
			(cause) => {
				throw new DataLoadError(file, cause);
			}
		)
	);
	fetched.forEach((p) => p.catch(() => {}));
	for (const [i, file] of files.entries()) {
		const bytes = await fetched[i];
		onProgress({ file, stage: 'ingesting', bytesLoaded: bytes.length });
		try {
			await db.registerFile(registeredName(file), bytes);
			await db.query(ingestStatement(file));
			await db.dropFile(registeredName(file));
			if (file.role === 'southwest-component') await db.query(southwestComponentStatement(file));
			if (file.role === 'encounters')
				assertNoProblems((await db.query<FileProblems>(fileProblemsStatement(file)))[0]);
		} catch (cause) {
			throw new DataLoadError(file, cause);
		}
		onProgress({ file, stage: 'done', bytesLoaded: bytes.length });
	}
	await runAll(db, [...normalizedStatements(files), ...annualHistoryStatements(files)]);
}
