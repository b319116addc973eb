/**
 * Everything the explorer shows for one filter state, from one call: the months resolved against
 * what the sources answer, the headline with its parts, the monthly series, the sector series,
 * one composition, the long history, and notes on what could not be answered.
 */
import type { Db } from '../data/db';
import type { ManifestFile } from '../data/manifest';
import { addMonths, monthKey } from '../data/months';
import { formatMonthLong } from '../format';
import {
	annualHistory,
	annualHistoryScope,
	chosenAreasHistory,
	southwestAnnualByArea,
	type AnnualHistoryPoint,
	type AreaAnnualPoint
} from '../queries/annual-history';
import {
	chosenAreasComposition,
	composition,
	compositionByArea,
	type AreaCompositionRow,
	type CompositionDimension,
	type CompositionRow
} from '../queries/composition';
import { filtersOf, type Filters } from '../queries/filters';
import { headline, type Headline } from '../queries/headline';
import { monthCoverage, type MonthCoverage } from '../queries/month-sources';
import { chosenAreasTotals, monthlyTotals, type MonthlyTotal } from '../queries/monthly-totals';
import { sectorMonthly, type SectorMonth } from '../queries/sector-monthly';
import {
	southwestComponentTotal,
	type SouthwestComponentTotal
} from '../queries/southwest-component';
import { runText, unansweredRuns } from './coverage-notes';
import { memo } from './memo';
import type { UrlState } from './url-state';

export interface ExplorerView {
	/** The URL state with month, from and to resolved to real months. */
	resolved: UrlState & { month: Date; from: Date; to: Date };
	filters: Filters;
	/** Null when the filter cannot be answered in any month. */
	headline: Headline | null;
	series: MonthlyTotal[];
	coverage: MonthCoverage[];
	/** First and last month the filter can be answered in. */
	answered: { first: Date; last: Date } | null;
	/** Every area of the scope (not only the chosen sectors), by month. */
	sectorSeries: SectorMonth[];
	composition: CompositionRow[];
	compositionCoverage: MonthCoverage[];
	history: AnnualHistoryPoint[];
	componentTotal: SouthwestComponentTotal | null;
	/** Notes on adjusted months (shown with the URL notices). */
	notices: string[];
	/** What the views could not answer, and why. */
	coverageNotes: string[];
	/** True while a file some view needs is still loading (its months are null until then). */
	pending: boolean;
}

// Chosen sectors' rows are sums of the scope's per-area rows: the same numbers as the statements
// with the sectors as a filter, and a change of sectors asks DuckDB nothing new. Memoized, so the
// same inputs give the same rows and the figures see no change when the sectors stay; a few
// results each, so views computed ahead (see prefetch.ts) do not push out the one shown.
const RECENT = 8;
const areaTotals = memo(
	(scopeTotals: MonthlyTotal[], areas: SectorMonth[], codes: string) =>
		chosenAreasTotals(scopeTotals, areas, codes.split(',')),
	RECENT
);
const areaComposition = memo(
	(rows: AreaCompositionRow[], codes: string) => chosenAreasComposition(rows, codes.split(',')),
	RECENT
);
const areaHistory = memo(
	(rows: AreaAnnualPoint[], codes: string) => chosenAreasHistory(rows, codes.split(',')),
	RECENT
);

async function compositionOf(db: Db, filters: Filters, dimension: CompositionDimension) {
	if (!filters.sectors.length) return composition(db, filters, dimension);
	const rows = await compositionByArea(db, { ...filters, sectors: [] }, dimension);
	return areaComposition(rows, filters.sectors.join());
}

async function historyOf(db: Db, filters: Filters) {
	const scope = annualHistoryScope(filters);
	if (scope?.scope !== 'southwest' || !scope.sectors.length) return annualHistory(db, filters);
	return areaHistory(await southwestAnnualByArea(db), scope.sectors.join());
}

export async function loadExplorerView(
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>
): Promise<ExplorerView> {
	const filters = filtersOf(state);
	const dimension: CompositionDimension = state.split === 'type' ? 'encounter_type' : state.split;
	const notices: string[] = [];
	// Everything that does not depend on the resolved month is asked at once, so DuckDB's queue
	// never waits for a round trip between the two groups.
	const coverageQuery = monthCoverage(db, filters);
	const independent = Promise.all([
		// Every area of the scope, so the chosen ones are highlighted among the rest.
		sectorMonthly(db, filtersOf({ ...state, sectors: [] })),
		compositionOf(db, filters, dimension),
		// The split needs its own coverage only when it asks for a breakdown the filter does not.
		(dimension === 'demographic' || dimension === 'citizenship') && !filters[dimension]
			? monthCoverage(db, filters, [dimension])
			: coverageQuery,
		historyOf(db, filters)
	]);
	// Awaited below; a failure here must not go unhandled if the first group fails first.
	independent.catch(() => {});
	// With sectors chosen, the totals are the sum of their rows in the scope's per-area series.
	const scope = { ...filters, sectors: [] };
	const [scopeTotals, areas, coverage] = await Promise.all([
		monthlyTotals(db, scope),
		filters.sectors.length ? sectorMonthly(db, scope) : null,
		coverageQuery
	]);
	const series = areas ? areaTotals(scopeTotals, areas, filters.sectors.join()) : scopeTotals;
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
	const from = clamp(state.from, first, 'from') ?? first;
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

	const [[sectorSeries, comp, compCoverage, history], head, componentTotal] = await Promise.all([
		independent,
		month ? headline(db, filters, month, addMonths(month, -12)) : Promise.resolve(null),
		month &&
		filters.components.length === 1 &&
		filters.regions.length === 1 &&
		filters.regions[0] === 'southwest' &&
		!filters.sectors.length &&
		!filters.demographic &&
		!filters.citizenship &&
		!filters.title &&
		!filters.encounterType
			? southwestComponentTotal(db, filters.components[0], month)
			: Promise.resolve(null)
	]);
	return {
		resolved: { ...state, month: month ?? last!, from: from!, to: to! },
		filters,
		headline: head,
		series,
		coverage,
		answered,
		sectorSeries,
		composition: comp,
		compositionCoverage: compCoverage,
		history,
		componentTotal,
		notices,
		coverageNotes: unansweredRuns(coverage, files).map(runText),
		pending: coverage.some((c) => c.pending)
	};
}
