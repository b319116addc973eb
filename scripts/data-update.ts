/**
 * Adds a CBP release to `data/`: downloads it (http/https URL) or reads it (local path), validates
 * it with the app's own upload checks (`src/lib/upload/validate.ts`), copies it into the data
 * directory under CBP's file name, and adds or updates its `manifest.json` entry (measured fields
 * by `measureFile`, shared with `scripts/data-manifest.ts`).
 *
 * All or nothing: every argument is fetched and validated first; if any is refused, nothing is
 * written. Usage:
 *   npm run data:update -- <url-or-path> [...] [--release YYYY-MM] [--data-dir DIR] [--dry-run]
 *     [--id ID] [--label TEXT] [--title TEXT] [--publisher TEXT] [--source URL] [--url URL]
 *     [--obtained-from TEXT] [--data-as-of TEXT] [--measures TEXT] [--role ROLE] [--derived true|false]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatCount, formatMonthLong, formatMonthShort } from '../src/lib/format';
import type { Manifest, ManifestFile } from '../src/lib/domain/manifest';
import { parseMonthKey } from '../src/lib/domain/months';
import { overlap } from '../src/lib/upload/overlap';
import {
	MAX_UPLOAD_BYTES,
	problemMessages,
	sizeProblem,
	validateCsv,
	type ValidationResult
} from '../src/lib/upload/validate';
import { measureFile } from './data-manifest';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ROLES: ManifestFile['role'][] = ['encounters', 'history'];

const DESCRIPTIVE = [
	'label',
	'title',
	'publisher',
	'source',
	'url',
	'obtained-from',
	'data-as-of',
	'measures'
] as const;

export interface UpdateOptions {
	dataDir: string;
	release?: string;
	id?: string;
	role?: ManifestFile['role'];
	derived?: boolean;
	dryRun: boolean;
	/** Descriptive fields given on the command line (manifest field names). */
	fields: Partial<
		Record<
			| 'label'
			| 'title'
			| 'publisher'
			| 'source'
			| 'url'
			| 'obtained_from'
			| 'data_as_of'
			| 'measures',
			string
		>
	>;
}

/**
 * The release month in a CBP file URL or path: CBP files sit in a folder named for the month of
 * publication, `…/files/2024-10/…` or `…/documents/2023-Nov/…`.
 */
export function releaseFromLocation(location: string): string | null {
	const folders = location.split(/[/\\]/).slice(0, -1).reverse();
	for (const folder of folders) {
		const match = /^(\d{4})-(\d{2}|[A-Za-z]{3})$/.exec(folder);
		if (!match) continue;
		const month = /^\d{2}$/.test(match[2])
			? Number(match[2])
			: MONTHS.indexOf(match[2].toLowerCase()) + 1;
		if (month >= 1 && month <= 12) return `${match[1]}-${String(month).padStart(2, '0')}`;
	}
	return null;
}

/**
 * A manifest id from CBP's file name: `nationwide-encounters-fy23-fy26-jul-aor.csv` →
 * `aor_fy23_fy26_jul`, `sbo-encounters-fy22-fy25-aug.csv` → `sw_component_fy22_fy25_aug`;
 * anything else becomes the file name in lower case with `_` for other characters.
 */
export function idFromFileName(fileName: string): string {
	const name = fileName.toLowerCase().replace(/\.csv$/, '');
	const aor = /^nationwide-encounters-fy(\d\d)-fy(\d\d)(?:-([a-z]{3}))?-aor(?:_\d+)?$/.exec(name);
	if (aor) return ['aor', `fy${aor[1]}`, `fy${aor[2]}`, aor[3]].filter(Boolean).join('_');
	const sbo = /^sbo-encounters-fy(\d\d)-fy(\d\d)(?:-([a-z]{3}))?(?:_\d+)?$/.exec(name);
	if (sbo) return ['sw_component', `fy${sbo[1]}`, `fy${sbo[2]}`, sbo[3]].filter(Boolean).join('_');
	const slug = name.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
	return /^[a-z]/.test(slug) ? slug : `file_${slug}`;
}

const SOURCES: Partial<Record<string, string>> = {
	aor: 'https://www.cbp.gov/newsroom/stats/nationwide-encounters',
	'southwest-component': 'https://www.cbp.gov/document/stats/southwest-land-border-encounters',
	state: 'https://www.cbp.gov/document/stats/nationwide-encounters'
};

