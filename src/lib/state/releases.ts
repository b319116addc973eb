/**
 * What the data page shows once every file is in: how the releases overlap, what CBP revised,
 * CBP's Southwest-by-component file against the sector sums, which file each month comes from,
 * and, on request, every bundled file re-read with papaparse against DuckDB's tables.
 */
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { addMonths } from '../domain/months';
import { monthWinners, type MonthWinner } from '../queries/month-winners';
import { loadedTotals } from '../queries/reconciliation';
import {
	componentVsSectors,
	netRevisionsByMonth,
	releaseOverlaps,
	revisions,
	type ComponentVsSectors,
	type NetRevision,
	type ReleaseOverlap,
	type Revision
} from '../queries/revisions';

export interface ReleasesView {
	overlaps: ReleaseOverlap[];
	/** The first revised counts of each pair of releases, by month and size (`revisions`). */
	revisions: Revision[];
	netByMonth: NetRevision[];
	componentRows: ComponentVsSectors[];
	winners: MonthWinner[];
}

export async function loadReleases(db: Db): Promise<ReleasesView> {
	return {
		overlaps: await releaseOverlaps(db),
		revisions: await revisions(db),
		netByMonth: await netRevisionsByMonth(db),
		componentRows: await componentVsSectors(db),
		winners: await monthWinners(db)
	};
}

export interface SourceRun {
	scope: string;
	sourceId: string;
	from: Date;
	to: Date;
	loaded: boolean;
}

/** Runs of consecutive months in one scope that come from the same file. */
export function sourceRuns(winners: MonthWinner[]): SourceRun[] {
	const out: SourceRun[] = [];
	for (const w of winners) {
		const scope = `${w.component.toUpperCase()} · ${w.region}`;
		const last = out[out.length - 1];
		if (
			last &&
			last.scope === scope &&
			last.sourceId === w.sourceId &&
			addMonths(last.to, 1).getTime() === w.month.getTime()
		)
			last.to = w.month;
		else out.push({ scope, sourceId: w.sourceId, from: w.month, to: w.month, loaded: w.loaded });
	}
	return out;
}

export interface Reconciled {
	file: ManifestFile;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	sumParsed: number;
	sumLoaded: number;
}

/** Re-reads every bundled file with papaparse and sets it against DuckDB's tables. */
export async function reconcileBundled(
	db: Db,
	files: ManifestFile[],
	baseUrl: string
): Promise<Reconciled[]> {
	const [{ validateInWorker }, { fetchBundledFile }] = await Promise.all([
		import('../upload/validate-in-worker'),
		import('../db/fetch-file')
	]);
	const fetchFile = fetchBundledFile(baseUrl);
	const out: Reconciled[] = [];
	for (const file of files) {
		const bytes = await fetchFile(file, () => {});
		// Off the main thread: the large releases take a second or two to read.
		const parsed = await validateInWorker(file.path, bytes, () => {}, new AbortController().signal);
		const loaded = await loadedTotals(db, file);
		out.push({
			file,
			rowsRead: parsed.rowsRead,
			rowsLoaded: loaded.rows,
			rowsRejected: parsed.rowsRejected,
			sumParsed: parsed.countSum,
			sumLoaded: loaded.sum
		});
	}
	return out;
}
