import type { Db } from '../db/db';
import { sql } from '../db/sql';

export interface MonthWinner {
	month: Date;
	component: string;
	region: string;
	sourceId: string;
	loaded: boolean;
}

/** Which file every month and scope comes from, by the precedence rule. */
export async function monthWinners(db: Db): Promise<MonthWinner[]> {
	return db.query<MonthWinner>(sql`
		SELECT month, component, region, source_id AS "sourceId", loaded FROM month_source
		ORDER BY component DESC, region DESC, month`);
}
