/**
 * The SQL that turns CBP's CSVs into one normalized view. Every statement here is built from the
 * project's own manifest and vocabulary (identifiers checked by `identifier`), never from user
 * input; values that vary go in as parameters.
 *
 * Tables:
 * - one raw table per manifest file (`<id>`), read by DuckDB's CSV reader as text (the
 *   reconciliation reads it); an `encounters`-role file's rows are normalized once, into `<id>_rows`;
 * - `label_vocab(dimension, variant, code)` and `aor_vocab(code, name, component, region, west_to_east)`;
 * - `encounter_rows`: every `encounters`-role file normalized to one shape, all sources kept;
 * - `source_scope` / `source_months`: every file covering each (month, component, region), its
 *   rank, what it holds and whether it is loaded yet (the big files load after the first view is
 *   drawn); `month_source` the one that wins when nothing more is asked;
 * - `encounters`: what every query reads, keeping only the file its `answerable` months chose;
 * - `southwest_component`: the Southwest-by-component file with its citizenship groups, for its
 *   own total beside the sector sum (its rows also feed `encounter_rows`);
 * - `annual_history`: the annual files (nationwide from FY1925, Southwest sectors from FY1960).
 */
import { TITLE_42_FIRST_MONTH } from '../domain/definitions';
import type { ManifestFile } from '../domain/manifest';
import { BREAKDOWNS, LAYOUT_HOLDS, precedenceRank } from '../domain/manifest';
import { MONTH_ABBREVIATIONS, monthKey } from '../domain/months';
import {
	AREAS_OF_RESPONSIBILITY,
	SOUTHWEST_SECTORS_WEST_TO_EAST,
	labelVariants
} from '../domain/vocabulary';
import { identifier, join, sql, trusted, type Sql } from './sql';

/** Turn off anything that could fetch an extension from another origin. */
export const lockdown: Sql[] = [
	sql`SET autoinstall_known_extensions = false`,
	sql`SET autoload_known_extensions = false`
];

export function vocabularyTables(): Sql[] {
	const labels = labelVariants();
	const westToEast = new Map(SOUTHWEST_SECTORS_WEST_TO_EAST.map((s, i) => [s.code, i + 1]));
	return [
		sql`CREATE OR REPLACE TABLE label_vocab (dimension VARCHAR, variant VARCHAR, code VARCHAR)`,
		sql`INSERT INTO label_vocab VALUES ${join(
			labels.map((l) => sql`(${l.dimension}, ${l.variant}, ${l.code})`),
			', '
		)}`,
		sql`CREATE OR REPLACE TABLE aor_vocab (code VARCHAR, name VARCHAR, component VARCHAR, region VARCHAR, west_to_east INTEGER)`,
		sql`INSERT INTO aor_vocab VALUES ${join(
			AREAS_OF_RESPONSIBILITY.map(
				(a) =>
					sql`(${a.code}, ${a.name}, ${a.component}, ${a.region}, ${westToEast.get(a.code) ?? null})`
			),
			', '
		)}`
	];
}

/** The name under which a file's bytes are registered with DuckDB. */
export function registeredName(file: ManifestFile): string {
	return `${file.id}.csv`;
}

/**
 * Bulk ingest with DuckDB's CSV reader; all columns as text so the normalisation decides types.
 * `source` is the registered name in the app, or a path for the standalone SQL a user downloads.
 */
export function ingestStatement(file: ManifestFile, source = registeredName(file)): Sql {
	if (!/^[A-Za-z0-9_./-]+\.csv$/.test(source) || source.includes('..'))
		throw new Error(`bad file name ${source}`);
	return sql`CREATE OR REPLACE TABLE ${identifier(file.id)} AS
		SELECT * FROM read_csv('${trusted(source)}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true)`;
}

const monthNumber = (column: string) =>
	`list_position([${MONTH_ABBREVIATIONS.map((m) => `'${m}'`).join(', ')}], upper(trim(${column})))`;

/** A CBP release's rows with `fy` (from `2025 (FYTD)` too) and `m` (1–12) added. */
const fiscalRows = (table: string) =>
	`(SELECT *, CAST(regexp_extract("Fiscal Year", '^\\s*(\\d{4})', 1) AS INTEGER) AS fy,
		${monthNumber('"Month (abbv)"')} AS m FROM ${table})`;

