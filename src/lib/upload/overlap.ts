/**
 * How an uploaded file's months overlap the files already loaded, and which file each month would
 * come from under the documented precedence (`precedenceRank` in `manifest.ts`: a CBP AOR release
 * beats the derived sector file, which beats the PDF series; among releases the newer one wins).
 */
import { formatMonthShort } from '../format';
import { LAYOUT_HOLDS, precedenceRank, type ManifestFile } from '../domain/manifest';
import { addMonths, monthKey, parseMonthKey } from '../domain/months';
import type { ComponentCode, RegionCode } from '../domain/vocabulary';
import type { ValidationResult } from './validate';

/** The manifest fields the overlap needs; a full `ManifestFile` will do. */
export type LoadedFile = Pick<
	ManifestFile,
	'id' | 'path' | 'label' | 'layout' | 'role' | 'release' | 'scope' | 'coverage' | 'holds'
>;

export interface FileOverlap {
	id: string;
	path: string;
	label: string;
	release: string;
	/** The upload's months this file also covers, in a component × region both cover. */
	months: string[];
	/** Whether the upload would replace this file in those months; null where no precedence applies. */
	uploadWins: boolean | null;
	reason: string;
}

export interface MonthOverlap {
	month: string;
	/** Loaded files covering this month in a scope the upload covers. */
	coveredBy: string[];
	/** `upload` when it wins every scope it covers, `loaded` when it wins none, else `split`. */
	winner: 'upload' | 'loaded' | 'split' | 'none';
}

export interface OverlapReport {
	role: ValidationResult['role'];
	/** The release the comparison used for the upload (`YYYY-MM`). */
	release: string | null;
	/** True when `release` was inferred as the month after the upload's last month. */
	releaseInferred: boolean;
	/** A loaded file with the same file name, if any. */
	sameName: LoadedFile | null;
	files: FileOverlap[];
	months: MonthOverlap[];
	/** Months no loaded file covers (in the upload's scope). */
	newMonths: string[];
	/** Months the upload would supply in full, partly, or not at all. */
	winsMonths: string[];
	splitMonths: string[];
	losesMonths: string[];
	/** One sentence per fact (what it covers, each loaded file it meets), for a list. */
	lines: string[];
	summary: string;
}

