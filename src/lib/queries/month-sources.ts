import type { Db } from '../db/db';
import {
	answerableCte,
	breakdownsOf,
	CHOSEN_SOURCE_IDS,
	scopeConditions,
	type Breakdown,
	type Filters
} from './filters';
import { BREAKDOWNS } from '../domain/manifest';
import { named, sql, trusted } from '../db/sql';

export interface MonthCoverage {
	month: Date;
	/** True when every scope has a source that can answer the filter. */
	answerable: boolean;
	sourceIds: string[];
	/** `component/region` scopes with no source this month. */
	missingScopes: string[];
	/** Breakdowns the filter needs that this month's sources lack. */
	lacking: Breakdown[];
	/** True while a winning file of this month is still loading. */
	pending: boolean;
}

/** For every month any file covers in the filter's scope: whether and from what it is answered. */
export async function monthCoverage(
	db: Db,
	filters: Filters,
	extra: Breakdown[] = []
): Promise<MonthCoverage[]> {
	const scopes = filters.components.flatMap((c) => filters.regions.map((r) => `${c}/${r}`));
	const needs = [...new Set([...breakdownsOf(filters), ...extra])];
	const rows = await db.query<
		{
			month: Date;
			answerable: boolean;
			pending: boolean;
			sourceIds: string[];
			covered: string[];
			/** Whether a file covers every scope; what the best such file holds (`has_<breakdown>`). */
			covering: boolean;
		} & Partial<Record<`has_${Breakdown}`, boolean>>
	>(
		named(
			'Which months the filter can be answered in, and from which files',
			sql`
		WITH ${answerableCte(filters, extra)},
		best AS (
			SELECT ms.month, ms.source_id, ${trusted(BREAKDOWNS.map((b) => `bool_and(ms.has_${b}) AS has_${b}`).join(', '))}
			FROM source_months ms WHERE ${scopeConditions(filters, 'ms')} GROUP BY ALL
		)
		SELECT c.month, coalesce(c.loaded, false) AS answerable, coalesce(NOT c.loaded, false) AS pending,
			${CHOSEN_SOURCE_IDS} AS "sourceIds", c.covered, b.source_id IS NOT NULL AS covering,
			${trusted(BREAKDOWNS.map((b) => `b.has_${b}`).join(', '))}
		FROM chosen c LEFT JOIN best b ON b.month = c.month AND b.source_id = c.best_id
		ORDER BY c.month`
		)
	);
	// Rows answered from the explorer's cache are the same array: give back the same coverage, so
	// the figures that read it see no change.
	const known = shaped.get(rows);
	if (known) return known;
	const coverage = rows.map((r) => ({
		month: r.month,
		answerable: r.answerable,
		sourceIds: [...r.sourceIds],
		missingScopes: scopes.filter((s) => ![...r.covered].includes(s)),
		// What the best file covering every scope lacks; none when no file covers them all.
		lacking: r.covering ? needs.filter((b) => !r[`has_${b}`]) : [],
		pending: r.pending
	}));
	shaped.set(rows, coverage);
	return coverage;
}

const shaped = new WeakMap<object, MonthCoverage[]>();
