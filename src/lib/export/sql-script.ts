/**
 * A standalone SQL script that recomputes a figure in DuckDB from the project's `data/` folder:
 * the same statements the app runs to build the normalized view (from `schema.ts`), reading each
 * CSV by its path, then the figure's own queries with the filter values written in as literals.
 * Run it with `duckdb < script.sql` from inside `data/`.
 */
import type { ManifestFile } from '../data/manifest';
import {
	annualHistoryStatements,
	ingestStatement,
	lockdown,
	normalizedStatements,
	southwestComponentStatement,
	vocabularyTables
} from '../data/schema';
import { inlineSql, type Sql } from '../queries/sql';

export interface ScriptQuery {
	/** What the query returns, as a comment above it. */
	label: string;
	sql: Sql;
}

/** One line of comment text: no line breaks that would end the comment. */
const comment = (text: string) => `-- ${text.replace(/[\r\n]+/g, ' ')}`.trimEnd();

/** Statements in the order `loadFiles` runs them, with each CSV read from its path. */
export function setupStatements(files: ManifestFile[]): Sql[] {
	return [
		...lockdown,
		...vocabularyTables(),
		...files.flatMap((file) => [
			ingestStatement(file, file.path),
			...(file.role === 'southwest-component' ? [southwestComponentStatement(file)] : [])
		]),
		...normalizedStatements(files),
		...annualHistoryStatements(files)
	];
}

/**
 * The script: comments (what, filters, source files), the setup, then each query. Statements end
 * with `;` and a blank line.
 */
export function sqlScript(args: {
	title: string;
	/** The filter in words, and the filter as a URL query. */
	filters: string[];
	files: ManifestFile[];
	/** Manifest ids the figure's numbers come from. */
	sourceIds: string[];
	queries: ScriptQuery[];
	notes?: string[];
}): string {
	const used = new Set(args.sourceIds);
	const header = [
		args.title,
		'',
		...args.filters.map((f) => `Filter: ${f}`),
		'',
		'Run from inside the data/ folder of Border Stats Explorer:  duckdb < this-file.sql',
		'Every CSV is read by its path relative to data/; the statements are the ones the app runs.',
		'',
		'Source files (* = the figure’s numbers come from it):',
		...args.files.map(
			(f) => `${used.has(f.id) ? '*' : ' '} ${f.path} (${f.label}; ${f.data_as_of})`
		),
		...(args.notes?.length ? ['', ...args.notes] : [])
	].map(comment);
	const statement = (s: Sql) => `${inlineSql(s).trim()};`;
	return [
		header.join('\n'),
		comment('Setup: vocabulary, one table per file, the normalized `encounters` view.'),
		...setupStatements(args.files).map(statement),
		...args.queries.map((q) => `${comment(q.label)}\n${statement(q.sql)}`)
	]
		.join('\n\n')
		.concat('\n');
}

/** The script's statements, for running it without the DuckDB shell (comments stay attached). */
export function splitStatements(script: string): string[] {
	return script
		.split(/;\n(?:\n|$)/)
		.map((s) => s.trim())
		.filter((s) => s && !s.split('\n').every((line) => line.startsWith('--') || !line.trim()));
}
