/**
 * The comparison builder's maths: a period (a month, a fiscal or calendar year, a month range),
 * its total from the monthly series, a baseline to set it against, its rank in the record and
 * each sector's part in the change. Pure functions over plain arrays, never the database.
 *
 * A partial period (the current year, or a range running past the latest published month) is
 * counted over its published months, and its baseline, average, record and rank count the same
 * months of other years (or as many months just before), so a year to date is never set against
 * a whole year.
 */
import { formatChange, formatCount, formatMonthLong, formatPerDay } from '../format';
import { percentChange } from './change';
import { daysInMonth, fiscalYearOf, utcMonth } from './months';

export type YearBasis = 'fiscal' | 'calendar';

export type Period =
	| { kind: 'month'; month: Date }
	| { kind: 'year'; basis: YearBasis; year: number }
	/** Both ends included; given the wrong way round, the ends are swapped. */
	| { kind: 'range'; from: Date; to: Date };

export type Baseline =
	/** The same months twelve months earlier. */
	| 'year-earlier'
	/** The same number of months just before (the previous month, for a month). */
	| 'previous-month'
	/** The same months in an earlier fiscal or calendar year (see `CompareOptions.basis`). */
	| { kind: 'same-period'; year: number }
	/** The mean over every complete same span from FY2000 (October 1999) on. */
	| 'average'
	/** The highest or lowest period of the same kind in the record. */
	| 'record-high'
	| 'record-low';

/** What the comparison builder shows: the period and the baseline it is set against. */
export interface ComparisonSelection {
	period: Period;
	baseline: Baseline;
}

export interface SeriesMonth {
	/** The first of the month, UTC. */
	month: Date;
	/** Null where the filter cannot be answered that month. */
	value: number | null;
}

export interface SectorMonthValue extends SeriesMonth {
	code: string;
	name: string;
}

export interface CompareOptions {
	/**
	 * How months and ranges name their year (for a same-period baseline and the record's span).
	 * Default: the period's own basis for a year, otherwise fiscal.
	 */
	basis?: YearBasis;
	/** What is counted, in words. */
	subject?: string;
	/** Every value is an average per day: a period's sum over the days of its months (`per=day`). */
	perDay?: boolean;
}

/** The monthly files start with FY2000; the average never reaches further back. */
export const AVERAGE_START = utcMonth(1999, 9);

// ---------------------------------------------------------------------------------------------
// Months as integers (year × 12 + month) so arithmetic and lookups never touch local time.

const indexOf = (month: Date) => month.getUTCFullYear() * 12 + month.getUTCMonth();
const monthAt = (index: number) => utcMonth(Math.floor(index / 12), index % 12);
const run = (start: number, length: number) => Array.from({ length }, (_, i) => start + i);

interface SeriesIndex {
	values: Map<number, number | null>;
	/** First and last month of the series; NaN when it is empty. */
	first: number;
	last: number;
	/** Sums are divided by the days they cover. */
	perDay: boolean;
}

function indexSeries(series: readonly SeriesMonth[], perDay = false): SeriesIndex {
	const values = new Map<number, number | null>();
	for (const row of series) values.set(indexOf(row.month), row.value);
	const keys = [...values.keys()];
	return {
		values,
		first: keys.length ? Math.min(...keys) : NaN,
		last: keys.length ? Math.max(...keys) : NaN,
		perDay
	};
}

/** The sum (or average per day) when every month has a value, else null. */
function sumOf(index: SeriesIndex, months: readonly number[]): number | null {
	let total = 0;
	let days = 0;
	for (const m of months) {
		const value = index.values.get(m);
		if (value === null || value === undefined) return null;
		total += value;
		days += daysInMonth(monthAt(m));
	}
	if (!months.length) return null;
	return index.perDay ? total / days : total;
}

// ---------------------------------------------------------------------------------------------
// Periods

export function yearOf(month: Date, basis: YearBasis): number {
	return basis === 'fiscal' ? fiscalYearOf(month) : month.getUTCFullYear();
}

/** `FY2025` or `2025`. */
export function yearLabel(year: number, basis: YearBasis): string {
	return basis === 'fiscal' ? `FY${year}` : String(year);
}

function yearStart(year: number, basis: YearBasis): number {
	return basis === 'fiscal' ? year * 12 - 3 : year * 12;
}

