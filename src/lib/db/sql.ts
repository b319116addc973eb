/**
 * The `sql` tagged template: interpolated values become `?` parameters of a prepared statement and
 * are never concatenated into the text. An interpolated `Sql` fragment is spliced in with its own
 * parameters, so WHERE clauses can be composed.
 */
export interface Sql {
	readonly text: string;
	readonly params: readonly SqlValue[];
	/** What it returns, in words: a download writes it above the statement. */
	readonly label?: string;
}

export type SqlValue = string | number | boolean | null;

const SQL = Symbol('sql');

interface SqlFragment extends Sql {
	[SQL]: true;
}

function isSql(value: unknown): value is SqlFragment {
	return typeof value === 'object' && value !== null && SQL in value;
}

function fragment(text: string, params: readonly SqlValue[]): SqlFragment {
	return { text, params, [SQL]: true };
}

export function sql(strings: TemplateStringsArray, ...values: (SqlValue | Sql)[]): Sql {
	let text = strings[0];
	const params: SqlValue[] = [];
	values.forEach((value, i) => {
		if (isSql(value)) {
			text += value.text;
			params.push(...value.params);
		} else {
			if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
				throw new TypeError(`sql: unsupported parameter ${String(value)}`);
			text += '?';
			params.push(value as SqlValue);
		}
		text += strings[i + 1];
	});
	return fragment(text, params);
}

/** What identifies a statement's result: its text and its parameters (not its label). */
export function statementKey(statement: { text: string; params: readonly unknown[] }): string {
	return `${statement.text}\u0000${JSON.stringify(statement.params)}`;
}

/** The statement with what it returns in words (not part of its identity or its text). */
export function named(label: string, statement: Sql): Sql {
	return { ...statement, label };
}

/** Joins fragments with a separator (`AND`, `,`). */
export function join(parts: Sql[], separator: string): Sql {
	return fragment(
		parts.map((p) => p.text).join(separator),
		parts.flatMap((p) => p.params)
	);
}

/** `(?, ?, ?)` for an IN list; an empty list matches nothing. */
export function list(values: SqlValue[]): Sql {
	if (values.length === 0) return fragment('(NULL)', []);
	return fragment(`(${values.map(() => '?').join(', ')})`, values);
}

/**
 * `expr` is one of `codes`, passed as one parameter: the statement's text stays the same however
 * many codes are chosen, so one prepared statement serves every choice of sectors.
 */
export function oneOf(expr: Sql, codes: string[]): Sql {
	if (codes.some((c) => c.includes(','))) throw new Error('sql: a code with a comma');
	return sql`list_contains(string_split(${codes.join(',')}, ','), ${expr})`;
}

/**
 * An identifier from the project's own manifest (never user input), checked against a strict
 * pattern because identifiers cannot be parameters.
 */
export function identifier(name: string): Sql {
	if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`sql: bad identifier ${name}`);
	return fragment(`"${name}"`, []);
}

/**
 * SQL text written in the project's own code (view definitions, vocabulary joins), spliced in
 * as is. Never pass it anything that came from a file, a URL or a user.
 */
export function trusted(text: string): Sql {
	return fragment(text, []);
}

/** A UTC calendar date as a DATE parameter. */
export function dateValue(date: Date): Sql {
	return sql`CAST(${date.toISOString().slice(0, 10)} AS DATE)`;
}

/** A value written as a SQL literal, for scripts people run themselves (never for our queries). */
function literal(value: SqlValue): string {
	if (value === null) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`sql: cannot write ${value} as a literal`);
		return String(value);
	}
	return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The statement with its parameters written in as literals: for the standalone SQL a user
 * downloads to rerun a figure in DuckDB. `?` inside quoted text or identifiers is left alone.
 */
export function inlineSql(statement: Sql): string {
	let out = '';
	let quote: string | null = null;
	let next = 0;
	for (const ch of statement.text) {
		if (quote) {
			if (ch === quote) quote = null;
			out += ch;
		} else if (ch === "'" || ch === '"') {
			quote = ch;
			out += ch;
		} else if (ch === '?') {
			if (next >= statement.params.length) throw new Error('sql: more ? than parameters');
			out += literal(statement.params[next++]);
		} else out += ch;
	}
	if (next !== statement.params.length) throw new Error('sql: more parameters than ?');
	return out;
}
