/**
 * What a page that shows explorer figures (the explorer, an embed) sets up: the shared data
 * loading, the view re-run whenever the filter state or the data change, the citizenship options,
 * and the figure context built from them. Create it during component initialisation.
 */
import { base } from '$app/paths';
import { onMount, untrack } from 'svelte';
import { bundledEvents } from '../data/bundled-events';
import { fetchStoredResult, resultStore, StoreMiss, type ResultIndex } from '../data/result-store';
import { citizenshipOptions, type CitizenshipOption } from '../queries/options';
import { appData } from './app-data.svelte';
import { loadExplorerView, type ExplorerView } from './explorer-view';
import { figureContext, type ContextOptions, type FigureContext } from './figure-context';
import { live, type Live, type Sameness } from './live.svelte';
import { prefetchNeighbours } from './prefetch';
import { QueryState } from './query-state.svelte';
import { serializeUrlState, type UrlState } from './url-state';

export class ExplorerSession {
	readonly data = appData;
	readonly view = new QueryState<ExplorerView>();
	/**
	 * Every citizenship the loaded files name; unset until that list is final (from the stored
	 * results of the bundled files, or once every file is loaded), so a page can tell a slug no
	 * file has from one whose file is still loading.
	 */
	readonly options = new QueryState<CitizenshipOption[]>();
	/** Bundled files and any the user added on the releases page. */
	readonly files = $derived(new Map(this.data.files.map((f) => [f.id, f])));

	/** The build-time results, while they hold for the data loaded (no uploads). */
	readonly #stored = $derived(this.data.bundledOnly ? this.data.stored : null);
	/** Views answered wholly by the stored results: final, whatever the engine has loaded. */
	readonly #fromStore = new WeakSet<ExplorerView>();
	/** The state last shown from the stored results (serialized). */
	#storedState: string | null = null;
	/** True when the view shown is final: from the stored results, or with every file loaded. */
	readonly settled = $derived(
		(!!this.view.value && this.#fromStore.has(this.view.value)) || this.data.complete
	);

	/**
	 * `prefetch`: compute the views one control away in idle time (pages with controls).
	 * `engineWhenNeeded`: start DuckDB and load the CSVs only for a view the stored results do not
	 * answer, or when the page calls `startEngine` (the explorer does once its first view is drawn:
	 * on a 2-core machine the engine's start and the CSVs' download would compete with it).
	 * Otherwise the engine starts when the page mounts.
	 */
	constructor(
		state: () => UrlState,
		results: () => ResultIndex | undefined = () => undefined,
		{ prefetch = false, engineWhenNeeded = false } = {}
	) {
		const index = untrack(results);
		if (index && this.data.isBundledSet(index.sha256))
			this.data.stored ??= resultStore(index, fetchStoredResult(base));
		onMount(() => {
			if (!engineWhenNeeded || !this.#stored) this.startEngine();
		});
		$effect(() => {
			const db = this.#stored ?? (this.data.complete ? this.data.db : null);
			if (db) this.options.run(() => citizenshipOptions(db));
		});
		$effect(() => {
			const current = state();
			const files = this.files;
			const stored = this.#stored;
			const db = this.data.db;
			const key = serializeUrlState(current);
			// Shown from the stored results: the engine's progress changes nothing.
			if (stored && key === this.#storedState) return;
			// Once every file is in, the engine answers everything: its cache starts with the
			// stored rows the page has fetched, so views keep sharing them.
			const loaded = this.data.complete && !!db;
			this.view.run(async () => {
				if (stored && !loaded) {
					try {
						const view = await loadExplorerView(stored, current, files);
						this.#fromStore.add(view);
						this.#storedState = key;
						return view;
					} catch (error) {
						if (!(error instanceof StoreMiss)) throw error;
						this.startEngine();
					}
				}
				this.#storedState = null;
				// Nothing can answer yet: stay pending; this effect runs again when the engine is.
				if (!db) return new Promise<never>(() => {});
				return loadExplorerView(db, current, files);
			});
		});
		// Once a view from the fully loaded engine is shown, its neighbours' statements are asked
		// ahead, so the next change of scope finds them cached; a newer state cancels.
		$effect(() => {
			const db = this.data.db;
			if (!prefetch || !db || !this.data.complete || !this.view.value || this.view.pending) return;
			const [current, files] = untrack(() => [state(), this.files] as const);
			let cancelled = false;
			prefetchNeighbours(db, current, files, () => cancelled);
			return () => {
				cancelled = true;
			};
		});
	}

	/** Starts DuckDB and the loading of every CSV (once; again after a failure). */
	startEngine(): void {
		this.data.start(base);
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
