/**
 * A standalone SQL script that recomputes a figure in DuckDB from the project's `data/` folder:
 * the same statements the app runs to build the normalized view (from `schema.ts`), reading each
 * CSV by its path, then the figure's own queries with the filter values written in as literals.
 * Run it with `duckdb < script.sql` from inside `data/`.
 */
import type { ManifestFile } from '../domain/manifest';
import {
	annualHistoryStatements,
	ingestStatement,
	normalizeFileStatement,
	lockdown,
	normalizedStatements,
	southwestComponentStatement,
	vocabularyTables
} from '../db/schema';
import { inlineSql, type Sql } from '../db/sql';
import { plainText } from '../format';

export interface ScriptQuery {
	/** What the query returns, as a comment above it. */
	label: string;
	sql: Sql;
}

/**
 * One line of comment text: `plainText` turns line breaks (which would end the comment) into
 * spaces and drops bidi controls, which would make the comment read differently from the code.
 */
const comment = (text: string) => `-- ${plainText(text)}`.trimEnd();

/** Whether `ingestStatement` (the one rule for what `read_csv` may be given) takes `path`. */
function readable(file: ManifestFile, path: string): boolean {
	try {
		ingestStatement(file, path);
		return true;
	} catch {
		return false;
	}
}

/** `My file (1).csv` → `My-file-1`: letters without accents, digits, `_`; the rest one `-`. */
const slug = (name: string) =>
	plainText(name)
		.replace(/\.csv$/i, '')
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^A-Za-z0-9_]+/g, '-')
		.replace(/^-+|-+$/g, '');

/**
 * The path each file is read from in the script, by id: its own (every bundled file's) when
 * `read_csv` may be given it; else, for an upload named `my file (1).csv` or `日本.csv`, a slug of
 * its name, or its id when the slug is empty or already used. An upload's name can hold anything,
 * and one name that cannot be read must not stop every SQL download.
 */
export function scriptPaths(files: ManifestFile[]): Map<string, string> {
	const paths = new Map<string, string>();
	const used = new Set<string>();
	for (const file of files) {
		const free = (p: string) => !used.has(p) && readable(file, p);
		let path = [file.path, `${slug(file.path)}.csv`, `${file.id}.csv`].find(free);
		// Only if another file is already called `<id>.csv`: ids are plain, so a suffix is enough.
		for (let n = 2; !path; n++) if (free(`${file.id}_${n}.csv`)) path = `${file.id}_${n}.csv`;
		paths.set(file.id, path);
		used.add(path);
	}
	return paths;
}

/** Statements in the order `loadFiles` runs them, with each CSV read from its script path. */
export function setupStatements(
	files: ManifestFile[],
	paths: Map<string, string> = scriptPaths(files)
): Sql[] {
	return [
		...lockdown,
		...vocabularyTables(),
		...files.flatMap((file) => [
			ingestStatement(file, paths.get(file.id) ?? file.path),
			...(file.layout === 'southwest-component' ? [southwestComponentStatement(file)] : []),
			...(file.role === 'encounters' ? [normalizeFileStatement(file)] : [])
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
	const paths = scriptPaths(args.files);
	const renamed = args.files.filter((f) => paths.get(f.id) !== f.path);
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
			(f) => `${used.has(f.id) ? '*' : ' '} ${paths.get(f.id)} (${f.label}; ${f.data_as_of})`
		),
		...(renamed.length
			? ['', 'Files whose names the script cannot use (uploads): copy each into data/ as']
			: []),
		...renamed.map((f) => `  ${paths.get(f.id)}  ← “${f.path}”`),
		...(args.notes?.length ? ['', ...args.notes] : [])
	].map(comment);
	const statement = (s: Sql) => `${inlineSql(s).trim()};`;
	return [
		header.join('\n'),
		comment('Setup: vocabulary, one table per file, the normalized `encounters` view.'),
		...setupStatements(args.files, paths).map(statement),
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