/** `LEFT JOIN label_vocab <alias>` on one dimension's spelling. */
const vocabJoin = (alias: string, dimension: string, column: string) =>
	`LEFT JOIN label_vocab ${alias} ON ${alias}.dimension = '${dimension}' AND ${alias}.variant = trim(${column})`;

/**
 * Lower-case, every run of characters other than letters and digits (in any script) to `-`:
 * `CHINA, PEOPLES REPUBLIC OF` → `china-peoples-republic-of`, `中国` → `中国`. The URL's twin is
 * `citizenshipSlug`; upload checks refuse a label without a letter or digit.
 */
const CITIZENSHIP_SLUG = (column: string) =>
	`trim(regexp_replace(lower(${column}), '[^\\p{L}\\p{N}]+', '-', 'g'), '-')`;

/** One `encounters`-role file as rows of the normalized shape. */
function normalizedSelect(file: ManifestFile): string {
	const table = identifier(file.id).text;
	const source = `'${file.id}'`;
	const t42 = `DATE '${monthKey(TITLE_42_FIRST_MONTH)}-01'`;
	switch (file.layout) {
		case 'aor':
			return `SELECT make_date(r.fy - CASE WHEN r.m >= 10 THEN 1 ELSE 0 END, r.m, 1) AS month,
					r.fy AS fiscal_year, comp.code AS component, reg.code AS region, aor.code AS aor_code,
					dem.code AS demographic, trim(r."Citizenship") AS citizenship, tit.code AS title,
					typ.code AS encounter_type, CAST(r."Encounter Count" AS INTEGER) AS count, ${source} AS source_id, CAST(NULL AS VARCHAR) AS state, CAST(NULL AS VARCHAR) AS citizenship_group
				FROM ${fiscalRows(table)} r
				${vocabJoin('comp', 'component', 'r."Component"')}
				${vocabJoin('reg', 'region', 'r."Land Border Region"')}
				LEFT JOIN label_vocab aor ON aor.dimension = 'aor_' || comp.code AND aor.variant = trim(r."Area of Responsibility")
				${vocabJoin('dem', 'demographic', 'r."Demographic"')}
				${vocabJoin('tit', 'title', 'r."Title of Authority"')}
				${vocabJoin('typ', 'encounter_type', 'r."Encounter Type"')}`;
		case 'sector-derived':
			return `SELECT CAST(strptime(trim(r.month), '%Y-%m') AS DATE) AS month,
					CAST(r.fiscal_year AS INTEGER) AS fiscal_year, comp.code AS component, reg.code AS region,
					aor.code AS aor_code, CAST(NULL AS VARCHAR) AS demographic, CAST(NULL AS VARCHAR) AS citizenship, tit.code AS title,
					typ.code AS encounter_type, CAST(r.encounter_count AS INTEGER) AS count, ${source} AS source_id, CAST(NULL AS VARCHAR) AS state, CAST(NULL AS VARCHAR) AS citizenship_group
				FROM ${table} r
				${vocabJoin('comp', 'component', 'r.component')}
				${vocabJoin('reg', 'region', 'r.land_border_region')}
				LEFT JOIN label_vocab aor ON aor.dimension = 'aor_' || comp.code AND aor.variant = trim(r.area_of_responsibility)
				${vocabJoin('tit', 'title', 'r.title_of_authority')}
				${vocabJoin('typ', 'encounter_type', 'r.encounter_type')}`;
		case 'state':
			// USBP and OFO together (component null) by state; no sector or encounter type.
			return `SELECT make_date(r.fy - CASE WHEN r.m >= 10 THEN 1 ELSE 0 END, r.m, 1) AS month,
					r.fy AS fiscal_year, CAST(NULL AS VARCHAR) AS component, reg.code AS region,
					CAST(NULL AS VARCHAR) AS aor_code, dem.code AS demographic, trim(r."Citizenship") AS citizenship,
					tit.code AS title, CAST(NULL AS VARCHAR) AS encounter_type, CAST(r."Encounter Count" AS INTEGER) AS count,
					${source} AS source_id, trim(r."State") AS state, CAST(NULL AS VARCHAR) AS citizenship_group
				FROM ${fiscalRows(table)} r
				${vocabJoin('reg', 'region', 'r."Land Border Region"')}
				${vocabJoin('dem', 'demographic', 'r."Demographic"')}
				${vocabJoin('tit', 'title', 'r."Title of Authority"')}`;
		case 'southwest-component':
			// No sector, and citizenship only in five groups of its own: those go in a column of their
			// own (`citizenship_group`), apart from CBP's 22 values in `citizenship`.
			return `SELECT make_date(r.fy - CASE WHEN r.m >= 10 THEN 1 ELSE 0 END, r.m, 1) AS month,
					r.fy AS fiscal_year, comp.code AS component, 'southwest' AS region, CAST(NULL AS VARCHAR) AS aor_code,
					dem.code AS demographic, CAST(NULL AS VARCHAR) AS citizenship, tit.code AS title,
					typ.code AS encounter_type, CAST(r."Encounter Count" AS INTEGER) AS count, ${source} AS source_id, CAST(NULL AS VARCHAR) AS state, grp.code AS citizenship_group
				FROM ${fiscalRows(table)} r
				${vocabJoin('grp', 'citizenship_group', 'r."Citizenship Grouping"')}
				${vocabJoin('comp', 'component', 'r."Component"')}
				${vocabJoin('dem', 'demographic', 'r."Demographic"')}
				${vocabJoin('tit', 'title', 'r."Title of Authority"')}
				${vocabJoin('typ', 'encounter_type', 'r."Encounter Type"')}`;
		case 'sector-pdf':
			// The PDF gives one count per sector and month. Before Title 42 every USBP encounter
			// was a Title 8 apprehension; from March 2020 the count mixes in expulsions unsplit.
			return `SELECT m.month, CAST(r.fiscal_year AS INTEGER) AS fiscal_year, 'usbp' AS component,
					reg.code AS region, aor.code AS aor_code, CAST(NULL AS VARCHAR) AS demographic, CAST(NULL AS VARCHAR) AS citizenship,
					CASE WHEN m.month < ${t42} THEN '8' END AS title,
					CASE WHEN m.month < ${t42} THEN 'apprehensions' END AS encounter_type,
					CAST(r.encounters AS INTEGER) AS count, ${source} AS source_id, CAST(NULL AS VARCHAR) AS state, CAST(NULL AS VARCHAR) AS citizenship_group
				FROM ${table} r
				CROSS JOIN LATERAL (SELECT CAST(strptime(trim(r.month), '%Y-%m') AS DATE) AS month) m
				${vocabJoin('reg', 'region', 'r.land_border_region')}
				${vocabJoin('aor', 'aor_usbp', 'r.sector')}`;
		default:
			throw new Error(`layout ${file.layout} does not feed the encounters view`);
	}
}

