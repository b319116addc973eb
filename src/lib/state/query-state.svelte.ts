/**
 * The result of an async query that reruns when its inputs change. Each run gets a token; a
 * result that arrives after a newer run started is dropped, so a slow old query never
 * overwrites a fresh one.
 */
export class QueryState<T> {
	// Raw: results are replaced whole, never mutated, so deep proxies would only cost time.
	value = $state.raw<T | undefined>(undefined);
	error = $state<Error | null>(null);
	pending = $state(false);
	#token = 0;

	run(query: () => Promise<T>): void {
		const token = ++this.#token;
		this.pending = true;
		query().then(
			(value) => {
				if (token !== this.#token) return;
				this.value = value;
				this.error = null;
				this.pending = false;
			},
			(error: unknown) => {
				if (token !== this.#token) return;
				this.error = error instanceof Error ? error : new Error(String(error));
				this.pending = false;
			}
		);
	}
}
