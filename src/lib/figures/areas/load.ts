/** The rows of the figures of areas (small multiples, comparison, map): every area by month. */
import type { Db } from '../../db/db';
import { sectorMonthly, type SectorMonth } from '../../queries/sector-monthly';
import { filtersOf } from '../../filters/filters-of';
import type { UrlState } from '../../filters/url-state';

const NO_AREAS: SectorMonth[] = [];

/**
 * Every area of the scope (not only the chosen sectors), by month; none in a view of states, as
 * no file counts sectors by state.
 */
export async function sectorSeriesOf(db: Db, state: UrlState): Promise<SectorMonth[]> {
	return state.states.length ? NO_AREAS : sectorMonthly(db, filtersOf({ ...state, sectors: [] }));
}
