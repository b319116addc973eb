/**
 * Everything the headline page shows for one URL state, from one call: the month resolved against
 * what the sources cover, the headline with its sectors, the monthly series and CBP's own
 * Southwest-by-component total for comparison.
 */
import type { Db } from '../data/db';
import { addMonths, monthKey } from '../data/months';
import { formatMonthLong } from '../format';
import type { Filters } from '../queries/filters';
import { headline, type Headline } from '../queries/headline';
import { coveredRange } from '../queries/month-sources';
import { monthlyTotals, type MonthlyTotal } from '../queries/monthly-totals';
import {
	southwestComponentTotal,
	type SouthwestComponentTotal
} from '../queries/southwest-component';

export interface HeadlineView {
	headline: Headline;
	series: MonthlyTotal[];
	componentTotal: SouthwestComponentTotal | null;
	notices: string[];
}

export async function loadHeadlineView(
	db: Db,
	filters: Filters,
	requestedMonth: Date | null
): Promise<HeadlineView> {
	const notices: string[] = [];
	const range = await coveredRange(db, filters);
	let month = requestedMonth ?? range.last;
	if (
		requestedMonth &&
		range.first &&
		range.last &&
		(requestedMonth < range.first || requestedMonth > range.last)
	) {
		notices.push(
			`No source covers ${formatMonthLong(requestedMonth)} (${monthKey(requestedMonth)}); showing the latest month, ${formatMonthLong(range.last)}.`
		);
		month = range.last;
	}
	if (!month) throw new Error('No source covers any month for this selection.');
	const [view, series, componentTotal] = await Promise.all([
		headline(db, filters, month, addMonths(month, -12)),
		monthlyTotals(db, filters),
		filters.sectors.length
			? Promise.resolve(null)
			: southwestComponentTotal(db, filters.component, month)
	]);
	return { headline: view, series, componentTotal, notices };
}
