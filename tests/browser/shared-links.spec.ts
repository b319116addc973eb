/**
 * Every shared link the benchmark times (bench/links.json) opened cold with every CSV held back:
 * its complete headline comes from the build-time results alone, with the numbers computed
 * straight from the CSVs (tests/helpers), and its figures are drawn.
 */
import { expect, test } from '@playwright/test';
import { latestCoveredMonth, nextMonth } from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { LINKED_STATES } from '../helpers/linked-states';
import { expectHeadline } from './expect-headline';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

for (const link of LINKED_STATES) {
	test(`${link.id} (${link.path}) is complete before any CSV arrives`, async ({ page }) => {
		const csvs: string[] = [];
		page.on('request', (r) => r.url().includes('.csv') && csvs.push(r.url()));
		await page.route('**/data/**/*.csv', () => {});
		await page.goto(`.${link.path}`);
		if ('embed' in link.meaning) {
			// One view the results answer: the embed loads no CSV at all.
			await expect(page.getByTestId('embed-ready')).toHaveAttribute('aria-busy', 'false');
			const month = latestCoveredMonth();
			const spec: FilterSpec = { components: ['usbp'], regions: ['southwest'], sectors: ['EPT'] };
			const row = page.locator('[data-testid=sector-table] tbody tr[data-sector=EPT]');
			await expect(row).toHaveAttribute('data-value', String(filteredTotal(month, spec)));
			await expect(row).toHaveAttribute(
				'data-baseline-value',
				String(filteredTotal(nextMonth(month, -12), spec))
			);
			expect(csvs).toEqual([]);
			return;
		}
		const { month: linked, spec } = link.meaning as { month: string | null; spec: FilterSpec };
		const month = linked ?? latestCoveredMonth();
		await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
		await expectHeadline(page, month, spec);
		await expect(page.locator('svg[data-testid="monthly-chart"] path[d]').first()).toBeVisible();
		await expect(page.getByTestId('loading')).toContainText(/\b0 of \d+ files ready/);
	});
}
