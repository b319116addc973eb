/**
 * What a page that shows explorer figures (the explorer, an embed) sets up: the build-time
 * results for the bundled files, the page's view of the URL state (re-run on every change of
 * state, and of data until final), the citizenship options, and the figures' context. Every
 * statement goes through the data state's coordinator. Create it during component initialisation.
 */
import { base } from '$app/paths';
import { onMount } from 'svelte';
import { Query } from '../coordinator/query.svelte';
import { bundledEvents } from '../domain/bundled-events';
import { fetchStoredResult, resultStore, type ResultIndex } from '../db/result-store';
import { citizenshipOptions, type CitizenshipOption } from '../queries/options';
import { appData } from './app-data.svelte';
import { figureContext, type ContextOptions, type FigureContext } from './figure-context';
import { loadPageView, type PageView } from './page-view';
import { prefetchNeighbours, type LoadEverything } from './prefetch';
import { serializeUrlState, type UrlState } from '../filters/url-state';

export class Explorer {
	readonly data = appData;
	readonly view = new Query<PageView>(this.data.coordinator);
	readonly #options = new Query<CitizenshipOption[]>(this.data.coordinator);
	/** Bundled files and any the user added on the releases page. */
	readonly files = $derived(new Map(this.data.files.map((f) => [f.id, f])));
	/** True when the view shown is final: from the stored results or the fully loaded engine. */
	readonly settled = $derived(!!this.view.value && this.view.final && !this.view.pending);

	/**
	 * `prefetch`: how everything a view shows is asked (pages with controls pass the figures'
	 * `loadEverything`); given, the views one control away are asked at the lowest priority once
	 * the view is final. `engineWhenNeeded`: start DuckDB and the CSVs only
	 * when the build-time results miss a statement, or when the page calls `startEngine` (the
	 * explorer does once its first view is drawn). Otherwise the engine starts on mount.
	 */
	constructor(
		state: () => UrlState,
		results: () => ResultIndex | undefined,
		{
			prefetch,
			engineWhenNeeded = false
		}: { prefetch?: LoadEverything; engineWhenNeeded?: boolean } = {}
	) {
		const index = results();
		if (index && this.data.isBundledSet(index.sha256))
			this.data.useStoredResults(resultStore(index, fetchStoredResult(base)));
		onMount(() => {
			// Read here, not above: the page's state may derive from this explorer's options.
			this.data.statesFirst ||= state().states.length > 0;
			if (!engineWhenNeeded || !index) this.startEngine();
		});
		$effect(() => {
			const key = String(this.files.size);
			this.#options.follow(key, () => this.data.version, citizenshipOptions);
		});
		$effect(() => {
			const current = state();
			const files = this.files;
			this.view.follow(
				`${serializeUrlState(current)}|${files.size}`,
				() => this.data.version,
				(db) => loadPageView(db, current, files)
			);
		});
		$effect(() => {
			if (!prefetch || !this.data.complete || !this.settled) return;
			const controller = new AbortController();
			prefetchNeighbours(this.data.coordinator, controller.signal, state(), this.files, prefetch);
			return () => controller.abort();
		});
	}

	/**
	 * Every citizenship the loaded files name; unset until that list is final, so a page can tell
	 * a slug no file has from one whose file is still loading.
	 */
	get options(): CitizenshipOption[] | undefined {
		return this.#options.final ? this.#options.value : undefined;
	}

	/** Starts DuckDB and the loading of every CSV (once; again after a failure). */
	startEngine(): void {
		void this.data.start();
	}

	/** The figures' context, following the state and the view (null until there is a view). */
	context(
		state: () => UrlState,
		options: ContextOptions
	): { readonly current: FigureContext | null } {
		const current = $derived.by(() => {
			const view = this.view.value;
			if (!view) return null;
			const url = state();
			return figureContext({
				view,
				state: url,
				files: this.files,
				events: bundledEvents,
				citizenshipLabel: this.options?.find((c) => c.slug === url.citizenship)?.label,
				statements: this.view.statements,
				...options
			});
		});
		return {
			get current() {
				return current;
			}
		};
	}
}
