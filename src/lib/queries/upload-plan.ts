/**
 * What the loaded data says now for the months an upload holds: per month × component × region,
 * the file that answers it, its total and the areas it has rows for; and per month × region, the
 * file counting USBP and OFO together (the state releases) that answers it, component null. The upload's plan sets these
 * against the upload's own totals before the user confirms.
 */
import type { Db } from '../db/db';
import type { ComponentCode, RegionCode } from '../domain/vocabulary';
import { sql } from '../db/sql';

export interface LoadedCell {
	/** `YYYY-MM` */
	month: string;
	/** Null for the files that count USBP and OFO together. */
	component: ComponentCode | null;
	region: RegionCode;
	sourceId: string;
	total: number;
	/** Area codes with rows in the winning file, sorted. */
	areas: string[];
}

export async function loadedCells(db: Db, months: string[]): Promise<LoadedCell[]> {
	const rows = await db.query<LoadedCell & { areas: string[] | null }>(sql`
		WITH winners AS (
			SELECT month, component, region, source_id FROM month_source WHERE loaded
			UNION ALL
			SELECT month, NULL, region, arg_max(source_id, rank) FROM source_months
			WHERE loaded AND NOT has_component GROUP BY month, region
		)
		SELECT strftime(s.month, '%Y-%m') AS month, s.component, s.region, s.source_id AS "sourceId",
			CAST(coalesce(sum(e.count), 0) AS BIGINT) AS total,
			list_sort(list(DISTINCT e.aor_code) FILTER (WHERE e.aor_code IS NOT NULL)) AS areas
		FROM winners s
		LEFT JOIN encounters e ON e.month = s.month AND e.component IS NOT DISTINCT FROM s.component
			AND e.region = s.region AND e.source_id = s.source_id
		WHERE list_contains(string_split(${months.join(',')}, ','), strftime(s.month, '%Y-%m'))
		GROUP BY ALL
		ORDER BY 1, 2 NULLS LAST, 3`);
	return rows.map((r) => ({ ...r, areas: r.areas ?? [] }));
}
