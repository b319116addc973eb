/**
 * Mounts a page's heavy parts one per task. Drawing every figure in the first render is one
 * main-thread task long enough to hold up input; a figure per task keeps each task short, and
 * the first ones (the headline) appear sooner. Create it during component initialisation.
 */
export class Staged {
	count = $state(0);

	constructor(
		readonly total: number,
		ready: () => boolean
	) {
		$effect(() => {
			if (!ready() || this.done) return;
			const timer = setTimeout(() => this.count++, 0);
			return () => clearTimeout(timer);
		});
	}

	/** Every part is mounted. */
	get done(): boolean {
		return this.count >= this.total;
	}

	/** Whether part `index` (0-based, in page order) is mounted yet. */
	shows(index: number): boolean {
		return this.count > index;
	}
}
