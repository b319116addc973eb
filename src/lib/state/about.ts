/**
 * The About page's facts, from the manifest: the files in order of precedence, the newest
 * release, the current fiscal year and how many of its months are in, and a worked citation.
 */
import { precedenceRank, type ManifestFile } from '../domain/manifest';
import { addMonths, fiscalYearOf, monthKey, parseMonthKey, utcMonth } from '../domain/months';
import { AOR_BY_CODE } from '../domain/vocabulary';

/** A manifest's `YYYY-MM` as a month (files always hold valid ones). */
export const monthOf = (key: string) => parseMonthKey(key) ?? utcMonth(1970, 0);

export function aboutFacts(files: ManifestFile[]) {
	const month = monthOf;

	// Precedence, highest first, among the files that feed the encounter counts.
	const encounterFiles = files.filter((f) => f.role === 'encounters');
	const ranks = precedenceRank(encounterFiles);
	const byPrecedence = [...encounterFiles].sort((a, b) => ranks.get(b.id)! - ranks.get(a.id)!);
	const componentFiles = files.filter((f) => f.layout === 'southwest-component');
	const sectorDerived = files.find((f) => f.layout === 'sector-derived');
	const sectorPdf = files.find((f) => f.layout === 'sector-pdf');
	const annualNationwide = files.find((f) => f.layout === 'annual-nationwide');
	const annualSectors = files.filter((f) => f.layout === 'annual-sector');

	/** `FY1925–FY2019` for an annual file's coverage. */
	const fiscalSpan = (file: ManifestFile) =>
		`FY${fiscalYearOf(month(file.coverage.from))}–FY${fiscalYearOf(month(file.coverage.to))}`;

	/** The newest CBP CSV release: it wins every month and scope it covers. */
	const newestRelease: ManifestFile | undefined = byPrecedence.find((f) => f.layout === 'aor');

	// The current fiscal year: the one holding the latest month any encounter file covers.
	const latest = encounterFiles
		.map((f) => month(f.coverage.to))
		.reduce((a, b) => (a > b ? a : b), utcMonth(1970, 0));
	const currentFiscalYear = fiscalYearOf(latest);
	const fiscalYearStart = utcMonth(currentFiscalYear - 1, 9);
	const monthsSoFar = Math.round(
		(latest.getUTCFullYear() - fiscalYearStart.getUTCFullYear()) * 12 +
			latest.getUTCMonth() -
			fiscalYearStart.getUTCMonth() +
			1
	);

	// A worked citation: the newest CBP release, at its last month, for one sector.
	const exampleSector = AOR_BY_CODE.get('TCA');
	const exampleMonth = newestRelease ? month(newestRelease.coverage.to) : latest;
	const exampleQuery = `?month=${monthKey(exampleMonth)}${exampleSector ? `&sector=${exampleSector.code}` : ''}`;
	const afterNewestRelease = newestRelease ? addMonths(month(newestRelease.coverage.to), 1) : null;

	return {
		byPrecedence,
		componentFiles,
		sectorDerived,
		sectorPdf,
		annualNationwide,
		annualSectors,
		fiscalSpan,
		newestRelease,
		latest,
		currentFiscalYear,
		monthsSoFar,
		fiscalYearStart,
		exampleSector,
		exampleMonth,
		exampleQuery,
		afterNewestRelease
	};
}
