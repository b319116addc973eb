/**
 * src/lib/db/sql.ts: the `sql` tagged template never concatenates values into SQL text; they
 * become `?` parameters in order, and nested fragments are spliced with their own parameters. The
 * last block runs the statements in DuckDB (the Node twin of the app's engine) to show the SQL means
 * what the text claims.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import {
	dateValue,
	identifier,
	inlineSql,
	join,
	list,
	oneOf,
	sql,
	trusted,
	type Sql
} from '../../src/lib/db/sql';
import { emptyDb } from '../helpers/node-db';

const plain = (s: Sql) => ({ text: s.text, params: [...s.params] });

describe('sql`…` parameters', () => {
	test('each interpolated value becomes a ? placeholder, in order', () => {
		expect(
			plain(sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'} AND c = ${true} AND d IS ${null}`)
		).toEqual({
			text: 'SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d IS ?',
			params: [1, 'x', true, null]
		});
	});

	test('a template without values has no parameters', () => {
		expect(plain(sql`SELECT 1`)).toEqual({ text: 'SELECT 1', params: [] });
	});

	test('a string that looks like SQL stays a parameter, never text', () => {
		const evil = "x'; DROP TABLE t; --";
		const statement = sql`SELECT * FROM t WHERE name = ${evil}`;
		expect(statement.text).toBe('SELECT * FROM t WHERE name = ?');
		expect(statement.text).not.toContain('DROP');
		expect(statement.params).toEqual([evil]);
	});

	test('0, empty string and false are kept as parameters', () => {
		expect(plain(sql`${0}${''}${false}`)).toEqual({ text: '???', params: [0, '', false] });
	});
});

describe('nested fragments', () => {
	test('a fragment’s text is spliced in place and its params keep their position', () => {
		const inner = sql`b BETWEEN ${2} AND ${3}`;
		expect(plain(sql`SELECT ${0} FROM t WHERE a = ${1} AND ${inner} LIMIT ${4}`)).toEqual({
			text: 'SELECT ? FROM t WHERE a = ? AND b BETWEEN ? AND ? LIMIT ?',
			params: [0, 1, 2, 3, 4]
		});
	});

	test('fragments nest more than one level deep', () => {
		const deepest = sql`c = ${'c'}`;
		const middle = sql`(b = ${'b'} OR ${deepest})`;
		expect(plain(sql`a = ${'a'} AND ${middle} AND d = ${'d'}`)).toEqual({
			text: 'a = ? AND (b = ? OR c = ?) AND d = ?',
			params: ['a', 'b', 'c', 'd']
		});
	});

	test('the same fragment used twice contributes its params twice', () => {
		const f = sql`x = ${7}`;
		expect(plain(sql`${f} OR ${f}`)).toEqual({ text: 'x = ? OR x = ?', params: [7, 7] });
	});

	test('join puts the separator between fragments and concatenates params in order', () => {
		const where = join(
			[sql`a = ${1}`, sql`b IN ${list(['p', 'q'])}`, trusted('c IS NOT NULL')],
			' AND '
		);
		expect(plain(where)).toEqual({
			text: 'a = ? AND b IN (?, ?) AND c IS NOT NULL',
			params: [1, 'p', 'q']
		});
		expect(plain(sql`SELECT * FROM t WHERE ${where} LIMIT ${9}`).params).toEqual([1, 'p', 'q', 9]);
	});

	test('joining no fragments gives empty text and no params', () => {
		expect(plain(join([], ' AND '))).toEqual({ text: '', params: [] });
	});
});

describe('list', () => {
	test('makes one placeholder per value', () => {
		expect(plain(list(['SDC', 'TCA', 'RGV']))).toEqual({
			text: '(?, ?, ?)',
			params: ['SDC', 'TCA', 'RGV']
		});
		expect(plain(list([5]))).toEqual({ text: '(?)', params: [5] });
	});

	test('an empty list is valid SQL with no params', () => {
		const empty = list([]);
		expect(empty.params).toEqual([]);
		expect(empty.text).not.toBe('()');
	});
});

describe('identifier', () => {
	test.each(['aor_fy20_fy23', 'usbp_sw_sectors_fy2020_fy2026', 'x', 'a1'])(
		'%j is quoted',
		(name) => {
			expect(plain(identifier(name))).toEqual({ text: `"${name}"`, params: [] });
		}
	);

	test.each([
		'a;drop',
		'"x"',
		'x"; DROP TABLE t; --',
		'A',
		'Aor',
		'1abc',
		'_x',
		'',
		'a-b',
		'a b',
		'a.b'
	])('%j is rejected', (name) => {
		expect(() => identifier(name)).toThrow();
	});
});

describe('unsupported values throw instead of being bound', () => {
	test.each([
		['a plain object', { a: 1 }],
		['a look-alike {text, params} object', { text: '1; DROP TABLE t', params: [] }],
		['an array', [1, 2]],
		['a Date (use dateValue)', new Date(Date.UTC(2024, 5, 1))],
		['undefined', undefined],
		['a bigint', 1n],
		['a function', () => 1]
	])('%s', (_label, value) => {
		expect(() => sql`SELECT ${value as never}`).toThrow();
	});
});

describe('dateValue', () => {
	test('binds the UTC calendar date as a YYYY-MM-DD parameter', () => {
		const d = dateValue(new Date(Date.UTC(2024, 5, 1)));
		expect(d.params).toEqual(['2024-06-01']);
		expect(d.text).toContain('?');
		expect(d.text).not.toContain('2024');
	});
});

describe('executed by DuckDB', () => {
	let db: Db;
	beforeAll(async () => {
		db = await emptyDb();
	});

	test('parameters are bound in order through nested fragments', async () => {
		const diff = sql`${10} - ${3}`;
		const rows = await db.query<{ a: number; b: number; c: string }>(
			sql`SELECT ${1} AS a, ${diff} AS b, ${'z'} AS c`
		);
		expect(rows).toEqual([{ a: 1, b: 7, c: 'z' }]);
	});

	test('an SQL-looking string is compared as a value', async () => {
		const evil = "x'; DROP TABLE t; --";
		expect(await db.query(sql`SELECT ${evil} AS v`)).toEqual([{ v: evil }]);
	});

	test('IN list(values) matches exactly those values', async () => {
		const rows = await db.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM range(10) t(x) WHERE x IN ${list([2, 3, 7])}`
		);
		expect(rows).toEqual([{ n: 3 }]);
	});

	test('IN list([]) matches nothing', async () => {
		const rows = await db.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM range(10) t(x) WHERE x IN ${list([])}`
		);
		expect(rows).toEqual([{ n: 0 }]);
	});

	test('dateValue is a DATE equal to the UTC day', async () => {
		const rows = await db.query<{ d: Date; t: string }>(
			sql`SELECT ${dateValue(new Date(Date.UTC(2024, 5, 1)))} AS d, typeof(${dateValue(new Date(Date.UTC(2024, 5, 1)))}) AS t`
		);
		expect(rows[0].t).toBe('DATE');
		expect(rows[0].d.toISOString()).toBe('2024-06-01T00:00:00.000Z');
	});

	test('an identifier names a table', async () => {
		await db.query(sql`CREATE OR REPLACE TABLE ${identifier('sql_test_t')} AS SELECT 42 AS v`);
		expect(await db.query(sql`SELECT v FROM ${identifier('sql_test_t')}`)).toEqual([{ v: 42 }]);
	});
});

describe('inlineSql', () => {
	test('writes each parameter as a literal in order', () => {
		const q = sql`SELECT ${1}, ${'it’s'}, ${"O'Hare"}, ${true}, ${null}`;
		expect(inlineSql(q)).toBe(`SELECT 1, 'it’s', 'O''Hare', TRUE, NULL`);
	});

	test('leaves question marks inside quotes alone', () => {
		const q = sql`SELECT '?' AS "a?", ${2} AS b`;
		expect(inlineSql(q)).toBe(`SELECT '?' AS "a?", 2 AS b`);
	});

	test('refuses a count mismatch', () => {
		expect(() => inlineSql({ text: 'SELECT ?, ?', params: [1] })).toThrow();
		expect(() => inlineSql({ text: 'SELECT 1', params: [1] })).toThrow();
	});
});

describe('oneOf', () => {
	test('keeps the same text however many codes, with the codes as one parameter', () => {
		const one = oneOf(trusted('aor_code'), ['TCA']);
		const three = oneOf(trusted('aor_code'), ['TCA', 'EPT', 'RGV']);
		expect(one.text).toBe(three.text);
		expect(three.params).toEqual(['TCA,EPT,RGV']);
	});

	test('refuses a code with a comma', () => {
		expect(() => oneOf(trusted('aor_code'), ['A,B'])).toThrow(/comma/);
	});
});
