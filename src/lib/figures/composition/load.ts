/** The composition figure's rows: the split by month, and the months its files answer. */
import type { Db } from '../../db/db';
import { monthCoverage, type MonthCoverage } from '../../queries/month-sources';
import { chosenAreasOf } from '../../queries/monthly-totals';
import { filtersOf } from '../../filters/filters-of';
import type { UrlState } from '../../filters/url-state';
import {
	chosenAreasComposition,
	COMPOSITION_NEEDS,
	composition,
	compositionByArea,
	type CompositionDimension,
	type CompositionRow
} from './statement';

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