/** The table holding an `encounters`-role file's rows, normalized. */
export function rowsTable(file: ManifestFile): Sql {
	return identifier(`${file.id}_rows`);
}

/**
 * Normalizes an `encounters`-role file once, right after its ingest: its checks and the combined
 * `encounter_rows` (rebuilt as files arrive) read the result, never the raw text again.
 */
export function normalizeFileStatement(file: ManifestFile): Sql {
	return sql`CREATE OR REPLACE TABLE ${rowsTable(file)} AS
		SELECT *, ${trusted(CITIZENSHIP_SLUG('citizenship'))} AS slug FROM (${trusted(normalizedSelect(file))})`;
}

export interface FileProblems {
	badMonths: number;
	unknownLabels: number;
	badCounts: number;
}

/**
 * Counts an `encounters`-role file's normalized rows that would not fit the view, so a bad file
 * fails on load with its own name rather than later inside the combined view.
 */
export function fileProblemsStatement(file: ManifestFile): Sql {
	// The PDF series has no title or type after February 2020 and no demographic at all.
	const required = {
		aor: 'component IS NULL OR aor_code IS NULL OR title IS NULL OR encounter_type IS NULL OR demographic IS NULL',
		state: "demographic IS NULL OR title IS NULL OR NOT regexp_full_match(state, '[A-Z]{2}')",
		'sector-derived':
			'component IS NULL OR aor_code IS NULL OR title IS NULL OR encounter_type IS NULL',
		'sector-pdf': 'component IS NULL OR aor_code IS NULL',
		'southwest-component':
			'component IS NULL OR title IS NULL OR encounter_type IS NULL OR demographic IS NULL OR citizenship_group IS NULL',
		'annual-nationwide': 'false',
		'annual-sector': 'false'
	}[file.layout];
	return sql`SELECT CAST(count(*) FILTER (WHERE month IS NULL) AS INTEGER) AS "badMonths",
			CAST(count(*) FILTER (WHERE region IS NULL OR ${trusted(required)}) AS INTEGER) AS "unknownLabels",
			CAST(count(*) FILTER (WHERE count IS NULL OR count < 0) AS INTEGER) AS "badCounts"
		FROM ${rowsTable(file)}`;
}

