/** The record by fiscal year: the annual files' totals for the filter, summed over chosen sectors. */
import type { Db } from '../../db/db';
import { filtersOf } from '../../filters/filters-of';
import type { UrlState } from '../../filters/url-state';
import {
	annualHistory,
	annualHistoryScope,
	chosenAreasHistory,
	southwestAnnualByArea,
	type AnnualHistoryPoint
} from './statement';

export async function historyOf(db: Db, state: UrlState): Promise<AnnualHistoryPoint[]> {
	const filters = filtersOf(state);
	const scope = annualHistoryScope(filters);
	if (scope?.scope !== 'southwest' || !scope.sectors.length) return annualHistory(db, filters);
	return chosenAreasHistory(await southwestAnnualByArea(db), scope.sectors);
}
