/**
 * An upload's manifest entry, its plan (what it would replace, with totals before and after) and
 * its load, all-or-nothing: the file is read by the same ingest SQL as the bundled files from the
 * canonical copy the checks produced, and the views are rebuilt. If anything fails, or DuckDB does
 * not read exactly the rows and counts the checks read, its table is dropped and the views are
 * rebuilt from the files loaded before, so the data already loaded stays exactly as it was.
 */
import { plainText } from '../format';
import type { Db } from '../db/db';
import { buildViews, ingestFiles } from '../db/load';
import { precedenceRank, type ManifestFile } from '../domain/manifest';
import { rowsTable } from '../db/schema';
import type { ComponentCode, RegionCode } from '../domain/vocabulary';
import { loadedCells } from '../queries/upload-plan';
import { loadedTotals, type LoadedTotals } from '../queries/reconciliation';
import { identifier, sql } from '../db/sql';
import type { OverlapReport } from './overlap';
import type { ValidationResult } from './validate';

export interface LoadedUpload {
	file: ManifestFile;
	/** DuckDB's own rows and sum of counts, to set against the validator's parse. */
	totals: LoadedTotals;
}

export async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest entry an upload gets: its own id, its layout, and the release it is ranked by. */
export function uploadEntry(
	result: ValidationResult,
	overlap: OverlapReport,
	sha: string,
	id: string
): ManifestFile {
	if (!result.ok || !result.layout || !result.coverage || result.role !== 'encounters')
		throw new Error(`${result.fileName} cannot be loaded into the explorer's views.`);
	// A file name is the user's text: it reaches titles, SVG and file names, so keep it plain.
	const name = plainText(result.fileName);
	return {
		id,
		path: name,
		layout: result.layout as ManifestFile['layout'],
		label: `Uploaded: ${name}`,
		title: result.layoutLabel ?? name,
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
		sha256: sha,
		bytes: result.bytes,
		rows: result.rowsRead,
		columns: result.columns,
		coverage: result.coverage,
		// A file counting USBP and OFO together (the state releases) holds both in each cell.
		holds: result.cells.flatMap((c) =>
			c.region
				? (c.component ? [c.component] : result.scope.components).map((component) => ({
						month: c.month,
						component,
						region: c.region!
					}))
				: []
		)
	};
}

/** One month × component × region the upload holds, as it is now and as it would be. */
export interface PlannedCell {
	month: string;
	/** Null for a file counting USBP and OFO together, set against the loaded ones that do too. */
	component: ComponentCode | null;
	region: RegionCode;
	/** The loaded total now; null where no loaded file covers it. */
	before: number | null;
	/** The upload's total. */
	after: number;
	/** Areas with rows now that the upload has none for: they would read 0. */
	missingAreas: string[];
}

export interface UploadPlan {
	/** Cells a loaded file answers now and the upload would answer instead. */
	replaces: PlannedCell[];
	/** Cells no loaded file covers: the upload adds them. */
	adds: PlannedCell[];
	/** Cells a higher-ranked loaded file keeps: the upload is not used there. */
	keeps: PlannedCell[];
}

/** What loading `entry` would change, cell by cell, under the precedence of `manifest.ts`. */
export async function planUpload(
	db: Db,
	entry: ManifestFile,
	result: ValidationResult,
	loadedFiles: ManifestFile[]
): Promise<UploadPlan> {
	const rank = precedenceRank([...loadedFiles.filter((f) => f.role === 'encounters'), entry]);
	const months = [...new Set(result.cells.map((c) => c.month))];
	const now = new Map(
		(await loadedCells(db, months)).map((c) => [`${c.month}|${c.component}|${c.region}`, c])
	);
	const plan: UploadPlan = { replaces: [], adds: [], keeps: [] };
	for (const cell of result.cells) {
		if (!cell.region) continue;
		const current = now.get(`${cell.month}|${cell.component}|${cell.region}`);
		const planned: PlannedCell = {
			month: cell.month,
			component: cell.component,
			region: cell.region,
			before: current?.total ?? null,
			after: cell.count,
			missingAreas: current?.areas.filter((a) => !cell.areas.includes(a)) ?? []
		};
		if (!current) plan.adds.push(planned);
		else if ((rank.get(current.sourceId) ?? 0) < rank.get(entry.id)!) plan.replaces.push(planned);
		else plan.keeps.push({ ...planned, missingAreas: [] });
	}
	return plan;
}

export async function loadUpload(
	db: Db,
	file: ManifestFile,
	canonical: Uint8Array,
	loadedFiles: ManifestFile[],
	result: Pick<ValidationResult, 'rowsRead' | 'countSum' | 'fileName'>
): Promise<LoadedUpload> {
	const before = new Set(loadedFiles.map((f) => f.id));
	try {
		await ingestFiles(db, [file], new Map([[file.id, Promise.resolve(canonical)]]), () => {});
		const totals = await loadedTotals(db, file);
		if (totals.rows !== result.rowsRead || totals.sum !== result.countSum)
			throw new Error(
				`${result.fileName}: DuckDB read ${totals.rows} rows summing to ${totals.sum}, but the checks read ${result.rowsRead} rows summing to ${result.countSum}`
			);
		await buildViews(db, [...loadedFiles, file], new Set([...before, file.id]));
		return { file, totals };
	} catch (error) {
		for (const table of [identifier(file.id), rowsTable(file)])
			await db.query(sql`DROP TABLE IF EXISTS ${table}`).catch(() => {});
		await buildViews(db, loadedFiles, before);
		throw error;
	}
}
