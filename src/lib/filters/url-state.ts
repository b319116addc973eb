/**
 * The explorer's filter state as it lives in the URL. Parsing and writing are pure functions, one
 * loop each over the table of parameters (`PARAMS`); `FilterState` reads and writes the URL with them.
 * Defaults (the headline's subject: USBP, Southwest, all titles and types) never go into the URL
 * unless a link asks for them explicitly; bad values fall back to defaults with a notice.
 * Design notes: FILTERS.md beside this file.
 */
import { monthKey, parseMonthKey } from '../domain/months';
import { comparisonParams, parseComparison } from './comparison-url';
import { URL_YEARS } from './url-years';
import type { ComparisonSelection } from '../domain/comparison';
import type { CitizenshipOption } from '../queries/options';
import {
	AOR_BY_CODE,
	COMPONENTS,
	DEMOGRAPHICS,
	REGIONS,
	US_STATES,
	type ComponentCode,
	type RegionCode
} from '../domain/vocabulary';

export type ComponentChoice = ComponentCode | 'all';
export type RegionChoice = RegionCode | 'all';
export type TitleChoice = '8' | '42' | 'all';
export type TypeChoice = 'apprehensions' | 'inadmissibles' | 'expulsions' | 'all';

export interface UrlState {
	/** Area-of-responsibility codes in the order given; empty means all in the region. */
	sectors: string[];
	/**
	 * Two-letter state codes, in the vocabulary's order; empty means every state. Only CBP's state
	 * releases have them, which count USBP and OFO together: states imply both components.
	 */
	states: string[];
	/** Month range shown; null ends mean the first / latest month the sources cover. */
	from: Date | null;
	to: Date | null;
	/** The headline month; null means the latest month the filter's sources answer. */
	month: Date | null;
	component: ComponentChoice;
	region: RegionChoice;
	/** Demographic code (`single-adults`, `fmua`, `accompanied-minors`, `uc`); null = all. */
	demographic: string | null;
	/** Slug of an AOR-file citizenship (`mexico`, `china-peoples-republic-of`); null = all. */
	citizenship: string | null;
	title: TitleChoice;
	type: TypeChoice;
	year: 'fiscal' | 'calendar';
	per: 'month' | 'day';
	/** The composition view's split. */
	split: SplitChoice;
	/** Small multiples: one y-scale for all panels, or each its own. */
	scale: 'shared' | 'independent';
	/** Composition: counts stacked, or shares of each month (100%). */
	stack: 'stacked' | 'percent';
	/** Map colour: change from a year earlier, or the count. */
	measure: 'change' | 'count';
	/** The comparison builder's choice (`compare=`, `baseline=`); null: the headline month. */
	comparison: ComparisonSelection | null;
}

export type SplitChoice = 'demographic' | 'citizenship' | 'title' | 'type' | 'citizenship-group';

/** The composition's splits; the last, CBP's Southwest file's five citizenship groups. */
export const SPLITS: SplitChoice[] = [
	'demographic',
	'citizenship',
	'title',
	'type',
	'citizenship-group'
];

/**
 * The composition's split when the URL names none: the first dimension the filter leaves open
 * (with `demographic=uc`, splitting by demographic would show one group at 100%).
 */
export function defaultSplit(
	s: Pick<UrlState, 'demographic' | 'citizenship' | 'title' | 'type'>
): SplitChoice {
	const fixed: Record<SplitChoice, boolean> = {
		demographic: !!s.demographic,
		citizenship: !!s.citizenship,
		title: s.title !== 'all',
		type: s.type !== 'all',
		'citizenship-group': !!s.citizenship
	};
	return SPLITS.find((d) => !fixed[d]) ?? 'demographic';
}

export const DEFAULT_URL_STATE: UrlState = {
	sectors: [],
	states: [],
	from: null,
	to: null,
	month: null,
	component: 'usbp',
	region: 'southwest',
	demographic: null,
	citizenship: null,
	title: 'all',
	type: 'all',
	year: 'fiscal',
	per: 'month',
	split: 'demographic',
	scale: 'shared',
	stack: 'stacked',
	measure: 'change',
	comparison: null
};

