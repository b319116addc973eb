/**
 * A claim as a structured form: who, where, what, when, compared with what, and the change or
 * record claimed. The parser fills it from a sentence; the user can correct it; the form, never
 * the sentence, is what gets computed. It reads from and writes to the page's URL.
 */
import type { Baseline, ComparisonSelection, YearBasis } from '../domain/comparison';
import { addMonths, fiscalYearOf, monthKey, parseMonthKey } from '../domain/months';
import { AOR_BY_CODE, DEMOGRAPHICS, type RegionCode } from '../domain/vocabulary';

export type Who = 'usbp' | 'ofo' | 'all';
export type Measure = 'encounters' | 'apprehensions' | 'expulsions' | 'inadmissibles';
/** How a period was named: its comparables in a record are periods of the same kind. */
export type PeriodKind = 'month' | 'fiscal-year' | 'calendar-year' | 'range';

export interface Period {
	from: Date;
	to: Date;
	kind: PeriodKind;
}

/**
 * `over` more than, `at-least`, `nearly` a little below, `about` either side, `under` less than,
 * `up-to` at most, `exact` as stated (at its own precision).
 */
export type Qualifier = 'over' | 'at-least' | 'nearly' | 'about' | 'under' | 'up-to' | 'exact';

export interface Change {
	direction: 'down' | 'up';
	/** `percent` 90 for "90%"; `ratio` 2 for "doubled", 0.5 for "halved"; `count` 77000. */
	kind: 'percent' | 'ratio' | 'count';
	size: number;
	qualifier: Qualifier;
}

export interface RecordClaim {
	extreme: 'lowest' | 'highest';
	/** "the lowest June on record": only the same calendar month compares. */
	sameMonth: boolean;
	/** "lowest since March 2020": the record starts after this period; null: the whole record. */
	since: Period | null;
}

export interface ClaimForm {
	who: Who;
	/** Empty: nationwide (every region). */
	regions: RegionCode[];
	/** Sector or field office codes; empty: every area of the scope. */
	areas: string[];
	measure: Measure;
	demographic: string | null;
	citizenship: string | null;
	period: Period | null;
	baseline: Period | null;
	record: RecordClaim | null;
	change: Change | null;
}

export interface AreaPart {
	code: string;
	name: string;
	value: number | null;
	baselineValue: number | null;
	changePct: number | null;
	/** Whether the claimed change holds in this area alone. */
	holds: boolean | null;
}

export const DEFAULT_FORM: ClaimForm = {
	who: 'usbp',
	regions: ['southwest'],
	areas: [],
	measure: 'encounters',
	demographic: null,
	citizenship: null,
	period: null,
	baseline: null,
	record: null,
	change: null
};

export const QUALIFIERS: Qualifier[] = [
	'over',
	'at-least',
	'nearly',
	'about',
	'exact',
	'under',
	'up-to'
];
const REGION_CODES: RegionCode[] = ['southwest', 'northern', 'other'];
const WHOS: Who[] = ['usbp', 'ofo', 'all'];
const MEASURES: Measure[] = ['encounters', 'apprehensions', 'expulsions', 'inadmissibles'];
const KINDS: PeriodKind[] = ['month', 'fiscal-year', 'calendar-year', 'range'];

/** The same period a number of months earlier (a year earlier: 12). */
export function shifted(period: Period, months: number): Period {
	return { ...period, from: addMonths(period.from, months), to: addMonths(period.to, months) };
}

/** `2025-06`, `2024-10..2025-09:fiscal-year`: a period in a URL. */
export function periodParam(p: Period): string {
	const span =
		p.from.getTime() === p.to.getTime()
			? monthKey(p.from)
			: `${monthKey(p.from)}..${monthKey(p.to)}`;
	return p.kind === 'month' || p.kind === 'range' ? span : `${span}:${p.kind}`;
}

export function parsePeriodParam(text: string | null): Period | null {
	const match = /^(\d{4}-\d{2})(?:\.\.(\d{4}-\d{2}))?(?::([a-z-]+))?$/.exec(text ?? '');
	if (!match) return null;
	const from = parseMonthKey(match[1]);
	const to = match[2] ? parseMonthKey(match[2]) : from;
	const kind = (match[3] ?? (match[2] ? 'range' : 'month')) as PeriodKind;
	if (!from || !to || from > to || !KINDS.includes(kind)) return null;
	return { from, to, kind };
}

/** The form's URL parameters (besides `claim`): every field, so a link reproduces a corrected form. */
export function formParams(form: ClaimForm): URLSearchParams {
	const p = new URLSearchParams();
	p.set('who', form.who);
	p.set('region', form.regions.length ? form.regions.join(',') : 'all');
	if (form.areas.length) p.set('area', form.areas.join(','));
	p.set('measure', form.measure);
	if (form.demographic) p.set('demographic', form.demographic);
	if (form.citizenship) p.set('citizenship', form.citizenship);
	if (form.period) p.set('period', periodParam(form.period));
	if (form.baseline) p.set('baseline', periodParam(form.baseline));
	if (form.record)
		p.set(
			'record',
			[
				form.record.extreme,
				form.record.sameMonth ? 'same-month' : 'any-month',
				form.record.since ? periodParam(form.record.since) : ''
			]
				.filter(Boolean)
				.join(':')
		);
	if (form.change)
		p.set(
			'change',
			`${form.change.direction}:${form.change.kind}:${form.change.size}:${form.change.qualifier}`
		);
	return p;
}

