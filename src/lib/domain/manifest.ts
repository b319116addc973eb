/**
 * Types for `data/manifest.json`, the list of every CBP file the app reads, and the one rule that
 * decides which file a month's numbers come from.
 */
import type { LayoutId } from './layouts';
import type { ComponentCode, RegionCode } from './vocabulary';

export interface ManifestFile {
	/** Also the DuckDB table name: lower-case letters, digits and `_`. */
	id: string;
	/** File name inside `data/`. */
	path: string;
	layout: LayoutId;
	/** Short name for source lines and chart labels. */
	label: string;
	title: string;
	publisher: string;
	/** CBP's page for the data set. */
	source: string;
	/** CBP's URL for this exact file. */
	url: string;
	/** Where this byte-exact copy was obtained. */
	obtained_from: string;
	/** CBP release (`YYYY-MM`): newer releases win where coverage overlaps. */
	release: string;
	data_as_of: string;
	/** True for files made by this project's sources from CBP material (transcribed, reshaped). */
	derived: boolean;
	/** `encounters` feeds the normalized view; `history` the annual long-history series. */
	role: 'encounters' | 'history';
	measures: string;
	scope: { components: ComponentCode[]; regions: RegionCode[] };
	sha256: string;
	bytes: number;
	rows: number;
	columns: string[];
	/** First and last month covered; `months` counts distinct months (or years, for annual files). */
	coverage: { from: string; to: string; months: number };
	/**
	 * Uploads only: the month × component × region cells the file has rows for. Precedence then
	 * uses these instead of `coverage` × `scope`, so a sparse file replaces only what it holds.
	 */
	holds?: { month: string; component: ComponentCode; region: RegionCode }[];
}

export interface Manifest {
	description: string;
	files: ManifestFile[];
}

/**
 * The documented precedence (data/README.md): CBP's CSV releases by AOR, then by state, then the
 * derived sector file, then CBP's Southwest-by-component file, then the FY2000–FY2020 PDF series;
 * among releases of one layout, the newer wins. Higher rank wins, among the files that hold what
 * a view needs (`LAYOUT_HOLDS`).
 */
const LAYOUT_TIER: Record<LayoutId, number> = {
	aor: 5,
	state: 4,
	'sector-derived': 3,
	'southwest-component': 2,
	'sector-pdf': 1,
	'annual-nationwide': 0,
	'annual-sector': 0
};

/**
 * What a view can ask of a file beyond its month and scope: areas (sectors, field offices), USBP
 * and OFO apart (`component`), a demographic, a citizenship (CBP's 22 values), an encounter type,
 * a state, the Southwest file's five citizenship groups.
 */
export type Breakdown =
	| 'aor'
	| 'component'
	| 'demographic'
	| 'citizenship'
	| 'encounter_type'
	| 'state'
	| 'citizenship_group';

export const BREAKDOWNS: Breakdown[] = [
	'aor',
	'component',
	'demographic',
	'citizenship',
	'encounter_type',
	'state',
	'citizenship_group'
];

const holding = (...held: Breakdown[]) =>
	Object.fromEntries(BREAKDOWNS.map((b) => [b, held.includes(b)])) as Record<Breakdown, boolean>;

/**
 * The breakdowns each layout's rows hold. A view that needs one is answered by the
 * highest-ranked file that holds it: the state releases have demographics and citizenships but
 * count USBP and OFO together; the Southwest-by-component file has components and demographics
 * but no sectors; the sector files have sectors only.
 */
export const LAYOUT_HOLDS: Record<LayoutId, Record<Breakdown, boolean>> = {
	aor: holding('aor', 'component', 'demographic', 'citizenship', 'encounter_type'),
	state: holding('demographic', 'citizenship', 'state'),
	'sector-derived': holding('aor', 'component', 'encounter_type'),
	'southwest-component': holding('component', 'demographic', 'encounter_type', 'citizenship_group'),
	'sector-pdf': holding('aor', 'component', 'encounter_type'),
	'annual-nationwide': holding(),
	'annual-sector': holding('aor')
};

export function precedenceRank(files: ManifestFile[]): Map<string, number> {
	const ordered = [...files].sort(
		(a, b) => LAYOUT_TIER[a.layout] - LAYOUT_TIER[b.layout] || a.release.localeCompare(b.release)
	);
	return new Map(ordered.map((f, i) => [f.id, i + 1]));
}
