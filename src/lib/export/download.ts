/**
 * What a figure hands its download menu, and the one way files leave the page: a Blob behind an
 * object URL, clicked through an `<a download>` and revoked afterwards. No `data:` URLs, no
 * network: every download is built from what the page already holds.
 */
import { percentChange } from '../data/change';
import type { ManifestFile } from '../data/manifest';
import { monthKey } from '../data/months';
import { sectorComparisonSql } from '../queries/sector-comparison';
import { sql, type Sql } from '../queries/sql';
import type { FigureContext } from '../state/figure-context';
import type { UrlState } from '../state/url-state';
import { csvTable, rounded, type CsvTable } from './csv';
import type { FigureView, FileNameState } from './file-name';
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
	queries: ScriptQuery[];
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
	const { months, ...rest } = spec;
	return {
		...rest,
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
	view: 'headline' | 'sectors'
): FigureDownloads {
	const h = ctx.view.headline;
	if (!h) throw new Error('No source answers this filter.');
	const month = monthKey(h.month);
	const baselineMonth = monthKey(h.baselineMonth);
	const rows = [
		...h.sectors.map((s) => ({ ...s, change: percentChange(s.value, s.baselineValue) })),
		{
			code: 'total',
			name: 'Total (the sum of the rows above)',
			value: h.value,
			baselineValue: h.baselineValue,
			change: h.changePct
		}
	];
	const parts = sectorComparisonSql(ctx.view.filters, h.month, h.baselineMonth);
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
				{ header: 'change_percent', value: (r) => rounded(r.change, 1) }
			],
			rows
		),
		queries: [
			{ label: `Each area: "value" is ${month}, "baselineValue" ${baselineMonth}`, sql: parts },
			{
				label: 'The headline: the sum of the areas',
				sql: headlineTotalSql(parts)
			}
		],
		sqlNotes: ['A null value means no source answers the filter in that month.']
	});
}

/**
 * The headline as the sum of its parts (`sectorComparisonSql`). BIGINT, because the sum of counts
 * that each fit an INTEGER need not.
 */
export function headlineTotalSql(parts: Sql): Sql {
	return sql`SELECT CAST(sum(value) AS BIGINT) AS value, CAST(sum("baselineValue") AS BIGINT) AS "baselineValue" FROM (${parts}) AS parts`;
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
