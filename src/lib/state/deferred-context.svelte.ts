/**
 * A figure's own copy of the page's figure context that follows it at once while the figure is
 * on screen, and in the idle time after the next frame while it is not. A filter change then
 * draws what the user sees first (the headline, the sector table, any chart in view); figures
 * out of view catch up one per idle callback right after, and say so with `stale` meanwhile.
 * Create it during component initialisation.
 */
import { untrack } from 'svelte';
import type { FigureContext } from './figure-context';
import { afterFrame } from './after-frame';
import { live, type Live } from './live.svelte';

/** Every field of the context read once: tracks them all, and copies them into plain objects. */
function fieldsOf(ctx: FigureContext): FigureContext {
	return { ...ctx, view: { ...ctx.view } };
}

export class DeferredContext {
	/** True while the figure shows an earlier state than the page. */
	stale = $state(false);
	/** Whether the figure is on screen (set by its element's intersection observer). */
	#visible = true;
	#pending: { cancelled: boolean } | null = null;
	#destroyed = false;
	readonly #copy: Live<FigureContext>;

	constructor(private readonly source: () => FigureContext) {
		const first = untrack(() => fieldsOf(source()));
		// The source already compares fields by value; its copies change only when it did.
		this.#copy = live(first, {}, { view: live(first.view) });
		$effect.pre(() => {
			const next = fieldsOf(source());
			untrack(() => {
				if (this.#visible) this.#apply(next);
				else this.#later();
			});
		});
		$effect(() => () => {
			this.#destroyed = true;
			this.#cancel();
		});
	}

	get current(): FigureContext {
		return this.#copy.value;
	}

	set visible(visible: boolean) {
		// An observer entry queued before the figure was destroyed can still arrive.
		if (this.#destroyed) return;
		this.#visible = visible;
		if (visible && this.stale) this.#apply(untrack(() => fieldsOf(this.source())));
	}

	#apply(next: FigureContext) {
		this.#cancel();
		this.#copy.update(next);
		this.stale = false;
	}

	/** After the frame that shows the figures in view. */
	#later() {
		this.stale = true;
		if (this.#pending) return;
		const run = (this.#pending = { cancelled: false });
		afterFrame(() => {
			if (run.cancelled) return;
			this.#pending = null;
			this.#apply(untrack(() => fieldsOf(this.source())));
		});
	}

	#cancel() {
		if (this.#pending) this.#pending.cancelled = true;
		this.#pending = null;
	}
}