/**
 * The form a URL states, field by field over `base` (the parsed sentence): a field that is absent
 * keeps the sentence's reading, a field that does not parse is reported and kept from `base`.
 */
export function formFromParams(
	params: URLSearchParams,
	base: ClaimForm
): { form: ClaimForm; rejected: string[] } {
	const form = { ...base };
	const rejected: string[] = [];
	const read = <T>(name: string, parse: (v: string) => T | undefined, set: (v: T) => void) => {
		const value = params.get(name);
		if (value === null) return;
		const parsed = parse(value);
		if (parsed === undefined) rejected.push(name);
		else set(parsed);
	};
	/** A value from a fixed list, or undefined. */
	const member =
		<T extends string>(values: readonly T[]) =>
		(v: string) =>
			values.includes(v as T) ? (v as T) : undefined;
	read('who', member(WHOS), (v) => (form.who = v));
	read(
		'region',
		(v) => {
			if (v === 'all') return [];
			const list = v.split(',');
			return list.every((r) => member(REGION_CODES)(r)) ? (list as RegionCode[]) : undefined;
		},
		(v) => (form.regions = v)
	);
	read(
		'area',
		(v) => (v.split(',').every((c) => AOR_BY_CODE.has(c)) ? v.split(',') : undefined),
		(v) => (form.areas = v)
	);
	read('measure', member(MEASURES), (v) => (form.measure = v));
	read('demographic', member(Object.keys(DEMOGRAPHICS)), (v) => (form.demographic = v));
	read(
		'citizenship',
		(v) => (/^[a-z0-9-]{1,60}$/.test(v) ? v : undefined),
		(v) => (form.citizenship = v)
	);
	read(
		'period',
		(v) => parsePeriodParam(v) ?? undefined,
		(v) => (form.period = v)
	);
	read(
		'baseline',
		(v) => parsePeriodParam(v) ?? undefined,
		(v) => (form.baseline = v)
	);
	read(
		'record',
		(v) => {
			const [extreme, scope, ...rest] = v.split(':');
			const since = rest.join(':');
			if (
				(extreme !== 'lowest' && extreme !== 'highest') ||
				(scope !== 'same-month' && scope !== 'any-month')
			)
				return undefined;
			const sincePeriod = since ? parsePeriodParam(since) : null;
			if (since && !sincePeriod) return undefined;
			return { extreme, sameMonth: scope === 'same-month', since: sincePeriod } as RecordClaim;
		},
		(v) => (form.record = v)
	);
	read(
		'change',
		(v) => {
			const [direction, kind, size, qualifier] = v.split(':');
			const n = Number(size);
			if (
				(direction !== 'down' && direction !== 'up') ||
				!['percent', 'ratio', 'count'].includes(kind)
			)
				return undefined;
			if (!Number.isFinite(n) || n < 0 || !QUALIFIERS.includes(qualifier as Qualifier))
				return undefined;
			return { direction, kind, size: n, qualifier } as Change;
		},
		(v) => (form.change = v)
	);
	return { form, rejected };
}

/** Months from the start of year 0: two months' difference is a subtraction. */
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/**
 * The claim as the explorer's comparison (its `compare=` and `baseline=`), so that "open in the
 * explorer" shows the same two periods; null when the explorer has none that is the claim's (a
 * baseline of another length, or later than the period; a record of the same month only, or
 * since a date). `basis` is the explorer's year (`year=`): calendar for a calendar-year claim.
 */
export function explorerComparison(
	form: ClaimForm
): { selection: ComparisonSelection; basis: YearBasis } | null {
	const p = form.period;
	if (!p) return null;
	const basis: YearBasis = p.kind === 'calendar-year' ? 'calendar' : 'fiscal';
	const fullYear =
		(p.kind === 'fiscal-year' || p.kind === 'calendar-year') &&
		monthIndex(p.to) - monthIndex(p.from) === 11;
	const period: ComparisonSelection['period'] =
		p.from.getTime() === p.to.getTime()
			? { kind: 'month', month: p.from }
			: fullYear
				? {
						kind: 'year',
						basis,
						year: basis === 'fiscal' ? fiscalYearOf(p.to) : p.to.getUTCFullYear()
					}
				: { kind: 'range', from: p.from, to: p.to };
	const selection = (baseline: Baseline) => ({ selection: { period, baseline }, basis });
	if (form.record)
		return form.record.sameMonth || form.record.since
			? null
			: selection(form.record.extreme === 'lowest' ? 'record-low' : 'record-high');
	const b = form.baseline;
	if (!b) return null;
	const span = monthIndex(p.to) - monthIndex(p.from);
	const back = monthIndex(p.from) - monthIndex(b.from);
	if (monthIndex(b.to) - monthIndex(b.from) !== span || back <= 0) return null;
	if (back === 12) return selection('year-earlier');
	if (back === span + 1) return selection('previous-month');
	if (back % 12 !== 0) return null;
	// The explorer shifts the period by whole years from the year its first month is in.
	const own = basis === 'fiscal' ? fiscalYearOf(p.from) : p.from.getUTCFullYear();
	return selection({ kind: 'same-period', year: own - back / 12 });
}