const MEASURES: Partial<Record<string, string>> = {
	aor: 'CBP encounters (USBP Title 8 apprehensions, OFO Title 8 inadmissibles, Title 42 expulsions) by month, component, land border region, area of responsibility, demographic, citizenship, title of authority and encounter type',
	'southwest-component':
		'Southwest land border encounters by month, component, demographic, grouped citizenship (5 groups), title of authority and encounter type; no sector',
	state:
		'CBP encounters (USBP and OFO together: Title 8 apprehensions and inadmissibles, Title 42 expulsions) by month, land border region, state, demographic, citizenship and title of authority; no component, area of responsibility or encounter type'
};

const twoDigits = (year: number) => String(year % 100).padStart(2, '0');
const releaseText = (release: string) =>
	parseMonthKey(release) ? formatMonthLong(parseMonthKey(release)!) : release;

/** A new entry's descriptive fields, from the file's layout and contents. */
function defaultFields(
	result: ValidationResult,
	release: string,
	location: string,
	downloaded: boolean
) {
	const years = result.fiscalYears;
	const [first, last] = [years[0], years.at(-1)!];
	const short =
		first === last ? `FY${twoDigits(first)}` : `FY${twoDigits(first)}–FY${twoDigits(last)}`;
	const long = first === last ? `FY${first}` : `FY${first}–FY${last}`;
	const known = parseMonthKey(release) !== null;
	const layout = result.layout!;
	const source = SOURCES[layout] ?? 'https://www.cbp.gov/newsroom/stats';
	const today = new Date().toISOString().slice(0, 10);
	return {
		label:
			layout === 'aor'
				? `CBP Nationwide Encounters ${short}${known ? ` (${formatMonthShort(parseMonthKey(release)!)} release)` : ''}`
				: `${result.layoutLabel} ${short}`,
		title:
			layout === 'aor'
				? `Nationwide Encounters by Area of Responsibility, ${long}`
				: `${result.layoutLabel}, ${long}`,
		publisher: 'U.S. Customs and Border Protection',
		source,
		url: downloaded ? location : source,
		obtained_from: downloaded
			? `Downloaded from ${location} by npm run data:update on ${today}`
			: `Local file ${basename(location)}, added by npm run data:update on ${today}`,
		data_as_of: known ? `CBP release of ${releaseText(release)}` : 'unknown',
		measures: MEASURES[layout] ?? `${result.layoutLabel}: ${result.countColumn} by month`
	};
}

interface Fetched {
	location: string;
	fileName: string;
	bytes: Buffer;
	downloaded: boolean;
}

