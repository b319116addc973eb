import type { Db } from '../data/db';
import { scopeConditions, type Filters } from './filters';
import { sql } from './sql';

export interface CoveredRange {
	first: Date | null;
	last: Date | null;
}

/** The first and last month that some file covers for the filter's scope. */
export async function coveredRange(db: Db, filters: Filters): Promise<CoveredRange> {
	const [row] = await db.query<CoveredRange>(sql`
		SELECT min(ms.month) AS first, max(ms.month) AS last FROM month_source ms
		WHERE ${scopeConditions(filters, 'ms')}`);
	return row ?? { first: null, last: null };
}
