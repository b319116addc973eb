/** The filter state with a URL held in a variable: reads, changes, deferred writes, history steps. */
import { describe, expect, test } from 'vitest';
import { FilterState } from '../../src/lib/filters/filter-state.svelte';

/** A URL in memory: the query string, the history entries written, and writes held until `flush`. */
function memoryUrl(initial: string) {
	const url = { search: initial, written: [] as string[], held: [] as (() => void)[] };
	return {
		url,
		access: {
			read: () => url.search,
			write: (search: string) => {
				url.search = search;
				url.written.push(search);
			},
			defer: (run: () => void) => url.held.push(run)
		},
		flush: () => url.held.splice(0).forEach((run) => run())
	};
}

const noCitizenships = () => undefined;

describe('FilterState', () => {
	test('reads the URL it starts on', () => {
		const { access } = memoryUrl('?sector=tca&month=2025-06');
		const filters = new FilterState(access, noCitizenships);
		expect(filters.state.sectors).toEqual(['TCA']);
		expect(filters.state.month?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
		expect(filters.parsed.notices).toEqual([]);
	});

	test('a change shows at once and is written when the deferred write runs', () => {
		const { url, access, flush } = memoryUrl('');
		const filters = new FilterState(access, noCitizenships);
		filters.change({ sectors: ['BBT'] });
		expect(filters.state.sectors).toEqual(['BBT']);
		expect(filters.search).toBe('?sector=BBT');
		expect(url.written).toEqual([]);
		flush();
		expect(url.written).toEqual(['?sector=BBT']);
	});

	test('a change goes through the scope rules: a northern sector brings its region', () => {
		const { url, access, flush } = memoryUrl('?month=2024-06');
		const filters = new FilterState(access, noCitizenships);
		filters.change({ sectors: ['SWB'] });
		flush();
		expect(filters.state.region).toBe('northern');
		expect(url.written).toEqual(['?sector=SWB&month=2024-06']);
	});

	test('rapid changes make one history entry, the last', () => {
		const { url, access, flush } = memoryUrl('');
		const filters = new FilterState(access, noCitizenships);
		filters.change({ demographic: 'uc' });
		filters.change({ per: 'day' });
		flush();
		expect(url.written).toEqual(['?demographic=uc&per=day']);
	});

	test('a history step before the write drops it and reads the URL again', () => {
		const { url, access, flush } = memoryUrl('?month=2024-06');
		const filters = new FilterState(access, noCitizenships);
		filters.change({ region: 'northern' });
		url.search = '?month=2023-01';
		filters.sync();
		flush();
		expect(url.written).toEqual([]);
		expect(filters.state.month?.toISOString()).toBe('2023-01-01T00:00:00.000Z');
		expect(filters.state.region).toBe('southwest');
	});

	test('leaving the page drops a write still waiting', () => {
		const { url, access, flush } = memoryUrl('');
		const filters = new FilterState(access, noCitizenships);
		filters.change({ title: '8' });
		filters.dispose();
		flush();
		expect(url.written).toEqual([]);
	});

	test('without a writer a change is shown, never written', () => {
		const filters = new FilterState({ read: () => '' }, noCitizenships);
		filters.change({ component: 'ofo' });
		expect(filters.state.component).toBe('ofo');
		expect(filters.search).toBe('?component=ofo');
	});

	test('a citizenship is judged only once the loaded data name theirs', () => {
		const url = { read: () => '?citizenship=atlantis' };
		expect(new FilterState(url, noCitizenships).state.citizenship).toBe('atlantis');
		const loaded = new FilterState(url, () => [{ slug: 'mexico', label: 'MEXICO' }]);
		expect(loaded.state.citizenship).toBeNull();
		expect(loaded.parsed.notices).toEqual([
			'“atlantis” is not a citizenship in the loaded data; showing all.'
		]);
	});
});
