/**
 * A phone (375 px, touch) shows what a desktop shows (issue 13, item 9): a tap on the monthly
 * chart reads the month under it, and the comparison's contributions table says it scrolls.
 */
import { expect, test } from '@playwright/test';
import { usbpSouthwestMonthlySeries } from '../helpers/expected';
import { forbidOtherOrigins } from './no-other-origins';
import { stillBox } from './still-box';

forbidOtherOrigins(test);
test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });

test('a tap on the monthly chart reads the month under it, with the CSVs’ number', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	const chart = page.getByTestId('monthly-chart');
	const box = await stillBox(chart);
	await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
	const tooltip = page.getByTestId('chart-tooltip');
	await expect(tooltip.locator('strong')).toHaveText(/^[A-Z][a-z]+ \d{4}$/);
	const shown = (await tooltip.locator('strong').textContent())!;
	const month = new Date(`${shown} 1 UTC`);
	const key = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
	const value = usbpSouthwestMonthlySeries().find((p) => p.month === key)!.value;
	await expect(tooltip).toContainText(value.toLocaleString('en-US'));
	// Still read once the finger has lifted.
	await page.waitForTimeout(300);
	await expect(tooltip.locator('strong')).toHaveText(shown);
});

test('the comparison’s contributions table, wider than a phone, says it scrolls', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	const table = page.getByTestId('comparison-contributions');
	await table.scrollIntoViewIfNeeded();
	const overflows = await table.evaluate((t) => {
		const wrap = t.parentElement!;
		return wrap.scrollWidth > wrap.clientWidth + 1;
	});
	expect(overflows).toBe(true);
	await expect(page.getByTestId('comparison-scroll-cue')).toBeVisible();
});
