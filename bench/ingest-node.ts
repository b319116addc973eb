/**
 * Data ingest per file, measured in Node with the app's own loader and the same DuckDB-wasm engine
 * (its blocking Node build, `src/lib/db/duckdb-node.ts`): `loadFiles` over every manifest file,
 * timed per file from its `ingesting` progress event to its `done` event (register the bytes, DuckDB's
 * CSV reader, drop, the file's checks), exactly the work the browser's worker does per file.
 * Bytes are read from disk before the clock starts, so no fetch is timed here.
 *
 * Run: `npx tsx bench/ingest-node.ts [--repeats N]`; prints one JSON object on the last line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeDb } from '../src/lib/db/duckdb-node';
import { loadFiles } from '../src/lib/db/load';
import type { Manifest } from '../src/lib/domain/manifest';

const args = process.argv.slice(2);
const repeatsAt = args.indexOf('--repeats');
const repeats = repeatsAt >= 0 ? Math.max(1, Number(args[repeatsAt + 1]) || 1) : 3;

const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as Manifest;
const bytes = new Map(
	manifest.files.map((f) => [f.id, new Uint8Array(readFileSync(join('data', f.path)))])
);

interface Repeat {
	engineStartMs: number;
	perFile: Record<string, number>;
	loadFilesMs: number;
	/** loadFiles minus the per-file ingests: vocabulary tables and the normalized view. */
	otherMs: number;
}

const runs: Repeat[] = [];
for (let r = 0; r < repeats; r++) {
	const t0 = performance.now();
	const db = await createNodeDb();
	const t1 = performance.now();
	const started = new Map<string, number>();
	const perFile: Record<string, number> = {};
	await loadFiles(
		db,
		manifest.files,
		async (file) => bytes.get(file.id)!,
		(p) => {
			if (p.stage === 'ingesting') started.set(p.file.id, performance.now());
			if (p.stage === 'done') perFile[p.file.id] = performance.now() - started.get(p.file.id)!;
		}
	);
	const t2 = performance.now();
	const loadFilesMs = t2 - t1;
	runs.push({
		engineStartMs: t1 - t0,
		perFile,
		loadFilesMs,
		otherMs: loadFilesMs - Object.values(perFile).reduce((a, b) => a + b, 0)
	});
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const files = manifest.files.map((f) => {
	const ms = median(runs.map((r) => r.perFile[f.id]));
	return {
		id: f.id,
		path: f.path,
		bytes: f.bytes,
		rows: f.rows,
		ms,
		rowsPerSec: f.rows / (ms / 1000),
		mbPerSec: f.bytes / 1e6 / (ms / 1000),
		samplesMs: runs.map((r) => r.perFile[f.id])
	};
});

console.log(
	JSON.stringify({
		label: 'Node, same DuckDB-wasm engine (blocking Node build), app loader loadFiles',
		repeats,
		engineStartMs: median(runs.map((r) => r.engineStartMs)),
		loadFilesMs: median(runs.map((r) => r.loadFilesMs)),
		otherMs: median(runs.map((r) => r.otherMs)),
		files
	})
);
