/**
 * Upload tests: CSV files written from plain rows, a small base database (the derived sector file
 * and the PDF series, the two bundled files that load in about a second), and what each month ×
 * component × region should read after a sequence of uploads, computed here with plain loops and
 * the precedence rule as `data/README.md` states it, never with the app's SQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/db/db';
import { loadFiles } from '../../src/lib/db/load';
import type { ManifestFile } from '../../src/lib/domain/manifest';
import { emptyDb, manifestFiles } from './node-db';
import { monthOfRow, readRows } from './expected';

export type Component = 'usbp' | 'ofo';
export type Region = 'southwest' | 'northern';

/** Areas as CBP's AOR files name them, with their scope. */
export const AREAS = [
	{ component: 'usbp', region: 'southwest', name: 'Tucson Sector', abbv: 'TCA' },
	{ component: 'usbp', region: 'southwest', name: 'El Paso Sector', abbv: 'EPT' },
	{ component: 'usbp', region: 'southwest', name: 'San Diego Sector', abbv: 'SDC' },
	{ component: 'usbp', region: 'northern', name: 'Blaine Sector', abbv: 'BLW' },
	{ component: 'ofo', region: 'southwest', name: 'El Paso Field Office', abbv: 'El Paso' },
	{ component: 'ofo', region: 'northern', name: 'Buffalo Field Office', abbv: 'Buffalo' }
] as const;

const COMPONENT_LABEL = { usbp: 'U.S. Border Patrol', ofo: 'Office of Field Operations' };
const REGION_LABEL = { southwest: 'Southwest Land Border', northern: 'Northern Land Border' };
const ABBREVIATIONS = 'OCT NOV DEC JAN FEB MAR APR MAY JUN JUL AUG SEP'.split(' ');

export interface UploadRow {
	/** `YYYY-MM` */
	month: string;
	area: (typeof AREAS)[number];
	citizenship: string;
	count: number;
}

const AOR_HEADER =
	'Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count';
const DERIVED_HEADER =
	'month,fiscal_year,component,land_border_region,area_of_responsibility,aor_abbv,title_of_authority,encounter_type,encounter_count';

const fiscalYear = (month: string) => {
	const [y, m] = month.split('-').map(Number);
	return m >= 10 ? y + 1 : y;
};
const abbreviation = (month: string) => ABBREVIATIONS[(Number(month.slice(5)) + 2) % 12];
const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A CBP AOR release holding these rows (one demographic, title and type). */
export function aorCsv(rows: UploadRow[], lineEnd = '\r\n'): string {
	const lines = rows.map((r) =>
		[
			fiscalYear(r.month),
			'FYTD',
			abbreviation(r.month),
			COMPONENT_LABEL[r.area.component],
			REGION_LABEL[r.area.region],
			r.area.name,
			r.area.abbv,
			'Single Adults',
			quote(r.citizenship),
			'Title 8',
			r.area.component === 'usbp' ? 'Apprehensions' : 'Inadmissibles',
			r.count
		].join(',')
	);
	return [AOR_HEADER, ...lines, ''].join(lineEnd);
}

/** The derived sector layout (USBP only; the citizenship is not part of it). */
export function derivedCsv(rows: UploadRow[]): string {
	const lines = rows.map((r) =>
		[
			r.month,
			fiscalYear(r.month),
			COMPONENT_LABEL[r.area.component],
			REGION_LABEL[r.area.region],
			r.area.name,
			r.area.abbv,
			'Title 8',
			'Apprehensions',
			r.count
		].join(',')
	);
	return [DERIVED_HEADER, ...lines, ''].join('\n');
}

export const BASE_FILES: ManifestFile[] = manifestFiles.filter(
	(f) => f.layout === 'sector-derived' || f.layout === 'sector-pdf'
);

export async function baseDb(): Promise<Db> {
	const db = await emptyDb();
	await loadFiles(db, BASE_FILES, async (f) => new Uint8Array(readFileSync(join('data', f.path))));
	return db;
}

