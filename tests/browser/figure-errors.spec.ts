/**
 * One figure's statement fails; the rest of the page works. The long-history figure's stored
 * results are unreachable and so are the CSVs, so nothing can answer its statement: it says so
 * in its own frame, while the headline and every other figure are drawn from the build-time
 * results with the CSVs' numbers.
 */
import { expect, test } from '@playwright/test';
import { latestCoveredMonth } from '../helpers/expected';
import { expectHeadline } from './expect-headline';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

test('a figure whose statement fails shows the error in its own frame; the others draw', async ({
	page
}) => {
	await page.route('**/results/*.json', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		// The annual history's statement reads the `annual_history` table; no other one does.
		if (body.includes('annual_history')) return route.fulfill({ status: 500, body: 'broken' });
		return route.fulfill({ response, body });
	});
	await page.route('**/data/**/*.csv', (route) => route.fulfill({ status: 404, body: '' }));
	await page.goto('/');

	const failed = page.getByTestId('figure-error-history');
	await failed.scrollIntoViewIfNeeded();
	await expect(failed).toContainText('This figure could not be computed');
	await expect(failed).toContainText('could not be loaded');
	await expect(page.getByTestId('figure-history')).toHaveCount(0);

	await expectHeadline(page, latestCoveredMonth(), {
		components: ['usbp'],
		regions: ['southwest']
	});
	for (const id of ['sectors', 'monthly', 'small-multiples', 'comparison', 'map', 'composition']) {
		const figure = page.getByTestId(`figure-${id}`);
		await figure.scrollIntoViewIfNeeded();
		await expect(figure.locator('svg, table').first()).toBeVisible();
	}
	await expect(page.locator('[data-testid^=figure-error-]')).toHaveCount(1);
});
