/**
 * The filters and the month survive the site's own links (issue 13, item 8): from the explorer to
 * /releases or /about and back, the explorer shows the same view, with the CSVs' number.
 */
import { expect, test } from '@playwright/test';
import { usbpSouthwestTotal } from '../helpers/expected';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const nav = (page: import('@playwright/test').Page) =>
	page.getByRole('navigation', { name: 'Main' });

for (const other of ['Releases and revisions', 'About the data'])
	test(`a sector chosen in the explorer is still chosen after "${other}" and back`, async ({
		page
	}) => {
		await page.goto('/?month=2024-06');
		await expect(page.getByTestId('headline')).toHaveAttribute('data-month', '2024-06');
		// Chosen in the page (written with pushState), not opened as a link.
		await page.getByTestId('sector-table').getByRole('link', { name: 'Tucson' }).click();
		const tucson = usbpSouthwestTotal('2024-06', ['TCA'])!;
		await expect(page.getByTestId('headline')).toHaveAttribute('data-value', String(tucson));
		await expect(page).toHaveURL(/sector=TCA/);

		await nav(page).getByRole('link', { name: other }).click();
		await expect(page).toHaveURL(/\/(releases|about)\?.*sector=TCA/);
		await expect(page).toHaveURL(/month=2024-06/);
		await nav(page).getByRole('link', { name: 'Explorer' }).click();

		const headline = page.getByTestId('headline');
		await expect(headline).toHaveAttribute('data-month', '2024-06');
		await expect(headline).toHaveAttribute('data-value', String(tucson));
		await expect(page).toHaveURL(/sector=TCA/);
	});

test('a page opened with a query passes it to the explorer link', async ({ page }) => {
	await page.goto('/about?month=2023-09&sector=EPT');
	await nav(page).getByRole('link', { name: 'Explorer' }).click();
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-month', '2023-09');
	await expect(headline).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2023-09', ['EPT']))
	);
});
