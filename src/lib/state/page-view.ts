/**
 * What every explorer figure shares for one filter state: the months resolved against what the
 * sources answer, the headline with its parts, the monthly series, and notes on what could not be
 * answered. Each figure's own rows are its load (`figures/loads.ts`), asked only for figures shown.
 */
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { addMonths, monthKey } from '../domain/months';
import { formatMonthLong } from '../format';
import type { Filters } from '../queries/filters';
import { filtersOf } from '../filters/filters-of';
import { headlineReader, type Headline } from '../queries/headline';
import { monthCoverage, type MonthCoverage } from '../queries/month-sources';
import {
	chosenAreasOf,
	chosenAreasTotals,
	monthlyTotals,
	type MonthlyTotal
} from '../queries/monthly-totals';
import {
	southwestComponentTotals,
	type SouthwestComponentTotal
} from '../queries/southwest-component';
import { runText, unansweredRuns } from '../text/coverage-notes';
import type { UrlState } from '../filters/url-state';

export interface PageView {
	/** The URL state with month, from and to resolved to real months. */
	resolved: UrlState & { month: Date; from: Date; to: Date };
	filters: Filters;
	/** Null when the filter cannot be answered in any month. */
	headline: Headline | null;
	series: MonthlyTotal[];
	coverage: MonthCoverage[];
	/** First and last month the filter can be answered in. */
	answered: { first: Date; last: Date } | null;
	componentTotal: SouthwestComponentTotal | null;
	/** Notes on adjusted months (shown with the URL notices). */
	notices: string[];
	/** What the views could not answer, and why. */
	coverageNotes: string[];
	/** True while a file some view needs is still loading (its months are null until then). */
	pending: boolean;
}

export async function loadPageView(
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>
): Promise<PageView> {
	const filters = filtersOf(state);
	const notices: string[] = [];
	// With sectors or states chosen, the totals are the sum of their rows in the scope's per-area
	// series.
	const chosen = chosenAreasOf(filters);
	// The component's own Southwest total is set beside a plain view of one component there.
	const ownTotal =
		filters.components.length === 1 &&
		filters.regions.length === 1 &&
		filters.regions[0] === 'southwest' &&
		!filters.sectors.length &&
		!filters.demographic &&
		!filters.citizenship &&
		!filters.title &&
		!filters.encounterType;
	// Every statement at once: none depends on the month, which is resolved below.
	const [scopeTotals, areas, coverage, headlineAt, componentTotalAt] = await Promise.all([
		monthlyTotals(db, chosen?.scope ?? filters, chosen ? [chosen.need] : []),
		chosen?.rows(db) ?? null,
		monthCoverage(db, filters),
		headlineReader(db, filters),
		ownTotal ? southwestComponentTotals(db, filters.components[0]) : null
	]);
	const series =
		chosen && areas ? chosenAreasTotals(scopeTotals, areas, chosen.codes) : scopeTotals;
	const answeredMonths = coverage.filter((c) => c.answerable).map((c) => c.month);
	const answered = answeredMonths.length
		? { first: answeredMonths[0], last: answeredMonths[answeredMonths.length - 1] }
		: null;
	const first = series[0]?.month ?? null;
	const last = answered?.last ?? series[series.length - 1]?.month ?? null;

	const clamp = (m: Date | null, fallback: Date | null, name: string): Date | null => {
		if (!m || !first || !last) return fallback;
		if (m < first || m > last) {
			notices.push(
				`No source answers this filter for ${formatMonthLong(m)} (${name}); using ${formatMonthLong(fallback!)}.`
			);
			return fallback;
		}
		return m;
	};
	// Without from= the range starts where the filter is answered, not where the record starts.
	const start = answered?.first ?? first;
	const from = clamp(state.from, start, 'from') ?? start;
	const to = clamp(state.to, last, 'to') ?? last;
	const inRange = answeredMonths.filter((m) => (!from || m >= from) && (!to || m <= to));
	let month = state.month;
	// A month still loading keeps its place: it is answered once its file is in.
	const isAnsweredOrPending = (m: Date) =>
		coverage.some((c) => c.month.getTime() === m.getTime() && (c.answerable || c.pending));
	if (month && !isAnsweredOrPending(month)) {
		const fallback = inRange[inRange.length - 1] ?? null;
		notices.push(
			`No source answers this filter for ${formatMonthLong(month)} (${monthKey(month)})${
				fallback ? `; showing ${formatMonthLong(fallback)}` : ''
			}.`
		);
		month = fallback;
	}
	month ??= inRange[inRange.length - 1] ?? null;

	const head = month ? headlineAt(month, addMonths(month, -12)) : null;
	const componentTotal = month && componentTotalAt ? componentTotalAt(month) : null;
	return {
		resolved: { ...state, month: month ?? last!, from: from!, to: to! },
		filters,
		headline: head,
		series,
		coverage,
		answered,
		componentTotal,
		notices,
		coverageNotes: unansweredRuns(coverage, files).map(runText),
		pending: coverage.some((c) => c.pending)
	};
}
