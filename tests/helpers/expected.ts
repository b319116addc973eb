/**
 * Expected numbers computed straight from the CSV files in `data/`, independently of the app.
 *
 * This module deliberately imports nothing from `src/` (not the queries, not `schema.ts`, not
 * `months.ts`, not the vocabulary): it re-implements, in plain TypeScript over papaparse, the month
 * arithmetic, the CBP spellings and the documented precedence rule (data/README.md, PROVENANCE
 * C2, C3, G, H). Tests compare the app's answers with these; if both were written from the same
 * code, a shared mistake could never show.
 *
 * Precedence: for a calendar month and scope (component × land border region) the winning file is
 * the first of PRECEDENCE whose manifest coverage and scope include that month and scope. Every row
 * of that month and scope comes from the winner; a key absent there is 0 (never filled from an
 * older file).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export type Component = 'usbp' | 'ofo';
export type Region = 'southwest' | 'northern' | 'other';
export type Title = '8' | '42';

// ---------------------------------------------------------------------------------------------
// Paths and manifest (used only for file names, coverage and scope)

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface ManifestEntry {
	id: string;
	path: string;
	layout: string;
	/** The file's name on the page, in every source line. */
	label: string;
	release: string;
	role: string;
	derived: boolean;
	scope: { components: string[]; regions: string[] };
	sha256: string;
	bytes: number;
	rows: number;
	columns: string[];
	coverage: { from: string; to: string; months: number };
}

let manifestCache: { files: ManifestEntry[] } | null = null;
export function manifest(): { files: ManifestEntry[] } {
	manifestCache ??= JSON.parse(readFileSync(DATA_DIR + 'manifest.json', 'utf8'));
	return manifestCache!;
}

export function dataPath(fileName: string): string {
	return DATA_DIR + fileName;
}

function entryByPath(path: string): ManifestEntry {
	const entry = manifest().files.find((f) => f.path === path);
	if (!entry) throw new Error(`expected.ts: ${path} is not in data/manifest.json`);
	return entry;
}

// ---------------------------------------------------------------------------------------------
// Month arithmetic (own implementation: a month is the integer year * 12 + monthIndex0)

const ABBR = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function monthIndex(key: string): number {
	const m = /^(\d{4})-(\d{2})$/.exec(key);
	if (!m || +m[2] < 1 || +m[2] > 12)
		throw new Error(`expected.ts: bad month key ${JSON.stringify(key)}`);
	return +m[1] * 12 + (+m[2] - 1);
}

