/**
 * The URL is the explorer's state: parsing and writing are pure and round-trip; defaults never go
 * into the URL; bad values fall back with a notice that quotes them.
 */
import { describe, expect, test } from 'vitest';
import { monthKey } from '../../src/lib/domain/months';
import {
	DEFAULT_URL_STATE,
	URL_YEARS,
	applyChange,
	citizenshipSlug,
	parseUrlState,
	serializeUrlState,
	withCitizenships,
	type UrlState
} from '../../src/lib/filters/url-state';

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

describe('the composition split by default', () => {
	test.each([
		['', 'demographic'],
		['demographic=uc', 'citizenship'],
		['demographic=uc&citizenship=mexico', 'title'],
		['demographic=uc&citizenship=mexico&title=8', 'type'],
		['title=8', 'demographic']
	])('?%s splits by %s, and the link does not say so', (query, split) => {
		expect(parse(query).state.split).toBe(split);
		expect(roundTrip(query)).toBe(query ? `?${query}` : '');
	});

	test('an explicit split that the filter fixes is kept and written', () => {
		expect(roundTrip('demographic=uc&split=demographic')).toBe('?demographic=uc&split=demographic');
	});

	test('a default split follows a change of filter; a chosen one stays', () => {
		const start = parse('').state;
		expect(applyChange(start, { demographic: 'uc' }).split).toBe('citizenship');
		const chosen = applyChange(start, { split: 'title' });
		expect(applyChange(chosen, { demographic: 'uc' }).split).toBe('title');
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

	test.each(['XYZ', '<script>', 'ofo-atlantis', 'ofo-__proto__'])(
		'an unknown code (%s) is ignored with a notice that quotes it',
		(code) => {
			const { state, notices } = parse(`sector=${encodeURIComponent(code)},TCA`);
			expect(state.sectors).toEqual(['TCA']);
			expect(notices).toEqual([`“${code}” is not a sector or field office code; ignored.`]);
		}
	);

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
		['from=2021-01&to=2022-12&month=2020-06', '2020-06'],
		['from=2015-01&to=2019-11&month=2025-06', '2025-06']
	])(
		'a month outside from–to leaves the range as the URL names it: the charts draw that (%s)',
		(query, month) => {
			const { state, notices } = parse(query);
			const [from, to] = query.split('&').map((p) => p.split('=')[1]);
			expect([monthKey(state.from!), monthKey(state.to!), monthKey(state.month!)]).toEqual([
				from,
				to,
				month
			]);
			expect(notices).toEqual([]);
		}
	);

	test('several months use the first, with a notice', () => {
		const { state, notices } = parse('month=2025-06&month=2024-06');
		expect(monthKey(state.month!)).toBe('2025-06');
		expect(notices.join(' ')).toContain('“2025-06”, “2024-06”');
	});

	// JavaScript dates read the years 0–99 as 1900–1999: such a month is refused, never moved.
	test.each([
		['month', '0050-06'],
		['from', '0099-01'],
		['to', '0000-01'],
		['month', '0999-12'],
		['month', '1899-12'],
		['from', '2101-01'],
		['to', '9999-12']
	])('%s=%s is outside the years the URL takes: ignored with a notice naming it', (name, key) => {
		const { state, notices } = parse(`${name}=${key}`);
		expect([state.month, state.from, state.to]).toEqual([null, null, null]);
		expect(notices).toEqual([
			`“${key}” is not a month from ${URL_YEARS.first} to ${URL_YEARS.last}; ${name} ignored.`
		]);
	});

	test.each(['1900-01', '2100-12', '1999-10'])(
		'%s, inside the years, is that very month',
		(key) => {
			const { state, notices } = parse(`month=${key}`);
			expect(notices).toEqual([]);
			expect(state.month?.toISOString()).toBe(`${key}-01T00:00:00.000Z`);
			expect(serializeUrlState(state)).toBe(`?month=${key}`);
		}
	);

	test('9999-99 is not a month at all', () => {
		expect(parse('month=9999-99').notices).toEqual([
			'“9999-99” is not a month in the form YYYY-MM; month ignored.'
		]);
	});
});

