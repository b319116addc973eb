import type { Db } from '../db/db';
import { answerableCte, encounterConditions, scopeConditions, type Filters } from './filters';
import { named, oneOf, sql, trusted, type Sql } from '../db/sql';

export interface SectorMonth {
	code: string;
	name: string;
	month: Date;
	/** Null where the filter cannot be answered that month. */
	value: number | null;
}

/** Every area in the filter by month (for small multiples and the map), west to east. */
export function sectorMonthlySql(filters: Filters): Sql {
	const sectorFilter = filters.sectors.length
		? sql`AND ${oneOf(trusted('r.aor_code'), filters.sectors)}`
		: sql``;
	return named(
		'Each sector or field office of the scope, by month',
		sql`
		WITH ${answerableCte(filters, ['aor'])},
		aors AS (
			SELECT DISTINCT r.aor_code AS code, v.name, v.component, v.west_to_east
			FROM scope_aors r JOIN aor_vocab v ON v.code = r.aor_code
			WHERE ${scopeConditions(filters, 'r')} ${sectorFilter}
		),
		sums AS (
			SELECT e.aor_code, e.month, sum(e.count) AS total
			FROM encounters e JOIN answerable an ON an.month = e.month AND an.source_id = e.source_id
			WHERE ${encounterConditions(filters, 'e')} GROUP BY ALL
		)
		SELECT a.code, a.name, m.month,
			CASE WHEN an.month IS NOT NULL THEN CAST(coalesce(s.total, 0) AS BIGINT) END AS value
		FROM aors a CROSS JOIN chosen m
		LEFT JOIN answerable an ON an.month = m.month
		LEFT JOIN sums s ON s.aor_code = a.code AND s.month = m.month
		ORDER BY a.component DESC, a.west_to_east NULLS LAST, a.name, m.month`
	);
}

export async function sectorMonthly(db: Db, filters: Filters): Promise<SectorMonth[]> {
	return db.query<SectorMonth>(sectorMonthlySql(filters));
}
