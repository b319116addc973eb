/**
 * File names that say what a download holds: the scope and view, the filters, then the months,
 * e.g. `usbp-southwest-monthly_TCA_2024-06_2025-06.png`. Pure, so every case is table-tested.
 */
import { addMonths, fiscalYearOf, monthKey } from '../domain/months';
import type { FigureView } from '../filters/figure-views';
import type { UrlState } from '../filters/url-state';
import { plainText } from '../format';

/** The filter state with its months resolved to the months the file holds. */
export type FileNameState = Omit<UrlState, 'month' | 'from' | 'to'> & {
	month: Date;
	from: Date;
	to: Date;
};

/**
 * Only letters, digits, `-` and `+` inside a part; parts are joined with `_`. Hidden characters
 * (`plainText`) go first, so that they vanish rather than leave a `-`.
 */
const safe = (text: string) =>
	plainText(text)
		.replace(/[^A-Za-z0-9+-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-|-$/g, '');

function monthsPart(view: FigureView, state: FileNameState): string[] {
	switch (view) {
		// A month against the same month a year earlier.
		case 'headline':
		case 'sectors':
		case 'map':
		case 'states':
			return [monthKey(addMonths(state.month, -12)), monthKey(state.month)];
		// Annual bars: fiscal years.
		case 'history': {
			const [from, to] = [fiscalYearOf(state.from), fiscalYearOf(state.to)];
			return from === to ? [`FY${from}`] : [`FY${from}`, `FY${to}`];
		}
		// The period compared and what it is compared with: `FY2025_vs-FY2024`.
		case 'comparison': {
			const { period, baseline } = state.comparison ?? {
				period: null,
				baseline: 'year-earlier' as const
			};
			const prefix = state.year === 'calendar' ? 'CY' : 'FY';
			const months =
				period?.kind === 'year' ? [`${prefix}${period.year}`] : rangePart(state.from, state.to);
			return [
				...months,
				`vs-${typeof baseline === 'object' ? `${prefix}${baseline.year}` : baseline}`
			];
		}
		default:
			return rangePart(state.from, state.to);
	}
}

function rangePart(from: Date, to: Date): string[] {
	return from.getTime() === to.getTime() ? [monthKey(from)] : [monthKey(from), monthKey(to)];
}

/** `usbp-southwest-monthly_TCA_2024-06_2025-06`, plus `.ext` when given. */
export function fileName(view: FigureView, state: FileNameState, ext?: string): string {
	const component = state.component === 'all' ? 'cbp' : state.component;
	const region = state.region === 'all' ? 'nationwide' : state.region;
	const filters = [
		state.sectors.join('+'),
		state.states.join('+'),
		state.demographic ?? '',
		state.citizenship ?? '',
		state.title === 'all' ? '' : `title-${state.title}`,
		state.type === 'all' ? '' : state.type,
		state.per === 'day' ? 'per-day' : '',
		view === 'composition' ? `by-${state.split}` : ''
	];
	const stem = [`${component}-${region}-${view}`, ...filters, ...monthsPart(view, state)]
		.map(safe)
		.filter(Boolean)
		.join('_');
	return ext ? `${stem}.${ext}` : stem;
}