function periodIndices(period: Period): number[] {
	switch (period.kind) {
		case 'month':
			return [indexOf(period.month)];
		case 'year':
			return run(yearStart(period.year, period.basis), 12);
		case 'range': {
			const [a, b] = [indexOf(period.from), indexOf(period.to)].sort((x, y) => x - y);
			return run(a, b - a + 1);
		}
	}
}

/** Every month of the period, in order. */
export function periodMonths(period: Period): Date[] {
	return periodIndices(period).map(monthAt);
}

export interface PeriodValue {
	/**
	 * The sum over `present`; null when a month is unanswered or missing, or when none is
	 * published yet.
	 */
	value: number | null;
	/** Every month of the period has a value. False for a partial current year. */
	complete: boolean;
	/** Every month of the period. */
	months: Date[];
	/** Months with a value: for a partial period, the published months the sum covers. */
	present: Date[];
	/** Months after the latest month the series covers: not published yet. */
	pending: Date[];
	/** Months the series covers where the filter cannot be answered (null). */
	unanswered: Date[];
	/** Months before the series starts, or gaps in it. */
	missing: Date[];
}

function valueOf(index: SeriesIndex, months: readonly number[]): PeriodValue {
	const present: number[] = [];
	const pending: number[] = [];
	const unanswered: number[] = [];
	const missing: number[] = [];
	for (const m of months) {
		const value = index.values.get(m);
		if (value === undefined) (m > index.last ? pending : missing).push(m);
		else if (value === null) unanswered.push(m);
		else present.push(m);
	}
	// Months not yet published may trail a period (the current year); any other hole voids it.
	const value =
		present.length && !unanswered.length && !missing.length ? sumOf(index, present) : null;
	return {
		value,
		complete: value !== null && !pending.length,
		months: months.map(monthAt),
		present: present.map(monthAt),
		pending: pending.map(monthAt),
		unanswered: unanswered.map(monthAt),
		missing: missing.map(monthAt)
	};
}

/** The period's total and which of its months the series has. */
export function periodValue(series: readonly SeriesMonth[], period: Period): PeriodValue {
	return valueOf(indexSeries(series), periodIndices(period));
}

// ---------------------------------------------------------------------------------------------
// Words

const monthName = (index: number) => formatMonthLong(monthAt(index)).split(' ')[0];

/** `June 2025`, `March–May 2025`, `November 2024 – February 2025`. */
function rangeLabel(months: readonly number[]): string {
	const first = months[0];
	const last = months[months.length - 1];
	if (first === last) return formatMonthLong(monthAt(first));
	if (Math.floor(first / 12) === Math.floor(last / 12))
		return `${monthName(first)}–${formatMonthLong(monthAt(last))}`;
	return `${formatMonthLong(monthAt(first))} – ${formatMonthLong(monthAt(last))}`;
}

