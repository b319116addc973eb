import type { Db } from '../db/db';
import { answerableCte, encounterConditions, type Filters } from './filters';
import { named, sql, type Sql } from '../db/sql';

export interface StateMonth {
	/** Two-letter code, as CBP's state releases write it. */
	code: string;
	month: Date;
	value: number;
}

/**
 * Every state's count by month, in the months a file with states (CBP's state releases) answers
 * the filter; a state without a row in such a month had no encounters counted there.
 */
export function stateMonthlySql(filters: Filters): Sql {
	return named(
		'Each state of the scope, by month',
		sql`
		WITH ${answerableCte(filters, ['state'])}
		SELECT e.state AS code, e.month, CAST(sum(e.count) AS BIGINT) AS value
		FROM encounters e JOIN answerable a ON a.month = e.month AND a.source_id = e.source_id
		WHERE ${encounterConditions(filters, 'e')} AND e.state IS NOT NULL
		GROUP BY e.state, e.month
		ORDER BY e.month, code`
	);
}

export async function stateMonthly(db: Db, filters: Filters): Promise<StateMonth[]> {
	return db.query<StateMonth>(stateMonthlySql(filters));
}
