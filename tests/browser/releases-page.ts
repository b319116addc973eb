/** The releases page as the upload tests use it: opened once loaded, and the explorer reached from it. */
import { expect, type Page } from '@playwright/test';

/** `/releases`, once every bundled file is loaded. */
export async function openReleases(page: Page): Promise<void> {
	await page.goto('/releases');
	await expect(page.getByTestId('data-page')).toHaveAttribute('aria-busy', 'false', {
		timeout: 60_000
	});
}

/**
 * The explorer's headline value for a month, reached through the site's own link: the uploads
 * stay in this page's memory, which a reload would drop.
 */
export async function headlineFor(page: Page, month: string): Promise<string | null> {
	if (!page.url().endsWith('/') && !page.url().includes('/?'))
		await page.getByRole('link', { name: 'Explorer', exact: true }).click();
	await expect(page.getByTestId('ready')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('month-input').fill(month);
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-month', month);
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	return headline.getAttribute('data-value');
}
