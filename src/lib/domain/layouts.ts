/**
 * The CSV layouts the app reads, recognised by their header. Each layout says how a row names its
 * month, which is all the manifest needs for coverage; the rest of the normalisation is SQL
 * (`schema.ts`).
 */
import { monthOfFiscal, parseFiscalYear, parseMonthKey } from './months';

export type LayoutId =
	| 'aor'
	| 'state'
	| 'southwest-component'
	| 'sector-derived'
	| 'sector-pdf'
	| 'annual-nationwide'
	| 'annual-sector';

export interface Layout {
	id: LayoutId;
	label: string;
	columns: string[];
	/**
	 * The month a parsed row (header → value) belongs to, or null when it names none. Annual
	 * layouts give the first month (October) of the row's fiscal year.
	 */
	monthOf(row: Record<string, string>): Date | null;
	/** Rows are whole fiscal years, not months. */
	annual?: boolean;
}

const fiscalMonth = (row: Record<string, string>) => {
	const fiscalYear = parseFiscalYear(row['Fiscal Year'] ?? '');
	return fiscalYear === null ? null : monthOfFiscal(fiscalYear, row['Month (abbv)'] ?? '');
};

const isoMonth = (row: Record<string, string>) => parseMonthKey(row['month'] ?? '');

const fiscalYearStart = (row: Record<string, string>) => {
	const fiscalYear = parseFiscalYear(row['fiscal_year'] ?? '');
	return fiscalYear === null ? null : monthOfFiscal(fiscalYear, 'OCT');
};

export const LAYOUTS: Record<LayoutId, Layout> = {
	aor: {
		id: 'aor',
		label: 'CBP Nationwide Encounters by Area of Responsibility',
		columns: [
			'Fiscal Year',
			'Month Grouping',
			'Month (abbv)',
			'Component',
			'Land Border Region',
			'Area of Responsibility',
			'AOR (Abbv)',
			'Demographic',
			'Citizenship',
			'Title of Authority',
			'Encounter Type',
			'Encounter Count'
		],
		monthOf: fiscalMonth
	},
	state: {
		id: 'state',
		label: 'CBP Nationwide Encounters by state',
		// No component, sector or encounter type: USBP and OFO together.
		columns: [
			'Fiscal Year',
			'Month Grouping',
			'Month (abbv)',
			'Land Border Region',
			'State',
			'Demographic',
			'Citizenship',
			'Title of Authority',
			'Encounter Count'
		],
		monthOf: fiscalMonth
	},
	'southwest-component': {
		id: 'southwest-component',
		label: 'CBP Southwest Land Border Encounters by component',
		columns: [
			'Fiscal Year',
			'Month Grouping',
			'Month (abbv)',
			'Component',
			'Demographic',
			'Citizenship Grouping',
			'Title of Authority',
			'Encounter Type',
			'Encounter Count'
		],
		monthOf: fiscalMonth
	},
	'sector-derived': {
		id: 'sector-derived',
		label: 'USBP Southwest sectors by month (derived, transcribed)',
		columns: [
			'month',
			'fiscal_year',
			'component',
			'land_border_region',
			'area_of_responsibility',
			'aor_abbv',
			'title_of_authority',
			'encounter_type',
			'encounter_count'
		],
		monthOf: isoMonth
	},
	'sector-pdf': {
		id: 'sector-pdf',
		label: 'USBP monthly encounters by sector, FY2000–FY2020 (from CBP PDF)',
		columns: ['month', 'fiscal_year', 'land_border_region', 'sector', 'encounters'],
		monthOf: isoMonth
	},
	'annual-nationwide': {
		id: 'annual-nationwide',
		label: 'USBP apprehensions nationwide by fiscal year',
		columns: ['fiscal_year', 'apprehensions'],
		monthOf: fiscalYearStart,
		annual: true
	},
	'annual-sector': {
		id: 'annual-sector',
		label: 'USBP apprehensions by Southwest sector and fiscal year',
		columns: ['sector', 'fiscal_year', 'total_apprehensions'],
		monthOf: fiscalYearStart,
		annual: true
	}
};

/** The layout whose columns are exactly this header (BOM and surrounding spaces ignored). */
export function layoutOfHeader(header: string[]): Layout | null {
	const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
	return (
		Object.values(LAYOUTS).find(
			(l) => l.columns.length === clean.length && l.columns.every((c, i) => c === clean[i])
		) ?? null
	);
}
