/**
 * src/lib/state/url-state.ts: the page's state (headline month + Southwest USBP sectors) read from
 * and written to the query string. Defaults never reach the URL; bad values fall back with a notice.
 */
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_URL_STATE,
	parseUrlState,
	serializeUrlState,
	type UrlState
} from '../../src/lib/state/url-state';
import { SOUTHWEST_SECTORS_WEST_TO_EAST } from '../../src/lib/data/vocabulary';
import { monthKey } from '../../src/lib/data/months';

const parse = (query: string) => parseUrlState(new URLSearchParams(query));
const iso = (d: Date | null) => d?.toISOString() ?? null;
const june2025 = new Date(Date.UTC(2025, 5, 1));

describe('serializeUrlState', () => {
	test('writes nothing for the default state', () => {
		expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
	});

	test.each<[string, UrlState, string]>([
		['a month alone', { month: june2025, sectors: [] }, '?month=2025-06'],
		['a sector alone', { month: null, sectors: ['TCA'] }, '?sector=TCA'],
		[
			'month and sectors, commas kept readable',
			{ month: june2025, sectors: ['TCA', 'YUM'] },
			'?month=2025-06&sector=TCA,YUM'
		],
		[
			'a January month in UTC, not the local December',
			{ month: new Date(Date.UTC(2024, 0, 1)), sectors: [] },
			'?month=2024-01'
		]
	])('writes %s', (_name, state, expected) => {
		expect(serializeUrlState(state)).toBe(expected);
	});

	test('never writes an encoded comma', () => {
		const text = serializeUrlState({ month: null, sectors: ['SDC', 'ELC', 'RGV'] });
		expect(text).not.toContain('%2C');
		expect(text).toBe('?sector=SDC,ELC,RGV');
	});
});

describe('parseUrlState', () => {
	test('reads an empty query as the default state with no notices', () => {
		expect(parse('')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
	});

	test('reads an empty month and an empty sector list as defaults with no notices', () => {
		expect(parse('month=&sector=')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
	});

	test('reads a YYYY-MM month as the first of that month in UTC', () => {
		const { state, notices } = parse('month=2025-06');
		expect(iso(state.month)).toBe('2025-06-01T00:00:00.000Z');
		expect(notices).toEqual([]);
	});

	test.each(['2025-13', '2025-6', 'june', '2025-06-01', '2025-00'])(
		'turns the bad month %j into null with a notice naming it',
		(bad) => {
			const { state, notices } = parse(`month=${bad}`);
			expect(state.month).toBeNull();
			expect(notices).toHaveLength(1);
			expect(notices[0]).toContain(`“${bad}”`);
		}
	);

	test('keeps good sectors when the month is bad', () => {
		const { state, notices } = parse('month=june&sector=TCA');
		expect(state).toEqual({ month: null, sectors: ['TCA'] });
		expect(notices).toHaveLength(1);
	});

	test.each([
		['lower case', 'tca', ['TCA']],
		['mixed case', 'Tca,yUm', ['TCA', 'YUM']],
		['spaces around codes', ' TCA , YUM ', ['TCA', 'YUM']],
		['empty items between commas', 'TCA,,YUM,', ['TCA', 'YUM']]
	])('accepts sector codes in %s', (_name, sector, expected) => {
		const { state, notices } = parse(`sector=${encodeURIComponent(sector)}`);
		expect(state.sectors).toEqual(expected);
		expect(notices).toEqual([]);
	});

	test('keeps sectors in the order given, not border order', () => {
		expect(parse('sector=RGV,SDC,TCA').state.sectors).toEqual(['RGV', 'SDC', 'TCA']);
	});

	test.each([
		['exact repeats', 'TCA,YUM,TCA', ['TCA', 'YUM']],
		['repeats differing in case', 'tca,TCA,Tca', ['TCA']]
	])('drops duplicate sectors (%s) silently, keeping the first', (_name, sector, expected) => {
		const { state, notices } = parse(`sector=${sector}`);
		expect(state.sectors).toEqual(expected);
		expect(notices).toEqual([]);
	});

	test('accepts every Southwest sector', () => {
		const codes = SOUTHWEST_SECTORS_WEST_TO_EAST.map((s) => s.code);
		const { state, notices } = parse(`sector=${codes.join(',')}`);
		expect(state.sectors).toEqual(codes);
		expect(notices).toEqual([]);
	});

	test.each([
		['an unknown code', 'XYZ'],
		['a northern sector', 'BLW'],
		['a coastal sector', 'MIP'],
		['an OFO field office', 'ofo-el-paso']
	])('ignores %s with a notice naming it', (_name, code) => {
		const { state, notices } = parse(`sector=TCA,${code},YUM`);
		expect(state.sectors).toEqual(['TCA', 'YUM']);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain(`“${code}”`);
	});

	test('gives one notice per ignored code', () => {
		const { state, notices } = parse('month=2025-13&sector=XYZ,BLW');
		expect(state).toEqual(DEFAULT_URL_STATE);
		expect(notices).toHaveLength(3);
		expect(notices.join('\n')).toMatch(/2025-13[\s\S]*XYZ[\s\S]*BLW/);
	});
});

describe('round trips', () => {
	test.each<[string, UrlState]>([
		['the default state', DEFAULT_URL_STATE],
		['a month alone', { month: june2025, sectors: [] }],
		['sectors alone', { month: null, sectors: ['YUM', 'TCA'] }],
		['month and sectors', { month: new Date(Date.UTC(2000, 9, 1)), sectors: ['SDC', 'RGV', 'EPT'] }]
	])('parse(serialize(state)) gives back %s', (_name, state) => {
		const { state: back, notices } = parseUrlState(new URLSearchParams(serializeUrlState(state)));
		expect(iso(back.month)).toBe(iso(state.month));
		expect(back.sectors).toEqual(state.sectors);
		expect(notices).toEqual([]);
	});

	test.each([
		['?month=2025-06&sector=TCA,YUM', '?month=2025-06&sector=TCA,YUM'],
		['?sector=tca,yum,TCA&month=2025-06', '?month=2025-06&sector=TCA,YUM'],
		['?month=june&sector=XYZ', ''],
		['?sector=TCA%2CYUM', '?sector=TCA,YUM']
	])('normalises %j to %j', (query, expected) => {
		expect(serializeUrlState(parse(query).state)).toBe(expected);
	});
});

describe('repeated parameters', () => {
	test('several sector parameters are merged', () => {
		expect(parse('?sector=TCA&sector=YUM').state.sectors).toEqual(['TCA', 'YUM']);
	});

	test('several month parameters use the first, with a notice', () => {
		const parsed = parse('?month=2025-06&month=2024-06');
		expect(monthKey(parsed.state.month!)).toBe('2025-06');
		expect(parsed.notices.join(' ')).toContain('2025-06, 2024-06');
	});
});
