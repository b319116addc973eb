/**
 * Recomputes the measured fields of `data/manifest.json` (sha256, bytes, rows, columns, coverage)
 * from the files themselves; the descriptive fields are kept as written. `measureFile` is shared
 * with `scripts/data-update.ts`, which adds or updates one entry at a time.
 * Usage: npx tsx scripts/data-manifest.ts [--data-dir DIR]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { LAYOUTS, layoutOfHeader } from '../src/lib/domain/layouts';
import type { Manifest, ManifestFile } from '../src/lib/domain/manifest';
import { addMonths, monthKey, parseMonthKey } from '../src/lib/domain/months';

export function measureFile(bytes: Buffer, layoutId: ManifestFile['layout']) {
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`parse error: ${parsed.errors[0].message}`);
	const columns = parsed.meta.fields ?? [];
	const layout = layoutOfHeader(columns);
	if (layout?.id !== layoutId) throw new Error(`header is not the ${layoutId} layout`);
	const months = new Set<string>();
	for (const row of parsed.data) {
		const month = LAYOUTS[layoutId].monthOf(row);
		if (!month) throw new Error(`row without a month: ${JSON.stringify(row)}`);
		months.add(monthKey(month));
	}
	const sorted = [...months].sort();
	// An annual row covers its whole fiscal year: October to the next September.
	if (LAYOUTS[layoutId].annual)
		sorted.push(monthKey(addMonths(parseMonthKey(sorted[sorted.length - 1])!, 11)));
	return {
		sha256: createHash('sha256').update(bytes).digest('hex'),
		bytes: bytes.length,
		rows: parsed.data.length,
		columns,
		coverage: { from: sorted[0], to: sorted[sorted.length - 1], months: months.size }
	};
}

/** Re-measures every file listed in `<dataDir>/manifest.json` and writes the manifest back. */
export function remeasureManifest(dataDir: string): Manifest {
	const manifestPath = join(dataDir, 'manifest.json');
	const manifest: Manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	manifest.files = manifest.files.map((file) => ({
		...file,
		...measureFile(readFileSync(join(dataDir, file.path)), file.layout)
	}));
	writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	console.log(`updated ${manifestPath}: ${manifest.files.length} files`);
	return manifest;
}

// Run only as a script, so that importing `measureFile` rewrites nothing.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: 'data' } } });
	remeasureManifest(values['data-dir']!);
}