describe('notices', () => {
	test('a code given twice is one notice', () => {
		for (const query of ['sector=XYZ,XYZ', 'sector=XYZ&sector=XYZ', 'sector=XYZ,xyz,TCA,XYZ']) {
			const { notices } = parse(query);
			expect(notices, query).toEqual(['“XYZ” is not a sector or field office code; ignored.']);
		}
		for (const query of ['state=zz,ZZ,TX', 'state=zz&state=Zz']) {
			const { notices } = parse(query);
			expect(notices, query).toEqual([
				'“zz” is not a state code (two letters, such as TX); ignored.'
			]);
		}
		expect(parse('state=ZZ,QQ').notices).toEqual([
			'“ZZ”, “QQ” are not state codes (two letters, such as TX); ignored.'
		]);
	});

	test('many unknown codes are one notice that names the first few', () => {
		const codes = Array.from({ length: 500 }, (_, i) => `X${i}`);
		const { state, notices } = parse(`sector=${codes.join(',')}`);
		expect(state.sectors).toEqual([]);
		expect(notices).toEqual([
			'“X0”, “X1”, “X2”, “X3”, “X4” and 495 more are not sector or field office codes; ignored.'
		]);
	});

	test('a very long value is quoted cut short', () => {
		const long = 'a'.repeat(100_000);
		for (const name of ['sector', 'month', 'demographic', 'per', 'citizenship']) {
			const { notices } = parse(`${name}=${long}&${name}=b`);
			expect(notices.length, name).toBeGreaterThan(0);
			for (const notice of notices) expect(notice.length, name).toBeLessThan(200);
		}
	});

	test('a parameter given again with another value uses the first, with a notice', () => {
		const { state, notices } = parse('demographic=uc&demographic=fmua&per=day&per=day');
		expect([state.demographic, state.per]).toEqual(['uc', 'day']);
		expect(notices).toEqual([
			'Several values were given for demographic (“uc”, “fmua”); using the first.'
		]);
	});

	test.each([
		'sector=XYZ,XYZ&sector=XYZ',
		'month=2025-13&month=2025-13&from=2025-13',
		'demographic=adults&demographic=adults',
		'sector=<script>,<script>&per=<script>&per=<script>'
	])('no notice is said twice (%s)', (query) => {
		const { notices } = parse(query);
		expect(notices.length).toBeGreaterThan(0);
		expect(new Set(notices).size).toBe(notices.length);
	});
});

/** Names every object has (its prototype's), which an `in` or `[key]` lookup would take as known. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
const PARAMETERS = [
	'sector',
	'from',
	'to',
	'month',
	'component',
	'region',
	'demographic',
	'citizenship',
	'title',
	'type',
	'year',
	'per',
	'split',
	'scale',
	'stack',
	'measure'
];
/** Citizenships as the loaded data name them (`citizenshipOptions`). */
const OPTIONS = [
	{ slug: 'mexico', label: 'MEXICO' },
	{ slug: 'china-peoples-republic-of', label: 'CHINA, PEOPLES REPUBLIC OF' },
	{ slug: '中国', label: '中国' }
];

