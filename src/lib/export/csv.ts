/**
 * The rows behind a figure as CSV for spreadsheets: papaparse writes it, with a UTF-8 byte order
 * mark (so Excel reads accents and dashes right), a header that names each column's unit, numbers
 * as numbers, and text cells that a spreadsheet would run as a formula neutralised with `'`.
 */
import Papa from 'papaparse';
import { plainText } from '../format';

export type CsvValue = string | number | boolean | null;

export interface CsvColumn<T> {
	/** With its unit: `encounters`, `encounters_per_day`, `change_percent`, `month` (YYYY-MM). */
	header: string;
	value: (row: T) => CsvValue;
}

/** A figure's rows and columns, typed at the figure and opaque to the download menu. */
export interface CsvTable {
	fields: string[];
	/** Built only when the CSV is downloaded, so a large table costs nothing until then. */
	rows: () => CsvValue[][];
}

export function csvTable<T>(columns: CsvColumn<T>[], rows: readonly T[]): CsvTable {
	return {
		fields: columns.map((c) => c.header),
		rows: () => rows.map((row) => columns.map((c) => c.value(row)))
	};
}

/**
 * Text starting with `=`, `+`, `-`, `@`, tab or CR is a formula to a spreadsheet (CSV injection).
 * papaparse's own default pattern misses multi-line cells, so the pattern here has no `$`.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const BOM = '\uFEFF';

export function toCsv(table: CsvTable): string {
	const data = table
		.rows()
		.map((row) => row.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
	return (
		BOM +
		Papa.unparse(
			// Headers are names, so `plainText`; cells are the data as loaded, written as they are.
			{ fields: table.fields.map(plainText), data },
			{ escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false }
		) +
		'\r\n'
	);
}

/** A number as shown on screen: per-day averages to one decimal, percentages to one decimal. */
export function rounded(value: number | null, digits: number): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
