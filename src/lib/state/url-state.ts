/**
 * The page's state as it lives in the URL. Parsing and writing are pure: the page reads
 * `parseUrlState(page.url.searchParams)` and navigates to `serializeUrlState(state)`. Defaults
 * never go into the URL; bad values fall back to defaults with a notice, never an error.
 */
import { monthKey, parseMonthKey } from '../data/months';
import { AOR_BY_CODE } from '../data/vocabulary';
import { DEFAULT_FILTERS } from '../queries/filters';

export interface UrlState {
	/** The headline month; null means the latest month the filter's sources cover. */
	month: Date | null;
	/** Southwest USBP sector codes, in the order given; empty means all. */
	sectors: string[];
}

export const DEFAULT_URL_STATE: UrlState = { month: null, sectors: [] };

export interface ParsedUrlState {
	state: UrlState;
	/** Plain-language notes about values that were ignored. */
	notices: string[];
}

/** Sector codes the page accepts: USBP sectors of the default region. */
function isAcceptedSector(code: string): boolean {
	const aor = AOR_BY_CODE.get(code);
	return aor?.component === DEFAULT_FILTERS.component && aor.region === DEFAULT_FILTERS.region;
}

export function parseUrlState(params: URLSearchParams): ParsedUrlState {
	const notices: string[] = [];
	let month: Date | null = null;
	const monthTexts = params.getAll('month');
	if (monthTexts.length > 1)
		notices.push(`Several months were given (${monthTexts.join(', ')}); using the first.`);
	const monthText = monthTexts[0] ?? null;
	if (monthText !== null && monthText !== '') {
		month = parseMonthKey(monthText);
		if (!month)
			notices.push(`“${monthText}” is not a month in the form YYYY-MM; showing the latest month.`);
	}
	const sectors: string[] = [];
	for (const raw of params.getAll('sector').join(',').split(',')) {
		const code = raw.trim().toUpperCase();
		if (!code) continue;
		if (!isAcceptedSector(code))
			notices.push(`“${raw.trim()}” is not a Southwest Border Patrol sector code; it was ignored.`);
		else if (!sectors.includes(code)) sectors.push(code);
	}
	return { state: { month, sectors }, notices };
}

/** The query string for a state, defaults left out (`''` for the default view). */
export function serializeUrlState(state: UrlState): string {
	const params = new URLSearchParams();
	if (state.month) params.set('month', monthKey(state.month));
	if (state.sectors.length) params.set('sector', state.sectors.join(','));
	// Commas in a code list are safe in a query string: keep them readable.
	const text = params.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
