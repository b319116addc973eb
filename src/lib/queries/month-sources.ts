import type { Db } from '../data/db';
import { answerableCte, scopeConditions, type Breakdown, type Filters } from './filters';
import { named, sql } from '../data/sql';

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
	const needs = [
		...new Set([
			...(filters.demographic ? ['demographic'] : []),
			...(filters.citizenship ? ['citizenship'] : []),
			...extra
		])
	];
	const rows = await db.query<{
		month: Date;
		answerable: boolean;
		sourceIds: string[];
		covered: string[];
		demographic: boolean;
		citizenship: boolean;
		loaded: boolean;
	}>(
		named(
			'Which months the filter can be answered in, and from which files',
			sql`
		WITH ${answerableCte(filters, extra)}
		SELECT ms.month, (a.month IS NOT NULL) AS answerable,
			list(DISTINCT ms.source_id ORDER BY ms.source_id) AS "sourceIds",
			list(ms.component || '/' || ms.region) AS covered,
			bool_and(ms.has_demographic) AS demographic, bool_and(ms.has_citizenship) AS citizenship,
			bool_and(ms.loaded) AS loaded
		FROM month_source ms LEFT JOIN answerable a ON a.month = ms.month
		WHERE ${scopeConditions(filters, 'ms')}
		GROUP BY ms.month, a.month ORDER BY ms.month`
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
		lacking: needs.filter((b) => !r[b as Breakdown]) as Breakdown[],
		pending: !r.loaded
	}));
	shaped.set(rows, coverage);
	return coverage;
}

const shaped = new WeakMap<object, MonthCoverage[]>();
