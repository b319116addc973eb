/**
 * Checks a CBP CSV before anything is loaded: size, encoding, header (which layout), then every
 * row. Loading is all-or-nothing, so the result says `ok: false` when any row is rejected and lists
 * each rejected row with its physical line in the file (correct when a quoted field spans lines),
 * the column, the value, the reason and what was expected. Pure TypeScript over papaparse: the
 * same code runs in the browser (uploads) and in Node (`npm run data:update`, tests).
 */
import Papa from 'papaparse';
import { formatCount, formatMonthShort } from '../format';
import { layoutOfHeader } from '../domain/layouts';
import { LAYOUT_HOLDS } from '../domain/manifest';
import { addMonths, monthKey, parseMonthKey, utcMonth } from '../domain/months';
import type { ComponentCode, RegionCode } from '../domain/vocabulary';
import { decodeCsvBytes } from './decode';
import {
	RowCheck,
	UPLOAD_LAYOUTS,
	UPLOAD_LAYOUT_BY_ID,
	type UploadLayout,
	type UploadLayoutId
} from './rules';

export { UPLOAD_LAYOUTS, type UploadLayout, type UploadLayoutId } from './rules';

/** Uploads over this size are refused before a byte is read. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** CBP rows are under 300 characters; a row this long is not a CBP row (and is not echoed). */
export const MAX_ROW_CHARS = 10_000;
/** Rejected rows listed in full; beyond this they are only counted (`rejectedNotListed`). */
export const MAX_LISTED_REJECTIONS = 10_000;

export interface RejectedRow {
	/** Physical line (1-based, the header is line 1) where the row starts. */
	line: number;
	/** Last physical line of the row: later than `line` when a quoted field holds a line break. */
	endLine: number;
	/** The column at fault, or null when the whole row is (wrong field count, broken quotes). */
	column: string | null;
	/** The value as read (shortened to 80 characters). */
	value: string;
	reason: string;
	expected: string;
	/** One sentence naming the file, line, column, problem and what was expected. */
	message: string;
}

export interface ValidationResult {
	ok: boolean;
	fileName: string;
	bytes: number;
	layout: UploadLayoutId | null;
	layoutLabel: string | null;
	/** The manifest role a file of this layout has; null when the app has no place for it yet. */
	role: UploadLayout['role'];
	/** The header as read. */
	columns: string[];
	/** Data rows read (blank lines are skipped, not counted). */
	rowsRead: number;
	rowsAccepted: number;
	/** Distinct rows rejected (a row with two bad cells is one row, two entries in `rejected`). */
	rowsRejected: number;
	rejected: RejectedRow[];
	/** Problems found beyond `MAX_LISTED_REJECTIONS`, counted but not listed. */
	rejectedNotListed: number;
	fiscalYears: number[];
	/** Months named by the rows (`YYYY-MM`); annual layouts name the October opening each year. */
	months: { first: string | null; last: string | null; list: string[] };
	/** As in the manifest: annual rows cover their whole fiscal year, October to September. */
	coverage: { from: string; to: string; months: number } | null;
	/** Components and land border regions the accepted rows name. */
	scope: { components: ComponentCode[]; regions: RegionCode[] };
	/** The column summed into `countSum` (`Encounter Count` in CBP's layouts). */
	countColumn: string | null;
	/** Sum of the count column over accepted rows, as parsed by papaparse (for reconciliation). */
	countSum: number;
	/** File-level problems, each a sentence naming the file; empty when `ok`. */
	errors: string[];
	/** One plain-language line for the upload panel. */
	summary: string;
	/** The file started with a UTF-8 byte-order mark (accepted and ignored). */
	hadBom: boolean;
	/**
	 * What the file holds, per month × component × region: the sum of its counts and the areas
	 * (sectors, field offices) it names. A month or scope with no row is not held.
	 */
	cells: HeldCell[];
	/**
	 * The accepted rows re-written as plain CSV (trimmed cells, LF line ends, no byte-order mark),
	 * when `ok`: what DuckDB reads, so the load sees exactly what was checked.
	 */
	canonical: string | null;
}

export interface HeldCell {
	month: string;
	component: ComponentCode | null;
	region: RegionCode | null;
	count: number;
	areas: string[];
}

