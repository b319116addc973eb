/** The filter state in words, for subtitles, file names' companions and screen readers. */
import {
	AOR_BY_CODE,
	areaNames,
	COMPONENTS,
	DEMOGRAPHICS,
	REGIONS,
	stateNames,
	TITLES
} from '../domain/vocabulary';
import { TITLE_42_END, TITLE_42_START } from '../domain/definitions';
import { countryInText, formatDay } from '../format';
import type { UrlState } from '../filters/url-state';

export function describeFilters(state: UrlState, citizenshipLabel?: string): string {
	const parts = [
		state.component === 'all' ? 'USBP and OFO' : COMPONENTS[state.component].label,
		state.region === 'all' ? 'all regions' : REGIONS[state.region].label
	];
	if (state.sectors.length)
		parts.push(state.sectors.map((c) => AOR_BY_CODE.get(c)?.name ?? c).join(', '));
	if (state.states.length) parts.push(stateNames(state.states, Infinity));
	// An own-property lookup: a code from outside (`constructor`) must not reach Object.prototype.
	if (state.demographic && Object.hasOwn(DEMOGRAPHICS, state.demographic))
		parts.push(DEMOGRAPHICS[state.demographic].phrase);
	if (state.citizenship)
		parts.push(`citizens of ${countryInText(citizenshipLabel ?? state.citizenship)}`);
	if (state.title !== 'all') parts.push(TITLES[state.title].label);
	if (state.type !== 'all') parts.push(state.type);
	if (state.per === 'day') parts.push('average per day');
	return parts.filter(Boolean).join(' · ');
}

/** The part of a field office's count each region keeps, for sentences. */
const REGION_PARTS: Record<Exclude<UrlState['region'], 'all'>, string> = {
	southwest: 'at the Southwest land border',
	northern: 'at the Northern land border',
	other: 'away from the land borders (coastal and interior)'
};

/**
 * Where the count is, for sentences: "at the Southwest land border", "in Tucson Sector", "in
 * Texas", "in Arizona and Texas at the Southwest land border".
 */
export function placeOf(state: UrlState): string {
	if (state.states.length)
		return `in ${stateNames(state.states, Infinity)}${state.region === 'all' ? '' : ` ${REGION_PARTS[state.region]}`}`;
	if (state.sectors.length) return `in ${areaNames(state.sectors, Infinity)}`;
	if (state.region === 'all') return 'nationwide';
	if (state.region === 'other') return 'in the coastal sectors and interior offices';
	return `at the ${REGIONS[state.region].label}`;
}

/**
 * What is counted, for sentences, with every breakdown the filter sets: "encounters",
 * "encounters of unaccompanied children", "apprehensions of single adults who were citizens of
 * Mexico, under Title 8".
 */
export function countedOf(state: UrlState, citizenshipLabel?: string): string {
	let text = state.type === 'all' ? 'encounters' : state.type;
	const demographic =
		state.demographic && Object.hasOwn(DEMOGRAPHICS, state.demographic)
			? DEMOGRAPHICS[state.demographic].phrase
			: null;
	const country = state.citizenship ? countryInText(citizenshipLabel ?? state.citizenship) : null;
	if (demographic) text += ` of ${demographic}`;
	if (country)
		text += demographic ? ` who were citizens of ${country}` : ` of citizens of ${country}`;
	if (state.title !== 'all') text += `${country ? ',' : ''} under ${TITLES[state.title].label}`;
	// A field office reports in several regions: say which part of its count the region keeps.
	if (state.region !== 'all' && state.sectors.some((c) => AOR_BY_CODE.get(c)?.component === 'ofo'))
		text += ` ${REGION_PARTS[state.region]}`;
	return text;
}

/** Who counted, for sentences. */
export function agencyOf(state: UrlState): string {
	return state.component === 'all' ? 'CBP (USBP and OFO)' : COMPONENTS[state.component].label;
}

/**
 * The encounter types each component records, as CBP's files have them: USBP apprehends between
 * the ports, OFO finds inadmissibles at them, and both expelled under Title 42.
 */
const RECORDS: Record<Exclude<UrlState['component'], 'all'>, string[]> = {
	usbp: ['apprehensions', 'expulsions'],
	ofo: ['inadmissibles', 'expulsions']
};

/** For a type the component never records, the sentence that says so (not "0 … against none"). */
export function unrecordedOf(state: UrlState): string | null {
	if (state.type === 'all' || state.component === 'all') return null;
	if (RECORDS[state.component].includes(state.type)) return null;
	const other = state.component === 'usbp' ? 'ofo' : 'usbp';
	return `${COMPONENTS[state.component].label} does not record ${state.type}: ${COMPONENTS[other].label} does. Choose it, or both components, to count them.`;
}

/**
 * The note under a chart that reaches the Title 42 period: what the period means for this count,
 * which holds expulsions only when its title and type let them in.
 */
export function title42Note(state: UrlState): string {
	const period = `Shaded: the Title 42 period (${formatDay(TITLE_42_START)} – ${formatDay(TITLE_42_END)})`;
	const expulsionsOnly = state.title === '42' || state.type === 'expulsions';
	const noExpulsions = state.title === '8' || !['all', 'expulsions'].includes(state.type);
	if (expulsionsOnly && noExpulsions) return `${period}.`;
	if (expulsionsOnly) return `${period}, the only months with Title 42 expulsions.`;
	if (noExpulsions) return `${period}: these counts leave out its Title 42 expulsions.`;
	const who = state.component === 'all' ? 'USBP and OFO' : COMPONENTS[state.component].short;
	return `${period}, when ${who} counts include Title 42 expulsions.`;
}
