/**
 * What a figure hands its download menu, and the one way files leave the page: a Blob behind an
 * object URL, clicked through an `<a download>` and revoked afterwards. No `data:` URLs, no
 * network: every download is built from what the page already holds.
 */
import type { ManifestFile } from '../domain/manifest';
import { monthKey } from '../domain/months';
import type { SectorComparison } from '../queries/headline';
import { statementKey, type Sql } from '../db/sql';
import { shownPair, type FigureContext } from '../state/figure-context';
import type { UrlState } from '../filters/url-state';
import { csvTable, rounded, type CsvTable } from './csv';
import type { FigureView } from '../filters/figure-views';
import type { FileNameState } from './file-name';
import type { ScriptQuery } from './sql-script';

export interface FigureDownloads {
	view: FigureView;
	/** The filter and the months the files hold, for their names. */
	fileState: FileNameState;
	csv: CsvTable;
	/** The figure's queries (filter values as parameters) for the SQL script. */
	queries: ScriptQuery[];
	/** What the app does with the query results before drawing, for the SQL script's header. */
	sqlNotes?: string[];
	/** Manifest ids of the files the figure's numbers come from. */
	sourceIds: string[];
	/** The state as written in the URL and with its months resolved, for links and embeds. */
	state: UrlState;
	resolved: UrlState & { month: Date; from: Date; to: Date };
	files: Map<string, ManifestFile>;
	/** The filter in words. */
	subtitle: string;
}

export interface DownloadSpec {
	view: FigureView;
	csv: CsvTable;
	/** Every statement whose rows the figure drew: its SQL script runs exactly these. */
	statements: Sql[];
	sqlNotes?: string[];
	sourceIds: string[];
	/** The months the files hold when they are not the view's `from`–`to`. */
	months?: { from: Date; to: Date };
}

/**
 * A figure's downloads, built only when its menu asks for them (never on a filter change). The
 * figure decides whether to offer a menu at all: none in an embed (it links to the explorer).
 */
export function figureDownloads(ctx: FigureContext, spec: DownloadSpec): FigureDownloads {
	const { months, statements, ...rest } = spec;
	const unique = new Map(statements.map((s) => [statementKey(s), s]));
	return {
		...rest,
		queries: [...unique.values()].map((s) => ({
			label: s.label ?? 'A statement behind the figure',
			sql: s
		})),
		fileState: { ...ctx.resolved, ...months },
		state: ctx.state,
		resolved: ctx.resolved,
		files: ctx.files,
		subtitle: ctx.subtitle
	};
}

/**
 * The headline and its parts (shared by the headline and the sectors table): one row per area in
 * the two months, then the total the headline shows, which is their sum. Only for a figure that
 * shows the headline, so there is one.
 */
export function headlineDownloads(
	ctx: FigureContext,
	view: 'headline' | 'sectors',
	statements: Sql[]
): FigureDownloads {
	const h = ctx.view.headline;
	if (!h) throw new Error('No source answers this filter.');
	const month = monthKey(h.month);
	const baselineMonth = monthKey(h.baselineMonth);
	// A month whose file has no areas (CBP's Southwest-by-component file, the state releases) has
	// a total and null parts: the total is then not their sum.
	const parts = (pick: (s: SectorComparison) => number | null) =>
		h.sectors.some((s) => pick(s) !== null);
	const summed = parts((s) => s.value) && parts((s) => s.baselineValue);
	const rows = [
		...h.sectors,
		{
			code: 'total',
			name: summed ? 'Total (the sum of the rows above)' : 'Total',
			value: h.value,
			baselineValue: h.baselineValue
		}
	].map((r) => ({
		...r,
		shown: shownPair(ctx.perDay, r.value, h.month, r.baselineValue, h.baselineMonth)
	}));
	type Row = (typeof rows)[number];
	return figureDownloads(ctx, {
		view,
		sourceIds: [...h.baselineSourceIds, ...h.sourceIds],
		csv: csvTable(
			[
				{ header: 'area_code', value: (r) => r.code },
				{ header: 'area', value: (r) => r.name },
				{ header: 'baseline_month', value: () => baselineMonth },
				{ header: 'baseline_encounters', value: (r) => r.baselineValue },
				{ header: 'month', value: () => month },
				{ header: 'encounters', value: (r) => r.value },
				...(ctx.perDay
					? [
							{ header: 'baseline_per_day', value: (r: Row) => rounded(r.shown.baseline, 1) },
							{ header: 'per_day', value: (r: Row) => rounded(r.shown.value, 1) }
						]
					: []),
				{ header: 'change_percent', value: (r) => rounded(r.shown.change, 1) }
			],
			rows
		),
		statements,
		sqlNotes: [
			`The figure takes each area's ${baselineMonth} and ${month} from "Each sector or field office of the scope, by month"${summed ? '; the headline is their sum.' : ', and the headline from "The monthly totals of the scope": a file without areas answers a month with a total and null areas.'}`,
			'A null value means no source answers the filter in that month.',
			...(ctx.perDay
				? ['Per day: each month divided by its number of days; the change is that of the averages.']
				: [])
		]
	});
}

/** "Data as of" in words: each distinct file's release. */
export function dataAsOf(files: Map<string, ManifestFile>, ids: Iterable<string>): string {
	const texts = [...new Set(ids)].flatMap((id) => files.get(id)?.data_as_of ?? []);
	return [...new Set(texts)].join('; ');
}

export function saveBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.hidden = true;
	document.body.append(a);
	// A click that does not bubble: page-level handlers (menus closing on outside clicks, the
	// router) never see it.
	a.dispatchEvent(new MouseEvent('click', { bubbles: false, cancelable: true }));
	a.remove();
	// The browser reads the Blob after the click returns, later on a busy machine: revoking it too
	// soon cancels the download silently. 40 s is FileSaver.js's long-tested choice.
	setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
