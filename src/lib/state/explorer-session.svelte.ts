/**
 * What a page that shows explorer figures (the explorer, an embed) sets up: the shared data
 * loading, the view re-run whenever the filter state or the data change, the citizenship options,
 * and the figure context built from them. Create it during component initialisation.
 */
import { base } from '$app/paths';
import { onMount } from 'svelte';
import { bundledEvents } from '../data/bundled-events';
import { citizenshipOptions, type CitizenshipOption } from '../queries/options';
import { appData } from './app-data.svelte';
import { loadExplorerView, type ExplorerView } from './explorer-view';
import { figureContext, type FigureContext } from './figure-context';
import { QueryState } from './query-state.svelte';
import type { UrlState } from './url-state';

export class ExplorerSession {
	readonly data = appData;
	readonly view = new QueryState<ExplorerView>();
	readonly options = new QueryState<CitizenshipOption[]>();
	/** Bundled files and any the user added on the releases page. */
	readonly files = $derived(new Map(this.data.files.map((f) => [f.id, f])));

	constructor(state: () => UrlState) {
		onMount(() => {
			this.data.start(base);
		});
		$effect(() => {
			const db = this.data.db;
			if (db) this.options.run(() => citizenshipOptions(db));
		});
		$effect(() => {
			const db = this.data.db;
			if (!db) return;
			const current = state();
			const files = this.files;
			this.view.run(() => loadExplorerView(db, current, files));
		});
	}

	/** The figures' context for the loaded view, or null until there is one. */
	context(
		state: UrlState,
		options: Pick<Parameters<typeof figureContext>[0], 'navigate' | 'serialize' | 'interactive'>
	): FigureContext | null {
		const view = this.view.value;
		if (!view) return null;
		return figureContext({
			view,
			state,
			files: this.files,
			events: bundledEvents,
			citizenshipLabel: this.options.value?.find((c) => c.slug === state.citizenship)?.label,
			...options
		});
	}
}
