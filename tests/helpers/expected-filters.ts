/**
 * Independent expected values for filtered totals (demographic, citizenship, title, encounter
 * type, several components and regions), straight from the CSV rows with plain loops. It reuses
 * only the month arithmetic and the file-choice rule of expected.ts, never the app's SQL.
 */
import {
	PRECEDENCE,
	USBP_SECTORS,
	chosenFile,
	covers,
	holdsAll,
	manifest,
	monthOfRow,
	readRows,
	type Component,
	type Need,
	type Region
} from './expected';

export interface FilterSpec {
	components: Component[];
	regions: Region[];
	sectors?: string[];
	/** Two-letter codes, as the state releases have them. */
	states?: string[];
	demographic?: string;
	/** Slug: lower case, non-alphanumerics to `-` (the ASCII case of `citizenshipSlug`: the bundled labels are ASCII). */
	citizenship?: string;
	title?: '8' | '42';
	type?: 'apprehensions' | 'inadmissibles' | 'expulsions';
}

interface Row {
	month: string;
	/** Null in the state releases, which count USBP and OFO together. */
	component: Component | null;
	region: Region;
	/** Null in the Southwest-by-component file, which has no areas. */
	area: string | null;
	/** Only in the state releases. */
	state: string | null;
	/** Only in the Southwest-by-component file: its five citizenship groups, as slugs. */
	group: string | null;
	demographic: string | null;
	citizenship: string | null;
	title: string | null;
	type: string | null;
	count: number;
}

const DEMOGRAPHIC: Record<string, string> = {
	'Single Adults': 'single-adults',
	FMUA: 'fmua',
	'Accompanied Minors': 'accompanied-minors',
	'UC / Single Minors': 'uc',
	UAC: 'uc'
};
const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
const REGION: Record<string, Region> = {
	'Southwest Land Border': 'southwest',
	'Northern Land Border': 'northern',
	Other: 'other',
	'Coastal Border': 'other'
};

const cache = new Map<string, Map<string, Row[]>>();

/** Rows of one encounters file grouped by month. */
function rowsByMonth(path: string): Map<string, Row[]> {
	const hit = cache.get(path);
	if (hit) return hit;
	const layout = manifest().files.find((f) => f.path === path)!.layout;
	const out = new Map<string, Row[]>();
	for (const r of readRows(path).rows) {
		const month = monthOfRow(r);
		let row: Row;
		if (layout === 'aor') {
			const component: Component = r['Component'] === 'U.S. Border Patrol' ? 'usbp' : 'ofo';
			row = {
				month,
				component,
				region: REGION[r['Land Border Region']],
				area: component === 'usbp' ? r['AOR (Abbv)'] : `ofo-${slug(r['AOR (Abbv)'])}`,
				state: null,
				group: null,
				demographic: DEMOGRAPHIC[r['Demographic']],
				citizenship: slug(r['Citizenship']),
				title: r['Title of Authority'].replace('Title ', ''),
				type: r['Encounter Type'].toLowerCase(),
				count: Number(r['Encounter Count'])
			};
		} else if (layout === 'sector-derived') {
			row = {
				month,
				component: 'usbp',
				region: 'southwest',
				area: r['aor_abbv'],
				state: null,
				group: null,
				demographic: null,
				citizenship: null,
				title: r['title_of_authority'].replace('Title ', ''),
				type: r['encounter_type'].toLowerCase(),
				count: Number(r['encounter_count'])
			};
		} else if (layout === 'state') {
			row = {
				month,
				component: null,
				region: REGION[r['Land Border Region']],
				area: null,
				state: r['State'].trim(),
				group: null,
				demographic: DEMOGRAPHIC[r['Demographic']],
				citizenship: slug(r['Citizenship']),
				title: r['Title of Authority'].replace('Title ', ''),
				type: null,
				count: Number(r['Encounter Count'])
			};
		} else if (layout === 'southwest-component') {
			row = {
				month,
				component: r['Component'] === 'U.S. Border Patrol' ? 'usbp' : 'ofo',
				region: 'southwest',
				area: null,
				state: null,
				group: slug(r['Citizenship Grouping']),
				demographic: DEMOGRAPHIC[r['Demographic']],
				// Five citizenship groups of its own, not CBP's 22 values: never a citizenship answer.
				citizenship: null,
				title: r['Title of Authority'].replace('Title ', ''),
				type: r['Encounter Type'].toLowerCase(),
				count: Number(r['Encounter Count'])
			};
		} else {
			const region = REGION[r['land_border_region']];
			// Before March 2020 every USBP encounter in the PDF series is a Title 8 apprehension.
			const preTitle42 = month < '2020-03';
			row = {
				month,
				component: 'usbp',
				region,
				area: USBP_SECTORS[region][r['sector']],
				state: null,
				group: null,
				demographic: null,
				citizenship: null,
				title: preTitle42 ? '8' : null,
				type: preTitle42 ? 'apprehensions' : null,
				count: Number(r['encounters'])
			};
		}
		const list = out.get(month) ?? [];
		list.push(row);
		out.set(month, list);
	}
	cache.set(path, out);
	return out;
}

