/** Percent change and its fixed text forms, shared by the headline, the sector table and tests. */

export function percentChange(value: number | null, baseline: number | null): number | null {
	if (value === null || baseline === null || baseline === 0) return null;
	return ((value - baseline) / baseline) * 100;
}

/** Two decimals, ASCII minus, no `%` (`-92.74`); empty when there is no change to state. */
export function changeAttribute(pct: number | null): string {
	return pct === null ? '' : pct.toFixed(2).replace(/^-0\.00$/, '0.00');
}