export interface ParsedUrlState {
	state: UrlState;
	/** Plain-language notes about values that were ignored or adjusted. */
	notices: string[];
}

/**
 * The same slug rule the SQL normalisation applies to CBP's citizenship labels (`schema.ts`):
 * lower case, every run of characters that are not letters or digits in any script becomes `-`,
 * no `-` at either end. `MYANMAR (BURMA)` → `myanmar-burma`, `中国` → `中国`.
 */
export function citizenshipSlug(label: string): string {
	return label
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

export { URL_YEARS } from './url-years';

/** A value from the URL quoted in a notice, cut short so that a huge value cannot flood the page. */
export function quoted(value: string): string {
	const MAX = 40;
	return `“${value.length > MAX ? `${value.slice(0, MAX)}…` : value}”`;
}

/** Values quoted as a list, the first few only. */
function quotedList(values: string[]): string {
	const SHOWN = 5;
	const more = values.length > SHOWN ? ` and ${values.length - SHOWN} more` : '';
	return values.slice(0, SHOWN).map(quoted).join(', ') + more;
}

/** The first non-empty value of a parameter that takes one; different repeats get a notice. */
function single(params: URLSearchParams, name: string, notices: string[]): string | null {
	const values = [...new Set(params.getAll(name).filter((v) => v.trim() !== ''))];
	if (values.length > 1)
		notices.push(`Several values were given for ${name} (${quotedList(values)}); using the first.`);
	return values[0] ?? null;
}

const choice = <T extends string>(
	params: URLSearchParams,
	name: string,
	allowed: readonly T[],
	fallback: T,
	notices: string[]
): T => {
	const raw = single(params, name, notices);
	if (raw === null) return fallback;
	const value = raw.trim().toLowerCase() as T;
	// A list, not an object's keys: `constructor` or `__proto__` must not count as allowed.
	if (allowed.includes(value)) return value;
	notices.push(`${quoted(raw)} is not a valid ${name} (${allowed.join(', ')}); using ${fallback}.`);
	return fallback;
};

function parseMonthParam(params: URLSearchParams, name: string, notices: string[]): Date | null {
	const raw = single(params, name, notices);
	if (raw === null) return null;
	const month = parseMonthKey(raw);
	if (!month) notices.push(`${quoted(raw)} is not a month in the form YYYY-MM; ${name} ignored.`);
	else if (month.getUTCFullYear() < URL_YEARS.first || month.getUTCFullYear() > URL_YEARS.last) {
		notices.push(
			`${quoted(raw)} is not a month from ${URL_YEARS.first} to ${URL_YEARS.last}; ${name} ignored.`
		);
		return null;
	}
	return month;
}

/**
 * One URL parameter: the field of `UrlState` it fills, how it is read (absent or bad: the
 * default, with a notice for a bad value) and how it is written (null: left out, because it is the
 * default or follows from other parameters).
 */
interface Param<K extends keyof UrlState = keyof UrlState> {
	name: string;
	key: K;
	read: (params: URLSearchParams, notices: string[], state: UrlState) => UrlState[K];
	/** `implied`: the scope the state's sectors or states imply (see `impliedScope`). */
	write: (state: UrlState, implied: Scope) => string | null;
}

type Scope = Pick<UrlState, 'component' | 'region'>;

const param = <K extends keyof UrlState>(p: Param<K>): Param => p as unknown as Param;

/** The fields that hold one of a fixed list of words. */
type ChoiceKey = { [K in keyof UrlState]: UrlState[K] extends string ? K : never }[keyof UrlState];

/** A parameter that takes one of a fixed list of values; its default is left out of the URL. */
function choiceParam<K extends ChoiceKey>(
	key: K,
	allowed: readonly UrlState[K][],
	fallback: (state: UrlState) => UrlState[K] = () => DEFAULT_URL_STATE[key]
): Param {
	return param({
		name: key,
		key,
		read: (params, notices, state) => choice(params, key, allowed, fallback(state), notices),
		write: (s) => (s[key] === fallback(s) ? null : s[key])
	});
}

/** A month (`YYYY-MM`); null, the default, is left out. */
function monthParam(key: 'from' | 'to' | 'month'): Param {
	return param({
		name: key,
		key,
		read: (params, notices) => parseMonthParam(params, key, notices),
		write: (s) => (s[key] ? monthKey(s[key]) : null)
	});
}

/** A code, or null (all). */
function codeParam(
	key: 'demographic' | 'citizenship',
	check: (raw: string) => string | null,
	bad: (raw: string) => string
): Param {
	return param({
		name: key,
		key,
		read: (params, notices) => {
			const raw = single(params, key, notices);
			if (!raw) return null;
			const code = check(raw);
			if (code === null) notices.push(bad(raw));
			return code;
		},
		write: (s) => s[key]
	});
}

/**
 * A comma-separated list of codes (`sector=TCA,ofo-laredo`, `state=TX,az`), in either case. A code
 * given twice is one code, or one notice quoting it as first written; unknown codes are named in a
 * notice and ignored. Kept in the order asked, or in `order` when given.
 */
function codeListParam(
	name: string,
	key: 'sectors' | 'states',
	codes: {
		normalise: (text: string) => string;
		known: (code: string) => boolean;
		bad: (count: number) => string;
		order?: readonly string[];
	}
): Param {
	return param({
		name,
		key,
		read: (params, notices) => {
			const requested = new Set<string>();
			const unknown = new Map<string, string>();
			for (const raw of params.getAll(name).join(',').split(',')) {
				const text = raw.trim();
				if (!text) continue;
				const code = codes.normalise(text);
				if (codes.known(code)) requested.add(code);
				else if (!unknown.has(code)) unknown.set(code, text);
			}
			if (unknown.size)
				notices.push(`${quotedList([...unknown.values()])} ${codes.bad(unknown.size)}; ignored.`);
			return codes.order ? codes.order.filter((code) => requested.has(code)) : [...requested];
		},
		write: (s) => (s[key].length ? s[key].join(',') : null)
	});
}

/** Component and region when the sectors or states chosen would not imply them. */
function scopeParam<K extends 'component' | 'region'>(
	key: K,
	allowed: readonly UrlState[K][]
): Param {
	return param({
		...choiceParam(key, allowed),
		write: (s, implied) => (s[key] === implied[key] ? null : s[key])
	});
}

/**
 * Every URL parameter, in the order they are read and written. The rules that tie parameters
 * together (sectors and states imply a scope, a reversed range is put in order) run after them.
 */
const PARAMS: Param[] = [
	codeListParam('sector', 'sectors', {
		// USBP codes are upper case (`TCA`), OFO field offices are slugs (`ofo-el-paso`).
		normalise: (text) =>
			text.toLowerCase().startsWith('ofo-') ? text.toLowerCase() : text.toUpperCase(),
		known: (code) => AOR_BY_CODE.has(code),
		bad: (n) =>
			n === 1 ? 'is not a sector or field office code' : 'are not sector or field office codes'
	}),
	codeListParam('state', 'states', {
		normalise: (text) => text.toUpperCase(),
		known: (code) => Object.hasOwn(US_STATES, code),
		bad: (n) =>
			`${n === 1 ? 'is not a state code' : 'are not state codes'} (two letters, such as TX)`,
		order: Object.keys(US_STATES)
	}),
	monthParam('from'),
	monthParam('to'),
	// The headline month may lie outside the range: the charts draw the range the URL names.
	monthParam('month'),
	scopeParam('component', ['usbp', 'ofo', 'all']),
	scopeParam('region', ['southwest', 'northern', 'other', 'all']),
	codeParam(
		'demographic',
		// Own keys only: `constructor` and `__proto__` are `in` every object.
		(raw) =>
			Object.hasOwn(DEMOGRAPHICS, raw.trim().toLowerCase()) ? raw.trim().toLowerCase() : null,
		(raw) =>
			`${quoted(raw)} is not a demographic (${Object.keys(DEMOGRAPHICS).join(', ')}); showing all.`
	),
	// Whether the data name this citizenship is known only after load: see `withCitizenships`.
	codeParam(
		'citizenship',
		(raw) => citizenshipSlug(raw) || null,
		(raw) => `${quoted(raw)} is not a citizenship; showing all.`
	),
	choiceParam('title', ['8', '42', 'all']),
	choiceParam('type', ['apprehensions', 'inadmissibles', 'expulsions', 'all']),
	choiceParam('year', ['fiscal', 'calendar']),
	choiceParam('per', ['month', 'day']),
	// After the filter it defaults to: the first dimension the filter leaves open.
	choiceParam('split', SPLITS, defaultSplit),
	choiceParam('scale', ['shared', 'independent']),
	choiceParam('stack', ['stacked', 'percent']),
	choiceParam('measure', ['change', 'count'])
];

export function parseUrlState(params: URLSearchParams): ParsedUrlState {
	const notices: string[] = [];
	const state: UrlState = { ...DEFAULT_URL_STATE };
	const mutable = state as Record<keyof UrlState, unknown>;
	for (const p of PARAMS) mutable[p.key] = p.read(params, notices, state);
	matchScopeToSectors(state, params, notices);
	matchScopeToStates(state, params, notices);
	if (state.from && state.to && state.from > state.to) {
		notices.push(`The range ${monthKey(state.from)} – ${monthKey(state.to)} was reversed.`);
		[state.from, state.to] = [state.to, state.from];
	}
	const comparison = parseComparison(
		single(params, 'compare', notices),
		single(params, 'baseline', notices),
		state.year
	);
	state.comparison = comparison.selection;
	for (const { value, problem } of comparison.problems) notices.push(`${quoted(value)} ${problem}`);
	return { state, notices: [...new Set(notices)] };
}

/** The component and region that the state's sectors or states imply (the defaults without either). */
function impliedScope(s: UrlState): Scope {
	if (!s.sectors.length && !s.states.length) return DEFAULT_URL_STATE;
	return parseUrlState(
		new URLSearchParams({
			...(s.sectors.length ? { sector: s.sectors.join(',') } : {}),
			...(s.states.length ? { state: s.states.join(',') } : {})
		})
	).state;
}

/**
 * The parsed URL with its citizenship checked against the citizenships the loaded data name
 * (`options`; undefined until every file is loaded, when a citizenship cannot be judged yet). A
 * slug no file has would count 0 in every month: it is dropped with a notice, like any bad value.
 * Returns `parsed` itself when nothing changes.
 */
export function withCitizenships(
	parsed: ParsedUrlState,
	options: readonly CitizenshipOption[] | undefined
): ParsedUrlState {
	const slug = parsed.state.citizenship;
	if (!slug || !options || options.some((o) => o.slug === slug)) return parsed;
	return {
		state: { ...parsed.state, citizenship: null },
		notices: [
			...parsed.notices,
			`${quoted(slug)} is not a citizenship in the loaded data; showing all.`
		]
	};
}

/**
 * States come only from CBP's state releases, which count USBP and OFO together and have no
 * sectors: a link with states shows both components in all regions unless it names a region; a
 * link that also names sectors or one component keeps those and drops the states with a notice.
 */
function matchScopeToStates(state: UrlState, params: URLSearchParams, notices: string[]): void {
	if (!state.states.length) return;
	const conflict = state.sectors.length
		? 'no CBP file counts sectors or field offices by state'
		: state.component !== 'all' && params.get('component')
			? `CBP’s state releases count USBP and OFO together, not ${COMPONENTS[state.component].short} alone`
			: null;
	if (conflict) {
		notices.push(
			`${state.states.join(', ')}: ${conflict}; ${state.states.length > 1 ? 'states' : 'state'} ignored.`
		);
		state.states = [];
		return;
	}
	state.component = 'all';
	if (!params.get('region')) state.region = 'all';
}

/**
 * A sector outside the filter's component or region changes them to match, unless the URL set
 * them explicitly, in which case the sectors that do not fit are dropped with a notice.
 */
function matchScopeToSectors(state: UrlState, params: URLSearchParams, notices: string[]): void {
	if (!state.sectors.length) return;
	const aors = state.sectors.map((code) => AOR_BY_CODE.get(code)!);
	const components = [...new Set(aors.map((a) => a.component))];
	const regions = [...new Set(aors.flatMap((a) => (a.region ? [a.region] : [])))];
	if (!params.get('component')) state.component = components.length === 1 ? components[0] : 'all';
	// OFO field offices report under several regions, so only USBP sectors decide the region.
	if (!params.get('region') && regions.length)
		state.region = regions.length === 1 ? regions[0] : 'all';
	const fits = (code: string) => {
		const aor = AOR_BY_CODE.get(code)!;
		return (
			(state.component === 'all' || aor.component === state.component) &&
			(state.region === 'all' || aor.region === null || aor.region === state.region)
		);
	};
	const dropped = state.sectors.filter((c) => !fits(c));
	if (dropped.length) {
		const scope = [
			state.component === 'all' ? 'all components' : COMPONENTS[state.component].short,
			state.region === 'all' ? 'all regions' : REGIONS[state.region].label
		].join(', ');
		notices.push(`${dropped.join(', ')}: outside the chosen ${scope}; ignored.`);
		state.sectors = state.sectors.filter(fits);
	}
}

/**
 * The state after a change from the filter controls: component and region follow a choice of
 * sectors (as a link with those sectors would infer them; field offices alone keep the region)
 * or states (both components, all regions unless states were chosen already or the change names a
 * region) and stay when they are cleared; sectors and states
 * replace each other; a change of component or region drops the sectors outside the new scope,
 * and a change to one component drops the states.
 */
export function applyChange(state: UrlState, change: Partial<UrlState>): UrlState {
	const next: UrlState = { ...state, ...change };
	// A split left at its default follows the filter: a view of one demographic is not split by it.
	if (!('split' in change) && state.split === defaultSplit(state)) next.split = defaultSplit(next);
	// The comparison builder starts again from a newly chosen headline month.
	if ('month' in change && !('comparison' in change)) next.comparison = null;
	if (change.states?.length) {
		next.sectors = [];
		next.component = 'all';
		// A first choice of states shows them in every region, as a link would; a region given
		// with the change, or one chosen alongside earlier states, stays.
		if (!('region' in change) && !state.states.length) next.region = 'all';
	} else if (change.sectors?.length) {
		next.states = [];
		const inferred = parseUrlState(new URLSearchParams({ sector: change.sectors.join(',') })).state;
		next.component = inferred.component;
		// OFO field offices report under several regions: they leave the region as it was.
		if (change.sectors.some((code) => AOR_BY_CODE.get(code)?.region)) next.region = inferred.region;
	} else if (change.component || change.region) {
		// Parsing with an explicit scope drops the sectors (or states) that do not fit it.
		const params = new URLSearchParams(serializeUrlState(next));
		params.set('component', next.component);
		params.set('region', next.region);
		({ sectors: next.sectors, states: next.states } = parseUrlState(params).state);
	}
	return next;
}

/**
 * The query string for a state. Defaults are left out, except that `explicit` links (copy link,
 * embeds) always carry `month`, `from` and `to` so they show the same months after data updates.
 */
export function serializeUrlState(state: UrlState, explicit: Partial<UrlState> = {}): string {
	const s = { ...state, ...explicit };
	const params = new URLSearchParams();
	const implied = impliedScope(s);
	for (const p of PARAMS) {
		const value = p.write(s, implied);
		if (value !== null) params.set(p.name, value);
	}
	if (s.comparison)
		for (const [k, v] of Object.entries(comparisonParams(s.comparison))) params.set(k, v);
	// Commas in a code list are safe in a query string: keep them readable.
	const text = params.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