/** Downloads a URL (refusing more than the upload limit) or reads a local path. */
async function fetchSource(location: string): Promise<Fetched> {
	if (!/^https?:\/\//i.test(location)) {
		const path = resolve(location);
		if (!existsSync(path)) throw new Error(`${location}: no such file`);
		const fileName = basename(path);
		const tooLarge = sizeProblem(fileName, statSync(path).size);
		if (tooLarge) throw new Error(tooLarge);
		return { location, fileName, bytes: readFileSync(path), downloaded: false };
	}
	const fileName = decodeURIComponent(new URL(location).pathname.split('/').at(-1) ?? '');
	let response: Response;
	try {
		response = await fetch(location, {
			redirect: 'follow',
			headers: { 'user-agent': 'border-stats-explorer data:update (Node)' },
			signal: AbortSignal.timeout(120_000)
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		throw new Error(
			`could not download ${location}: ${cause?.code ?? cause?.message ?? (error as Error).message}. ` +
				'If you are offline, download the file in a browser and pass its local path instead.',
			{ cause: error }
		);
	}
	if (!response.ok)
		throw new Error(
			`could not download ${location}: HTTP ${response.status} ${response.statusText}`
		);
	const declared = Number(response.headers.get('content-length') ?? 0);
	const tooLarge = sizeProblem(fileName, declared);
	if (tooLarge) throw new Error(tooLarge);
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
		total += chunk.length;
		if (total > MAX_UPLOAD_BYTES) throw new Error(sizeProblem(fileName, total)!);
		chunks.push(chunk);
	}
	return { location, fileName, bytes: Buffer.concat(chunks), downloaded: true };
}

interface Planned {
	entry: ManifestFile;
	bytes: Buffer;
	result: ValidationResult;
	replaces: ManifestFile | null;
}

/** Validates one fetched file and builds its manifest entry; throws with every problem listed. */
function plan(
	fetched: Fetched,
	manifest: Manifest,
	options: UpdateOptions,
	log: (line: string) => void
): Planned {
	const { fileName, bytes, location, downloaded } = fetched;
	if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/i.test(fileName))
		throw new Error(`${fileName || location}: the file name must be a plain name ending in .csv`);
	const result = validateCsv(fileName, bytes.length, new Uint8Array(bytes));
	if (!result.ok)
		throw new Error(
			[
				`${fileName} refused: nothing is written.`,
				...problemMessages(result).map((m) => `  ${m}`)
			].join('\n')
		);
	const layout = result.layout;
	if (layout === null || result.role === null)
		throw new Error(
			`${fileName}: ${result.layoutLabel} is recognised, but the manifest has no layout for it yet, so the app could not load it`
		);
	log(`${fileName}: ${result.summary}`);

	// A file already listed (also in a subfolder such as history/) is updated in place.
	const replaces =
		manifest.files.find((f) => f.path === fileName) ??
		manifest.files.find((f) => basename(f.path) === fileName) ??
		null;
	const path = replaces?.path ?? fileName;
	const role = options.role ?? replaces?.role ?? result.role;
	const release =
		options.release ??
		releaseFromLocation(location) ??
		replaces?.release ??
		(role === 'history' ? 'unknown' : null);
	if (!release)
		throw new Error(
			`${fileName}: cannot tell which CBP release this is (newer releases win where months overlap): pass --release YYYY-MM, the month CBP published it, or give CBP's URL, whose folder names the month`
		);
	const id = options.id ?? replaces?.id ?? idFromFileName(fileName);
	if (!/^[a-z][a-z0-9_]*$/.test(id))
		throw new Error(
			`${fileName}: the id ${JSON.stringify(id)} must be lower-case letters, digits and _`
		);
	const clash = manifest.files.find((f) => f.id === id && f.path !== path);
	if (clash)
		throw new Error(`${fileName}: the id ${id} is already used by ${clash.path}; pass --id`);

	const measured = measureFile(bytes, layout);
	// Two independent reads of the same bytes must agree before anything is written.
	if (
		measured.rows !== result.rowsRead ||
		JSON.stringify(measured.coverage) !== JSON.stringify(result.coverage)
	)
		throw new Error(
			`${fileName}: the manifest measurement and the validation disagree (rows ${measured.rows} vs ${result.rowsRead})`
		);

	const defaults = defaultFields(result, release, location, downloaded);
	const kept = replaces ?? {
		...defaults,
		derived: !['aor', 'southwest-component', 'state'].includes(layout)
	};
	const entry: ManifestFile = {
		id,
		path,
		layout,
		label: options.fields.label ?? kept.label,
		title: options.fields.title ?? kept.title,
		publisher: options.fields.publisher ?? kept.publisher,
		source: options.fields.source ?? kept.source,
		url: options.fields.url ?? (downloaded ? location : kept.url),
		obtained_from:
			options.fields.obtained_from ??
			(downloaded || !replaces ? defaults.obtained_from : kept.obtained_from),
		release,
		data_as_of:
			options.fields.data_as_of ??
			(replaces && release === replaces.release ? kept.data_as_of : defaults.data_as_of),
		derived: options.derived ?? kept.derived,
		role,
		measures: options.fields.measures ?? kept.measures,
		scope: result.scope,
		...measured
	};
	return { entry, bytes, result, replaces };
}

