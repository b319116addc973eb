/**
 * The explorer's figures below the headline, by the id the embed route and the downloads use:
 * each with its component and, where it draws rows beyond the page's view, its load.
 */
import type { Component } from 'svelte';
import type { Db } from '$lib/db/db';
import type { FigureView } from '$lib/filters/figure-views';
import type { Sql } from '$lib/db/sql';
import type { FigureContext } from '$lib/state/figure-context';
import type { Filters } from '$lib/queries/filters';
import type { UrlState } from '$lib/filters/url-state';
import { FIGURE_LOADS } from './loads';
import ComparisonFigure from './comparison/ComparisonFigure.svelte';
import CompositionFigure from './composition/CompositionFigure.svelte';
import HistoryFigure from './history/HistoryFigure.svelte';
import MapFigure from './map/MapFigure.svelte';
import MonthlyFigure from './monthly/MonthlyFigure.svelte';
import SmallMultiplesFigure from './small-multiples/SmallMultiplesFigure.svelte';
import StatesFigure from './states/StatesFigure.svelte';

export interface FigureEntry<T> {
	/** The figure in words, for the page's skip links ("Skip to the map"). */
	name: string;
	figure: Component<{ ctx: FigureContext; data: T; statements: Sql[] }>;
	load?: (db: Db, state: UrlState) => Promise<T>;
	/** Whether the explorer shows it for a view (always, if not given); an embed always does. */
	shows?: (filters: Filters) => boolean;
}

/** `entry` with its type checked: the component takes what the load gives. */
const entry = <T>(e: FigureEntry<T>) => e as FigureEntry<unknown>;

export const FIGURES: Record<Exclude<FigureView, 'headline' | 'sectors'>, FigureEntry<unknown>> = {
	monthly: entry({ name: 'the monthly chart', figure: MonthlyFigure }),
	// Areas are sectors and field offices, which no file counts by state.
	'small-multiples': entry({
		name: 'each area by month',
		figure: SmallMultiplesFigure,
		load: FIGURE_LOADS['small-multiples'],
		shows: (f) => !f.states.length
	}),
	comparison: entry({
		name: 'the comparison',
		figure: ComparisonFigure,
		load: FIGURE_LOADS.comparison
	}),
	// The map draws the Southwest sectors of USBP (none by state).
	map: entry({
		name: 'the map',
		figure: MapFigure,
		load: FIGURE_LOADS.map,
		shows: (f) =>
			f.components.includes('usbp') && f.regions.includes('southwest') && !f.states.length
	}),
	history: entry({
		name: 'the record by fiscal year',
		figure: HistoryFigure,
		load: FIGURE_LOADS.history
	}),
	composition: entry({
		name: 'what the counts were made of',
		figure: CompositionFigure,
		load: FIGURE_LOADS.composition
	}),
	// Only CBP's state releases count by state, USBP and OFO together, and none by sector: views
	// of both components without sectors.
	states: entry({
		name: 'encounters by state',
		figure: StatesFigure,
		load: FIGURE_LOADS.states,
		shows: (f) => f.components.length === 2 && !f.sectors.length
	})
};
