/**
 * The explorer's one filter state: the URL's query string, parsed, and every change from a control
 * written back to the URL. The URL is read and written through the functions a page passes in, so
 * the state runs (and is tested) without a browser. Rules for the parameters: `url-state.ts`.
 */
import type { CitizenshipOption } from '../queries/options';
import {
	applyChange,
	parseUrlState,
	serializeUrlState,
	withCitizenships,
	type ParsedUrlState,
	type UrlState
} from './url-state';

export interface UrlAccess {
	/** The query string now: `?…`, or '' for none. */
	read: () => string;
	/** Writes a query string ('' for none) as a new history entry. Without it, changes are not written. */
	write?: (search: string) => void;
	/** When a write happens; the explorer writes after the frame that shows the change. */
	defer?: (write: () => void) => void;
}

export class FilterState {
	#search = $state('');
	/** Counts URL changes: a write still waiting is dropped once a newer change or step has come. */
	#changes = 0;
	readonly #url: UrlAccess;
	readonly #citizenships: () => readonly CitizenshipOption[] | undefined;

	/** The URL parsed, its citizenship checked once the loaded data name every one. */
	readonly parsed: ParsedUrlState = $derived.by(() =>
		withCitizenships(parseUrlState(new URLSearchParams(this.#search)), this.#citizenships())
	);

	/**
	 * `citizenships`: the citizenships the loaded data name, undefined until that list is final
	 * (a slug can be judged only then).
	 */
	constructor(url: UrlAccess, citizenships: () => readonly CitizenshipOption[] | undefined) {
		this.#url = url;
		this.#citizenships = citizenships;
		this.#search = url.read();
	}

	get state(): UrlState {
		return this.parsed.state;
	}

	/** The query string of the state shown (which the site's links carry). */
	get search(): string {
		return this.#search;
	}

	/** Reads the URL again (after a navigation or a history step); a write still waiting is dropped. */
	sync(): void {
		this.#changes++;
		this.#search = this.#url.read();
	}

	/** Leaving the page: a write still waiting is dropped. */
	dispose(): void {
		this.#changes++;
	}

	/** A change from a control: shown at once, written to the URL when `defer` runs it. */
	change(change: Partial<UrlState>): void {
		const search = serializeUrlState(applyChange(this.state, change));
		this.#search = search;
		const { write, defer = (run) => run() } = this.#url;
		if (!write) return;
		const written = ++this.#changes;
		defer(() => {
			if (written === this.#changes) write(search);
		});
	}
}
