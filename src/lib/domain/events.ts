/**
 * Parses `data/events.csv`: the dated, cited policy and definition events drawn on the monthly
 * chart. The file is hand-written, so every row is checked and an error names the line to fix;
 * a chart annotation without a source would be a claim nobody can check.
 */
import Papa from 'papaparse';

export const EVENT_COLUMNS = ['date', 'label', 'kind', 'source_url', 'source_title'] as const;

/** `definition`: the meaning of the count changes on that date (a definitional break). */
export const EVENT_KINDS = ['policy', 'definition'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface BorderEvent {
	/** The day the event took effect, midnight UTC. */
	date: Date;
	label: string;
	kind: EventKind;
	/** The https URL of the official page that states the date. */
	source: string;
	sourceTitle: string;
}

export class EventsParseError extends Error {
	constructor(
		readonly fileName: string,
		readonly line: number,
		detail: string
	) {
		super(`${fileName} line ${line}: ${detail}`);
		this.name = 'EventsParseError';
	}
}

/** `YYYY-MM-DD` as a UTC Date; null for anything else, including 2023-02-30. */
function parseIsoDay(text: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 30 February over into March; a round trip catches it.
	return date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
		? date
		: null;
}

function isHttpsUrl(text: string): boolean {
	try {
		return new URL(text).protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * The events in date order (ties keep file order). Throws an EventsParseError naming the line
 * for a wrong header, a malformed row, a bad date or kind, or a missing or non-https source.
 */
export function parseEventsCsv(text: string, fileName = 'data/events.csv'): BorderEvent[] {
	const source = text.replace(/^\uFEFF/, '');
	const rows: { line: number; cells: string[] }[] = [];
	const problems: EventsParseError[] = [];
	let rowStart = 0;
	// Row by row so each row knows its line: a quoted field may span lines, so rows ≠ lines.
	Papa.parse<string[]>(source, {
		header: false,
		step(result) {
			const line = 1 + (source.slice(0, rowStart).match(/\n/g)?.length ?? 0);
			rowStart = result.meta.cursor;
			if (result.errors.length > 0)
				problems.push(new EventsParseError(fileName, line, result.errors[0].message));
			const cells = result.data;
			if (cells.length === 1 && cells[0].trim() === '') return;
			rows.push({ line, cells });
		}
	});
	if (problems.length > 0) throw problems[0];

	const [header, ...body] = rows;
	const expected = EVENT_COLUMNS.join(',');
	if (!header || header.cells.join(',') !== expected)
		throw new EventsParseError(
			fileName,
			header?.line ?? 1,
			`expected the header "${expected}", found "${header?.cells.join(',') ?? ''}"`
		);

	const events = body.map(({ line, cells }) => {
		if (cells.length !== EVENT_COLUMNS.length)
			throw new EventsParseError(
				fileName,
				line,
				`expected ${EVENT_COLUMNS.length} fields, found ${cells.length}`
			);
		const [dateText, label, kind, url, title] = cells.map((c) => c.trim());
		const date = parseIsoDay(dateText);
		if (!date) throw new EventsParseError(fileName, line, `"${dateText}" is not a YYYY-MM-DD date`);
		if (!label) throw new EventsParseError(fileName, line, 'the label is empty');
		if (!(EVENT_KINDS as readonly string[]).includes(kind))
			throw new EventsParseError(
				fileName,
				line,
				`kind "${kind}" is not one of ${EVENT_KINDS.join(', ')}`
			);
		if (!isHttpsUrl(url))
			throw new EventsParseError(fileName, line, `source_url "${url}" is not an https URL`);
		if (!title) throw new EventsParseError(fileName, line, 'the source_title is empty');
		return { date, label, kind: kind as EventKind, source: url, sourceTitle: title };
	});
	// Array sort is stable, so events on the same day keep their file order.
	return events.sort((a, b) => +a.date - +b.date);
}
