/**
 * The comparison builder's form as state: what the user typed for each kind of period (switching
 * kinds and back loses nothing), and the period and baseline it makes, with the choices that the
 * series allows. No DOM: the form (`ComparisonForm.svelte`) binds to it, and it is tested in Node.
 */
import { extent } from 'd3';
import {
	yearOf,
	type Baseline,
	type ComparisonSelection,
	type Period,
	type SeriesMonth,
	type YearBasis
} from '../../domain/comparison';
import { addMonths, monthKey, parseMonthKey } from '../../domain/months';

export type PeriodKind = Period['kind'];
export type BaselineKind = Exclude<Baseline, object> | 'same-period';

export class ComparisonInputs {
	kind = $state<PeriodKind>('month');
	/** `YYYY-MM`, as the month inputs give it. */
	month = $state('');
	year = $state(0);
	from = $state('');
	to = $state('');
	baselineKind = $state<BaselineKind>('year-earlier');
	/** The earlier year of a same-period baseline. */
	sameYear = $state(0);

	readonly #series: () => SeriesMonth[];
	readonly #basis: () => YearBasis;

	/** The first and last months of the series. */
	readonly span = $derived(extent(this.series, (r) => r.month));
	/** The latest month with a value: where a new form starts. */
	readonly latest = $derived(
		this.series.findLast((r) => r.value !== null)?.month ??
			this.span[1] ??
			new Date(Date.UTC(2000, 0, 1))
	);
	/** Every year of the series, on the basis chosen. */
	readonly years = $derived(
		[...new Set(this.series.map((r) => yearOf(r.month, this.basis)))].sort((a, b) => a - b)
	);

	/** The period the inputs name; null while a month field is empty or incomplete. */
	readonly period: Period | null = $derived.by(() => {
		if (this.kind === 'year') return { kind: 'year', basis: this.basis, year: this.year };
		if (this.kind === 'month') {
			const month = parseMonthKey(this.month);
			return month && { kind: 'month', month };
		}
		const from = parseMonthKey(this.from);
		const to = parseMonthKey(this.to);
		return from && to ? { kind: 'range', from, to } : null;
	});

	/** The baselines this kind of period can be compared with, in words. */
	readonly baselineOptions: { value: BaselineKind; label: string }[] = $derived.by(() => {
		const kind = this.kind;
		const what = { month: 'this month', year: 'complete years', range: 'these months' }[kind];
		const any = { month: 'any month', year: 'any complete year', range: 'any run this long' }[kind];
		const options: { value: BaselineKind; label: string }[] = [
			{
				value: 'year-earlier',
				label: {
					month: 'Same month a year earlier',
					year: 'The year before',
					range: 'Same months a year earlier'
				}[kind]
			},
			{
				value: 'previous-month',
				label: kind === 'month' ? 'The month before' : 'As many months just before'
			},
			{
				value: 'same-period',
				label: `Same ${kind === 'month' ? 'month' : 'months'} of an earlier year`
			},
			{ value: 'average', label: `Average of ${what}, FY2000 on` },
			{ value: 'record-high', label: `Record high (${any})` },
			{ value: 'record-low', label: `Record low (${any})` }
		];
		// For a year the months just before are the year before: one option is enough.
		return kind === 'year' ? options.filter((o) => o.value !== 'previous-month') : options;
	});

	/** The years before the period's own (its first month's), latest first. */
	readonly earlierYears = $derived.by(() => {
		const p = this.period;
		const anchor = !p
			? null
			: p.kind === 'year'
				? p.year
				: yearOf(p.kind === 'month' ? p.month : p.from < p.to ? p.from : p.to, this.basis);
		return this.years.filter((y) => anchor !== null && y < anchor).reverse();
	});
	/** The same-period baseline's year: the one chosen, or the latest before the period. */
	readonly chosenSameYear = $derived(
		this.earlierYears.includes(this.sameYear) ? this.sameYear : (this.earlierYears[0] ?? null)
	);
	/** The baseline chosen, or a year earlier when this period cannot take it. */
	readonly chosenBaselineKind: BaselineKind = $derived(
		this.baselineOptions.some((o) => o.value === this.baselineKind) &&
			!(this.baselineKind === 'same-period' && this.chosenSameYear === null)
			? this.baselineKind
			: 'year-earlier'
	);
	readonly baseline: Baseline = $derived(
		this.chosenBaselineKind === 'same-period' && this.chosenSameYear !== null
			? { kind: 'same-period', year: this.chosenSameYear }
			: (this.chosenBaselineKind as Exclude<Baseline, object>)
	);

	/** `series` and `basis` are read when needed; `initial` fills the form (the latest month against a year earlier without it). */
	constructor(series: () => SeriesMonth[], basis: () => YearBasis, initial?: ComparisonSelection) {
		this.#series = series;
		this.#basis = basis;
		this.reset(initial);
	}

	get series(): SeriesMonth[] {
		return this.#series();
	}

	get basis(): YearBasis {
		return this.#basis();
	}

	/** The selection the inputs make, or null while a field is incomplete. */
	get selection(): ComparisonSelection | null {
		const period = this.period;
		return period && { period, baseline: this.baseline };
	}

	/** Fills every input from a selection; the other kinds' inputs start near the latest month. */
	reset(selection?: ComparisonSelection): void {
		const p = selection?.period;
		const b = selection?.baseline ?? 'year-earlier';
		const latest = this.latest;
		this.kind = p?.kind ?? 'month';
		this.month = monthKey(p?.kind === 'month' ? p.month : latest);
		this.year = p?.kind === 'year' ? p.year : yearOf(latest, this.basis);
		this.from = monthKey(p?.kind === 'range' ? p.from : addMonths(latest, -2));
		this.to = monthKey(p?.kind === 'range' ? p.to : latest);
		this.baselineKind = typeof b === 'object' ? 'same-period' : b;
		this.sameYear = typeof b === 'object' ? b.year : yearOf(latest, this.basis) - 1;
	}

	/** Sets the range's first month, moving the last one with it so that from ≤ to. */
	setFrom(text: string): void {
		this.from = text;
		if (parseMonthKey(text) && parseMonthKey(this.to) && text > this.to) this.to = text;
	}

	/** Sets the range's last month, moving the first one with it so that from ≤ to. */
	setTo(text: string): void {
		this.to = text;
		if (parseMonthKey(text) && parseMonthKey(this.from) && text < this.from) this.from = text;
	}
}
