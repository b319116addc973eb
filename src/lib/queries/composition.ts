import type { Db } from '../data/db';
import { answerableCte, encounterConditions, type Breakdown, type Filters } from './filters';
import { sql, trusted, type Sql } from './sql';

export type CompositionDimension = 'demographic' | 'citizenship' | 'title' | 'encounter_type';

export interface CompositionRow {
	month: Date;
	key: string;
	/** CBP's label for citizenship; the code for the other dimensions (labelled in TypeScript). */
	label: string;
	value: number;
}

const BREAKDOWN: Record<CompositionDimension, Breakdown[]> = {
	demographic: ['demographic'],
	citizenship: ['citizenship'],
	title: [],
	encounter_type: []
};

/**
 * The filter's counts split by one dimension, for months in which every source can answer that
 * split; months that cannot are left out (the chart shows a gap and the view says why).
 */
export function compositionSql(filters: Filters, dimension: CompositionDimension): Sql {
	const key = trusted(`e.${dimension}`);
	const label = trusted(
		dimension === 'citizenship' ? 'any_value(e.citizenship_label)' : `e.${dimension}`
	);
	return sql`
		WITH ${answerableCte(filters, BREAKDOWN[dimension])}
		SELECT e.month, ${key} AS key, ${label} AS label, CAST(sum(e.count) AS INTEGER) AS value
		FROM encounters e JOIN answerable a ON a.month = e.month
		WHERE ${encounterConditions(filters, 'e')} AND ${key} IS NOT NULL
		GROUP BY e.month, ${key}
		ORDER BY e.month, key`;
}

export async function composition(
	db: Db,
	filters: Filters,
	dimension: CompositionDimension
): Promise<CompositionRow[]> {
	return db.query<CompositionRow>(compositionSql(filters, dimension));
}
