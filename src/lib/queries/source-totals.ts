import type { Db } from '../db/db';
import { dateValue, join, named, sql, type Sql } from '../db/sql';
import { answerableCte, encounterConditions, type Filters } from './filters';

export interface SourceTotal {
	month: Date;
	sourceId: string;
	value: number;
}

/**
 * The filter's count by month in every loaded file that can answer it, not only the chosen one:
 * where two releases disagree, CBP revised the month. Only the months of `spans` (inclusive).
 */
export function sourceTotalsSql(filters: Filters, spans: { from: Date; to: Date }[]): Sql {
	const within = join(
		spans.map((s) => sql`f.month BETWEEN ${dateValue(s.from)} AND ${dateValue(s.to)}`),
		' OR '
	);
	return named(
		'The count of each month in every file that answers it',
		sql`
		WITH ${answerableCte(filters)}
		SELECT f.month, f.source_id AS "sourceId", CAST(coalesce(sum(e.count), 0) AS BIGINT) AS value
		FROM fits f LEFT JOIN encounters e ON e.month = f.month AND e.source_id = f.source_id
			AND ${encounterConditions(filters, 'e')}
		WHERE f.fits AND f.loaded AND (${spans.length ? within : sql`false`})
		GROUP BY ALL ORDER BY f.month, f.source_id`
	);
}

export async function sourceTotals(
	db: Db,
	filters: Filters,
	spans: { from: Date; to: Date }[]
): Promise<SourceTotal[]> {
	return db.query<SourceTotal>(sourceTotalsSql(filters, spans));
}
