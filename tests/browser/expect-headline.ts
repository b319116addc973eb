/** The headline shows a filter's month against a year earlier, as computed from the CSVs. */
import { expect, type Page } from '@playwright/test';
import { nextMonth } from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';

export async function expectHeadline(page: Page, month: string, spec: FilterSpec) {
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-month', month);
	await expect(headline).toHaveAttribute('data-value', String(filteredTotal(month, spec)));
	await expect(headline).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal(nextMonth(month, -12), spec))
	);
}
