/**
 * A function that hands back a previous result while it is called with the same arguments
 * (`===`). Figures derive their chart rows through one: a filter change that leaves a figure's
 * inputs as they were (cached query results are the same arrays) then gives its chart the same
 * rows, and Svelte skips the chart's layout and redraw. It keeps the last `size` results, so
 * calls for other inputs in between (a state computed ahead) do not push out the one shown.
 */
export function memo<A extends unknown[], R>(
	compute: (...args: A) => R,
	size = 1
): (...args: A) => R {
	// Most recently used first.
	const recent: { args: A; result: R }[] = [];
	return (...args: A): R => {
		const i = recent.findIndex(
			(entry) => args.length === entry.args.length && args.every((a, j) => a === entry.args[j])
		);
		const entry = i >= 0 ? recent.splice(i, 1)[0] : { args, result: compute(...args) };
		recent.unshift(entry);
		recent.length = Math.min(recent.length, size);
		return entry.result;
	};
}