const cellKey = (month: string, component: string, region: string) =>
	`${month}|${component}|${region}`;

/** Totals of a bundled base file by month × component × region (all titles). */
function baseTotals(file: ManifestFile): Map<string, number> {
	const out = new Map<string, number>();
	for (const row of readRows(file.path).rows) {
		const month = monthOfRow(row);
		const region = { 'Southwest Land Border': 'southwest', 'Northern Land Border': 'northern' }[
			row.land_border_region
		];
		if (!region) continue;
		const key = cellKey(month, 'usbp', region);
		out.set(key, (out.get(key) ?? 0) + Number(row.encounter_count ?? row.encounters));
	}
	return out;
}

/** One candidate source for a cell, in the order the precedence compares them. */
interface Candidate {
	/** AOR release 3, derived sector file 2, PDF series 1. */
	tier: number;
	/** `YYYY-MM`; an upload's is the month after its last month. */
	release: string;
	/** Later uploads win a tie. */
	order: number;
	covers: (key: string) => boolean;
	total: (key: string) => number;
}

/**
 * Expected totals by cell after these uploads were loaded, in order, on top of the base files: per
 * cell, the highest tier, then the newest release, then the latest upload wins; a bundled file
 * covers its whole range and scope (a key it lacks is 0), an upload only the cells it has rows for.
 */
export function expectedTotals(
	uploads: { layout: 'aor' | 'sector-derived'; rows: UploadRow[] }[],
	cells: string[]
): Map<string, number | null> {
	const candidates: Candidate[] = BASE_FILES.map((f, i) => {
		const totals = baseTotals(f);
		return {
			tier: f.layout === 'sector-derived' ? 2 : 1,
			release: f.release,
			order: -10 + i,
			covers: (key) => {
				const [month, component, region] = key.split('|');
				return (
					f.coverage.from <= month &&
					month <= f.coverage.to &&
					f.scope.components.includes(component as never) &&
					f.scope.regions.includes(region as never)
				);
			},
			total: (key) => totals.get(key) ?? 0
		};
	});
	uploads.forEach((u, i) => {
		const totals = new Map<string, number>();
		for (const r of u.rows) {
			const key = cellKey(r.month, r.area.component, r.area.region);
			totals.set(key, (totals.get(key) ?? 0) + r.count);
		}
		const last = u.rows
			.map((r) => r.month)
			.sort()
			.at(-1)!;
		const [y, m] = last.split('-').map(Number);
		candidates.push({
			tier: u.layout === 'aor' ? 3 : 2,
			release: m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`,
			order: i,
			covers: (key) => totals.has(key),
			total: (key) => totals.get(key)!
		});
	});
	const out = new Map<string, number | null>();
	for (const key of cells) {
		const winner = candidates
			.filter((c) => c.covers(key))
			.sort(
				(a, b) => b.tier - a.tier || b.release.localeCompare(a.release) || b.order - a.order
			)[0];
		out.set(key, winner ? winner.total(key) : null);
	}
	return out;
}

/** What the app answers for these months: every cell some file covers, with its total. */
export async function loadedTotalsByCell(db: Db, months: string[]): Promise<Map<string, number>> {
	const { sql } = await import('../../src/lib/db/sql');
	const rows = await db.query<{ key: string; total: number }>(sql`
		SELECT strftime(s.month, '%Y-%m') || '|' || s.component || '|' || s.region AS key,
			CAST(coalesce(sum(e.count), 0) AS BIGINT) AS total
		FROM month_source s
		LEFT JOIN encounters e ON e.month = s.month AND e.component = s.component AND e.region = s.region
			AND e.source_id = s.source_id
		WHERE s.loaded AND list_contains(string_split(${months.join(',')}, ','), strftime(s.month, '%Y-%m'))
		GROUP BY ALL`);
	return new Map(rows.map((r) => [r.key, r.total]));
}

export { cellKey };
