/**
 * What a valid row of each CSV layout looks like, checked in TypeScript before anything reaches
 * DuckDB. Each rule accepts exactly what the SQL normalisation in `schema.ts` accepts (labels
 * trimmed and matched case-sensitively against `vocabulary.ts`, month abbreviations in any case),
 * so a file that passes here also passes `fileProblemsStatement` on load.
 */
import { LAYOUTS, type LayoutId } from '../domain/layouts';
import type { ManifestFile } from '../domain/manifest';
import {
	MONTH_ABBREVIATIONS,
	fiscalYearOf,
	monthKey,
	monthOfFiscal,
	parseFiscalYear,
	parseMonthKey,
	utcMonth
} from '../domain/months';
import {
	AREAS_OF_RESPONSIBILITY,
	COMPONENTS,
	DEMOGRAPHICS,
	ENCOUNTER_TYPES,
	REGIONS,
	TITLES,
	type AreaOfResponsibility,
	type ComponentCode,
	type RegionCode
} from '../domain/vocabulary';

export type UploadLayoutId = LayoutId;

/** What one accepted row contributes to the file's summary. */
export interface RowFacts {
	/** The row's month; for annual layouts, October (the first month) of its fiscal year. */
	month: Date;
	fiscalYear: number;
	count: number;
	component: ComponentCode | null;
	region: RegionCode | null;
	/** The area of responsibility the row counts (a sector or field office code), if it names one. */
	area: string | null;
	/** The row's normalised key (every column but the count); a repeated key is counted twice. */
	key: string;
}

export interface CellProblem {
	column: string;
	value: string;
	reason: string;
	expected: string;
}

/** The first month of CBP's monthly series (October 1999, FY2000) and of its annual tables. */
export const FIRST_MONTH = utcMonth(1999, 9);
export const FIRST_FISCAL_YEAR = 1925;

/**
 * Collects the problems of one row; every check returns null when its cell is wrong. `latest` is
 * the last month a row may name: CBP publishes no month before it has ended, so a later one is a
 * typo (FY2099) that would move the explorer's default month there.
 */
export class RowCheck {
	readonly problems: CellProblem[] = [];
	constructor(
		private readonly cells: Record<string, string>,
		readonly latest: Date
	) {}

	value(column: string): string {
		return this.cells[column] ?? '';
	}

	fail(column: string, reason: string, expected: string): null {
		this.problems.push({ column, value: this.value(column), reason, expected });
		return null;
	}
}

export interface UploadLayout {
	id: UploadLayoutId;
	label: string;
	columns: string[];
	/** The column summed for reconciliation (`Encounter Count` in CBP's own layouts). */
	countColumn: string;
	/** The manifest role such a file would have; null when the app has no place for it yet. */
	role: ManifestFile['role'] | null;
	annual: boolean;
	/** The scope when the rows do not name it (the nationwide annual table covers every region). */
	scope?: { components: ComponentCode[]; regions: RegionCode[] };
	checkRow(check: RowCheck): RowFacts | null;
}

const quoted = (text: string) => `"${text}"`;
const listOf = (items: string[], max = 12) =>
	items.length <= max
		? items.map(quoted).join(', ')
		: `${items.slice(0, max).map(quoted).join(', ')} and ${items.length - max} more`;

function variantMap<T extends string>(table: Record<T, { variants: string[] }>): Map<string, T> {
	const map = new Map<string, T>();
	for (const [code, entry] of Object.entries(table) as [T, { variants: string[] }][])
		for (const variant of entry.variants) map.set(variant, code);
	return map;
}

interface LabelCodes {
	component: ComponentCode;
	region: RegionCode;
	demographic: string;
	title: string;
	encounterType: string;
}

const LABELS: { [K in keyof LabelCodes]: { map: Map<string, LabelCodes[K]>; what: string } } = {
	component: { map: variantMap(COMPONENTS), what: 'component' },
	region: { map: variantMap(REGIONS), what: 'land border region' },
	demographic: { map: variantMap(DEMOGRAPHICS), what: 'demographic' },
	title: { map: variantMap(TITLES), what: 'title of authority' },
	encounterType: { map: variantMap(ENCOUNTER_TYPES), what: 'encounter type' }
};

