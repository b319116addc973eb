/**
 * The rows each figure asks for beyond the page's view, declared per figure: a figure's load runs
 * only while it is shown (the coordinator serves the ones in view first), and its statements are
 * the ones its downloads offer. Chosen sectors' rows are sums of the scope's per-area rows: the
 * same numbers as the statements with the sectors as a filter, so the build-time per-area results
 * answer any choice of sectors.
 */
import type { Db } from '../data/db';
import {
	annualHistory,
	annualHistoryScope,
	chosenAreasHistory,
	southwestAnnualByArea,
	type AnnualHistoryPoint
} from '../queries/annual-history';
import {
	chosenAreasComposition,
	COMPOSITION_NEEDS,
	composition,
	compositionByArea,
	type CompositionDimension,
	type CompositionRow
} from '../queries/composition';
import { filtersOf } from './filters-of';
import { monthCoverage, type MonthCoverage } from '../queries/month-sources';
import { chosenAreasOf } from '../queries/monthly-totals';
import { sectorMonthly, type SectorMonth } from '../queries/sector-monthly';
import { stateMonthly, type StateMonth } from '../queries/state-monthly';
import { loadPageView } from './page-view';
import type { UrlState } from './url-state';
import type { ManifestFile } from '../data/manifest';

const NO_AREAS: SectorMonth[] = [];

/**
 * Every area of the scope (not only the chosen sectors), by month; none in a view of states, as
 * no file counts sectors by state.
 */
export async function sectorSeriesOf(db: Db, state: UrlState): Promise<SectorMonth[]> {
	return state.states.length ? NO_AREAS : sectorMonthly(db, filtersOf({ ...state, sectors: [] }));
}

export interface CompositionData {
	rows: CompositionRow[];
	/** Months the split can be answered in, and by which files. */
	coverage: MonthCoverage[];
}

export async function compositionOf(db: Db, state: UrlState): Promise<CompositionData> {
	const filters = filtersOf(state);
	const dimension: CompositionDimension =
		state.split === 'type'
			? 'encounter_type'
			: state.split === 'citizenship-group'
				? 'citizenship_group'
				: state.split;
	const chosen = chosenAreasOf(filters);
	const [rows, coverage] = await Promise.all([
		chosen
			? compositionByArea(db, chosen.scope, dimension, chosen.need).then((byArea) =>
					chosenAreasComposition(byArea, chosen.codes)
				)
			: composition(db, filters, dimension),
		// The split's own needs (a demographic, a citizenship, an encounter type), as its statement.
		monthCoverage(db, filters, COMPOSITION_NEEDS[dimension])
	]);
	return { rows, coverage };
}

export interface StatesData {
	/** Every state of the scope (not only the chosen ones), by month. */
	rows: StateMonth[];
	/** Months a file with states answers the filter in, and which. */
	coverage: MonthCoverage[];
}

export async function statesOf(db: Db, state: UrlState): Promise<StatesData> {
	// Every state of the scope; no file counts sectors by state, so a choice of them plays no part.
	const filters = filtersOf({ ...state, states: [], sectors: [] });
	const [rows, coverage] = await Promise.all([
		stateMonthly(db, filters),
		monthCoverage(db, filters, ['state'])
	]);
	return { rows, coverage };
}

export async function historyOf(db: Db, state: UrlState): Promise<AnnualHistoryPoint[]> {
	const filters = filtersOf(state);
	const scope = annualHistoryScope(filters);
	if (scope?.scope !== 'southwest' || !scope.sectors.length) return annualHistory(db, filters);
	return chosenAreasHistory(await southwestAnnualByArea(db), scope.sectors);
}

/** Each figure's own load, by the figure it draws. */
export const FIGURE_LOADS = {
	'small-multiples': sectorSeriesOf,
	map: sectorSeriesOf,
	comparison: sectorSeriesOf,
	composition: compositionOf,
	history: historyOf,
	states: statesOf
} as const;

/** Everything the explorer can show for a state: the page's view and every figure's load. */
export async function loadEverything(
	db: Db,
	state: UrlState,
	files: Map<string, ManifestFile>
): Promise<void> {
	await Promise.all([
		loadPageView(db, state, files),
		...[...new Set(Object.values(FIGURE_LOADS))].map((load) => load(db, state))
	]);
}
