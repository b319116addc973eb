/**
 * The state dimension (issue 12): `state=` links, the filter panel's states, and the figure of
 * encounters by state. Only CBP's state releases count by state (USBP and OFO together); every
 * number is computed from the CSVs by tests/helpers/expected-filters.ts.
 */
import { expect, test } from '@playwright/test';
import { chosenFile, manifest, nextMonth } from '../helpers/expected';
import { filteredByState, filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const ALL: FilterSpec = {
	components: ['usbp', 'ofo'],
	regions: ['southwest', 'northern', 'other']
};
const labelOf = (path: string) =>
	(manifest().files.find((f) => f.path === path) as unknown as { label: string }).label;

test('a state link shows that state’s encounters against a year earlier, from the state release', async ({
	page
}) => {
	const spec: FilterSpec = { ...ALL, states: ['TX'] };
	await page.goto('/?state=TX&month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-month', '2025-06');
	await expect(headline).toHaveAttribute('data-value', String(filteredTotal('2025-06', spec)));
	await expect(headline).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal('2024-06', spec))
	);
	await expect(headline).toContainText('in Texas');
	const scopes = ALL.components.flatMap((c) =>
		ALL.regions.map((r) => [c, r] as [typeof c, typeof r])
	);
	await expect(headline.locator('.source')).toContainText(
		labelOf(chosenFile('2025-06', scopes, ['state'])!)
	);
	await expect(page.getByTestId('notices')).toHaveCount(0);
	// The filter panel shows the choice.
	const states = page.getByTestId('filter-group-states');
	await expect(states.getByRole('checkbox', { name: 'Texas' })).toBeChecked();
	await expect(page.getByTestId('filter-component')).toHaveValue('all');
});

test('the figure ranks every state by the headline month, with its table, and a click filters', async ({
	page
}) => {
	const month = '2025-06';
	const baseline = nextMonth(month, -12);
	await page.goto(`/?component=all&region=all&month=${month}`);
	const figure = page.getByTestId('figure-states');
	await figure.scrollIntoViewIfNeeded();
	const now = filteredByState(month, ALL)!;
	const before = filteredByState(baseline, ALL)!;
	// Ties broken as the figure breaks them: by the year-earlier count.
	const ranked = [...now].sort(
		(a, b) => b[1] - a[1] || (before.get(b[0]) ?? 0) - (before.get(a[0]) ?? 0)
	);
	const rows = figure.getByTestId('states-chart').locator('tbody tr');
	await expect(rows).toHaveCount(Math.min(15, new Set([...now.keys(), ...before.keys()]).size));
	for (const [i, [code, value]] of ranked.slice(0, 15).entries()) {
		await expect(rows.nth(i)).toHaveAttribute('data-sector', code);
		await expect(rows.nth(i)).toHaveAttribute('data-value', String(value));
		await expect(rows.nth(i)).toHaveAttribute('data-baseline-value', String(before.get(code) ?? 0));
	}
	const total = ranked.reduce((a, [, v]) => a + v, 0);
	await expect(figure.locator('h2')).toContainText(
		`had the most CBP (USBP and OFO) encounters nationwide in Jun 2025: ${ranked[0][1].toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
	);
	// The data table lists every state with a count in either month.
	await figure.getByText('Show the data table').click();
	await expect(figure.getByTestId('states-table').locator('tbody tr')).toHaveCount(
		new Set([...now.keys(), ...before.keys()]).size
	);
	// A click on a state shows it alone.
	const top = ranked[0][0];
	await rows.first().getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`[?&]state=${top}(&|$)`));
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(filteredTotal(month, { ...ALL, states: [top] }))
	);
});

test('choosing a state in the filter panel shows both components in every region', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	const states = page.getByTestId('filter-group-states');
	await states.locator('summary').click();
	await states.getByRole('checkbox', { name: 'Arizona' }).check();
	await expect(page).toHaveURL(/[?&]state=AZ(&|$)/);
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(filteredTotal('2025-06', { ...ALL, states: ['AZ'] }))
	);
	await expect(page.getByTestId('filter-component')).toHaveValue('all');
	await expect(page.getByTestId('filter-region')).toHaveValue('all');
});

test('USBP alone has no state figure; a link that mixes a sector and a state says why', async ({
	page
}) => {
	await page.goto('/?sector=TCA&state=AZ');
	await expect(page.getByTestId('notices')).toContainText(
		'no CBP file counts sectors or field offices by state'
	);
	await expect(page.getByTestId('figure-states')).toHaveCount(0);
});

test('an embed of the states figure with a state', async ({ page }) => {
	await page.goto('/embed?view=states&state=TX&month=2025-06');
	const figure = page.getByTestId('figure-states');
	await expect(figure.locator('tr.selected')).toHaveAttribute('data-sector', 'TX');
	await expect(figure.locator('tr.selected')).toHaveAttribute(
		'data-value',
		String(filteredByState('2025-06', ALL)!.get('TX'))
	);
});
