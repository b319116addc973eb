/**
 * The shared links the benchmark times (`bench/links.json`), each with the filter it means, written
 * out here by hand, so that tests compute its numbers straight from the CSVs (`filteredTotal`).
 */
import { readFileSync } from 'node:fs';
import type { FilterSpec } from './expected-filters';

const LINKS: { id: string; path: string }[] = JSON.parse(readFileSync('bench/links.json', 'utf8'));

const USBP_SW: FilterSpec = { components: ['usbp'], regions: ['southwest'] };

/** Month null: the latest month the default filter is answered in. */
const MEANING: Record<string, { month: string | null; spec: FilterSpec } | { embed: true }> = {
	default: { month: null, spec: USBP_SW },
	'one sector': { month: '2024-06', spec: { ...USBP_SW, sectors: ['EPT'] } },
	'one sector, 2025': { month: '2025-06', spec: { ...USBP_SW, sectors: ['TCA'] } },
	'several sectors': { month: '2024-03', spec: { ...USBP_SW, sectors: ['SDC', 'ELC', 'YUM'] } },
	'OFO field office': {
		month: '2024-06',
		spec: { components: ['ofo'], regions: ['southwest'], sectors: ['ofo-laredo'] }
	},
	northern: { month: '2023-09', spec: { components: ['usbp'], regions: ['northern'] } },
	other: { month: '2024-01', spec: { components: ['usbp'], regions: ['other'] } },
	'all components': {
		month: '2024-06',
		spec: { components: ['usbp', 'ofo'], regions: ['southwest'] }
	},
	demographic: { month: '2024-06', spec: { ...USBP_SW, demographic: 'uc' } },
	citizenship: { month: '2024-06', spec: { ...USBP_SW, citizenship: 'mexico' } },
	title: { month: '2022-03', spec: { ...USBP_SW, title: '8' } },
	type: { month: '2022-03', spec: { ...USBP_SW, type: 'expulsions' } },
	'range per day': { month: '2024-06', spec: USBP_SW },
	// Only the state releases count by state: USBP and OFO together, every region.
	states: {
		month: '2024-06',
		spec: {
			components: ['usbp', 'ofo'],
			regions: ['southwest', 'northern', 'other'],
			states: ['AZ', 'CA']
		}
	},
	'embed, one sector': { embed: true }
};

export interface LinkedState {
	id: string;
	path: string;
	meaning: (typeof MEANING)[string];
}

export const LINKED_STATES: LinkedState[] = LINKS.map((link) => {
	const meaning = MEANING[link.id];
	if (!meaning) throw new Error(`linked-states.ts: say what the bench link "${link.id}" means`);
	return { ...link, meaning };
});