const UPLOAD_ID = 'upload:';
const monthLabel = (key: string) => formatMonthShort(parseMonthKey(key)!);
const releaseLabel = (release: string) =>
	parseMonthKey(release) ? `${monthLabel(release)} release` : `release ${release}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function span(months: string[]): string {
	if (!months.length) return 'no months';
	const range =
		months.length === 1
			? monthLabel(months[0])
			: `${monthLabel(months[0])} – ${monthLabel(months.at(-1)!)}`;
	return `${range} (${plural(months.length, 'month')})`;
}

/** Every month the upload covers: annual rows stand for their whole fiscal year. */
function uploadMonths(result: ValidationResult): string[] {
	if (!isAnnual(result)) return result.months.list;
	return result.months.list.flatMap((key) => {
		const first = parseMonthKey(key)!;
		return Array.from({ length: 12 }, (_, i) => monthKey(addMonths(first, i)));
	});
}

const isAnnual = (result: ValidationResult) =>
	result.layout === 'annual-nationwide' || result.layout === 'annual-sector';

/** An upload covers only the months it has rows for; a bundled file its whole range. */
const covers = (file: LoadedFile, month: string) =>
	file.holds
		? file.holds.some((h) => h.month === month)
		: file.coverage.from <= month && month <= file.coverage.to;

/**
 * Compares a validated upload with the loaded files. `release` is the upload's CBP release
 * (`YYYY-MM`) when the user or the URL says it; otherwise it is taken as the month after the
 * file's last month, which is when CBP publishes a month's numbers. Ties go to the upload.
 */
export function overlap(
	result: ValidationResult,
	loadedFiles: LoadedFile[],
	options: { release?: string } = {}
): OverlapReport {
	const months = uploadMonths(result);
	const given = options.release && parseMonthKey(options.release) ? options.release : null;
	const release =
		given ??
		(result.months.last ? monthKey(addMonths(parseMonthKey(result.coverage!.to)!, 1)) : null);
	const role = result.role;
	const sameName = loadedFiles.find((f) => f.path === result.fileName) ?? null;
	const scopes: [ComponentCode | null, RegionCode | null][] = result.scope.components.length
		? result.scope.components.flatMap((c) =>
				(result.scope.regions.length ? result.scope.regions : [null]).map(
					(r) => [c, r] as [ComponentCode, RegionCode | null]
				)
			)
		: result.scope.regions.map((r) => [null, r]);
	const inScope = (file: LoadedFile, [c, r]: [ComponentCode | null, RegionCode | null]) =>
		(c === null || file.scope.components.includes(c)) &&
		(r === null || file.scope.regions.includes(r));
	const sharesScope = (file: LoadedFile) => scopes.some((s) => inScope(file, s));

	// Only files of the same role compete; a layout the app has no role for is compared with the
	// encounters files for information only. A file counting USBP and OFO together (the state
	// releases) answers other views than one with them apart, so the two never compete.
	// Annual tables are shown side by side, so nothing competes with an annual upload.
	const apart = result.layout === null || LAYOUT_HOLDS[result.layout].component;
	const rivals =
		role === 'history'
			? []
			: loadedFiles.filter(
					(f) =>
						(role === null
							? f.role === 'encounters'
							: f.role === role && LAYOUT_HOLDS[f.layout].component === apart) && sharesScope(f)
				);
	const rank = new Map<string, number>();
	if (role === 'encounters' && result.layout && release) {
		const upload = {
			id: UPLOAD_ID,
			layout: result.layout,
			release
		} as ManifestFile;
		// Sorting is stable and the upload comes last, so it wins a tie with the same release.
		const ordered = precedenceRank([...(rivals as ManifestFile[]), upload]);
		for (const [id, r] of ordered) rank.set(id, r);
	}
	const uploadRank = rank.get(UPLOAD_ID);

	const files: FileOverlap[] = [];
	for (const file of rivals) {
		const shared = months.filter((m) => covers(file, m));
		if (!shared.length) continue;
		const fileRank = rank.get(file.id);
		const uploadWins =
			uploadRank === undefined || fileRank === undefined ? null : uploadRank > fileRank;
		files.push({
			id: file.id,
			path: file.path,
			label: file.label,
			release: file.release,
			months: shared,
			uploadWins,
			reason: reasonFor(result, file, release, given === null, uploadWins)
		});
	}

	const monthRows: MonthOverlap[] = months.map((month) => {
		const covering = rivals.filter((f) => covers(f, month));
		if (!covering.length) return { month, coveredBy: [], winner: 'none' };
		if (uploadRank === undefined)
			return { month, coveredBy: covering.map((f) => f.id), winner: 'loaded' };
		const won = scopes.map((s) =>
			covering.filter((f) => inScope(f, s)).every((f) => (rank.get(f.id) ?? 0) < uploadRank)
		);
		const winner = won.every(Boolean) ? 'upload' : won.some(Boolean) ? 'split' : 'loaded';
		return { month, coveredBy: covering.map((f) => f.id), winner };
	});
	const where = (w: MonthOverlap['winner']) =>
		monthRows.filter((m) => m.winner === w).map((m) => m.month);
	const report: OverlapReport = {
		role,
		release,
		releaseInferred: given === null && release !== null,
		sameName,
		files,
		months: monthRows,
		newMonths: where('none'),
		winsMonths: where('upload'),
		splitMonths: where('split'),
		losesMonths: where('loaded'),
		lines: [],
		summary: ''
	};
	report.lines = describe(report, months);
	report.summary = report.lines.join(' ');
	return report;
}

const TIER_NAME: Partial<Record<string, string>> = {
	aor: 'a CBP release by area of responsibility',
	'sector-derived': 'the derived sector file',
	'sector-pdf': 'the FY2000–FY2020 PDF series'
};

/** Why the upload or the loaded file wins their shared months, as a short phrase. */
function reasonFor(
	result: ValidationResult,
	file: LoadedFile,
	release: string | null,
	inferred: boolean,
	uploadWins: boolean | null
): string {
	if (uploadWins === null)
		return `the app has no precedence rule for the ${result.layoutLabel} layout yet, so this is for information only`;
	if (file.layout !== result.layout) {
		const [winner, loser] = uploadWins
			? [result.layout!, file.layout]
			: [file.layout, result.layout!];
		return `${TIER_NAME[winner] ?? winner} outranks ${TIER_NAME[loser] ?? loser}`;
	}
	if (file.release === release)
		return `both are the ${releaseLabel(release!)}${inferred ? ' (this file’s inferred from its last month)' : ''}, and a tie goes to the upload`;
	const mine = `${releaseLabel(release!)}${inferred ? ' (inferred from its last month)' : ''}`;
	return `its ${mine} is ${uploadWins ? 'newer' : 'older'} than the ${releaseLabel(file.release)}`;
}

function describe(report: OverlapReport, months: string[]): string[] {
	if (!months.length) return ['The file names no months.'];
	if (report.role === 'history')
		return [
			`Covers ${monthLabel(months[0])} – ${monthLabel(months.at(-1)!)} (${plural(months.length / 12, 'fiscal year')}); annual tables are shown side by side, so no precedence applies.`
		];
	const parts = [`Covers ${span(months)}.`];
	if (report.sameName)
		parts.push(`A file of the same name is already loaded (${report.sameName.label}).`);
	for (const file of report.files) {
		const verdict =
			file.uploadWins === null
				? `: ${file.reason}`
				: file.uploadWins
					? `: this file would replace it there, because ${file.reason}`
					: `: the loaded file keeps them, because ${file.reason}`;
		parts.push(`${file.label} also covers ${span(file.months)}${verdict}.`);
	}
	if (!report.files.length) parts.push('No loaded file covers any of these months.');
	else if (report.newMonths.length)
		parts.push(
			`${plural(report.newMonths.length, 'month')} ${report.newMonths.length === 1 ? 'is' : 'are'} new: no loaded file covers ${report.newMonths.length === 1 ? 'it' : 'them'}.`
		);
	if (report.splitMonths.length)
		parts.push(
			`In ${plural(report.splitMonths.length, 'month')} it would win some components or regions and not others.`
		);
	return parts;
}
