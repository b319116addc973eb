/**
 * src/lib/domain/events.ts and data/events.csv: the file parses with its exact header, every event
 * is dated in UTC and cited to an https page, rows are in date order, and the Title 42 events
 * fall on the same days as the definitions the rest of the app uses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ChartEvent } from '../../src/lib/charts/monthly-line';
import { TITLE_42_END, TITLE_42_START } from '../../src/lib/domain/definitions';
import {
	EVENT_COLUMNS,
	EventsParseError,
	parseEventsCsv,
	type BorderEvent
} from '../../src/lib/domain/events';

const CSV_PATH = resolve(__dirname, '../../data/events.csv');
const text = readFileSync(CSV_PATH, 'utf8');
const events = parseEventsCsv(text);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const HEADER = 'date,label,kind,source_url,source_title';
const row = (cells: Partial<Record<(typeof EVENT_COLUMNS)[number], string>> = {}) =>
	[
		cells.date ?? '2020-03-21',
		cells.label ?? 'An event',
		cells.kind ?? 'policy',
		cells.source_url ?? 'https://www.cbp.gov/page',
		cells.source_title ?? 'A page'
	].join(',');

describe('data/events.csv', () => {
	test('starts with exactly the header date,label,kind,source_url,source_title', () => {
		expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
		expect(EVENT_COLUMNS.join(',')).toBe(HEADER);
	});

	test('has a small number of events, each row becoming one event', () => {
		const dataLines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
		expect(events.length).toBe(dataLines);
		expect(events.length).toBeGreaterThanOrEqual(5);
		expect(events.length).toBeLessThanOrEqual(30);
	});

	test('lists its rows in date order, oldest first', () => {
		const fileOrder = text
			.split(/\r?\n/)
			.slice(1)
			.filter((l) => l.trim() !== '')
			.map((l) => l.slice(0, 10));
		expect(fileOrder).toEqual([...fileOrder].sort());
		expect(events.map((e) => isoDay(e.date))).toEqual(fileOrder);
	});

	test.each(events.map((e) => [isoDay(e.date), e.label, e] as const))(
		'%s %s: a UTC midnight date, a short label, a known kind and an https source with a title',
		(_day, _label, event) => {
			expect(event.date.getUTCHours()).toBe(0);
			expect(event.date.getUTCMinutes()).toBe(0);
			expect(event.label.length).toBeGreaterThan(0);
			expect(event.label.length).toBeLessThanOrEqual(32);
			expect(['policy', 'definition']).toContain(event.kind);
			expect(new URL(event.source).protocol).toBe('https:');
			expect(event.sourceTitle.length).toBeGreaterThan(10);
		}
	);

	test('dates Title 42 exactly as src/lib/domain/definitions.ts does, as the two definitional breaks', () => {
		const breaks = events.filter((e) => e.kind === 'definition');
		expect(breaks.map((e) => e.date.getTime())).toEqual([
			TITLE_42_START.getTime(),
			TITLE_42_END.getTime()
		]);
		for (const e of breaks) expect(e.label).toMatch(/Title 42/);
	});

	test('includes the start of Title 42 expulsions (2020-03-21) and their end (2023-05-11)', () => {
		const days = events.map((e) => isoDay(e.date));
		expect(days).toContain('2020-03-21');
		expect(days).toContain('2023-05-11');
	});

	test('cites each source with the date it supports in its title or URL', () => {
		const months = [
			'January',
			'February',
			'March',
			'April',
			'May',
			'June',
			'July',
			'August',
			'September',
			'October',
			'November',
			'December'
		];
		for (const e of events) {
			const long = `${months[e.date.getUTCMonth()]} ${e.date.getUTCDate()}, ${e.date.getUTCFullYear()}`;
			expect(`${e.sourceTitle} ${e.source}`, e.label).toContain(long);
		}
	});

	test('parses into values the monthly chart accepts as events', () => {
		const asChart: ChartEvent[] = events;
		expect(asChart).toHaveLength(events.length);
	});
});

describe('parseEventsCsv', () => {
	test('parses a row into a typed event with a UTC date', () => {
		const [event] = parseEventsCsv(`${HEADER}\n${row({ kind: 'definition' })}\n`);
		expect(event).toEqual<BorderEvent>({
			date: new Date(Date.UTC(2020, 2, 21)),
			label: 'An event',
			kind: 'definition',
			source: 'https://www.cbp.gov/page',
			sourceTitle: 'A page'
		});
		expect(event.date.toISOString()).toBe('2020-03-21T00:00:00.000Z');
	});

	test('reads quoted fields with commas, quotes and line breaks', () => {
		const [event] = parseEventsCsv(
			`${HEADER}\n2020-03-21,"Label, with comma",policy,https://a.gov/,"Title ""quoted""\nover two lines"\n`
		);
		expect(event.label).toBe('Label, with comma');
		expect(event.sourceTitle).toBe('Title "quoted"\nover two lines');
	});

	test('accepts a byte-order mark, CRLF line ends, and blank lines', () => {
		const events = parseEventsCsv(`\uFEFF${HEADER}\r\n${row()}\r\n\r\n${row()}\r\n`);
		expect(events).toHaveLength(2);
	});

	test('returns events in date order, keeping file order within a day', () => {
		const events = parseEventsCsv(
			[
				HEADER,
				row({ date: '2024-06-05', label: 'c' }),
				row({ date: '2019-01-28', label: 'a' }),
				row({ date: '2024-06-05', label: 'd' }),
				row({ date: '2020-03-21', label: 'b' })
			].join('\n')
		);
		expect(events.map((e) => e.label)).toEqual(['a', 'b', 'c', 'd']);
	});

	test('gives no events for a header alone', () => {
		expect(parseEventsCsv(`${HEADER}\n`)).toEqual([]);
	});

	test.each([
		['an empty file', '', 1, /expected the header "date,label,kind,source_url,source_title"/],
		['a missing column', 'date,label,kind,source_url\n', 1, /found "date,label,kind,source_url"/],
		['a renamed column', 'date,label,kind,url,source_title\n', 1, /expected the header/],
		[
			'columns in another order',
			'label,date,kind,source_url,source_title\n',
			1,
			/expected the header/
		],
		['an extra column', `${HEADER},notes\n`, 1, /expected the header/],
		['a short row', `${HEADER}\n${row()}\n2020-03-21,x,policy\n`, 3, /expected 5 fields, found 3/],
		[
			'a bad date',
			`${HEADER}\n${row({ date: '2020-3-21' })}\n`,
			2,
			/"2020-3-21" is not a YYYY-MM-DD/
		],
		['an impossible date', `${HEADER}\n${row({ date: '2023-02-30' })}\n`, 2, /"2023-02-30"/],
		['an empty label', `${HEADER}\n${row({ label: ' ' })}\n`, 2, /label is empty/],
		['an unknown kind', `${HEADER}\n${row({ kind: 'rumour' })}\n`, 2, /kind "rumour"/],
		[
			'an http source',
			`${HEADER}\n${row({ source_url: 'http://www.cbp.gov/' })}\n`,
			2,
			/source_url "http:\/\/www.cbp.gov\/" is not an https URL/
		],
		['no source', `${HEADER}\n${row({ source_url: '' })}\n`, 2, /source_url "" is not an https/],
		['no source title', `${HEADER}\n${row({ source_title: '' })}\n`, 2, /source_title is empty/],
		[
			'a bad row after a quoted line break',
			`${HEADER}\n2020-03-21,a,policy,https://a.gov/,"two\nlines"\n${row({ kind: 'x' })}\n`,
			4,
			/kind "x"/
		]
	])('rejects %s with an error naming line %j', (_name, csv, line, message) => {
		let error: unknown;
		try {
			parseEventsCsv(csv, 'data/events.csv');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(EventsParseError);
		expect((error as EventsParseError).line).toBe(line);
		expect((error as Error).message).toMatch(new RegExp(`^data/events\\.csv line ${line}: `));
		expect((error as Error).message).toMatch(message);
	});
});