describe('names of object properties', () => {
	test.each(PARAMETERS.flatMap((name) => PROTOTYPE_NAMES.map((value) => [name, value])))(
		'%s=%s falls back to the default with a notice',
		(name, value) => {
			const { state, notices } = withCitizenships(
				parse(`${name}=${encodeURIComponent(value)}`),
				OPTIONS
			);
			expect(state).toEqual(DEFAULT_URL_STATE);
			expect(serializeUrlState(state)).toBe('');
			expect(notices).toHaveLength(1);
			// The citizenship's notice names its slug (`__proto__` → `proto`).
			const named = name === 'citizenship' ? citizenshipSlug(value) : value;
			expect(notices[0]).toContain(`“${named}”`);
		}
	);

	test('parsing them leaves Object.prototype alone', () => {
		for (const value of PROTOTYPE_NAMES)
			parse(PARAMETERS.map((name) => `${name}=${value}`).join('&'));
		expect(Object.keys(Object.prototype)).toEqual([]);
		expect(({} as Record<string, unknown>).label).toBeUndefined();
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

	// The rule of the SQL twin in schema.ts: lower case, every run of characters that are not
	// letters or digits in any script to `-`, no `-` at either end.
	test.each([
		['Mexico', 'mexico'],
		['MEXICO', 'mexico'],
		['CHINA, PEOPLES REPUBLIC OF', 'china-peoples-republic-of'],
		['MYANMAR (BURMA)', 'myanmar-burma'],
		['EL SALVADOR', 'el-salvador'],
		['OTHER', 'other'],
		['中国', '中国'],
		['日本', '日本'],
		['中国 (大陆)', '中国-大陆'],
		["CÔTE D'IVOIRE", 'côte-d-ivoire'],
		['ΕΛΛΑΔΑ', 'ελλαδα'],
		['  --Korea, South--  ', 'korea-south'],
		['U.S.S.R. 1991', 'u-s-s-r-1991']
	])('citizenship %s has the slug %s', (label, slug) => {
		expect(citizenshipSlug(label)).toBe(slug);
		expect(parse(`citizenship=${encodeURIComponent(label)}`).state.citizenship).toBe(slug);
	});

	test.each(['中国', 'côte-d-ivoire'])('?citizenship=%s round-trips', (slug) => {
		const query = serializeUrlState({ ...DEFAULT_URL_STATE, citizenship: slug });
		expect(parse(query.slice(1)).state.citizenship).toBe(slug);
	});

	test.each(['---', '- -', '()', '…'])(
		'%j has no letter or digit: a notice, all shown',
		(label) => {
			const { state, notices } = parse(`citizenship=${encodeURIComponent(label)}`);
			expect(state.citizenship).toBeNull();
			expect(notices).toEqual([`“${label}” is not a citizenship; showing all.`]);
		}
	);
});

describe('citizenships the loaded data name', () => {
	test('a citizenship no loaded file has is dropped with a notice', () => {
		const { state, notices } = withCitizenships(
			parse('citizenship=atlantis&month=2024-06'),
			OPTIONS
		);
		expect(state).toEqual({ ...DEFAULT_URL_STATE, month: utc('2024-06') });
		expect(notices).toEqual(['“atlantis” is not a citizenship in the loaded data; showing all.']);
	});

	test.each(['mexico', 'MEXICO', 'China, Peoples Republic of', '中国'])(
		'%s, which the data name, is kept as it was parsed',
		(value) => {
			const parsed = parse(`citizenship=${encodeURIComponent(value)}`);
			expect(withCitizenships(parsed, OPTIONS)).toBe(parsed);
		}
	);

	test('until the data are loaded, any citizenship is kept', () => {
		const parsed = parse('citizenship=atlantis');
		expect(withCitizenships(parsed, undefined)).toBe(parsed);
	});

	test('with no data naming any citizenship, every citizenship is refused', () => {
		expect(withCitizenships(parse('citizenship=mexico'), []).state.citizenship).toBeNull();
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

describe('states', () => {
	test('codes are case-insensitive, deduplicated and in the vocabulary’s order', () => {
		expect(parse('state=tx,AZ,Tx').state.states).toEqual(['AZ', 'TX']);
		expect(parse('state=TX&state=ny').state.states).toEqual(['NY', 'TX']);
	});

	test('a state link shows both components in every region unless it names a region', () => {
		expect(parse('state=NY').state).toMatchObject({ component: 'all', region: 'all' });
		expect(parse('state=TX&region=southwest').state).toMatchObject({
			component: 'all',
			region: 'southwest',
			states: ['TX']
		});
		expect(parse('state=TX').notices).toEqual([]);
	});

	test.each([
		['state=TX&sector=TCA', 'no CBP file counts sectors or field offices by state'],
		['state=TX&component=usbp', 'not USBP alone; state ignored.'],
		[
			'state=TX,AZ&component=ofo',
			'AZ, TX: CBP’s state releases count USBP and OFO together, not OFO alone; states ignored.'
		]
	])('%s keeps the other choice and drops the state with a notice', (query, why) => {
		const { state, notices } = parse(query);
		expect(state.states).toEqual([]);
		expect(notices.join(' ')).toContain(why);
	});

	test.each(['XX', 'Texas', '__proto__', 'constructor'])(
		'an unknown code (%s) is ignored with a notice that quotes it',
		(code) => {
			const { state, notices } = parse(`state=${code},TX`);
			expect(state.states).toEqual(['TX']);
			expect(notices).toEqual([
				`“${code}” is not a state code (two letters, such as TX); ignored.`
			]);
		}
	);

	test.each([
		['state=TX', '?state=TX'],
		['state=tx,az&region=southwest', '?state=AZ,TX&region=southwest'],
		['state=TX&component=all&region=all', '?state=TX'],
		['state=TX&demographic=uc&month=2025-06', '?state=TX&month=2025-06&demographic=uc']
	])('%s is written %s', (query, written) => {
		expect(roundTrip(query)).toBe(written);
		expect(parse(written.slice(1)).state).toEqual(parse(query).state);
	});

	test.each([
		['', { states: ['TX'] }, '?state=TX'],
		['sector=TCA', { states: ['TX'] }, '?state=TX'],
		['state=TX', { sectors: ['TCA'] }, '?sector=TCA'],
		['state=TX', { component: 'usbp' }, '?region=all'],
		['state=TX', { region: 'southwest' }, '?state=TX&region=southwest'],
		['state=TX', { states: [] }, '?component=all&region=all'],
		// A second state keeps the region chosen with the first; a region given with the change stays.
		['state=TX&region=southwest', { states: ['AZ', 'TX'] }, '?state=AZ,TX&region=southwest'],
		['component=all', { states: ['TX'], region: 'southwest' }, '?state=TX&region=southwest']
	] as const)('%s + %j → %s', (query, change, expected) => {
		expect(serializeUrlState(applyChange(parse(query).state, change as Partial<UrlState>))).toBe(
			expected
		);
	});
});