/** Runs the update; returns the process exit code. Nothing is written unless every file passes. */
export async function runUpdate(
	locations: string[],
	options: UpdateOptions,
	log: (line: string) => void = console.log
): Promise<number> {
	if (!locations.length) {
		log(
			'usage: npm run data:update -- <url-or-path> [...] [--release YYYY-MM] [--data-dir DIR] [--dry-run]'
		);
		return 2;
	}
	if (options.id && locations.length > 1) {
		log('--id names one file: give one URL or path with it');
		return 2;
	}
	const manifestPath = join(options.dataDir, 'manifest.json');
	const manifest: Manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const planned: Planned[] = [];
	const failures: string[] = [];
	for (const location of locations) {
		try {
			const fetched = await fetchSource(location);
			if (planned.some((p) => basename(p.entry.path) === fetched.fileName))
				throw new Error(`${fetched.fileName}: given twice`);
			planned.push(plan(fetched, manifest, options, log));
		} catch (error) {
			failures.push((error as Error).message);
		}
	}
	if (failures.length) {
		for (const failure of failures) log(failure);
		log(
			`data:update: ${failures.length} of ${locations.length} refused; data and manifest left unchanged.`
		);
		return 1;
	}

	const files = [...manifest.files];
	for (const { entry, replaces } of planned) {
		if (replaces) files[files.indexOf(replaces)] = entry;
		else {
			// Next to the files of the same layout, so releases stay together in the manifest.
			const last = files.map((f) => f.layout).lastIndexOf(entry.layout);
			files.splice(last < 0 ? files.length : last + 1, 0, entry);
		}
	}
	for (const { entry, result, replaces } of planned) {
		const others = files.filter((f) => f.id !== entry.id);
		const report = overlap(result, others, { release: entry.release });
		const verb = !replaces
			? 'add'
			: replaces.sha256 === entry.sha256
				? 'keep (unchanged bytes)'
				: 'update';
		log(
			`${options.dryRun ? 'would ' : ''}${verb} ${entry.path} as ${entry.id}: release ${entry.release}, ${formatCount(entry.rows)} rows, ${entry.coverage.from} – ${entry.coverage.to}, sha256 ${entry.sha256}`
		);
		log(`  ${report.summary}`);
		if (!replaces && entry.role === 'encounters')
			log(
				'  Also list it in PRECEDENCE in tests/helpers/expected.ts, which the tests check against the manifest.'
			);
	}
	if (options.dryRun) {
		log('--dry-run: nothing written.');
		return 0;
	}
	for (const { entry, bytes } of planned) {
		const target = join(options.dataDir, entry.path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, bytes);
	}
	const temporary = `${manifestPath}.tmp`;
	writeFileSync(temporary, JSON.stringify({ ...manifest, files }, null, '\t') + '\n');
	renameSync(temporary, manifestPath);
	log(`updated ${manifestPath}: ${files.length} files`);
	return 0;
}

/** Command-line arguments to locations and options; throws on a malformed flag. */
export function parseCommandLine(argv: string[]): { locations: string[]; options: UpdateOptions } {
	const parsed = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			'data-dir': { type: 'string', default: 'data' },
			release: { type: 'string' },
			id: { type: 'string' },
			role: { type: 'string' },
			derived: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			...Object.fromEntries(DESCRIPTIVE.map((name) => [name, { type: 'string' as const }]))
		}
	});
	const positionals = parsed.positionals;
	const values = parsed.values as Record<string, string | boolean | undefined>;
	const release = values.release as string | undefined;
	if (release !== undefined && !parseMonthKey(release))
		throw new Error(`--release ${release}: expected YYYY-MM, the month CBP published the file`);
	const role = values.role as ManifestFile['role'] | undefined;
	if (role !== undefined && !ROLES.includes(role))
		throw new Error(`--role ${role}: expected one of ${ROLES.join(', ')}`);
	const derived = values.derived as string | undefined;
	if (derived !== undefined && derived !== 'true' && derived !== 'false')
		throw new Error(`--derived ${derived}: expected true or false`);
	const fields: UpdateOptions['fields'] = {};
	for (const name of DESCRIPTIVE) {
		const value = values[name] as string | undefined;
		if (value !== undefined)
			fields[name.replace(/-/g, '_') as keyof UpdateOptions['fields']] = value;
	}
	return {
		locations: positionals,
		options: {
			dataDir: values['data-dir'] as string,
			release,
			id: values.id as string | undefined,
			role,
			derived: derived === undefined ? undefined : derived === 'true',
			dryRun: values['dry-run'] as boolean,
			fields
		}
	};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const { locations, options } = parseCommandLine(process.argv.slice(2));
		process.exitCode = await runUpdate(locations, options);
	} catch (error) {
		console.error(`data:update: ${(error as Error).message}`);
		process.exitCode = 2;
	}
}
