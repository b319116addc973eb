/** The states figure's rows: every state of the scope by month, and the months its files answer. */
import type { Db } from '../../db/db';
import { monthCoverage, type MonthCoverage } from '../../queries/month-sources';
import { stateMonthly, type StateMonth } from '../../queries/state-monthly';
import { filtersOf } from '../../filters/filters-of';
import type { UrlState } from '../../filters/url-state';

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
