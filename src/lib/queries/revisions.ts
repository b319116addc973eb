/**
 * What CBP revised: for months two loaded releases both cover, every key (month, area,
 * demographic, citizenship, title, type) whose count differs, with a key missing from a release
 * read as 0 (CBP omits zero rows). Compared are releases of the same layout, so that a file
 * without a breakdown is never read as revising one that has it. CBP's Southwest-by-component
 * file is compared separately, month by month, with the sector sums the views show.
 */
import type { Db } from '../db/db';
import { sql, trusted, type Sql } from '../db/sql';

export interface ReleaseOverlap {
	older: string;
	newer: string;
	from: Date;
	to: Date;
	keysCompared: number;
	keysChanged: number;
	totalBefore: number;
	totalAfter: number;
}

export interface Revision {
	older: string;
	newer: string;
	month: Date;
	/** Null in the state releases, which count USBP and OFO together. */
	component: string | null;
	region: string;
	/** Null in the state releases, which have no areas. */
	aorCode: string | null;
	aorName: string | null;
	/** The state releases' state; null in the other layouts. */
	state: string | null;
	demographic: string | null;
	citizenship: string | null;
	title: string | null;
	encounterType: string | null;
	before: number;
	after: number;
}

/**
 * Pairs of loaded releases of one layout whose coverage overlaps, with the months they share; a
 * layout without components apart (the state releases) pairs once per region, component null.
 */
const PAIRS = sql`pairs AS (
	SELECT DISTINCT a.source_id AS older, b.source_id AS newer,
		CASE WHEN a.has_component THEN a.component END AS component, a.region,
		greatest(a.month_from, b.month_from) AS m_from, least(a.month_to, b.month_to) AS m_to
	FROM source_scope a JOIN source_scope b
		ON a.component = b.component AND a.region = b.region AND a.rank < b.rank AND a.layout = b.layout
	WHERE a.loaded AND b.loaded AND greatest(a.month_from, b.month_from) <= least(a.month_to, b.month_to)
)`;

/** Every key's count in both releases of each pair, over the months they share. */
function comparedSql(): Sql {
	return sql`WITH ${PAIRS},
		keyed AS (
			SELECT source_id, month, component, region, aor_code, any_value(aor_name) AS aor_name,
				state, demographic, citizenship, title, encounter_type, sum(count) AS n
			FROM encounter_rows GROUP BY ALL
		),
		side AS (
			SELECT p.older, p.newer, p.older = k.source_id AS is_older, k.*
			FROM pairs p JOIN keyed k ON k.source_id IN (p.older, p.newer)
				AND k.component IS NOT DISTINCT FROM p.component AND k.region = p.region
				AND k.month BETWEEN p.m_from AND p.m_to
		),
		o AS (SELECT * FROM side WHERE is_older),
		n AS (SELECT * FROM side WHERE NOT is_older),
		compared AS (
			SELECT coalesce(o.older, n.older) AS older, coalesce(o.newer, n.newer) AS newer,
				coalesce(o.month, n.month) AS month, coalesce(o.component, n.component) AS component,
				coalesce(o.region, n.region) AS region, coalesce(o.aor_code, n.aor_code) AS aor_code,
				coalesce(o.aor_name, n.aor_name) AS aor_name, coalesce(o.state, n.state) AS state,
				coalesce(o.demographic, n.demographic) AS demographic,
				coalesce(o.citizenship, n.citizenship) AS citizenship,
				coalesce(o.title, n.title) AS title, coalesce(o.encounter_type, n.encounter_type) AS encounter_type,
				coalesce(o.n, 0) AS before, coalesce(n.n, 0) AS after
			FROM o FULL OUTER JOIN n
				ON n.older = o.older AND n.newer = o.newer AND n.month = o.month
				AND n.component IS NOT DISTINCT FROM o.component AND n.region = o.region
				AND n.aor_code IS NOT DISTINCT FROM o.aor_code AND n.state IS NOT DISTINCT FROM o.state
				AND n.demographic IS NOT DISTINCT FROM o.demographic
				AND n.citizenship IS NOT DISTINCT FROM o.citizenship
				AND n.title IS NOT DISTINCT FROM o.title
				AND n.encounter_type IS NOT DISTINCT FROM o.encounter_type
		)`;
}