/**
 * Rebuilds `encounter_rows`, the precedence tables and the `encounters` view from the loaded
 * files. Which file wins a month is decided by coverage in the manifest, not by which rows exist,
 * so a key that the winning release leaves out counts as 0 and is never filled from an older one.
 */
export function normalizedStatements(
	files: ManifestFile[],
	loaded: Set<string> = new Set(files.map((f) => f.id))
): Sql[] {
	const allEncounterFiles = files.filter((f) => f.role === 'encounters');
	const rank = precedenceRank(allEncounterFiles);
	const encounterFiles = allEncounterFiles.filter((f) => loaded.has(f.id));
	const scopeRow = (
		f: ManifestFile,
		from: string,
		to: string,
		component: string,
		region: string
	) => {
		const holds = join(
			BREAKDOWNS.map((b) => sql`${LAYOUT_HOLDS[f.layout][b]}`),
			', '
		);
		return sql`(${f.id}, ${rank.get(f.id) ?? 0}, CAST(${`${from}-01`} AS DATE), CAST(${`${to}-01`} AS DATE), ${component}, ${region}, ${holds}, ${loaded.has(f.id)}, ${f.layout})`;
	};
	const hasColumns = (type: string) => BREAKDOWNS.map((b) => `has_${b}${type}`).join(', ');
	// A bundled release covers its whole range and scope (a key it leaves out is 0); an upload
	// covers only the months and scopes it has rows for, so a sparse file replaces nothing else.
	const scopes = allEncounterFiles.flatMap((f) =>
		f.holds
			? f.holds.map((h) => scopeRow(f, h.month, h.month, h.component, h.region))
			: f.scope.components.flatMap((component) =>
					f.scope.regions.map((region) =>
						scopeRow(f, f.coverage.from, f.coverage.to, component, region)
					)
				)
	);
	const union = join(
		encounterFiles.map((f) => sql`SELECT * FROM ${rowsTable(f)}`),
		'\nUNION ALL\n'
	);
	const combined = encounterFiles.length
		? sql`CREATE OR REPLACE TABLE encounter_rows AS
			WITH n AS (${union}),
				-- Spellings that share a slug (MEXICO, Mexico) are one citizenship with one label.
				labels AS (SELECT slug, min(citizenship) AS label FROM n WHERE slug IS NOT NULL GROUP BY slug)
			SELECT n.month, n.fiscal_year, n.component, n.region, n.aor_code, v.name AS aor_name,
				n.demographic, n.slug AS citizenship, l.label AS citizenship_label, n.title,
				n.encounter_type, n.count, n.source_id, n.state, n.citizenship_group
			FROM n LEFT JOIN aor_vocab v ON v.code = n.aor_code LEFT JOIN labels l ON l.slug = n.slug
			ORDER BY n.month, n.source_id`
		: sql`CREATE OR REPLACE TABLE encounter_rows (month DATE, fiscal_year INTEGER, component VARCHAR,
			region VARCHAR, aor_code VARCHAR, aor_name VARCHAR, demographic VARCHAR, citizenship VARCHAR,
			citizenship_label VARCHAR, title VARCHAR, encounter_type VARCHAR, count INTEGER, source_id VARCHAR,
			state VARCHAR, citizenship_group VARCHAR)`;
	return [
		combined,
		sql`CREATE OR REPLACE TABLE source_scope (source_id VARCHAR, rank INTEGER, month_from DATE, month_to DATE,
			component VARCHAR, region VARCHAR, ${trusted(hasColumns(' BOOLEAN'))}, loaded BOOLEAN, layout VARCHAR)`,
		...(scopes.length ? [sql`INSERT INTO source_scope VALUES ${join(scopes, ', ')}`] : []),
		// Every file covering each month and scope, with what it holds: a view picks from these
		// the highest-ranked file that covers all its scopes and holds what it needs (`answerableCte`).
		sql`CREATE OR REPLACE TABLE source_months AS
			SELECT CAST(m.month AS DATE) AS month, s.component, s.region, s.source_id, s.rank,
				${trusted(hasColumns(''))}, s.loaded
			FROM source_scope s, unnest(generate_series(s.month_from, s.month_to, INTERVAL 1 MONTH)) AS m(month)`,
		// The file each month and scope (one component) comes from when nothing more is asked of it.
		sql`CREATE OR REPLACE TABLE month_source AS
			SELECT month, component, region, arg_max(source_id, rank) AS source_id, arg_max(loaded, rank) AS loaded
			FROM source_months WHERE has_component GROUP BY ALL`,
		// Which areas report in each scope, so queries need not scan all rows to list them.
		sql`CREATE OR REPLACE TABLE scope_aors AS SELECT DISTINCT component, region, aor_code FROM encounter_rows
			WHERE aor_code IS NOT NULL`,
		// Every loaded file's rows: a query keeps only its months' chosen file (`answerable`).
		sql`CREATE OR REPLACE VIEW encounters AS SELECT * FROM encounter_rows`
	];
}