const AREAS: Record<ComponentCode, Map<string, AreaOfResponsibility>> = {
	usbp: new Map(),
	ofo: new Map()
};
for (const area of AREAS_OF_RESPONSIBILITY)
	for (const variant of area.variants) AREAS[area.component].set(variant, area);

const AREA_NAMES: Record<ComponentCode, string[]> = {
	usbp: AREAS_OF_RESPONSIBILITY.filter((a) => a.component === 'usbp').map((a) => a.name),
	ofo: AREAS_OF_RESPONSIBILITY.filter((a) => a.component === 'ofo').map((a) => a.name)
};

/** The annual sector tables carry their total as a pseudo-sector. */
const SOUTHWEST_TOTAL = 'Southwest Border Total';

const MAX_COUNT = 2_147_483_647; // DuckDB INTEGER, the type the normalisation casts counts to

function count(check: RowCheck, column: string): number | null {
	const text = check.value(column).trim();
	const expected = 'a whole number, 0 or more, written without separators';
	if (text === '') return check.fail(column, 'is empty', expected);
	if (/^\d+$/.test(text)) {
		const n = Number(text);
		return n > MAX_COUNT
			? check.fail(column, `is larger than ${MAX_COUNT.toLocaleString('en-US')}`, expected)
			: n;
	}
	if (/^-\s*\d+(\.\d+)?$/.test(text)) return check.fail(column, 'is negative', expected);
	if (/^\d{1,3}(,\d{3})+$/.test(text))
		return check.fail(column, 'has a thousands separator', expected);
	if (/^\d*\.\d+$/.test(text)) return check.fail(column, 'is not a whole number', expected);
	return check.fail(column, 'is not a number', expected);
}

function label<K extends keyof LabelCodes>(
	check: RowCheck,
	column: string,
	kind: K
): LabelCodes[K] | null {
	const { map, what } = LABELS[kind];
	return (
		map.get(check.value(column).trim()) ??
		check.fail(column, `is not a known ${what}`, `one of ${listOf([...map.keys()])}`)
	);
}

/** A free-text label (a citizenship): it becomes a URL slug, so it needs a letter or digit. */
function text(check: RowCheck, column: string): string | null {
	const value = check.value(column).trim();
	if (value === '') return check.fail(column, 'is empty', 'a non-empty label');
	return /[\p{L}\p{N}]/u.test(value)
		? value
		: check.fail(
				column,
				'has no letter or digit',
				'a label such as MEXICO or "CHINA, PEOPLES REPUBLIC OF"'
			);
}

/** A fiscal year CBP can have published: from `first` to the one `latest` falls in. */
function fiscalYearInRecord(
	check: RowCheck,
	column: string,
	fiscalYear: number | null,
	first: number
) {
	if (fiscalYear === null) return null;
	const last = fiscalYearOf(check.latest);
	return fiscalYear >= first && fiscalYear <= last
		? fiscalYear
		: check.fail(
				column,
				fiscalYear < first
					? `is before FY${first}, the first year of CBP's ${first === FIRST_FISCAL_YEAR ? 'annual tables' : 'monthly series'}`
					: `is after FY${last}, the current fiscal year`,
				`a fiscal year from ${first} to ${last}`
			);
}

/** A month no later than `latest` (the row's fiscal year was checked already). */
function monthInRecord(check: RowCheck, column: string, month: Date | null): Date | null {
	if (month === null) return null;
	if (month < FIRST_MONTH)
		return check.fail(
			column,
			`is before ${monthKey(FIRST_MONTH)}, the first month of CBP's monthly series`,
			`a month from ${monthKey(FIRST_MONTH)} to ${monthKey(check.latest)}`
		);
	return month <= check.latest
		? month
		: check.fail(
				column,
				`names ${monthKey(month)}, a month that has not ended yet`,
				`a month up to ${monthKey(check.latest)}`
			);
}