export async function releaseOverlaps(db: Db): Promise<ReleaseOverlap[]> {
	return db.query<ReleaseOverlap>(sql`${comparedSql()},
		spans AS (SELECT older, newer, min(m_from) AS "from", max(m_to) AS "to" FROM pairs GROUP BY ALL)
		SELECT s.older, s.newer, s."from", s."to",
			CAST(count(c.month) AS INTEGER) AS "keysCompared",
			CAST(count(c.month) FILTER (WHERE c.before <> c.after) AS INTEGER) AS "keysChanged",
			CAST(coalesce(sum(c.before), 0) AS BIGINT) AS "totalBefore",
			CAST(coalesce(sum(c.after), 0) AS BIGINT) AS "totalAfter"
		FROM spans s LEFT JOIN compared c ON c.older = s.older AND c.newer = s.newer
		GROUP BY ALL ORDER BY s.newer, s.older`);
}

/** How many revised counts the page lists for each pair of releases; the rest are counted. */
const LISTED = 1000;

/** Every key column in the order, so that the same counts make the cut on every run. */
const REVISION_ORDER = trusted(
	'month, abs(after - before) DESC, aor_code, state, demographic, citizenship, title, encounter_type'
);

/**
 * The revised counts of each pair of releases, by month and then by size, at most `perPair` of
 * each pair (the overlaps count them all).
 */
export async function revisions(db: Db, perPair = LISTED): Promise<Revision[]> {
	return db.query<Revision>(sql`${comparedSql()}
		SELECT older, newer, month, component, region, aor_code AS "aorCode", aor_name AS "aorName", state,
			demographic, citizenship, title, encounter_type AS "encounterType",
			CAST(before AS BIGINT) AS before, CAST(after AS BIGINT) AS after
		FROM compared WHERE before <> after
		QUALIFY row_number() OVER (PARTITION BY older, newer ORDER BY ${REVISION_ORDER}) <= ${perPair}
		ORDER BY older, newer, ${REVISION_ORDER}`);
}

export interface NetRevision {
	month: Date;
	/** The sum over every revised count of the month of its newest count minus its oldest. */
	change: number;
}

/**
 * The net change of every revised count, by month: over pairs of releases with no other loaded
 * release of the scope between them that covers the month, so that three releases of one month
 * add up to the newest minus the oldest, counted once.
 */
export async function netRevisionsByMonth(db: Db): Promise<NetRevision[]> {
	return db.query<NetRevision>(sql`${comparedSql()}
		SELECT c.month, CAST(sum(c.after - c.before) AS BIGINT) AS change
		FROM compared c
		WHERE c.before <> c.after AND NOT EXISTS (
			SELECT 1 FROM source_scope a, source_scope b, source_scope m
			WHERE a.source_id = c.older AND b.source_id = c.newer AND a.region = c.region
				AND b.component = a.component AND b.region = a.region
				AND m.layout = a.layout AND m.component = a.component AND m.region = a.region
				AND m.loaded AND m.rank > a.rank AND m.rank < b.rank
				AND c.month BETWEEN m.month_from AND m.month_to
		)
		GROUP BY c.month ORDER BY c.month`);
}

export interface ComponentVsSectors {
	month: Date;
	component: string;
	/** CBP's Southwest-by-component file, Title 8 apprehensions. */
	componentTotal: number;
	/** The same count summed over sectors in the views' winning files. */
	sectorSum: number | null;
	sectorSourceId: string | null;
}

/**
 * USBP Southwest Title 8 apprehensions by month in CBP's Southwest-by-component file against the
 * sector sums the views use, for every month both cover.
 */
export async function componentVsSectors(db: Db): Promise<ComponentVsSectors[]> {
	return db.query<ComponentVsSectors>(sql`
		WITH c AS (
			SELECT month, CAST(sum(count) AS BIGINT) AS total FROM southwest_component
			WHERE component = 'usbp' AND title = '8' AND encounter_type = 'apprehensions' GROUP BY month
		),
		s AS (
			SELECT e.month, CAST(sum(e.count) AS BIGINT) AS total, any_value(e.source_id) AS source_id
			FROM encounters e JOIN month_source w ON w.month = e.month AND w.component = e.component
				AND w.region = e.region AND w.source_id = e.source_id
			WHERE e.component = 'usbp' AND e.region = 'southwest' AND e.title = '8' AND e.encounter_type = 'apprehensions'
			GROUP BY e.month
		)
		SELECT c.month, 'usbp' AS component, c.total AS "componentTotal", s.total AS "sectorSum",
			s.source_id AS "sectorSourceId"
		FROM c LEFT JOIN s ON s.month = c.month ORDER BY c.month`);
}
