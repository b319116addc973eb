/**
 * Printed, the explorer reads like the article figures it holds (issue 13, item 10): no filters,
 * menus, hints or readouts, no card split across pages, and every figure on paper.
 */
import { expect, test } from '@playwright/test';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

test('printed, the page keeps its figures and drops its controls, and no card splits across pages', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
	await page.emulateMedia({ media: 'print' });

	for (const control of ['filters', 'downloads-headline', 'downloads-monthly', 'chart-tooltip'])
		await expect(page.getByTestId(control)).toBeHidden();
	await expect(page.getByText('Click a sector or field office to show it alone.')).toBeHidden();

	await expect(page.getByTestId('headline')).toBeVisible();
	for (const id of ['monthly', 'small-multiples', 'map', 'history', 'composition']) {
		const figure = page.getByTestId(`figure-${id}`);
		await expect(figure).toBeVisible();
		await expect(figure.locator('svg').first()).toBeVisible();
		expect(await figure.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
	}
	expect(await page.getByTestId('headline').evaluate((h) => getComputedStyle(h).breakInside)).toBe(
		'avoid'
	);

	const pdf = await page.pdf({ format: 'Letter' });
	// Each page object of the PDF: `/Type /Page` (not `/Pages`, the tree's root).
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
	expect(pages).toBeGreaterThanOrEqual(3);
	expect(pages).toBeLessThanOrEqual(12);
});