function fiscalYearLabel(check: RowCheck, column: string): number | null {
	const fiscalYear = parseFiscalYear(check.value(column));
	if (fiscalYear === null)
		return check.fail(column, 'is not a fiscal year', 'a fiscal year such as 2024 or 2025 (FYTD)');
	return fiscalYearInRecord(check, column, fiscalYear, FIRST_MONTH.getUTCFullYear() + 1);
}

function fiscalYearNumber(
	check: RowCheck,
	column: string,
	first = FIRST_FISCAL_YEAR
): number | null {
	const value = check.value(column).trim();
	return /^\d{4}$/.test(value)
		? fiscalYearInRecord(check, column, Number(value), first)
		: check.fail(column, 'is not a fiscal year', 'a four-digit fiscal year such as 2024');
}

function monthAbbreviation(check: RowCheck, column: string): string | null {
	const value = check.value(column).trim().toUpperCase();
	return (MONTH_ABBREVIATIONS as readonly string[]).includes(value)
		? value
		: check.fail(column, 'is not a month abbreviation', `one of ${MONTH_ABBREVIATIONS.join(', ')}`);
}

function monthGrouping(check: RowCheck, column: string): string | null {
	const value = check.value(column).trim();
	return value === 'FYTD' || value === 'Remaining'
		? value
		: check.fail(column, 'is not a month grouping', '"FYTD" or "Remaining"');
}

function isoMonth(check: RowCheck, column: string): Date | null {
	const month = parseMonthKey(check.value(column));
	return month
		? monthInRecord(check, column, month)
		: check.fail(column, 'is not a month', 'a month written YYYY-MM, such as 2024-06');
}

/** A derived file's `fiscal_year` must be the fiscal year its `month` falls in. */
function fiscalYearOfMonth(check: RowCheck, column: string, month: Date | null): number | null {
	const fiscalYear = fiscalYearNumber(check, column, FIRST_MONTH.getUTCFullYear() + 1);
	if (fiscalYear === null || month === null) return fiscalYear;
	const expected = fiscalYearOf(month);
	return fiscalYear === expected
		? fiscalYear
		: check.fail(
				column,
				`is not the fiscal year of ${monthKey(month)}`,
				`${expected} (CBP's fiscal year N runs from October N-1 to September N)`
			);
}

/**
 * An area of responsibility of the row's component (either, when the component is itself wrong);
 * a USBP sector must also lie in the row's land border region.
 */
function area(
	check: RowCheck,
	column: string,
	component: ComponentCode | null,
	region: { column: string; code: RegionCode | null } | null
): AreaOfResponsibility | null {
	const value = check.value(column).trim();
	const found = component
		? AREAS[component].get(value)
		: (AREAS.usbp.get(value) ?? AREAS.ofo.get(value));
	if (!found) {
		const other = component && AREAS[component === 'usbp' ? 'ofo' : 'usbp'].get(value);
		const names = component ? AREA_NAMES[component] : [...AREA_NAMES.usbp, ...AREA_NAMES.ofo];
		return check.fail(
			column,
			other
				? `is ${other.component === 'ofo' ? 'an OFO field office' : 'a USBP sector'}, but the row's component is ${COMPONENTS[component].label}`
				: `is not a known ${component ? COMPONENTS[component].short + ' ' : ''}area of responsibility`,
			`one of ${listOf(names)} (with or without "Sector"/"Field Office")`
		);
	}
	if (region && region.code && found.region && found.region !== region.code)
		return check.fail(
			region.column,
			`does not match ${found.name}, which lies in the ${REGIONS[found.region].label}`,
			listOf(REGIONS[found.region].variants)
		);
	return found;
}

/** `AOR (Abbv)`: a USBP sector's code (`TCA`), or a field office's city (`Tucson`). */
function areaAbbreviation(check: RowCheck, column: string, found: AreaOfResponsibility | null) {
	if (!found) return;
	const expected =
		found.component === 'usbp' ? found.code : found.name.replace(/ Field Office$/, '');
	if (check.value(column).trim() !== expected)
		check.fail(column, `does not match the area of responsibility ${found.name}`, quoted(expected));
}

