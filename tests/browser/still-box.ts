/**
 * Figures are laid out as they near the view (content-visibility), so scrolling to one can move
 * it: a press aimed at where it was lands elsewhere. Pointer input waits until its box is still.
 */
import { expect, type Locator } from '@playwright/test';

/** Scrolls `target` into view and returns its box once two reads 100 ms apart agree. */
export async function stillBox(target: Locator) {
	await target.scrollIntoViewIfNeeded();
	let last = '';
	await expect
		.poll(async () => last === (last = JSON.stringify(await target.boundingBox())), {
			intervals: [100]
		})
		.toBe(true);
	return (await target.boundingBox())!;
}
