/**
 * What every explorer figure needs besides its own rows: the loaded view, the filter state (as
 * resolved and as written in the URL), the manifest, and the page's ways to change the state.
 * Built once by the page (or the embed route) and passed to each figure.
 */
import { percentChange } from '../domain/change';
import type { BorderEvent } from '../domain/events';
import type { ManifestFile } from '../domain/manifest';
import { perDay } from '../domain/months';
import { toggleArea } from '../domain/vocabulary';
import { formatCount, formatPerDay } from '../format';
import { agencyOf, countedOf, describeFilters, placeOf, unrecordedOf } from '../text/describe';
import type { Sql } from '../db/sql';
import type { PageView } from './page-view';
import { applyChange, type UrlState } from '../filters/url-state';

export interface FigureContext {
	view: PageView;
	resolved: PageView['resolved'];
	/** The statements behind `view` (each figure's downloads add its own). */
	statements: Sql[];
	/** The state as written in the URL (defaults unresolved), for links. */
	state: UrlState;
	files: Map<string, ManifestFile>;
	events: BorderEvent[];
	subtitle: string;
	agency: string;
	place: string;
	/** What is counted, with every breakdown the filter sets (`countedOf`). */
	counted: string;
	/** Set when the component never records the encounter type (`unrecordedOf`). */
	unrecorded: string | null;
	/** `counted`, or `counted` per day (monthly average). */
	unit: string;
	perDay: boolean;
	/** A month's value as shown: a count, or an average per day. */
	shown: (value: number | null, month: Date) => number | null;
	format: (value: number | null) => string;
	/** Labels of source files (or `+`-joined lists of them), short enough for chart labels. */
	sourceLabel: (sourceKey: string) => string;
	/** Full labels of a list of manifest ids, for source lines. */
	sourceLine: (ids: Iterable<string>) => string;
	navigate: (change: Partial<UrlState>) => void;
	toggleSector: (code: string) => void;
	sectorHref: (code: string) => string;
	/** Link that shows one state alone, both components, in the view's region. */
	stateHref: (code: string) => string;
	/** False in an embed: figures then draw no links or controls that change the page. */
	interactive: boolean;
}

/** A month's value as shown: the count, or its average per day. */
export function shownValue(daily: boolean, value: number | null, month: Date): number | null {
	return daily ? perDay(value, month) : value;
}

/**
 * A month against its baseline month as shown, the counts or their averages per day, and the
 * change of what is shown (for a February against a leap-year February the two differ).
 */
export function shownPair(
	daily: boolean,
	value: number | null,
	month: Date,
	baseline: number | null,
	baselineMonth: Date
): { value: number | null; baseline: number | null; change: number | null } {
	const shown = shownValue(daily, value, month);
	const shownBaseline = shownValue(daily, baseline, baselineMonth);
	return { value: shown, baseline: shownBaseline, change: percentChange(shown, shownBaseline) };
}

/** Arguments of `figureContext` that a page gives once (its ways to change the state). */
export type ContextOptions = Pick<
	Parameters<typeof figureContext>[0],
	'navigate' | 'serialize' | 'interactive'
>;

export function figureContext(args: {
	view: PageView;
	statements: Sql[];
	state: UrlState;
	files: Map<string, ManifestFile>;
	events: BorderEvent[];
	citizenshipLabel?: string;
	navigate: (change: Partial<UrlState>) => void;
	serialize: (state: UrlState) => string;
	interactive: boolean;
}): FigureContext {
	const { view, state, files } = args;
	const resolved = view.resolved;
	const daily = state.per === 'day';
	const counted = countedOf(resolved, args.citizenshipLabel);
	// Every function is the same object for the same inputs, so figures that take one as a prop
	// see no change when a filter change leaves its inputs alone.
	return {
		view,
		resolved,
		statements: args.statements,
		state,
		files,
		events: args.events,
		subtitle: describeFilters(resolved, args.citizenshipLabel),
		agency: agencyOf(resolved),
		place: placeOf(resolved),
		counted,
		unrecorded: unrecordedOf(resolved),
		unit: daily ? `${counted} per day (monthly average)` : counted,
		perDay: daily,
		shown: daily ? SHOWN_PER_DAY : SHOWN_COUNT,
		format: formatShown(daily),
		...fileFunctions(files),
		navigate: args.navigate,
		...stateFunctions(state, args.navigate, args.serialize),
		interactive: args.interactive
	};
}

const SHOWN_COUNT = (value: number | null) => value;
const SHOWN_PER_DAY = (value: number | null, month: Date) => perDay(value, month);
const FORMAT_COUNT = (value: number | null) => (value === null ? '—' : formatCount(value));
const FORMAT_PER_DAY = (value: number | null) => (value === null ? '—' : formatPerDay(value));
/** How a value reads: a count, or an average per day with one decimal; `—` for none. */
export const formatShown = (daily: boolean) => (daily ? FORMAT_PER_DAY : FORMAT_COUNT);

type FileFunctions = Pick<FigureContext, 'sourceLabel' | 'sourceLine'>;
const byFiles = new WeakMap<Map<string, ManifestFile>, FileFunctions>();

function fileFunctions(files: Map<string, ManifestFile>): FileFunctions {
	let fns = byFiles.get(files);
	if (fns) return fns;
	fns = {
		sourceLabel: (key) =>
			key
				.split('+')
				.map((id) => {
					const file = files.get(id);
					if (!file) return id;
					if (file.layout === 'sector-pdf') return 'CBP PDF series';
					if (file.layout === 'sector-derived') return 'Derived sector file';
					if (file.layout === 'annual-nationwide') return 'CBP annual table (FY1925–)';
					if (file.layout === 'annual-sector') return 'CBP annual sector tables';
					return `CBP CSV, ${file.release} release`;
				})
				.join(' + '),
		sourceLine: (ids) => [...new Set(ids)].map((id) => files.get(id)?.label ?? id).join('; ') + '.'
	};
	byFiles.set(files, fns);
	return fns;
}

type StateFunctions = Pick<FigureContext, 'toggleSector' | 'sectorHref' | 'stateHref'>;
/** The last state's functions, per page (each page has its own `navigate`). */
const byNavigate = new WeakMap<
	object,
	{ key: string; serialize: (state: UrlState) => string; fns: StateFunctions }
>();

function stateFunctions(
	state: UrlState,
	navigate: (change: Partial<UrlState>) => void,
	serialize: (state: UrlState) => string
): StateFunctions {
	const key = JSON.stringify(state);
	const last = byNavigate.get(navigate);
	if (last && last.key === key && last.serialize === serialize) return last.fns;
	// Asked for each sector table row on every redraw; the same state gives the same links.
	const hrefs = new Map<string, string>();
	const fns: StateFunctions = {
		toggleSector: (code) => navigate({ sectors: toggleArea(state.sectors, code) }),
		sectorHref: (code) => {
			let href = hrefs.get(code);
			if (href === undefined) hrefs.set(code, (href = serialize({ ...state, sectors: [code] })));
			return href;
		},
		stateHref: (code) => serialize(applyChange(state, { states: [code], region: state.region }))
	};
	byNavigate.set(navigate, { key, serialize, fns });
	return fns;
}