/** A USBP sector by name (`Tucson` or `Tucson Sector`), as in the PDF and annual tables. */
function usbpSector(
	check: RowCheck,
	column: string,
	region: { column: string; code: RegionCode | null } | null,
	allowTotal = false
): AreaOfResponsibility | 'total' | null {
	if (allowTotal && check.value(column).trim() === SOUTHWEST_TOTAL) return 'total';
	return area(check, column, 'usbp', region);
}

const key = (...parts: (string | number | null)[]) => parts.join('\u001f');

function fiscalMonth(
	check: RowCheck,
	fiscalYear: number | null,
	abbreviation: string | null
): Date | null {
	return fiscalYear === null || abbreviation === null
		? null
		: monthInRecord(check, 'Month (abbv)', monthOfFiscal(fiscalYear, abbreviation));
}

/** Every problem of a row is collected (not just the first), then the row is accepted or not. */
function done(check: RowCheck, facts: Partial<RowFacts>): RowFacts | null {
	if (check.problems.length) return null;
	return facts as RowFacts;
}

const layout = (id: LayoutId) => ({ id, label: LAYOUTS[id].label, columns: LAYOUTS[id].columns });

export const UPLOAD_LAYOUTS: UploadLayout[] = [
	{
		...layout('aor'),
		countColumn: 'Encounter Count',
		role: 'encounters',
		annual: false,
		checkRow(c) {
			const fiscalYear = fiscalYearLabel(c, 'Fiscal Year');
			monthGrouping(c, 'Month Grouping');
			const abbreviation = monthAbbreviation(c, 'Month (abbv)');
			const component = label(c, 'Component', 'component');
			const region = label(c, 'Land Border Region', 'region');
			const aor = area(c, 'Area of Responsibility', component, {
				column: 'Land Border Region',
				code: region
			});
			areaAbbreviation(c, 'AOR (Abbv)', aor);
			const demographic = label(c, 'Demographic', 'demographic');
			const citizenship = text(c, 'Citizenship');
			const title = label(c, 'Title of Authority', 'title');
			const type = label(c, 'Encounter Type', 'encounterType');
			const n = count(c, 'Encounter Count');
			const month = fiscalMonth(c, fiscalYear, abbreviation);
			return done(c, {
				month: month!,
				fiscalYear: fiscalYear!,
				count: n!,
				component,
				region,
				area: aor?.code ?? null,
				key: key(
					month && monthKey(month),
					component,
					region,
					aor?.code ?? null,
					demographic,
					citizenship,
					title,
					type
				)
			});
		}
	},
	{
		...layout('state'),
		countColumn: 'Encounter Count',
		role: 'encounters',
		annual: false,
		checkRow(c) {
			const fiscalYear = fiscalYearLabel(c, 'Fiscal Year');
			monthGrouping(c, 'Month Grouping');
			const abbreviation = monthAbbreviation(c, 'Month (abbv)');
			const region = label(c, 'Land Border Region', 'region');
			const state = c.value('State').trim();
			if (!/^[A-Z]{2}$/.test(state))
				c.fail('State', 'is not a state code', 'a two-letter code such as AZ, TX or PR');
			const demographic = label(c, 'Demographic', 'demographic');
			const citizenship = text(c, 'Citizenship');
			const title = label(c, 'Title of Authority', 'title');
			const n = count(c, 'Encounter Count');
			const month = fiscalMonth(c, fiscalYear, abbreviation);
			return done(c, {
				month: month!,
				fiscalYear: fiscalYear!,
				count: n!,
				component: null,
				region,
				area: null,
				key: key(month && monthKey(month), region, state, demographic, citizenship, title)
			});
		}
	},
	{
		...layout('southwest-component'),
		countColumn: 'Encounter Count',
		role: 'encounters',
		annual: false,
		checkRow(c) {
			const fiscalYear = fiscalYearLabel(c, 'Fiscal Year');
			monthGrouping(c, 'Month Grouping');
			const abbreviation = monthAbbreviation(c, 'Month (abbv)');
			const component = label(c, 'Component', 'component');
			const demographic = label(c, 'Demographic', 'demographic');
			const citizenship = text(c, 'Citizenship Grouping');
			const title = label(c, 'Title of Authority', 'title');
			const type = label(c, 'Encounter Type', 'encounterType');
			const n = count(c, 'Encounter Count');
			const month = fiscalMonth(c, fiscalYear, abbreviation);
			return done(c, {
				month: month!,
				fiscalYear: fiscalYear!,
				count: n!,
				component,
				region: 'southwest',
				area: null,
				key: key(month && monthKey(month), component, demographic, citizenship, title, type)
			});
		}
	},
	{
		...layout('sector-derived'),
		countColumn: 'encounter_count',
		role: 'encounters',
		annual: false,
		checkRow(c) {
			const month = isoMonth(c, 'month');
			const fiscalYear = fiscalYearOfMonth(c, 'fiscal_year', month);
			const component = label(c, 'component', 'component');
			const region = label(c, 'land_border_region', 'region');
			const aor = area(c, 'area_of_responsibility', component, {
				column: 'land_border_region',
				code: region
			});
			areaAbbreviation(c, 'aor_abbv', aor);
			const title = label(c, 'title_of_authority', 'title');
			const type = label(c, 'encounter_type', 'encounterType');
			const n = count(c, 'encounter_count');
			return done(c, {
				month: month!,
				fiscalYear: fiscalYear!,
				count: n!,
				component,
				region,
				area: aor?.code ?? null,
				key: key(month && monthKey(month), component, region, aor?.code ?? null, title, type)
			});
		}
	},
	{
		...layout('sector-pdf'),
		countColumn: 'encounters',
		role: 'encounters',
		annual: false,
		checkRow(c) {
			const month = isoMonth(c, 'month');
			const fiscalYear = fiscalYearOfMonth(c, 'fiscal_year', month);
			const region = label(c, 'land_border_region', 'region');
			const sector = usbpSector(c, 'sector', { column: 'land_border_region', code: region });
			const n = count(c, 'encounters');
			return done(c, {
				month: month!,
				fiscalYear: fiscalYear!,
				count: n!,
				component: 'usbp',
				region,
				area: sector === 'total' ? null : (sector?.code ?? null),
				key: key(month && monthKey(month), sector === 'total' ? sector : (sector?.code ?? null))
			});
		}
	},
	{
		...layout('annual-nationwide'),
		countColumn: 'apprehensions',
		role: 'history',
		annual: true,
		scope: { components: ['usbp'], regions: ['southwest', 'northern', 'other'] },
		checkRow(c) {
			const fiscalYear = fiscalYearNumber(c, 'fiscal_year');
			const n = count(c, 'apprehensions');
			return done(c, {
				month: fiscalYear === null ? undefined : utcMonth(fiscalYear - 1, 9),
				fiscalYear: fiscalYear!,
				count: n!,
				component: 'usbp',
				region: null,
				area: null,
				key: key(fiscalYear)
			});
		}
	},
	{
		...layout('annual-sector'),
		countColumn: 'total_apprehensions',
		role: 'history',
		annual: true,
		checkRow(c) {
			const sector = usbpSector(c, 'sector', null, true);
			const fiscalYear = fiscalYearNumber(c, 'fiscal_year');
			const n = count(c, 'total_apprehensions');
			return done(c, {
				month: fiscalYear === null ? undefined : utcMonth(fiscalYear - 1, 9),
				fiscalYear: fiscalYear!,
				count: n!,
				component: 'usbp',
				region: sector === 'total' ? 'southwest' : (sector?.region ?? null),
				area: sector === 'total' ? null : (sector?.code ?? null),
				key: key(sector === 'total' ? sector : (sector?.code ?? null), fiscalYear)
			});
		}
	}
];

export const UPLOAD_LAYOUT_BY_ID = new Map(UPLOAD_LAYOUTS.map((l) => [l.id, l]));