export interface ValidateOptions {
	/** The last month a row may name; the month before today's by default. */
	latest?: Date;
	/** Called now and then with the share of the text read (0–1). */
	onProgress?: (fraction: number) => void;
}

/** Control, format (bidi overrides, zero-width, a stray byte-order mark), private-use and
 * surrogate code points, and noncharacters: invisible in a label, and unsafe in titles and SVG. */
const HIDDEN =
	/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u{FDD0}-\u{FDEF}\u{FFFE}\u{FFFF}\u{1FFFE}\u{1FFFF}\u{10FFFE}\u{10FFFF}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
const codePoint = (c: string) =>
	`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** CSV quoting for the canonical copy. */
const csvCell = (value: string) =>
	/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const COMPONENT_ORDER: ComponentCode[] = ['usbp', 'ofo'];
const REGION_ORDER: RegionCode[] = ['southwest', 'northern', 'other'];

/** Hidden characters spelt out (`U+202E`), so none reaches the page raw. */
const spell = (value: string) => value.replace(HIDDEN_ALL, codePoint);
/** A value quoted for a message. */
const show = (value: string, max = 80) =>
	spell(JSON.stringify(value.length > max ? value.slice(0, max) + '…' : value));

const lines = (line: number, endLine: number) =>
	endLine > line ? `lines ${line}–${endLine}` : `line ${line}`;

function emptyResult(fileName: string, bytes: number): ValidationResult {
	return {
		ok: false,
		fileName,
		bytes,
		layout: null,
		layoutLabel: null,
		role: null,
		columns: [],
		rowsRead: 0,
		rowsAccepted: 0,
		rowsRejected: 0,
		rejected: [],
		rejectedNotListed: 0,
		fiscalYears: [],
		months: { first: null, last: null, list: [] },
		coverage: null,
		scope: { components: [], regions: [] },
		countColumn: null,
		countSum: 0,
		errors: [],
		summary: '',
		hadBom: false,
		cells: [],
		canonical: null
	};
}

/** The refusal for a file too large to read, or null. Call it before reading the file. */
export function sizeProblem(fileName: string, size: number): string | null {
	return size > MAX_UPLOAD_BYTES
		? `${fileName}: is ${(size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are refused (CBP's largest CSV is about 8 MB)`
		: null;
}

function refuse(result: ValidationResult, error: string): ValidationResult {
	result.errors.push(error);
	return finish(result);
}

/** The layout whose columns are exactly this header (`layouts.ts`). */
export function uploadLayoutOfHeader(header: string[]): UploadLayout | null {
	const known = layoutOfHeader(header);
	return known ? (UPLOAD_LAYOUT_BY_ID.get(known.id) ?? null) : null;
}

const DELIMITERS: [string, string][] = [
	[';', 'semicolons (;)'],
	['\t', 'tabs'],
	['|', 'pipes (|)']
];

/** Why a header matches no layout: wrong delimiter, missing, extra, misspelt or reordered columns. */
function headerProblems(fileName: string, header: string[]): string[] {
	const at = `${fileName}, line 1`;
	const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
	const expectedHeader = (layout: UploadLayout) =>
		`the ${layout.label} header: ${layout.columns.join(',')}`;

	if (clean.length === 1) {
		for (const [delimiter, name] of DELIMITERS) {
			if (!clean[0].includes(delimiter)) continue;
			const split = clean[0].split(delimiter).map((c) => c.trim());
			const layout = closestLayout(split);
			return [
				`${at}: found one column ${show(clean[0], 120)}: the columns are separated by ${name}, not commas; expected ${layout ? expectedHeader(layout) : 'a comma-separated CBP header'}`
			];
		}
	}
	const duplicates = clean.filter((c, i) => clean.indexOf(c) !== i);
	const layout = closestLayout(clean);
	if (!layout)
		return [
			`${at}: the header ${show(clean.join(','), 200)} matches no known layout; expected one of: ${UPLOAD_LAYOUTS.map((l) => `${l.label} (${l.columns.join(',')})`).join('; ')}`
		];
	const problems: string[] = [];
	if (duplicates.length)
		problems.push(
			`repeated column${duplicates.length > 1 ? 's' : ''} ${duplicates.map((d) => show(d)).join(', ')}`
		);
	const missing = layout.columns.filter((c) => !clean.includes(c));
	const extra = clean.filter((c) => !layout.columns.includes(c));
	for (const column of missing) {
		const misspelt = extra.find(
			(e) => e.toLowerCase().replace(/\s+/g, ' ') === column.toLowerCase()
		);
		if (misspelt) {
			problems.push(`column ${show(misspelt)} should be spelt ${show(column)}`);
			extra.splice(extra.indexOf(misspelt), 1);
		} else problems.push(`missing column ${show(column)}`);
	}
	for (const column of extra)
		problems.push(
			column === '' ? 'an unnamed (empty) column' : `unexpected extra column ${show(column)}`
		);
	if (!problems.length) problems.push('the columns are in a different order');
	return [`${at}: ${problems.join('; ')}; expected ${expectedHeader(layout)}`];
}

/** The layout sharing most columns with a header, if it shares at least half of its own. */
function closestLayout(header: string[]): UploadLayout | null {
	let best: UploadLayout | null = null;
	let bestScore = 0;
	for (const layout of UPLOAD_LAYOUTS) {
		const shared = layout.columns.filter((c) => header.includes(c)).length;
		const score = shared - 0.01 * Math.abs(layout.columns.length - header.length);
		if (shared * 2 >= layout.columns.length && score > bestScore)
			[best, bestScore] = [layout, score];
	}
	return best;
}

/** Offsets of every line break, for turning a character offset into a physical line number. */
function lineIndex(text: string): (offset: number) => number {
	const breaks: number[] = [];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
	return (offset) => {
		let lo = 0;
		let hi = breaks.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (breaks[mid] < offset) lo = mid + 1;
			else hi = mid;
		}
		return lo + 1;
	};
}

/**
 * Validates one CSV file. `size` is checked before `bytes` is touched, so a caller that has only
 * the size (a browser `File`) can call `sizeProblem` first and read the bytes only if it is null.
 */
export function validateCsv(
	fileName: string,
	size: number,
	bytes: Uint8Array,
	{
		latest = addMonths(utcMonth(new Date().getUTCFullYear(), new Date().getUTCMonth()), -1),
		onProgress
	}: ValidateOptions = {}
): ValidationResult {
	const result = emptyResult(fileName, size);
	const tooLarge = sizeProblem(fileName, size);
	if (tooLarge) return refuse(result, tooLarge);
	if (bytes.length === 0)
		return refuse(
			result,
			`${fileName}: is empty (0 bytes); expected a CBP CSV with a header line and data rows`
		);

	const decoded = decodeCsvBytes(bytes);
	if (!decoded.ok) return refuse(result, `${fileName}: ${decoded.reason}`);
	result.hadBom = decoded.hadBom;
	// CRLF (CBP's own), LF and lone CR all end a line; one form makes line numbers simple.
	const text = decoded.text.replace(/\r\n?/g, '\n');
	if (text.trim() === '')
		return refuse(
			result,
			`${fileName}: contains only blank lines; expected a CBP CSV with a header line and data rows`
		);

	const lineAt = lineIndex(text);
	let layout: UploadLayout | null = null;
	let rowStart = 0;
	const rejectedLines = new Set<number>();
	const keys = new Map<string, number>();
	const months = new Set<string>();
	const fiscalYears = new Set<number>();
	const components = new Set<ComponentCode>();
	const regions = new Set<RegionCode>();
	const held = new Map<string, HeldCell & { areaSet: Set<string> }>();
	const canonical: string[] = [];
	let rowsSinceProgress = 0;

	const reject = (
		line: number,
		endLine: number,
		column: string | null,
		value: string,
		reason: string,
		expected: string
	) => {
		rejectedLines.add(line);
		if (result.rejected.length >= MAX_LISTED_REJECTIONS) {
			result.rejectedNotListed++;
			return;
		}
		const subject = column === null ? 'the row' : value.trim() === '' ? 'the cell' : show(value);
		result.rejected.push({
			line,
			endLine,
			column,
			value: spell(value.length > 80 ? value.slice(0, 80) + '…' : value),
			reason,
			expected,
			message: `${fileName}, ${lines(line, endLine)}${column === null ? '' : `, column ${show(column)}`}: ${subject} ${reason}; expected ${expected}`
		});
	};

	Papa.parse<string[]>(text, {
		delimiter: ',',
		newline: '\n',
		quoteChar: '"',
		escapeChar: '"',
		header: false,
		skipEmptyLines: false,
		step: (step, parser) => {
			const start = rowStart;
			const end = step.meta.cursor;
			rowStart = end;
			if (onProgress && ++rowsSinceProgress === 5_000) {
				rowsSinceProgress = 0;
				onProgress(end / text.length);
			}
			const cells = step.data;
			if (!step.errors.length && cells.length === 1 && cells[0].trim() === '') return;
			const line = lineAt(start);
			const endLine = lineAt(Math.max(start, end - 1));
			const rowText = text.slice(start, end).replace(/\n$/, '');

			if (!layout) {
				result.columns = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
				if (line !== 1)
					result.errors.push(
						`${fileName}: the file starts with ${line - 1} blank line${line > 2 ? 's' : ''}; expected the header on line 1`
					);
				if (end - start > MAX_ROW_CHARS)
					result.errors.push(
						`${fileName}, line ${line}: the first line is ${formatCount(end - start)} characters long; a CBP header is one short line of column names`
					);
				layout = uploadLayoutOfHeader(cells);
				if (!layout) result.errors.push(...headerProblems(fileName, cells));
				if (!layout || result.errors.length) parser.abort();
				return;
			}

			result.rowsRead++;
			if (end - start > MAX_ROW_CHARS)
				return reject(
					line,
					endLine,
					null,
					rowText,
					`is ${formatCount(rowText.length)} characters long`,
					`a CBP row of at most ${formatCount(MAX_ROW_CHARS)} characters (CBP rows are under 300)`
				);
			const quoteError = step.errors.find((e) => e.type === 'Quotes');
			if (quoteError) {
				const unclosed = step.errors.some((e) => e.code === 'MissingQuotes');
				const at = unclosed ? cells.length - 1 : cells.findIndex((c) => c.includes('"'));
				const column = layout.columns[at] ?? null;
				return reject(
					line,
					endLine,
					column,
					column === null ? rowText : cells[at],
					unclosed
						? 'opens a quoted field that is never closed (the rest of the file ran into it)'
						: 'has a malformed quoted field (text after its closing quote)',
					'a field quoted as "…" with any quote inside doubled ("")'
				);
			}
			if (cells.length !== layout.columns.length) {
				const delimiter = DELIMITERS.find(([d]) => cells.length === 1 && cells[0].includes(d));
				return reject(
					line,
					endLine,
					null,
					rowText,
					`has ${cells.length} field${cells.length === 1 ? '' : 's'}${delimiter ? `, separated by ${delimiter[1]} instead of commas` : ''}`,
					`${layout.columns.length} comma-separated fields, one per column (${layout.columns.join(',')})`
				);
			}
			// Any run of white space (tabs, no-break spaces, a line break inside quotes) reads as one
			// space, so a label means what it shows.
			const clean = cells.map((c) => c.replace(/\s+/gu, ' ').trim());
			let hidden = false;
			clean.forEach((value, i) => {
				const found = HIDDEN.exec(value);
				if (!found) return;
				hidden = true;
				reject(
					line,
					endLine,
					layout!.columns[i],
					value,
					`contains the invisible character ${codePoint(found[0])}`,
					'plain text without control, format or private-use characters'
				);
			});
			const check = new RowCheck(
				Object.fromEntries(layout.columns.map((c, i) => [c, clean[i]])),
				latest
			);
			const facts = layout.checkRow(check);
			for (const p of check.problems)
				reject(line, endLine, p.column, p.value, p.reason, p.expected);
			if (!facts || hidden) return;
			const seen = keys.get(facts.key);
			if (seen !== undefined)
				return reject(
					line,
					endLine,
					null,
					rowText,
					`repeats the labels and month of line ${seen}`,
					'each combination of month and labels once (a repeated row would be counted twice)'
				);
			keys.set(facts.key, line);
			months.add(monthKey(facts.month));
			fiscalYears.add(facts.fiscalYear);
			if (facts.component) components.add(facts.component);
			if (facts.region) regions.add(facts.region);
			const cellKey = `${monthKey(facts.month)}|${facts.component}|${facts.region}`;
			let cell = held.get(cellKey);
			if (!cell) {
				cell = {
					month: monthKey(facts.month),
					component: facts.component,
					region: facts.region,
					count: 0,
					areas: [],
					areaSet: new Set()
				};
				held.set(cellKey, cell);
			}
			cell.count += facts.count;
			if (facts.area) cell.areaSet.add(facts.area);
			canonical.push(clean.map(csvCell).join(','));
			result.countSum += facts.count;
			result.rowsAccepted++;
		}
	});

	const found = layout as UploadLayout | null;
	if (found) {
		result.layout = found.id;
		result.layoutLabel = found.label;
		result.role = found.role;
		result.countColumn = found.countColumn;
		result.scope = found.scope ?? {
			// Encounters without components (the state releases) count USBP and OFO together.
			components:
				found.role === 'encounters' && !LAYOUT_HOLDS[found.id].component
					? [...COMPONENT_ORDER]
					: COMPONENT_ORDER.filter((c) => components.has(c)),
			regions: REGION_ORDER.filter((r) => regions.has(r))
		};
	}
	result.rowsRejected = rejectedLines.size;
	const list = [...months].sort();
	result.months = { first: list[0] ?? null, last: list.at(-1) ?? null, list };
	result.fiscalYears = [...fiscalYears].sort((a, b) => a - b);
	if (list.length) {
		const to = found?.annual ? monthKey(addMonths(parseMonthKey(list.at(-1)!)!, 11)) : list.at(-1)!;
		result.coverage = { from: list[0], to, months: list.length };
	}
	if (found && !result.errors.length && result.rowsRead === 0)
		result.errors.push(
			`${fileName}: has a header (line 1) but no data rows; expected at least one row of ${found.label}`
		);
	result.cells = [...held.values()]
		.map(({ areaSet, ...cell }) => ({ ...cell, areas: [...areaSet].sort() }))
		.sort((a, b) => a.month.localeCompare(b.month));
	if (found && !result.errors.length && !result.rowsRejected)
		result.canonical = [found.columns.map(csvCell).join(','), ...canonical, ''].join('\n');
	onProgress?.(1);
	if (result.rowsRejected)
		result.errors.push(
			`${fileName}: ${formatCount(result.rowsRejected)} of ${formatCount(result.rowsRead)} rows rejected${result.rejectedNotListed ? ` (the first ${formatCount(MAX_LISTED_REJECTIONS)} problems are listed)` : ''}; nothing from this file is loaded`
		);
	return finish(result);
}

const monthLabel = (key: string) => formatMonthShort(parseMonthKey(key)!);

/** `FY2023–FY2026, Oct 2022 – Jul 2026` */
export function describeCoverage(
	result: Pick<ValidationResult, 'fiscalYears' | 'coverage'>
): string {
	const years = result.fiscalYears;
	if (!years.length || !result.coverage) return 'no months';
	const fy = years.length === 1 ? `FY${years[0]}` : `FY${years[0]}–FY${years.at(-1)}`;
	const { from, to } = result.coverage;
	return `${fy}, ${from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`}`;
}

function finish(result: ValidationResult): ValidationResult {
	result.ok = result.errors.length === 0 && result.rejected.length === 0;
	const rows = `${formatCount(result.rowsRead)} row${result.rowsRead === 1 ? '' : 's'}`;
	if (result.ok)
		result.summary = `Recognised ${result.layoutLabel}, ${describeCoverage(result)}, ${rows}`;
	else if (result.layoutLabel && result.rowsRejected) {
		const first = result.rejected[0];
		result.summary = `Refused ${result.fileName}: recognised ${result.layoutLabel}, but ${formatCount(result.rowsRejected)} of ${rows} ${result.rowsRejected === 1 ? 'was' : 'were'} rejected (first: ${first.message}); nothing was loaded`;
	} else result.summary = `Refused ${result.errors[0]}`;
	return result;
}

/** Every problem as one sentence: file-level errors, then each rejected row. */
export function problemMessages(result: ValidationResult): string[] {
	return [...result.errors, ...result.rejected.map((r) => r.message)];
}
