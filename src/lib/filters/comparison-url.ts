/**
 * The comparison builder's choice as it lives in the URL, so that a copied link, an embed and a
 * reload show the same comparison: `compare=2025-06` (a month), `compare=2025` (a fiscal or
 * calendar year, as `year=` says), `compare=2025-01..2025-06` (a range of months), and
 * `baseline=` one of `year-earlier` (the default, left out), `previous-month`, `average`,
 * `record-high`, `record-low`, or a year (`baseline=2019`: the same months in that year).
 */
import type { Baseline, ComparisonSelection, Period, YearBasis } from '../domain/comparison';
import { monthKey, parseMonthKey } from '../domain/months';
import { URL_YEARS } from './url-years';

const NAMED_BASELINES = [
	'year-earlier',
	'previous-month',
	'average',
	'record-high',
	'record-low'
] as const;

const yearIn = (text: string) => {
	if (!/^\d{4}$/.test(text)) return null;
	const year = Number(text);
	return year >= URL_YEARS.first && year <= URL_YEARS.last ? year : null;
};
const monthIn = (text: string) => {
	const month = parseMonthKey(text);
	return month && yearIn(String(month.getUTCFullYear())) !== null ? month : null;
};

function parsePeriod(text: string, basis: YearBasis): Period | null {
	const [a, b, ...rest] = text.trim().split('..');
	if (rest.length) return null;
	if (b !== undefined) {
		const from = monthIn(a);
		const to = monthIn(b);
		if (!from || !to) return null;
		return from <= to ? { kind: 'range', from, to } : { kind: 'range', from: to, to: from };
	}
	const year = yearIn(a);
	if (year !== null) return { kind: 'year', basis, year };
	const month = monthIn(a);
	return month && { kind: 'month', month };
}

function parseBaseline(text: string): Baseline | null {
	const value = text.trim().toLowerCase();
	const named = NAMED_BASELINES.find((b) => b === value);
	if (named) return named;
	const year = yearIn(value);
	return year === null ? null : { kind: 'same-period', year };
}

/**
 * The selection a URL names, or what is wrong with it, in words that follow the quoted value.
 * No `compare` is no selection: the builder then starts from the headline month.
 */
export function parseComparison(
	compare: string | null,
	baseline: string | null,
	basis: YearBasis
): { selection: ComparisonSelection | null; problems: { value: string; problem: string }[] } {
	const problems: { value: string; problem: string }[] = [];
	if (compare === null) {
		if (baseline !== null)
			problems.push({ value: baseline, problem: 'is a baseline without a compare=; ignored.' });
		return { selection: null, problems };
	}
	const period = parsePeriod(compare, basis);
	if (!period) {
		problems.push({
			value: compare,
			problem: 'is not a month (YYYY-MM), a year (YYYY) or a range (YYYY-MM..YYYY-MM); ignored.'
		});
		return { selection: null, problems };
	}
	let parsed: Baseline = 'year-earlier';
	if (baseline !== null) {
		const b = parseBaseline(baseline);
		if (b) parsed = b;
		else
			problems.push({
				value: baseline,
				problem: `is not a baseline (${NAMED_BASELINES.join(', ')}, or a year); using year-earlier.`
			});
	}
	return { selection: { period, baseline: parsed }, problems };
}

/** The URL parameters of a selection; the default baseline is left out. */
export function comparisonParams(selection: ComparisonSelection): {
	compare: string;
	baseline?: string;
} {
	const { period, baseline } = selection;
	const compare =
		period.kind === 'month'
			? monthKey(period.month)
			: period.kind === 'year'
				? String(period.year)
				: `${monthKey(period.from)}..${monthKey(period.to)}`;
	if (baseline === 'year-earlier') return { compare };
	return { compare, baseline: typeof baseline === 'object' ? String(baseline.year) : baseline };
}
