/**
 * `per=day` changes every figure, not only some (issue 13, item 2): the headline's sentence and
 * numbers, the sector table, the map, the small multiples, the long history and the comparison
 * show averages per day with separators and one decimal, computed here from the CSVs. February
 * 2024 (29 days) against February 2023 (28 days): the change of the averages is not the change of
 * the counts.
 */
import { expect, test } from '@playwright/test';
import {
	usbpSouthwestBySector,
	usbpSouthwestMonthlySeries,
	usbpSouthwestTotal
} from '../helpers/expected';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const oneDecimal = (n: number) =>
	n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONTH = '2024-02';
const BASELINE = '2023-02';
const DAYS = 29;
const BASELINE_DAYS = 28;

test('?per=day: the headline says "an average of … per day" with the CSVs’ averages and their change', async ({
	page
}) => {
	await page.goto(`/?per=day&month=${MONTH}`);
	const value = usbpSouthwestTotal(MONTH)! / DAYS;
	const baseline = usbpSouthwestTotal(BASELINE)! / BASELINE_DAYS;
	const change = ((value - baseline) / baseline) * 100;
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-month', MONTH);
	await expect(headline.locator('h2')).toHaveText(
		`U.S. Border Patrol recorded an average of ${oneDecimal(value)} encounters per day at the Southwest land border in February 2024, ${change < 0 ? 'down' : 'up'} ${Math.abs(change).toFixed(1)}% from ${oneDecimal(baseline)} per day in February 2023.`
	);
	await expect(page.getByTestId('headline-value')).toHaveText(oneDecimal(value));
	await expect(page.getByTestId('headline-baseline')).toHaveText(oneDecimal(baseline));

	const bySector = usbpSouthwestBySector(MONTH)!;
	const baselineBySector = usbpSouthwestBySector(BASELINE)!;
	const tucson = page.getByTestId('sector-table').locator('tr[data-sector="TCA"] td');
	await expect(tucson.nth(0)).toHaveText(oneDecimal(baselineBySector.get('TCA')! / BASELINE_DAYS));
	await expect(tucson.nth(1)).toHaveText(oneDecimal(bySector.get('TCA')! / DAYS));
});

test('?per=day: the map, the small multiples and the long history show averages per day', async ({
	page
}) => {
	await page.goto(`/?per=day&month=${MONTH}&measure=count`);
	const bySector = usbpSouthwestBySector(MONTH)!;
	const top = [...bySector].reduce((a, b) => (b[1] > a[1] ? b : a));
	const total = [...bySector.values()].reduce((a, b) => a + b, 0);

	const map = page.getByTestId('figure-map');
	await map.scrollIntoViewIfNeeded();
	await expect(map.locator('h2')).toContainText(
		`had the most U.S. Border Patrol encounters per day (monthly average) in Feb 2024: ${oneDecimal(top[1] / DAYS)} of ${oneDecimal(total / DAYS)}`
	);
	await expect(map.locator(`[data-code="${top[0]}"][role=button]`)).toHaveAttribute(
		'aria-label',
		new RegExp(`: ${oneDecimal(top[1] / DAYS).replace('.', '\\.')}$`)
	);

	const multiples = page.getByTestId('figure-small-multiples');
	await multiples.scrollIntoViewIfNeeded();
	const panel = multiples.locator(`button[data-code="${top[0]}"] .latest`);
	await expect(panel).toContainText(`${oneDecimal(top[1] / DAYS)} Feb 2024`);

	const history = page.getByTestId('figure-history');
	await history.scrollIntoViewIfNeeded();
	// The peak's average per day: one decimal, with separators.
	await expect(history.locator('h2')).toHaveText(
		/by fiscal year \(average per day\): the peak was FY\d{4} \(\d{1,3}(,\d{3})*\.\d\)$/
	);
});

test('?per=day: the comparison compares averages per day, in its sentence, numbers and table', async ({
	page
}) => {
	// FY2024 (366 days: February 2024 is in it) against FY2023 (365), from the CSVs.
	const sumOf = (from: string, to: string) =>
		usbpSouthwestMonthlySeries()
			.filter((p) => p.month >= from && p.month <= to)
			.reduce((sum, p) => sum + p.value, 0);
	const value = sumOf('2023-10', '2024-09') / 366;
	const baseline = sumOf('2022-10', '2023-09') / 365;
	const change = ((value - baseline) / baseline) * 100;
	await page.goto('/?per=day&compare=2024');
	const figure = page.getByTestId('figure-comparison');
	await figure.scrollIntoViewIfNeeded();
	await expect(figure.locator('h2').first()).toHaveText(
		`An average of ${oneDecimal(value)} U.S. Border Patrol encounters at the Southwest land border per day in FY2024, ${Math.abs(change).toFixed(1)}% ${change < 0 ? 'fewer' : 'more'} than in FY2023 (${oneDecimal(baseline)} per day).`
	);
	const result = figure.getByTestId('comparison-result');
	await expect(result.locator('.big').nth(0)).toHaveText(oneDecimal(value));
	await expect(result.locator('.big').nth(1)).toHaveText(oneDecimal(baseline));
	const total = figure.locator('tfoot td.num');
	await expect(total.nth(0)).toHaveText(oneDecimal(baseline));
	await expect(total.nth(1)).toHaveText(oneDecimal(value));
});

test('?per=day: the monthly chart reads each month as its average per day, one decimal', async ({
	page
}) => {
	await page.goto(`/?per=day&month=${MONTH}&from=${BASELINE}&to=${MONTH}`);
	const chart = page.getByTestId('monthly-chart');
	await expect(chart).toBeVisible();
	await chart.focus();
	const readout = page.getByTestId('chart-tooltip');
	await page.keyboard.press('Home');
	await expect(readout).toContainText('February 2023');
	await expect(readout).toContainText(oneDecimal(usbpSouthwestTotal(BASELINE)! / BASELINE_DAYS));
	await page.keyboard.press('End');
	await expect(readout).toContainText('February 2024');
	await expect(readout).toContainText(oneDecimal(usbpSouthwestTotal(MONTH)! / DAYS));
});
