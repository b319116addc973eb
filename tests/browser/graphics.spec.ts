/**
 * What the charts draw agrees with what they say (issue 13, item 6): a partial fiscal year is
 * hatched as the legend explains, the map legend never goes below −100% and its labels do not
 * collide, and no source label under the long history is crossed by a bracket.
 */
import { expect, test, type Locator } from '@playwright/test';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

type Box = { x: number; y: number; width: number; height: number };
/** Whether two boxes share more than a hairline (text boxes include the font's line gap). */
const overlap = (a: Box, b: Box, by = 0.5) =>
	a.x + by < b.x + b.width &&
	b.x + by < a.x + a.width &&
	a.y + by < b.y + b.height &&
	b.y + by < a.y + a.height;
/** Each element's box as the page lays it out (a path's geometry, without its stroke's joins). */
const boxes = (locator: Locator): Promise<Box[]> =>
	locator.evaluateAll((elements) =>
		elements.map((e) => {
			const { x, y, width, height } = e.getBoundingClientRect();
			return { x, y, width, height };
		})
	);

test('the long history hatches its partial year and keeps its source labels clear of brackets', async ({
	page
}) => {
	await page.goto('/');
	const history = page.getByTestId('figure-history');
	await history.scrollIntoViewIfNeeded();
	const partial = history.locator('g.bar[data-partial] rect.hatched');
	await expect(partial).toHaveCount(1);
	expect(await partial.evaluate((r) => getComputedStyle(r).fill)).toMatch(/^url\(/);

	const labels = await boxes(history.locator('g.segment text'));
	const brackets = await boxes(history.locator('g.segment path'));
	expect(labels.length).toBeGreaterThan(1);
	for (const label of labels)
		for (const bracket of brackets)
			expect(overlap(label, bracket), JSON.stringify({ label, bracket })).toBe(false);
});

for (const width of [1280, 375])
	test(`at ${width} px the map legend runs from −100% at most and its labels do not collide`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		// June 2025: El Centro rose more than 100% (so the scale reaches past +100%).
		await page.goto('/?month=2025-06');
		const map = page.getByTestId('figure-map');
		await map.scrollIntoViewIfNeeded();
		const ticks = map.locator('.legend svg.ramp text');
		await expect(ticks.first()).toBeVisible();
		const texts = await ticks.allTextContents();
		for (const text of texts) {
			const value = Number(text.replace('−', '-').replace(/[+%]/g, ''));
			expect(value, text).toBeGreaterThanOrEqual(-100);
		}
		const drawn = await boxes(ticks);
		for (let i = 1; i < drawn.length; i++) expect(overlap(drawn[i - 1], drawn[i])).toBe(false);
	});
