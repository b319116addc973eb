/** Every bundled file: DuckDB's rows and sum of counts equal an independent papaparse read. */
import { beforeAll, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { COUNT_COLUMN, loadedTotals } from '../../src/lib/queries/reconciliation';
import { readRows } from '../helpers/expected';
import { bundledDb, manifestFiles } from '../helpers/node-db';

let db: Db;
beforeAll(async () => {
	db = await bundledDb();
});

test.each(manifestFiles.map((f) => [f.path, f]))(
	'%s: rows and count sum agree to the unit',
	async (path, file) => {
		const { rows } = readRows(path);
		const column = COUNT_COLUMN[file.layout];
		const sum = rows.reduce((a, r) => a + Number(r[column]), 0);
		expect(await loadedTotals(db, file)).toEqual({ rows: rows.length, sum });
		expect(rows.length).toBe(file.rows);
	}
);
