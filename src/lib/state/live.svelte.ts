/**
 * A long-lived object whose fields change one by one. The explorer rebuilds its view and figure
 * context on every filter change; copied into live objects, only the fields that differ notify,
 * so Svelte re-runs just what reads them (a change of month leaves the monthly series, the sector
 * series and the charts drawn from them alone).
 */

/** How a field is compared: by identity, or by value (small objects rebuilt on every change). */
export type Sameness = 'identity' | 'value';

export interface Live<T extends object> {
	/** Reads each field reactively. */
	readonly value: T;
	/** Takes `next`'s fields where they differ from the current ones. */
	update(next: T): void;
}

export function live<T extends object>(
	initial: T,
	sameness: Partial<Record<keyof T, Sameness>> = {},
	nested: Partial<{ [K in keyof T]: Live<T[K] & object> }> = {}
): Live<T> {
	const value = {} as T;
	const setters = new Map<keyof T, (next: T[keyof T]) => void>();
	for (const key of Object.keys(initial) as (keyof T)[]) {
		const inner = nested[key];
		if (inner) {
			Object.defineProperty(value, key, { get: () => inner.value, enumerable: true });
			continue;
		}
		let field = $state.raw(initial[key]);
		Object.defineProperty(value, key, { get: () => field, enumerable: true });
		setters.set(key, (next) => {
			if (next === field) return;
			if (sameness[key] === 'value' && JSON.stringify(next) === JSON.stringify(field)) return;
			field = next;
		});
	}
	return {
		value,
		update(next) {
			for (const key of Object.keys(next) as (keyof T)[]) {
				const inner = nested[key];
				if (inner) inner.update(next[key] as T[keyof T] & object);
				else setters.get(key)?.(next[key]);
			}
		}
	};
}
