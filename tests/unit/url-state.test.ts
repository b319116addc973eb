/**
 * The URL is the explorer's state: parsing and writing are pure and round-trip; defaults never go
 * into the URL; bad values fall back with a notice that quotes them.
 */
import { describe, expect, test } from 'vitest';
import { monthKey } from '../../src/lib/data/months';
import {
	DEFAULT_URL_STATE,
	applyChange,
	citizenshipSlug,
	parseUrlState,
	serializeUrlState,
	type UrlState
} from '../../src/lib/state/url-state';

const parse = (query: string) => parseUrlState(new URLSearchParams(query));
const utc = (key: string) => new Date(`${key}-01T00:00:00Z`);
const roundTrip = (query: string) => serializeUrlState(parse(query).state);

describe('defaults', () => {
	test('the default state writes an empty query string', () => {
		expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
	});

	test('an empty query string parses to the defaults with no notice', () => {
		expect(parse('')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
	});

	test.each([
		'component=usbp',
		'region=southwest',
		'title=all',
		'type=all',
		'year=fiscal',
		'per=month',
		'split=demographic',
		'scale=shared',
		'stack=stacked',
		'measure=change'
	])('an explicit default (%s) is not written back', (query) => {
		expect(roundTrip(query)).toBe('');
	});
});

describe('round trips', () => {
	test.each([
		'?sector=TCA,YUM',
		'?from=2020-01&to=2024-12',
		'?month=2025-06',
		'?component=ofo',
		'?component=all&region=all',
		'?region=northern',
		'?demographic=uc',
		'?citizenship=china-peoples-republic-of',
		'?title=42',
		'?type=expulsions',
		'?year=calendar',
		'?per=day',
		'?split=citizenship',
		'?scale=independent',
		'?stack=percent',
		'?measure=count',
		'?sector=ofo-el-paso',
		'?sector=BLW&from=2021-01&month=2022-06&demographic=fmua&title=8&type=apprehensions&per=day'
	])('%s', (query) => {
		expect(roundTrip(query)).toBe(query);
	});

	test('months are UTC first-of-month dates whatever the local zone', () => {
		const { state } = parse('from=2020-01&to=2024-12&month=2024-06');
		expect(state.from?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
		expect(state.to?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
		expect(state.month?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
	});
});

describe('sectors', () => {
	test('codes are case-insensitive, deduplicated and keep their order', () => {
		expect(parse('sector=yum,tca,YUM').state.sectors).toEqual(['YUM', 'TCA']);
		expect(parse('sector=OFO-El-Paso').state.sectors).toEqual(['ofo-el-paso']);
	});

	test('several sector parameters are merged', () => {
		expect(parse('sector=TCA&sector=YUM').state.sectors).toEqual(['TCA', 'YUM']);
	});

	test.each([
		['sector=BLW', 'usbp', 'northern'],
		['sector=MIP', 'usbp', 'other'],
		['sector=TCA,BLW', 'usbp', 'all'],
		['sector=ofo-el-paso', 'ofo', 'southwest'],
		['sector=TCA,ofo-tucson', 'all', 'southwest']
	])('%s sets component %s and region %s to match', (query, component, region) => {
		const { state, notices } = parse(query);
		expect([state.component, state.region]).toEqual([component, region]);
		expect(notices).toEqual([]);
	});

	test('a sector outside an explicitly chosen region is dropped with a notice', () => {
		const { state, notices } = parse('sector=TCA,BLW&region=southwest');
		expect(state.sectors).toEqual(['TCA']);
		expect(notices.join(' ')).toContain('BLW');
	});

	test('an unknown code is ignored with a notice that quotes it', () => {
		const { state, notices } = parse('sector=XYZ,TCA');
		expect(state.sectors).toEqual(['TCA']);
		expect(notices.join(' ')).toContain('“XYZ”');
	});

	test('commas stay readable in the written query string', () => {
		const state: UrlState = { ...DEFAULT_URL_STATE, sectors: ['TCA', 'YUM'] };
		expect(serializeUrlState(state)).toBe('?sector=TCA,YUM');
	});
});

describe('months and ranges', () => {
	test.each(['2025-13', '2025-6', 'june', '2025-06-01', '2025-00'])(
		'a bad month (%s) is ignored with a notice that quotes it',
		(bad) => {
			const { state, notices } = parse(`month=${bad}`);
			expect(state.month).toBeNull();
			expect(notices.join(' ')).toContain(bad);
		}
	);

	test('a reversed range is put in order with a notice', () => {
		const { state, notices } = parse('from=2024-01&to=2020-01');
		expect([monthKey(state.from!), monthKey(state.to!)]).toEqual(['2020-01', '2024-01']);
		expect(notices.join(' ')).toContain('reversed');
	});

	test.each([
		['from=2021-01&to=2022-12&month=2020-06', '2020-06', '2022-12'],
		['from=2021-01&to=2022-12&month=2024-06', '2021-01', '2024-06']
	])('a month outside from–to widens the range with a notice (%s)', (query, from, to) => {
		const { state, notices } = parse(query);
		expect([monthKey(state.from!), monthKey(state.to!)]).toEqual([from, to]);
		expect(notices.length).toBe(1);
	});

	test('several months use the first, with a notice', () => {
		const { state, notices } = parse('month=2025-06&month=2024-06');
		expect(monthKey(state.month!)).toBe('2025-06');
		expect(notices.join(' ')).toContain('2025-06, 2024-06');
	});
});

describe('other dimensions', () => {
	test.each([
		['component=cbp', 'component'],
		['region=east', 'region'],
		['title=9', 'title'],
		['type=arrests', 'type'],
		['year=lunar', 'year'],
		['per=week', 'per'],
		['split=age', 'split'],
		['scale=log', 'scale'],
		['stack=stream', 'stack'],
		['measure=rank', 'measure'],
		['demographic=adults', 'demographic']
	])('an invalid value (%s) falls back to the default with a notice', (query, name) => {
		const { state, notices } = parse(query);
		expect(state).toEqual(DEFAULT_URL_STATE);
		expect(notices.join(' ')).toContain(query.split('=')[1]);
		expect(notices.join(' ')).toContain(name);
	});

	test.each([
		['CHINA, PEOPLES REPUBLIC OF', 'china-peoples-republic-of'],
		['MYANMAR (BURMA)', 'myanmar-burma'],
		['EL SALVADOR', 'el-salvador'],
		['OTHER', 'other']
	])('citizenship %s has the slug %s', (label, slug) => {
		expect(citizenshipSlug(label)).toBe(slug);
		expect(parse(`citizenship=${encodeURIComponent(label)}`).state.citizenship).toBe(slug);
	});
});

describe('explicit links', () => {
	test('links for sharing always carry month, from and to', () => {
		const query = serializeUrlState(DEFAULT_URL_STATE, {
			month: utc('2025-06'),
			from: utc('1999-10'),
			to: utc('2026-08')
		});
		expect(query).toBe('?from=1999-10&to=2026-08&month=2025-06');
	});
});

describe('changes from the controls', () => {
	const state = (query: string) => parse(query).state;
	const after = (query: string, change: Partial<UrlState>) =>
		serializeUrlState(applyChange(state(query), change));

	test.each([
		['', { sectors: ['TCA'] }, '?sector=TCA'],
		['', { sectors: ['ofo-tucson'] }, '?sector=ofo-tucson'],
		['', { sectors: ['TCA', 'ofo-tucson'] }, '?sector=TCA,ofo-tucson'],
		['sector=ofo-tucson', { sectors: [] }, '?component=ofo'],
		['sector=TCA,BLW', { sectors: [] }, '?region=all'],
		[
			'component=ofo&region=northern',
			{ sectors: ['ofo-seattle'] },
			'?sector=ofo-seattle&region=northern'
		],
		['sector=BLW', { sectors: ['BLW', 'SDC'] }, '?sector=BLW,SDC'],
		['sector=TCA&month=2024-01', { component: 'all' }, '?sector=TCA&month=2024-01&component=all'],
		['sector=TCA,EPT', { component: 'ofo' }, '?component=ofo'],
		['sector=TCA,BLW', { region: 'northern' }, '?sector=BLW'],
		['month=2024-01', { month: utc('2023-05') }, '?month=2023-05']
	] as const)('%s + %j → %s', (query, change, expected) => {
		expect(after(query, change as Partial<UrlState>)).toBe(expected);
	});

	test('a choice of sectors sets component and region as a link with those sectors would', () => {
		for (const sectors of [['TCA'], ['BLW'], ['TCA', 'BLW'], ['TCA', 'ofo-laredo']]) {
			const next = applyChange(state('component=all&region=all'), { sectors });
			const linked = state(`sector=${sectors.join(',')}`);
			expect([next.component, next.region, next.sectors], sectors.join()).toEqual([
				linked.component,
				linked.region,
				linked.sectors
			]);
		}
	});
});