const scopesOf = (spec: FilterSpec): [Component, Region][] =>
	spec.components.flatMap((c) => spec.regions.map((r): [Component, Region] => [c, r]));

const needsOf = (spec: FilterSpec, extra: Need[] = []): Need[] => [
	...(spec.sectors?.length ? (['area'] as const) : []),
	...(spec.demographic ? (['demographic'] as const) : []),
	...(spec.citizenship ? (['citizenship'] as const) : []),
	...(spec.type ? (['type'] as const) : []),
	...(spec.states?.length ? (['state'] as const) : []),
	...extra
];

/** The rows of the file a month of the filter comes from (one file for all its scopes), or null. */
function chosenRows(month: string, spec: FilterSpec, extra: Need[] = []): Row[] | null {
	const path = chosenFile(month, scopesOf(spec), needsOf(spec, extra));
	if (path === null) return null;
	return (rowsByMonth(path).get(month) ?? []).filter(
		(row) =>
			(row.component === null || spec.components.includes(row.component)) &&
			spec.regions.includes(row.region) &&
			(!spec.sectors?.length || (row.area !== null && spec.sectors.includes(row.area))) &&
			(!spec.states?.length || (row.state !== null && spec.states.includes(row.state)))
	);
}

/**
 * The filter's total for a month, or null when no one file covers all its scopes and holds what
 * it needs (areas for chosen sectors, a demographic, a citizenship).
 */
export function filteredTotal(month: string, spec: FilterSpec): number | null {
	const rows = chosenRows(month, spec);
	if (rows === null) return null;
	let total = 0;
	for (const row of rows) if (matches(row, spec)) total += row.count;
	return total;
}

/** Whether a row of the chosen file counts under the filter's breakdowns. */
function matches(row: Row, spec: FilterSpec): boolean {
	return (
		(!spec.demographic || row.demographic === spec.demographic) &&
		(!spec.citizenship || row.citizenship === spec.citizenship) &&
		(!spec.title || row.title === spec.title) &&
		(!spec.type || row.type === spec.type)
	);
}

/**
 * The filter's count in each state for a month (every state of its scope, its own `states`
 * aside), from the file chosen for a view by state; null when no file answers it.
 */
export function filteredByState(month: string, spec: FilterSpec): Map<string, number> | null {
	const rows = chosenRows(month, { ...spec, states: [] }, ['state']);
	if (rows === null) return null;
	const out = new Map<string, number>();
	for (const row of rows)
		if (matches(row, spec)) out.set(row.state!, (out.get(row.state!) ?? 0) + row.count);
	return out;
}

/**
 * Every month any encounters file covers in some scope of the filter, in order; a view of one
 * component counts only files that hold it apart from the other.
 */
export function allCoveredMonths(spec: FilterSpec): string[] {
	const months = new Set<string>();
	const both = spec.components.length === 2;
	for (const path of PRECEDENCE.filter((p) => both || holdsAll(p, ['component']))) {
		const entry = manifest().files.find((f) => f.path === path)!;
		for (const month of rowsByMonth(path).keys())
			if (scopesOf(spec).some(([c, r]) => covers(entry, month, c, r))) months.add(month);
	}
	return [...months].sort();
}

/** A filter's monthly totals split by one dimension (for composition checks). */
export function filteredSplit(
	month: string,
	spec: FilterSpec,
	dimension: 'demographic' | 'citizenship' | 'title' | 'type' | 'group'
): Map<string, number> | null {
	const rows = chosenRows(month, spec, dimension === 'title' ? [] : [dimension]);
	if (rows === null) return null;
	const out = new Map<string, number>();
	for (const row of rows) {
		const key = row[dimension];
		if (key === null || !matches(row, spec)) continue;
		out.set(key, (out.get(key) ?? 0) + row.count);
	}
	return out;
}