/** Months in runs: `October 2019 – March 2020, June 2020`. */
export function formatMonthList(months: readonly Date[]): string {
	const sorted = [...new Set(months.map(indexOf))].sort((a, b) => a - b);
	const runs: number[][] = [];
	for (const m of sorted) {
		const current = runs.at(-1);
		if (current && current[current.length - 1] === m - 1) current.push(m);
		else runs.push([m]);
	}
	return runs.map(rangeLabel).join(', ');
}

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`. */
export function ordinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
	return `${n}${suffix}`;
}

const isYearSpan = (months: readonly number[], basis: YearBasis) =>
	months.length <= 12 && months[0] === yearStart(yearOf(monthAt(months[0]), basis), basis);

/** A run of months in the words of the period kind: `June 2024`, `FY2024`, `FY2025 through August 2025`. */
function spanLabel(kind: Period['kind'], months: readonly number[], basis: YearBasis): string {
	if (kind === 'year' && isYearSpan(months, basis)) {
		const year = yearLabel(yearOf(monthAt(months[0]), basis), basis);
		const last = months[months.length - 1];
		return months.length === 12 ? year : `${year} through ${formatMonthLong(monthAt(last))}`;
	}
	return kind === 'month' && months.length === 1
		? formatMonthLong(monthAt(months[0]))
		: rangeLabel(months);
}

/** What the same months are called in any year: `June`, `fiscal year`, `October–August`. */
function spanNoun(kind: Period['kind'], months: readonly number[], basis: YearBasis): string {
	if (kind === 'year' && months.length === 12) return `${basis} year`;
	if (months.length === 1) return monthName(months[0]);
	if (months.length < 12) return `${monthName(months[0])}–${monthName(months[months.length - 1])}`;
	return `${months.length} months from ${monthName(months[0])}`;
}

const yearsLabel = (first: number, last: number, basis: YearBasis) =>
	first === last ? yearLabel(first, basis) : `${yearLabel(first, basis)}–${yearLabel(last, basis)}`;

function toPeriod(months: readonly number[], basis: YearBasis): Period {
	if (months.length === 1) return { kind: 'month', month: monthAt(months[0]) };
	if (months.length === 12 && isYearSpan(months, basis))
		return { kind: 'year', basis, year: yearOf(monthAt(months[0]), basis) };
	return { kind: 'range', from: monthAt(months[0]), to: monthAt(months[months.length - 1]) };
}

// ---------------------------------------------------------------------------------------------
// Candidates: the same months in other years, or every run of the same length

const shift = (months: readonly number[], by: number) => months.map((m) => m + by);

interface Candidate {
	months: number[];
	value: number;
}

/** The months shifted by whole years, wherever every month has a value, from `floor` on. */
function sameSpanEachYear(index: SeriesIndex, months: number[], floor = -Infinity): Candidate[] {
	if (!months.length || Number.isNaN(index.first)) return [];
	const start = Math.max(index.first, floor);
	const first = Math.ceil((start - months[0]) / 12);
	const last = Math.floor((index.last - months[months.length - 1]) / 12);
	const out: Candidate[] = [];
	for (let k = first; k <= last; k++) {
		const shifted = shift(months, 12 * k);
		const value = sumOf(index, shifted);
		if (value !== null) out.push({ months: shifted, value });
	}
	return out;
}

/** Every run of `length` consecutive months with a value in each. */
function everyRun(index: SeriesIndex, length: number): Candidate[] {
	const out: Candidate[] = [];
	for (let start = index.first; start + length - 1 <= index.last; start++) {
		const months = run(start, length);
		const value = sumOf(index, months);
		if (value !== null) out.push({ months, value });
	}
	return out;
}

/** Records compare years with years, and any month or run of months with any other. */
function recordCandidates(index: SeriesIndex, kind: Period['kind'], months: number[]) {
	return kind === 'year' ? sameSpanEachYear(index, months) : everyRun(index, months.length);
}

const sameMonths = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && a.every((m, i) => m === b[i]);

// ---------------------------------------------------------------------------------------------
// Compare

export interface Comparison {
	period: Period;
	/** `June 2025`, `FY2025`, `FY2026 through August 2026`, `March–May 2025`. */
	periodLabel: string;
	current: PeriodValue;
	value: number | null;
	/** The months the value counts, as a period (the published part of a partial one). */
	counted: Period | null;
	baselineValue: number | null;
	/** `June 2024`, `the June average for FY2000–FY2025`, `the record-high month, December 2022`. */
	baselineLabel: string;
	/** The periods behind the baseline: one, or every period averaged. */
	baselinePeriods: Period[];
	/** The period is itself the record the baseline names. */
	baselineIsPeriod: boolean;
	changePct: number | null;
	sentence: string;
	/** Partial or unanswerable periods, in words. */
	notes: string[];
}

interface BaselineResult {
	value: number | null;
	label: string;
	/** Dated baselines read "than in June 2024"; the others "than the June average". */
	dated: boolean;
	periods: number[][];
	/** The period holds the record itself. */
	isPeriod: boolean;
	/** What a record is, for a period that holds it: `highest month`, `lowest fiscal year`. */
	record?: string;
	/** Why the baseline has no value, when it has none. */
	note?: string;
}

function resolveBaseline(
	index: SeriesIndex,
	period: Period,
	counted: number[],
	baseline: Baseline,
	basis: YearBasis
): BaselineResult {
	const kind = period.kind;
	const dated = (months: number[]): BaselineResult => {
		const result = valueOf(index, months);
		const label = spanLabel(kind, months, basis);
		// A baseline never borrows a partial sum: its months must all be there.
		const value = result.complete ? result.value : null;
		return {
			value,
			label,
			dated: true,
			periods: [months],
			isPeriod: false,
			note: value === null ? whyNoValue(label, result) : undefined
		};
	};

	if (baseline === 'year-earlier') return dated(shift(counted, -12));
	if (baseline === 'previous-month') return dated(shift(counted, -counted.length));
	if (typeof baseline === 'object') {
		const own = period.kind === 'year' ? period.year : yearOf(monthAt(counted[0]), basis);
		return dated(shift(counted, 12 * (baseline.year - own)));
	}

	const noun = spanNoun(kind, counted, basis);
	const yearOfRun = (c: Candidate) => yearOf(monthAt(c.months[0]), basis);

	if (baseline === 'average') {
		const candidates = sameSpanEachYear(index, counted, indexOf(AVERAGE_START));
		const nounWords = kind === 'year' && counted.length === 12 ? `${basis}-year` : noun;
		if (!candidates.length)
			return {
				value: null,
				label: `the ${nounWords} average`,
				dated: false,
				periods: [],
				isPeriod: false,
				note: `No complete ${noun} from FY2000 on to average.`
			};
		const years = yearsLabel(yearOfRun(candidates[0]), yearOfRun(candidates.at(-1)!), basis);
		return {
			value: candidates.reduce((s, c) => s + c.value, 0) / candidates.length,
			label: `the ${nounWords} average for ${years}`,
			dated: false,
			periods: candidates.map((c) => c.months),
			isPeriod: false
		};
	}

	const high = baseline === 'record-high';
	const candidates = recordCandidates(index, kind, counted);
	const recordNoun =
		kind === 'month'
			? 'month'
			: kind === 'range'
				? `${counted.length} month${counted.length === 1 ? '' : 's'}`
				: noun;
	const label = `the record-${high ? 'high' : 'low'} ${recordNoun}`;
	if (!candidates.length)
		return {
			value: null,
			label,
			dated: false,
			periods: [],
			isPeriod: false,
			note: `The record has no complete ${recordNoun} to compare with.`
		};
	// The first to reach the record holds it.
	const best = candidates.reduce((a, c) =>
		(high ? c.value > a.value : c.value < a.value) ? c : a
	);
	const where =
		kind === 'year' ? yearLabel(yearOfRun(best), basis) : spanLabel(kind, best.months, basis);
	return {
		value: best.value,
		label: `${label}, ${where}`,
		dated: false,
		periods: [best.months],
		isPeriod: sameMonths(best.months, counted),
		record: `${high ? 'highest' : 'lowest'} ${recordNoun}`
	};
}

function whyNoValue(label: string, result: PeriodValue): string {
	const parts: string[] = [];
	if (result.unanswered.length)
		parts.push(`the current filter cannot be answered for ${formatMonthList(result.unanswered)}`);
	if (result.missing.length)
		parts.push(`${formatMonthList(result.missing)} ${isAre(result.missing)} not in the sources`);
	if (result.pending.length)
		parts.push(`${formatMonthList(result.pending)} ${isAre(result.pending)} not published yet`);
	return `No count for ${label}: ${parts.join('; ')}.`;
}

const isAre = (months: readonly Date[]) => (months.length === 1 ? 'is' : 'are');

const defaultBasis = (period: Period): YearBasis =>
	period.kind === 'year' ? period.basis : 'fiscal';

/** The period against the baseline: values, percent change and the sentence that states it. */
export function compare(
	series: readonly SeriesMonth[],
	period: Period,
	baseline: Baseline,
	options: CompareOptions = {}
): Comparison {
	const basis = options.basis ?? defaultBasis(period);
	const subject = options.subject ?? 'USBP encounters';
	const index = indexSeries(series, options.perDay);
	const months = periodIndices(period);
	const current = valueOf(index, months);
	// A partial period is named by the months it counts: `FY2026 through August 2026`.
	const countedMonths = current.value === null ? months : current.present.map(indexOf);
	const periodLabel = spanLabel(period.kind, countedMonths, basis);

	const base: Omit<Comparison, 'sentence' | 'notes'> = {
		period,
		periodLabel,
		current,
		value: current.value,
		counted: null,
		baselineValue: null,
		baselineLabel: '',
		baselinePeriods: [],
		baselineIsPeriod: false,
		changePct: null
	};
	if (current.value === null) {
		return {
			...base,
			baselineLabel: '—',
			sentence: `No count of ${subject} for ${periodLabel}.`,
			notes: [whyNoValue(periodLabel, current)]
		};
	}

	const b = resolveBaseline(index, period, countedMonths, baseline, basis);
	const changePct = percentChange(current.value, b.value);
	const notes: string[] = [];
	if (!current.complete) {
		const full = spanLabel(period.kind, months, basis);
		notes.push(
			`${full} is partial: the sources cover ${formatMonthList(current.present)}; ` +
				`${formatMonthList(current.pending)} ${isAre(current.pending)} not published yet. ` +
				(baseline === 'previous-month'
					? 'The baseline is the same number of months just before.'
					: 'The baseline counts the same months.')
		);
	}
	if (b.note) notes.push(b.note);

	return {
		...base,
		counted: toPeriod(countedMonths, basis),
		baselineValue: b.value,
		baselineLabel: b.label,
		baselinePeriods: b.periods.map((p) => toPeriod(p, basis)),
		baselineIsPeriod: b.isPeriod,
		changePct,
		sentence: sentence(subject, periodLabel, current.value, b, changePct, index.perDay, () =>
			recordSpan(index, period.kind, countedMonths, basis)
		),
		notes
	};
}

function recordSpan(index: SeriesIndex, kind: Period['kind'], months: number[], basis: YearBasis) {
	const candidates = recordCandidates(index, kind, months);
	const year = (c: Candidate) => yearOf(monthAt(c.months[0]), basis);
	return yearsLabel(year(candidates[0]), year(candidates.at(-1)!), basis);
}

function sentence(
	subject: string,
	periodLabel: string,
	value: number,
	b: BaselineResult,
	changePct: number | null,
	perDay: boolean,
	span: () => string
): string {
	const lead = perDay
		? `An average of ${formatPerDay(value)} ${subject} per day in ${periodLabel}`
		: `${formatCount(value)} ${subject} in ${periodLabel}`;
	if (b.isPeriod) return `${lead}, the ${b.record} in the record (${span()}).`;
	if (b.value === null) return `${lead}; no count for ${b.label} to compare with.`;
	const than = b.dated ? `in ${b.label}` : b.label;
	const baselineCount = perDay
		? `${formatPerDay(b.value)} per day`
		: formatCount(Math.round(b.value));
	if (changePct === null)
		return `${lead}, against ${b.dated ? `none in ${b.label}` : `0 for ${b.label}`}.`;
	const pct = formatChange(Math.abs(changePct)).replace('+', '');
	if (changePct === 0) return `${lead}, the same as ${than} (${baselineCount}).`;
	if (Number(Math.abs(changePct).toFixed(1)) === 0)
		return `${lead}, about the same as ${than} (${baselineCount}).`;
	return `${lead}, ${pct} ${changePct < 0 ? 'fewer' : 'more'} than ${than} (${baselineCount}).`;
}

// ---------------------------------------------------------------------------------------------
// Rank

export interface Rank {
	/** 1 = the lowest in the record. */
	rank: number;
	/** 1 = the highest in the record. */
	rankFromTop: number;
	/** How many periods are ranked, this one included. */
	of: number;
	/** Other periods with exactly the same value. */
	tiedWith: string[];
	/** The record's first and last year (`FY2000`, `FY2026`). */
	first: string;
	last: string;
	/** `lowest June since at least FY2000`, `3rd-highest June in the record (FY2000–FY2026)`. */
	text: string;
}

/**
 * The period's place among the same months of every year in the record: a month among that
 * calendar month, a year among complete years, a partial year or a range among the same span.
 * The record starts where the series starts; earlier years are not in the monthly files, so an
 * extreme reached in the latest year is "since at least" the first year. Null without a value.
 */
export function rankInRecord(
	series: readonly SeriesMonth[],
	period: Period,
	options: Pick<CompareOptions, 'basis' | 'perDay'> = {}
): Rank | null {
	const basis = options.basis ?? defaultBasis(period);
	const index = indexSeries(series, options.perDay);
	const current = valueOf(index, periodIndices(period));
	if (current.value === null) return null;
	const value = current.value;
	const months = current.present.map(indexOf);
	const candidates = sameSpanEachYear(index, months);
	const year = (c: Candidate) => yearOf(monthAt(c.months[0]), basis);
	const first = yearLabel(year(candidates[0]), basis);
	const last = yearLabel(year(candidates.at(-1)!), basis);
	const rank = 1 + candidates.filter((c) => c.value < value).length;
	const rankFromTop = 1 + candidates.filter((c) => c.value > value).length;
	const tiedWith = candidates
		.filter((c) => c.value === value && !sameMonths(c.months, months))
		.map((c) => spanLabel(period.kind, c.months, basis));
	const noun = spanNoun(period.kind, months, basis);
	const record = first === last ? `(${first})` : `(${first}–${last})`;
	const isLatest = sameMonths(candidates.at(-1)!.months, months);
	const tie = tiedWith.length ? `, tied with ${tiedWith.join(', ')}` : '';

	let text: string;
	if (candidates.length === 1) text = `only ${noun} in the record ${record}`;
	else if (rank === 1 || rankFromTop === 1) {
		const extreme = rank === 1 ? 'lowest' : 'highest';
		text = isLatest
			? `${extreme} ${noun} since at least ${first}${tie}`
			: `${extreme} ${noun} in the record ${record}${tie}`;
	} else {
		const fromTop = rankFromTop <= rank;
		const place = `${ordinal(fromTop ? rankFromTop : rank)}-${fromTop ? 'highest' : 'lowest'}`;
		text = `${place} ${noun} in the record ${record}${tie}`;
	}
	return { rank, rankFromTop, of: candidates.length, tiedWith, first, last, text };
}

// ---------------------------------------------------------------------------------------------
// Sector contributions

export interface SectorContribution {
	code: string;
	name: string;
	value: number | null;
	baselineValue: number | null;
	/** value − baselineValue; null when either is null. */
	change: number | null;
	/** This sector's change over the sum of every sector's change; null when that sum is 0. */
	shareOfChange: number | null;
}

/**
 * Each sector's change between the baseline and the period, and its share of the total change,
 * largest change first. Give several baseline periods to compare with their average.
 */
export function sectorContributions(
	sectors: readonly SectorMonthValue[],
	period: Period,
	baselinePeriod: Period | readonly Period[],
	options: Pick<CompareOptions, 'perDay'> = {}
): SectorContribution[] {
	const baselines = Array.isArray(baselinePeriod) ? baselinePeriod : [baselinePeriod as Period];
	const bySector = new Map<string, { name: string; rows: SeriesMonth[] }>();
	for (const row of sectors) {
		const entry = bySector.get(row.code) ?? { name: row.name, rows: [] };
		entry.rows.push(row);
		bySector.set(row.code, entry);
	}

	const rows = [...bySector].map(([code, { name, rows: series }]) => {
		const index = indexSeries(series, options.perDay);
		const value = valueOf(index, periodIndices(period)).value;
		const each = baselines.map((p) => sumOf(index, periodIndices(p)));
		const baselineValue =
			each.length && each.every((v) => v !== null)
				? (each as number[]).reduce((s, v) => s + v, 0) / each.length
				: null;
		const change = value !== null && baselineValue !== null ? value - baselineValue : null;
		return { code, name, value, baselineValue, change, shareOfChange: null as number | null };
	});

	const total = rows.reduce((s, r) => s + (r.change ?? 0), 0);
	// + 0 turns the −0 of an unchanged sector into 0.
	for (const row of rows)
		row.shareOfChange = row.change !== null && total !== 0 ? row.change / total + 0 : null;
	// Stable sort: equal changes keep the input (west-to-east) order; unknown changes go last.
	return rows.sort((a, b) => {
		if (a.change === null || b.change === null)
			return (a.change === null ? 1 : 0) - (b.change === null ? 1 : 0);
		return Math.abs(b.change) - Math.abs(a.change);
	});
}

/** The sums of the contributions' values, baselines and changes (over sectors that have them). */
export function contributionTotals(rows: readonly SectorContribution[]) {
	const known = rows.filter((r) => r.change !== null);
	return {
		value: known.reduce((s, r) => s + (r.value ?? 0), 0),
		baselineValue: known.reduce((s, r) => s + (r.baselineValue ?? 0), 0),
		change: known.reduce((s, r) => s + (r.change ?? 0), 0)
	};
}
