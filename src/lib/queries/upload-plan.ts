/**
 * What the loaded data says now for the months an upload holds: per month × component × region,
 * the file that answers it, its total and the areas it has rows for. The upload's plan sets these
 * against the upload's own totals before the user confirms.
 */
import type { Db } from '../data/db';
import type { ComponentCode, RegionCode } from '../data/vocabulary';
import { sql } from '../data/sql';

export interface LoadedCell {
	/** `YYYY-MM` */
	month: string;
	component: ComponentCode;
	region: RegionCode;
	sourceId: string;
	total: number;
	/** Area codes with rows in the winning file, sorted. */
	areas: string[];
}

export async function loadedCells(db: Db, months: string[]): Promise<LoadedCell[]> {
	const rows = await db.query<LoadedCell & { areas: string[] | null }>(sql`
		SELECT strftime(s.month, '%Y-%m') AS month, s.component, s.region, s.source_id AS "sourceId",
			CAST(coalesce(sum(e.count), 0) AS BIGINT) AS total,
			list_sort(list(DISTINCT e.aor_code) FILTER (WHERE e.aor_code IS NOT NULL)) AS areas
		FROM month_source s
		LEFT JOIN encounters e ON e.month = s.month AND e.component = s.component AND e.region = s.region
			AND e.source_id = s.source_id
		WHERE s.loaded AND list_contains(string_split(${months.join(',')}, ','), strftime(s.month, '%Y-%m'))
		GROUP BY ALL
		ORDER BY 1, 2, 3`);
	return rows.map((r) => ({ ...r, areas: r.areas ?? [] }));
}
