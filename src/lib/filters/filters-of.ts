/** The query filter (`queries/filters.ts`) of a URL state. */
import { AOR_BY_CODE, type ComponentCode, type RegionCode } from '../domain/vocabulary';
import type { Filters } from '../queries/filters';
import type { UrlState } from './url-state';

const ALL_COMPONENTS: ComponentCode[] = ['usbp', 'ofo'];
const ALL_REGIONS: RegionCode[] = ['southwest', 'northern', 'other'];

/**
 * The query filter for a URL state. With sectors chosen, the scope narrows to the components and
 * (for USBP sectors) the regions those sectors belong to, so that a Southwest sector is not held
 * back by a northern region that has no source in a month.
 */
export function filtersOf(state: UrlState): Filters {
	let components = state.component === 'all' ? ALL_COMPONENTS : [state.component];
	let regions = state.region === 'all' ? ALL_REGIONS : [state.region];
	if (state.sectors.length) {
		const aors = state.sectors.flatMap((c) => AOR_BY_CODE.get(c) ?? []);
		components = components.filter((c) => aors.some((a) => a.component === c));
		if (aors.every((a) => a.region !== null))
			regions = regions.filter((r) => aors.some((a) => a.region === r));
	}
	return {
		components,
		regions,
		sectors: state.sectors,
		states: state.states,
		demographic: state.demographic,
		citizenship: state.citizenship,
		title: state.title === 'all' ? null : state.title,
		encounterType: state.type === 'all' ? null : state.type
	};
}