export function monthFromIndex(index: number): string {
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function nextMonth(key: string, by = 1): string {
	return monthFromIndex(monthIndex(key) + by);
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
	const out: string[] = [];
	for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
	return out;
}

/** CBP fiscal year of a calendar month: October–December belong to the next fiscal year. */
export function fiscalYearOfMonth(key: string): number {
	const [y, m] = key.split('-').map(Number);
	return m >= 10 ? y + 1 : y;
}

/** `Fiscal Year` text (`2024`, `2025 (FYTD)`) and `Month (abbv)` → `YYYY-MM`. */
export function monthOfFiscalText(fiscalYearText: string, abbreviation: string): string {
	const fy = /^(\d{4})(?: \(FYTD\))?$/.exec(fiscalYearText.trim());
	const i = ABBR.indexOf(abbreviation.trim());
	if (!fy || i < 0)
		throw new Error(
			`expected.ts: bad fiscal month ${JSON.stringify([fiscalYearText, abbreviation])}`
		);
	const calendarYear = i >= 9 ? +fy[1] - 1 : +fy[1];
	return monthFromIndex(calendarYear * 12 + i);
}

/** The month a row of any of the data files belongs to. */
export function monthOfRow(row: Record<string, string>): string {
	if ('month' in row) return monthFromIndex(monthIndex(row.month));
	// Annual tables: a fiscal year starts in October of the year before.
	if (!('Fiscal Year' in row)) return monthOfFiscalText(row['fiscal_year'], 'OCT');
	return monthOfFiscalText(row['Fiscal Year'], row['Month (abbv)']);
}

// ---------------------------------------------------------------------------------------------
// CSV reading

export function readCsvText(fileName: string): string {
	return readFileSync(dataPath(fileName), 'utf8').replace(/^\uFEFF/, '');
}

/** Header-keyed rows; throws on any parse error or ragged row. */
export function readRows(fileName: string): { fields: string[]; rows: Record<string, string>[] } {
	const parsed = Papa.parse<Record<string, string>>(readCsvText(fileName), {
		header: true,
		skipEmptyLines: true
	});
	if (parsed.errors.length)
		throw new Error(
			`expected.ts: ${fileName}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`
		);
	return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

function count(text: string, where: string): number {
	if (!/^\d+$/.test(text))
		throw new Error(`expected.ts: non-integer count ${JSON.stringify(text)} in ${where}`);
	return Number(text);
}

function oneOf<T extends string>(text: string, table: Record<string, T>, what: string): T {
	const value = table[text];
	if (value === undefined) throw new Error(`expected.ts: unknown ${what} ${JSON.stringify(text)}`);
	return value;
}

const COMPONENT_OF: Record<string, Component> = {
	'U.S. Border Patrol': 'usbp',
	'Office of Field Operations': 'ofo'
};
const REGION_OF: Record<string, Region> = {
	'Southwest Land Border': 'southwest',
	'Northern Land Border': 'northern',
	Other: 'other',
	'Coastal Border': 'other'
};
const TITLE_OF: Record<string, Title> = { 'Title 8': '8', 'Title 42': '42' };

/** USBP sectors by region, west to east, with the PDF's spelling of each (`Tucson`) → CBP AOR code. */
export const USBP_SECTORS: Record<Region, Record<string, string>> = {
	southwest: {
		'San Diego': 'SDC',
		'El Centro': 'ELC',
		Yuma: 'YUM',
		Tucson: 'TCA',
		'El Paso': 'EPT',
		'Big Bend': 'BBT',
		'Del Rio': 'DRT',
		Laredo: 'LRT',
		'Rio Grande Valley': 'RGV'
	},
	northern: {
		Blaine: 'BLW',
		Spokane: 'SPW',
		Havre: 'HVM',
		'Grand Forks': 'GFN',
		Detroit: 'DTM',
		Buffalo: 'BUN',
		Swanton: 'SWB',
		Houlton: 'HLT'
	},
	other: { Livermore: 'LIV', 'New Orleans': 'NLL', Miami: 'MIP', Ramey: 'RMY' }
};

export const SOUTHWEST_SECTOR_CODES = Object.values(USBP_SECTORS.southwest);

/** One aggregated cell: month × component × region × area × title (null = unsplit, PDF). */
interface Cell {
	component: Component;
	region: Region;
	area: string;
	title: Title | null;
	count: number;
}

interface FileData {
	/** month → cell key → cell */
	byMonth: Map<string, Map<string, Cell>>;
	/** Encounter Count by fiscal year (as written in the file), for whole-file checks. */
	fiscalYearTotals: Map<number, number>;
}

const fileCache = new Map<string, FileData>();

function add(data: FileData, month: string, fy: number, cell: Omit<Cell, 'count'>, n: number) {
	let cells = data.byMonth.get(month);
	if (!cells) data.byMonth.set(month, (cells = new Map()));
	const key = `${cell.component}|${cell.region}|${cell.area}|${cell.title}`;
	const existing = cells.get(key);
	if (existing) existing.count += n;
	else cells.set(key, { ...cell, count: n });
	data.fiscalYearTotals.set(fy, (data.fiscalYearTotals.get(fy) ?? 0) + n);
}

function ofoArea(cityName: string): string {
	return 'ofo-' + cityName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function loadEncounterFile(path: string): FileData {
	const cached = fileCache.get(path);
	if (cached) return cached;
	const entry = entryByPath(path);
	const data: FileData = { byMonth: new Map(), fiscalYearTotals: new Map() };
	const { rows } = readRows(path);
	for (const row of rows) {
		if (entry.layout === 'aor') {
			const month = monthOfRow(row);
			const component = oneOf(row['Component'], COMPONENT_OF, 'component');
			const region = oneOf(row['Land Border Region'], REGION_OF, 'region');
			const abbv = row['AOR (Abbv)'];
			const area = component === 'usbp' ? abbv : ofoArea(abbv);
			if (component === 'usbp' && !Object.values(USBP_SECTORS[region]).includes(abbv))
				throw new Error(`expected.ts: ${path}: USBP sector ${abbv} not in ${region}`);
			const title = oneOf(row['Title of Authority'], TITLE_OF, 'title');
			add(
				data,
				month,
				fiscalYearOfMonth(month),
				{ component, region, area, title },
				count(row['Encounter Count'], path)
			);
		} else if (entry.layout === 'sector-derived') {
			const month = monthOfRow(row);
			const component = oneOf(row['component'], COMPONENT_OF, 'component');
			const region = oneOf(row['land_border_region'], REGION_OF, 'region');
			if (component !== 'usbp' || region !== 'southwest')
				throw new Error(`expected.ts: ${path}: row outside USBP Southwest`);
			const area = row['aor_abbv'];
			if (!SOUTHWEST_SECTOR_CODES.includes(area))
				throw new Error(`expected.ts: unknown sector ${area}`);
			const title = oneOf(row['title_of_authority'], TITLE_OF, 'title');
			add(
				data,
				month,
				fiscalYearOfMonth(month),
				{ component, region, area, title },
				count(row['encounter_count'], path)
			);
		} else if (entry.layout === 'sector-pdf') {
			const month = monthOfRow(row);
			const region = oneOf(row['land_border_region'], REGION_OF, 'region');
			const area = USBP_SECTORS[region][row['sector']];
			if (!area) throw new Error(`expected.ts: ${path}: unknown ${region} sector ${row['sector']}`);
			add(
				data,
				month,
				fiscalYearOfMonth(month),
				{ component: 'usbp', region, area, title: null },
				count(row['encounters'], path)
			);
		} else {
			throw new Error(`expected.ts: ${path} has layout ${entry.layout}, not an encounters file`);
		}
	}
	fileCache.set(path, data);
	return data;
}

// ---------------------------------------------------------------------------------------------
// Precedence

/**
 * Highest precedence first, as documented (AOR releases, state releases, each newest first; derived
 * sectors; the Southwest file by component; the PDF series).
 */
export const PRECEDENCE = [
	'nationwide-encounters-fy21-fy24-aor.csv',
	'nationwide-encounters-fy20-fy23-aor.csv',
	'nationwide-encounters-fy23-fy26-nov-state.csv',
	'nationwide-encounters-fy22-fy25-state.csv',
	'nationwide-encounters-fy20-fy23-state.csv',
	'usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv',
	'sbo-encounters-fy22-fy25-aug.csv',
	'usbp_monthly_encounters_by_sector_fy2000_fy2020_long.csv'
] as const;

export const SOUTHWEST_COMPONENT_FILE = 'sbo-encounters-fy22-fy25-aug.csv';

/**
 * What a view can need of a file beyond month and scope: areas, one component apart from the
 * other, a demographic, a citizenship, an encounter type, a state, a citizenship group (the
 * Southwest-by-component file's five).
 */
export type Need =
	'area' | 'component' | 'demographic' | 'citizenship' | 'type' | 'state' | 'group';

/**
 * What each file holds, read off its columns (data/README.md): the state releases have no
 * Component, AOR or Encounter Type column; the by-component file no AOR and five citizenship groups.
 */
const HOLDS: Record<(typeof PRECEDENCE)[number], Need[]> = {
	'nationwide-encounters-fy21-fy24-aor.csv': [
		'area',
		'component',
		'demographic',
		'citizenship',
		'type'
	],
	'nationwide-encounters-fy20-fy23-aor.csv': [
		'area',
		'component',
		'demographic',
		'citizenship',
		'type'
	],
	'nationwide-encounters-fy23-fy26-nov-state.csv': ['demographic', 'citizenship', 'state'],
	'nationwide-encounters-fy22-fy25-state.csv': ['demographic', 'citizenship', 'state'],
	'nationwide-encounters-fy20-fy23-state.csv': ['demographic', 'citizenship', 'state'],
	'usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv': ['area', 'component', 'type'],
	'sbo-encounters-fy22-fy25-aug.csv': ['component', 'demographic', 'type', 'group'],
	'usbp_monthly_encounters_by_sector_fy2000_fy2020_long.csv': ['area', 'component', 'type']
};

export const holdsAll = (path: (typeof PRECEDENCE)[number], needs: Need[]) =>
	needs.every((n) => HOLDS[path].includes(n));

/** Guards the hard-coded list: a new encounters file in the manifest must be placed here first. */
function checkPrecedenceCoversManifest() {
	const encounterFiles = manifest()
		.files.filter((f) => f.role === 'encounters')
		.map((f) => f.path)
		.sort();
	const listed = [...PRECEDENCE].sort();
	if (JSON.stringify(encounterFiles) !== JSON.stringify(listed))
		throw new Error(
			`expected.ts: PRECEDENCE does not list the manifest's encounters files: ${encounterFiles}`
		);
}

export function covers(
	entry: ManifestEntry,
	month: string,
	component: Component,
	region: Region
): boolean {
	const i = monthIndex(month);
	return (
		entry.scope.components.includes(component) &&
		entry.scope.regions.includes(region) &&
		monthIndex(entry.coverage.from) <= i &&
		i <= monthIndex(entry.coverage.to)
	);
}

/**
 * The file (path) a month of a view comes from: the first of PRECEDENCE that covers the month in
 * every one of the view's scopes and holds everything it needs (USBP and OFO apart, unless the
 * view asks for both); null when none does. One file answers all the scopes, so a total never
 * mixes releases.
 */
export function chosenFile(
	month: string,
	scopes: [Component, Region][],
	needs: Need[] = []
): (typeof PRECEDENCE)[number] | null {
	checkPrecedenceCoversManifest();
	const both = (['usbp', 'ofo'] as const).every((c) => scopes.some(([s]) => s === c));
	const all: Need[] = both ? needs : [...needs, 'component'];
	for (const path of PRECEDENCE)
		if (holdsAll(path, all) && scopes.every(([c, r]) => covers(entryByPath(path), month, c, r)))
			return path;
	return null;
}

/** The file every number of this month and scope comes from when nothing more is asked. */
export function winningFile(
	month: string,
	component: Component,
	region: Region,
	needs: Need[] = []
): (typeof PRECEDENCE)[number] | null {
	return chosenFile(month, [[component, region]], needs);
}

/** As `winningFile`, but the manifest id. */
export function winningSource(month: string, component: Component, region: Region): string | null {
	const path = winningFile(month, component, region);
	return path === null ? null : entryByPath(path).id;
}

/** Sums of one file's cells for a month and scope, by area; optional title filter. */
function fileByArea(
	path: string,
	month: string,
	component: Component,
	region: Region,
	title?: Title
): Map<string, number> {
	const out = new Map<string, number>();
	if (component === 'usbp')
		for (const code of Object.values(USBP_SECTORS[region])) out.set(code, 0);
	const cells = loadEncounterFile(path).byMonth.get(month);
	for (const cell of cells?.values() ?? []) {
		if (cell.component !== component || cell.region !== region) continue;
		if (title !== undefined) {
			if (cell.title === null) throw new Error(`expected.ts: ${path} has no title split`);
			if (cell.title !== title) continue;
		}
		out.set(cell.area, (out.get(cell.area) ?? 0) + cell.count);
	}
	return out;
}

/**
 * Encounters (all titles) of the winning file for a month and scope, by area: USBP sectors by CBP
 * code (every sector of the region present, 0 when absent), OFO field offices as `ofo-<slug>`.
 * Null when no file covers the month and scope.
 */
export function encountersByArea(
	month: string,
	component: Component,
	region: Region
): Map<string, number> | null {
	const path = winningFile(month, component, region, ['area']);
	return path === null ? null : fileByArea(path, month, component, region);
}

export function encounterTotal(
	month: string,
	component: Component,
	region: Region,
	areas?: string[]
): number | null {
	const byArea = encountersByArea(month, component, region);
	if (byArea === null) return null;
	let total = 0;
	for (const [area, n] of byArea) if (!areas || areas.includes(area)) total += n;
	return total;
}

// ---------------------------------------------------------------------------------------------
// USBP Southwest

/** USBP Southwest encounters (Title 8 + Title 42) by sector code; null if no file covers the month. */
export function usbpSouthwestBySector(month: string): Map<string, number> | null {
	return encountersByArea(month, 'usbp', 'southwest');
}

export function usbpSouthwestTotal(month: string, sectors?: string[]): number | null {
	return encounterTotal(month, 'usbp', 'southwest', sectors);
}

/** The months some file covers for a scope (manifest coverage), first and last. */
function coveredSpan(component: Component, region: Region): { from: string; to: string } {
	const entries = PRECEDENCE.map(entryByPath).filter(
		(e) => e.scope.components.includes(component) && e.scope.regions.includes(region)
	);
	const from = Math.min(...entries.map((e) => monthIndex(e.coverage.from)));
	const to = Math.max(...entries.map((e) => monthIndex(e.coverage.to)));
	return { from: monthFromIndex(from), to: monthFromIndex(to) };
}

/** Every month from the first to the last covered, with its value and source (manifest id). */
export function usbpSouthwestMonthlySeries(
	sectors?: string[]
): { month: string; value: number; source: string }[] {
	const { from, to } = coveredSpan('usbp', 'southwest');
	return monthRange(from, to).map((month) => {
		const source = winningSource(month, 'usbp', 'southwest');
		if (source === null) throw new Error(`expected.ts: gap in USBP Southwest coverage at ${month}`);
		return { month, value: usbpSouthwestTotal(month, sectors)!, source };
	});
}

/**
 * The last month with USBP Southwest rows in any file, found in the data itself (not the
 * manifest), so it also checks the manifest's coverage.
 */
export function latestCoveredMonth(): string {
	let latest = -Infinity;
	for (const path of PRECEDENCE.filter((p) => holdsAll(p, ['area']))) {
		for (const [month, cells] of loadEncounterFile(path).byMonth) {
			if ([...cells.values()].some((c) => c.component === 'usbp' && c.region === 'southwest'))
				latest = Math.max(latest, monthIndex(month));
		}
	}
	return monthFromIndex(latest);
}

/** One named file's USBP Southwest numbers by sector, ignoring precedence (for cross-checks). */
export function fileUsbpSouthwestBySector(
	path: (typeof PRECEDENCE)[number],
	month: string,
	title?: Title
): Map<string, number> {
	return fileByArea(path, month, 'usbp', 'southwest', title);
}

/** Encounter Count summed by fiscal year over a whole encounters file. */
export function fileFiscalYearTotals(path: (typeof PRECEDENCE)[number]): Map<number, number> {
	return new Map(loadEncounterFile(path).fiscalYearTotals);
}

// ---------------------------------------------------------------------------------------------
// Southwest Land Border by component (sbo file)

let sboCache: Map<string, Map<string, number>> | null = null;

function loadSbo(): Map<string, Map<string, number>> {
	if (sboCache) return sboCache;
	const byMonth = new Map<string, Map<string, number>>();
	for (const row of readRows(SOUTHWEST_COMPONENT_FILE).rows) {
		// `Remaining` rows are real September rows (PROVENANCE H): kept like `FYTD` rows.
		if (row['Month Grouping'] !== 'FYTD' && row['Month Grouping'] !== 'Remaining')
			throw new Error(`expected.ts: unknown Month Grouping ${row['Month Grouping']}`);
		const month = monthOfRow(row);
		const component = oneOf(row['Component'], COMPONENT_OF, 'component');
		const title = oneOf(row['Title of Authority'], TITLE_OF, 'title');
		let cells = byMonth.get(month);
		if (!cells) byMonth.set(month, (cells = new Map()));
		const key = `${component}|${title}`;
		cells.set(key, (cells.get(key) ?? 0) + count(row['Encounter Count'], SOUTHWEST_COMPONENT_FILE));
	}
	return (sboCache = byMonth);
}

/**
 * Southwest land border encounters of one component in a month from the by-component file (all
 * titles unless `title` is given); null outside the file's manifest coverage.
 */
export function southwestComponentTotal(
	month: string,
	component: Component,
	title?: Title
): number | null {
	const entry = entryByPath(SOUTHWEST_COMPONENT_FILE);
	const i = monthIndex(month);
	if (i < monthIndex(entry.coverage.from) || i > monthIndex(entry.coverage.to)) return null;
	let total = 0;
	for (const [key, n] of loadSbo().get(month) ?? []) {
		const [c, t] = key.split('|');
		if (c === component && (title === undefined || t === title)) total += n;
	}
	return total;
}

/** Months present in the by-component file's rows (for coverage checks). */
export function southwestComponentMonths(): string[] {
	return [...loadSbo().keys()].sort();
}
