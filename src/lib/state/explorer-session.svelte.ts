/**
 * What a page that shows explorer figures (the explorer, an embed) sets up: the shared data
 * loading, the view re-run whenever the filter state or the data change, the citizenship options,
 * and the figure context built from them. Create it during component initialisation.
 */
import { base } from '$app/paths';
import { onMount, untrack } from 'svelte';
import { bundledEvents } from '../data/bundled-events';
import { citizenshipOptions, type CitizenshipOption } from '../queries/options';
import { appData } from './app-data.svelte';
import { loadExplorerView, type ExplorerView, type ViewSnapshot } from './explorer-view';
import { figureContext, type ContextOptions, type FigureContext } from './figure-context';
import { live, type Live, type Sameness } from './live.svelte';
import { QueryState } from './query-state.svelte';
import { serializeUrlState, type UrlState } from './url-state';

export class ExplorerSession {
	readonly data = appData;
	readonly view = new QueryState<ExplorerView>();
	readonly options = new QueryState<CitizenshipOption[]>();
	/** Bundled files and any the user added on the releases page. */
	readonly files = $derived(new Map(this.data.files.map((f) => [f.id, f])));

	/** The build-time snapshot, while it holds for the data loaded (no uploads). */
	readonly #snapshot = $derived.by(() => {
		const snapshot = this.snapshot();
		return snapshot && this.data.bundledOnly && this.data.isBundledSet(snapshot.sha256)
			? snapshot
			: null;
	});
	/** True when the view shown is final: from the snapshot, or with every file loaded. */
	readonly settled = $derived(
		(!!this.#snapshot && this.view.value === this.#snapshot.view) || this.data.complete
	);

	constructor(
		state: () => UrlState,
		private readonly snapshot: () => ViewSnapshot | undefined = () => undefined
	) {
		onMount(() => {
			this.data.start(base);
		});
		$effect(() => {
			if (this.#snapshot) return this.options.set(this.#snapshot.citizenships);
			const db = this.data.db;
			if (db) this.options.run(() => citizenshipOptions(db));
		});
		$effect(() => {
			const current = state();
			const snapshot = this.#snapshot;
			// The snapshot is what the loaded data answer for its state: no query, and no redraw
			// when the engine finishes loading.
			if (snapshot && serializeUrlState(current) === snapshot.state) {
				this.view.set(snapshot.view);
				// Once every file is in, ask DuckDB this state's statements anyway (the result is
				// the snapshot's): the cache then holds them, and the next change asks only what
				// it changes.
				const loaded = this.data.complete ? this.data.db : null;
				if (loaded) loadExplorerView(loaded, current, this.files).catch(() => {});
				return;
			}
			const db = this.data.db;
			if (!db) return this.view.wait();
			const files = this.files;
			this.view.run(() => loadExplorerView(db, current, files));
		});
	}

	/** The figures' context for the loaded view, or null until there is one. */
	#context(state: UrlState, options: ContextOptions): FigureContext | null {
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

	/**
	 * The figures' context as one object kept up to date field by field (null until there is a
	 * view): a filter change re-runs only what reads a field that changed. Create it during
	 * component initialisation.
	 */
	liveContext(
		state: () => UrlState,
		options: ContextOptions
	): { readonly current: FigureContext | null } {
		let current = $state.raw<FigureContext | null>(null);
		let handle: Live<FigureContext> | null = null;
		$effect.pre(() => {
			const next = this.#context(state(), options);
			if (!next) return;
			untrack(() => {
				if (handle) return handle.update(next);
				const view = live(next.view, VIEW_SAMENESS);
				handle = live(next, CONTEXT_SAMENESS, { view });
				current = handle.value;
			});
		});
		return {
			get current() {
				return current;
			}
		};
	}
}

/** Small parts rebuilt on every change, compared by value; the query results by identity. */
const VIEW_SAMENESS: Partial<Record<keyof ExplorerView, Sameness>> = {
	resolved: 'value',
	filters: 'value',
	headline: 'value',
	answered: 'value',
	componentTotal: 'value',
	notices: 'value',
	coverageNotes: 'value'
};
const CONTEXT_SAMENESS: Partial<Record<keyof FigureContext, Sameness>> = {
	resolved: 'value',
	state: 'value'
};