/** The Southwest-by-component file, normalized; its `Remaining` rows are real September rows. */
export function southwestComponentStatement(file: ManifestFile): Sql {
	const table = identifier(file.id).text;
	return sql`CREATE OR REPLACE TABLE southwest_component AS
		SELECT make_date(r.fy - CASE WHEN r.m >= 10 THEN 1 ELSE 0 END, r.m, 1) AS month, r.fy AS fiscal_year,
			comp.code AS component, dem.code AS demographic, trim(r."Citizenship Grouping") AS citizenship_group,
			tit.code AS title, typ.code AS encounter_type, CAST(r."Encounter Count" AS INTEGER) AS count,
			${file.id} AS source_id
		FROM ${trusted(fiscalRows(table))} r
		${trusted(vocabJoin('comp', 'component', 'r."Component"'))}
		${trusted(vocabJoin('dem', 'demographic', 'r."Demographic"'))}
		${trusted(vocabJoin('tit', 'title', 'r."Title of Authority"'))}
		${trusted(vocabJoin('typ', 'encounter_type', 'r."Encounter Type"'))}`;
}

/**
 * The annual history files as `annual_history(fiscal_year, scope, aor_code, value, source_id)`:
 * `scope` is `nationwide` or `southwest`; `aor_code` is a Southwest sector, or null for a total.
 */
export function annualHistoryStatements(files: ManifestFile[]): Sql[] {
	const selects = files
		.filter((f) => f.role === 'history')
		.map((f) => {
			const table = identifier(f.id).text;
			if (f.layout === 'annual-nationwide')
				return `SELECT CAST(fiscal_year AS INTEGER) AS fiscal_year, 'nationwide' AS scope, NULL AS aor_code,
					CAST(apprehensions AS INTEGER) AS value, '${f.id}' AS source_id FROM ${table}`;
			return `SELECT CAST(r.fiscal_year AS INTEGER) AS fiscal_year, 'southwest' AS scope, aor.code AS aor_code,
					CAST(r.total_apprehensions AS INTEGER) AS value, '${f.id}' AS source_id
				FROM ${table} r ${vocabJoin('aor', 'aor_usbp', 'r.sector')}`;
		});
	return [
		selects.length
			? sql`CREATE OR REPLACE TABLE annual_history AS ${trusted(selects.join('\nUNION ALL\n'))}`
			: sql`CREATE OR REPLACE TABLE annual_history (fiscal_year INTEGER, scope VARCHAR, aor_code VARCHAR, value INTEGER, source_id VARCHAR)`
	];
}
