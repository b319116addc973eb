/**
 * Property: after any sequence of uploads — one at a time, two at once, the same file again,
 * refused files, queries running meanwhile — every month × component × region the app answers
 * equals what an independent reading of the files that win it gives, and a refused or failed
 * upload changes nothing. Files are random valid and invalid AOR and derived-sector CSVs.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { utcMonth } from '../../src/lib/domain/months';
import { UploadQueue } from '../../src/lib/upload/upload-queue';
import { validateCsv } from '../../src/lib/upload/validate';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { monthlyTotals } from '../../src/lib/queries/monthly-totals';
import {
	AREAS,
	BASE_FILES,
	aorCsv,
	baseDb,
	cellKey,
	derivedCsv,
	expectedTotals,
	loadedTotalsByCell,
	type UploadRow
} from '../helpers/uploads';

const WINDOW = ['2024-04', '2024-05', '2024-06', '2024-07'];
const CELLS = WINDOW.flatMap((m) =>
	['usbp', 'ofo'].flatMap((c) => ['southwest', 'northern'].map((r) => cellKey(m, c, r)))
);
const LATEST = utcMonth(2026, 10);

interface GeneratedFile {
	layout: 'aor' | 'sector-derived';
	rows: UploadRow[];
	/** A last row with a negative count: the whole file must be refused. */
	broken: boolean;
}

const count = fc.oneof(
	{ weight: 9, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
	{ weight: 1, arbitrary: fc.constant(2_147_483_647) }
);
const row = (areas: readonly (typeof AREAS)[number][]) =>
	fc.record({
		month: fc.constantFrom(...WINDOW),
		area: fc.constantFrom(...areas),
		citizenship: fc.constantFrom('MEXICO', 'Mexico', 'CUBA', '中国'),
		count
	});
const file: fc.Arbitrary<GeneratedFile> = fc.oneof(
	fc.record({
		layout: fc.constant('aor' as const),
		rows: fc.uniqueArray(row(AREAS), {
			minLength: 1,
			maxLength: 8,
			selector: (r) => `${r.month}|${r.area.abbv}|${r.citizenship}`
		}),
		broken: fc.boolean()
	}),
	fc.record({
		layout: fc.constant('sector-derived' as const),
		rows: fc.uniqueArray(row(AREAS.filter((a) => a.component === 'usbp')), {
			minLength: 1,
			maxLength: 6,
			selector: (r) => `${r.month}|${r.area.abbv}`
		}),
		broken: fc.boolean()
	})
);

type Step =
	| { kind: 'one'; file: GeneratedFile }
	| { kind: 'two at once'; files: [GeneratedFile, GeneratedFile] }
	| { kind: 'again' }
	| { kind: 'with a query'; file: GeneratedFile };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('one' as const), file }),
	fc.record({ kind: fc.constant('two at once' as const), files: fc.tuple(file, file) }),
	fc.record({ kind: fc.constant('again' as const) }),
	fc.record({ kind: fc.constant('with a query' as const), file })
);

function text(f: GeneratedFile): string {
	const rows = f.broken ? [...f.rows, { ...f.rows[0], count: -1 }] : f.rows;
	return f.layout === 'aor' ? aorCsv(rows) : derivedCsv(rows);
}

test('any sequence of uploads leaves every answered month equal to the files that win it', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
			const db = await baseDb();
			const queue = new UploadQueue(async () => db, BASE_FILES);
			/** What should have loaded, in load order, and the texts already in. */
			const loaded: GeneratedFile[] = [];
			const texts = new Set<string>();
			let last: GeneratedFile | null = null;

			/** Checks, plans and loads files whose ids were all taken at once, as the page does. */
			async function upload(files: GeneratedFile[]) {
				const ids = files.map(() => queue.nextId());
				const prepared = await Promise.all(
					files.map((f, i) => {
						const bytes = new TextEncoder().encode(text(f));
						const result = validateCsv(`${ids[i]}.csv`, bytes.length, bytes, { latest: LATEST });
						return queue.prepare(ids[i], result, bytes);
					})
				);
				const loads = prepared.map((p) => (p.ok ? queue.load(p) : Promise.reject(p.reason)));
				const outcomes = await Promise.allSettled(loads);
				files.forEach((f, i) => {
					const content = text(f);
					const shouldLoad = !f.broken && !texts.has(content);
					expect([i, outcomes[i].status]).toEqual([i, shouldLoad ? 'fulfilled' : 'rejected']);
					if (!shouldLoad) return;
					texts.add(content);
					loaded.push(f);
				});
				last = files.at(-1)!;
			}

			for (const s of steps) {
				if (s.kind === 'one') await upload([s.file]);
				else if (s.kind === 'two at once') await upload(s.files);
				else if (s.kind === 'again') {
					if (last) await upload([last]);
				} else await Promise.all([upload([s.file]), monthlyTotals(db, DEFAULT_FILTERS)]);

				const expected = expectedTotals(loaded, CELLS);
				const actual = await loadedTotalsByCell(db, WINDOW);
				for (const key of CELLS)
					expect([key, actual.get(key) ?? null]).toEqual([key, expected.get(key)]);
			}
			expect(queue.files.length).toBe(BASE_FILES.length + loaded.length);
		}),
		{
			numRuns: Number(process.env.UPLOAD_RUNS ?? 8),
			seed: Number(process.env.UPLOAD_SEED) || undefined
		}
	);
}, 600_000);
