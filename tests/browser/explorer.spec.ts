/**
 * The explorer as a user drives it: filters through the UI and the URL, brush and click-to-filter,
 * back/forward, a phone-sized screen, keyboard use and an accessibility scan. Every number is
 * checked against totals computed independently from the CSVs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fiscalYearOfMonth, usbpSouthwestMonthlySeries } from '../helpers/expected';
import { allCoveredMonths, filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { expectHeadline } from './expect-headline';
import { stillBox } from './still-box';

/** `2015-01` as the app writes it in titles: `Jan 2015`. */
const shortMonth = (key: string) =>
	new Date(`${key}-01T00:00:00Z`).toLocaleString('en-US', {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});

const USBP_SW: FilterSpec = { components: ['usbp'], regions: ['southwest'] };

async function ready(page: Page) {
	await expect(page.getByTestId('ready')).toBeVisible();
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	// Figures out of view follow a change a frame later, busy until then.
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
}

test('?component=ofo&month=2024-06 gives OFO’s Southwest count against June 2023', async ({
	page
}) => {
	await page.goto('/?component=ofo&month=2024-06');
	await ready(page);
	await expectHeadline(page, '2024-06', { components: ['ofo'], regions: ['southwest'] });
	await expect(page.getByTestId('headline')).toContainText('Office of Field Operations');
	// OFO's record starts with the first fiscal year the CSVs hold for it, and the comparison says
	// so: no sentence claims the USBP series' October 1999 start.
	const first = `FY${fiscalYearOfMonth(allCoveredMonths({ components: ['ofo'], regions: ['southwest'] })[0])}`;
	const comparison = page.getByTestId('figure-comparison');
	await comparison.scrollIntoViewIfNeeded();
	await expect(comparison).toContainText(`The record starts with ${first}`);
	await expect(comparison).not.toContainText('1999');
});

test('choosing a component and a demographic in the filter panel updates the URL and the numbers', async ({
	page
}) => {
	await page.goto('/?month=2024-06');
	await ready(page);
	await page.getByTestId('filter-component').selectOption('all');
	await expect(page).toHaveURL(/component=all/);
	await expectHeadline(page, '2024-06', { components: ['usbp', 'ofo'], regions: ['southwest'] });
	await page.getByTestId('filter-demographic').selectOption('uc');
	await expect(page).toHaveURL(/demographic=uc/);
	await expectHeadline(page, '2024-06', {
		components: ['usbp', 'ofo'],
		regions: ['southwest'],
		demographic: 'uc'
	});
	await page.goBack();
	await expect(page).not.toHaveURL(/demographic/);
	await expectHeadline(page, '2024-06', { components: ['usbp', 'ofo'], regions: ['southwest'] });
	await page.goForward();
	await expect(page).toHaveURL(/demographic=uc/);
});

test('a sector and month range from the URL narrow every view', async ({ page }) => {
	await page.goto('/?sector=TCA&from=2021-01&to=2022-12');
	await ready(page);
	await expectHeadline(page, '2022-12', { ...USBP_SW, sectors: ['TCA'] });
	await expect(page.getByTestId('chart-selection')).toHaveAttribute('data-from', '2021-01');
	await expect(page.getByTestId('chart-selection')).toHaveAttribute('data-to', '2022-12');
	const tucson = page.getByTestId('small-multiples').locator('[data-code="TCA"]');
	await expect(tucson).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('sector-table').locator('tbody tr')).toHaveCount(1);
});

test('a filter the sources cannot answer says so and falls back to the months they can', async ({
	page
}) => {
	await page.goto('/?citizenship=mexico');
	await ready(page);
	await expectHeadline(page, '2024-09', { ...USBP_SW, citizenship: 'mexico' });
	await expect(page.getByTestId('coverage-notes')).toContainText('no citizenship breakdown');
});

test('brushing the monthly overview sets the month range in the URL and the chart draws it', async ({
	page
}) => {
	await page.goto('/?month=2024-06');
	await ready(page);
	const chart = page.getByTestId('monthly-overview');
	const box = await stillBox(chart);
	const y = box.y + box.height * 0.4;
	await page.mouse.move(box.x + box.width * 0.55, y);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
	await page.mouse.up();
	await expect(page).toHaveURL(/from=\d{4}-\d{2}&to=\d{4}-\d{2}/);
	const url = new URL(page.url());
	const from = url.searchParams.get('from')!;
	const to = url.searchParams.get('to')!;
	expect(from < to).toBe(true);
	await ready(page);
	const title = page.getByTestId('figure-small-multiples').locator('.subtitle');
	await expect(title).toContainText(shortMonth(from));
	// The chart itself draws the range: its subtitle names the URL's months.
	await expect(page.getByTestId('figure-monthly').locator('.subtitle')).toContainText(
		`${shortMonth(from)} – ${shortMonth(to)}`
	);
});

test('a from/to range zooms the monthly chart: the months of the URL, a y scale fitted to them', async ({
	page
}) => {
	await page.goto('/?month=2025-06&from=2015-01&to=2018-12');
	await ready(page);
	const monthly = page.getByTestId('figure-monthly');
	await monthly.scrollIntoViewIfNeeded();
	await expect(monthly.locator('.subtitle')).toContainText('Jan 2015 – Dec 2018');
	await expect(page).toHaveURL(/from=2015-01&to=2018-12/);
	const inRange = usbpSouthwestMonthlySeries().filter(
		(p) => p.month >= '2015-01' && p.month <= '2018-12'
	);
	const rangeMax = Math.max(...inRange.map((p) => p.value));
	const ticks = (await monthly.locator('svg[data-testid=monthly-chart] .tick').allTextContents())
		.map((t) => Number(t.replaceAll(',', '')))
		.filter((n) => Number.isFinite(n) && n >= 1000);
	const top = Math.max(...ticks);
	// The y scale fits the range (its top tick near the range's highest month), not the whole record.
	expect(top).toBeGreaterThanOrEqual(rangeMax / 2);
	expect(top).toBeLessThanOrEqual(rangeMax * 2);
	const overall = Math.max(...usbpSouthwestMonthlySeries().map((p) => p.value));
	expect(top).toBeLessThan(overall / 2);
	// The overview shows the chosen months as its selection.
	const selection = page.getByTestId('chart-selection');
	await expect(selection).toHaveAttribute('data-from', '2015-01');
	await expect(selection).toHaveAttribute('data-to', '2018-12');
	// Months before Title 42: no band is drawn, and no note explains one.
	await expect(monthly.locator('.band')).toHaveCount(0);
	await expect(monthly.getByText('Shaded: the Title 42 period')).toHaveCount(0);
	await page.goto('/?month=2025-06');
	await ready(page);
	await expect(
		page.getByTestId('figure-monthly').getByText('Shaded: the Title 42 period')
	).toHaveCount(1);
});

test('clicking a sector panel filters by it, and back undoes it', async ({ page }) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	await page.getByTestId('small-multiples').locator('[data-code="YUM"]').click();
	await expect(page).toHaveURL(/sector=YUM/);
	await expectHeadline(page, '2025-06', { ...USBP_SW, sectors: ['YUM'] });
	await page.goBack();
	await expectHeadline(page, '2025-06', USBP_SW);
});

test('clicking a stretch of the border map filters by its sector', async ({ page }) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	await page.getByTestId('border-map').locator('[data-code="RGV"]').first().click();
	await expect(page).toHaveURL(/sector=RGV/);
	await expectHeadline(page, '2025-06', { ...USBP_SW, sectors: ['RGV'] });
});

test('one choice of sectors is one URL, whichever control made it: west to east', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	// Rio Grande Valley first on the map, then San Diego on a small-multiples panel…
	await page.getByTestId('border-map').locator('[data-code="RGV"]').first().click();
	await expect(page).toHaveURL(/sector=RGV(&|$)/);
	await ready(page);
	await page.getByTestId('small-multiples').locator('[data-code="SDC"]').click();
	// …reads as San Diego, then Rio Grande Valley, as the filter panel's boxes would write it.
	await expect(page).toHaveURL(/sector=SDC%2CRGV(&|$)|sector=SDC,RGV(&|$)/);
	await expectHeadline(page, '2025-06', { ...USBP_SW, sectors: ['SDC', 'RGV'] });
});

test('keyboard only: a sector panel is reached with Tab and chosen with Enter', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	const panel = page.getByTestId('small-multiples').locator('[data-code="BBT"]');
	await panel.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/sector=BBT/);
	await expectHeadline(page, '2025-06', { ...USBP_SW, sectors: ['BBT'] });
});

test('how each view is drawn is part of the URL, so a link shows the same figures', async ({
	page
}) => {
	await page.goto('/?month=2025-06&measure=count&scale=independent&stack=percent&split=title');
	await ready(page);
	await expect(page.getByTestId('stacked-area-chart')).toHaveAttribute('data-mode', 'percent');
	await expect(page.getByTestId('split-title')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('radio', { name: 'Independent' })).toBeChecked();
	const mapButtons = page.getByTestId('figure-map').getByRole('group', { name: 'Map measure' });
	await expect(mapButtons.getByRole('button', { name: 'Count' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await mapButtons.getByRole('button', { name: 'Change from a year earlier' }).click();
	await expect(page).not.toHaveURL(/measure=/);
	await page.getByRole('radio', { name: 'Shared' }).check();
	await expect(page).not.toHaveURL(/scale=/);
});

test('the comparison builder keeps a chosen month until the headline month changes, then starts from it', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	const result = page.getByTestId('comparison-result');
	await expect(page.getByTestId('comparison-month')).toHaveValue('2025-06');
	await expect(result).toHaveAttribute('data-value', String(filteredTotal('2025-06', USBP_SW)));

	await page.getByTestId('comparison-month').fill('2023-12');
	await expect(result).toHaveAttribute('data-value', String(filteredTotal('2023-12', USBP_SW)));

	await page.getByTestId('month-input').fill('2024-06');
	await expectHeadline(page, '2024-06', USBP_SW);
	await expect(page.getByTestId('comparison-month')).toHaveValue('2024-06');
	await expect(result).toHaveAttribute('data-value', String(filteredTotal('2024-06', USBP_SW)));
	await expect(result).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal('2023-06', USBP_SW))
	);
});

test('a figure out of view follows a change after the frame and says it is busy until then', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	// Playwright's own observer says so once the page's observers have reported too.
	await expect(page.getByTestId('figure-comparison')).not.toBeInViewport();
	// Read the page in the same task as the change, right after the headline shows it: the
	// comparison (below the fold) still shows the old month, and says so with aria-busy.
	const seen = await page.evaluate(
		() =>
			new Promise<{ headline: string | null; month: string; busy: string | null }>(
				(resolve, reject) => {
					setTimeout(() => reject(new Error('the headline never showed 2024-06')), 10_000);
					const headline = document.querySelector('[data-testid=headline]')!;
					const comparison = document.querySelector('[data-testid=figure-comparison]')!;
					const month = comparison.querySelector<HTMLInputElement>(
						'[data-testid=comparison-month]'
					)!;
					new MutationObserver((_, observer) => {
						if (headline.getAttribute('data-month') !== '2024-06') return;
						observer.disconnect();
						resolve({
							headline: headline.getAttribute('data-month'),
							month: month.value,
							busy: comparison.parentElement!.getAttribute('aria-busy')
						});
					}).observe(headline, { attributes: true });
					const input = document.querySelector<HTMLInputElement>('[data-testid=month-input]')!;
					input.value = '2024-06';
					input.dispatchEvent(new Event('change', { bubbles: true }));
				}
			)
	);
	expect(seen).toEqual({ headline: '2024-06', month: '2025-06', busy: 'true' });
	await expect(page.getByTestId('comparison-month')).toHaveValue('2024-06');
	await expect(page.getByTestId('figure-comparison').locator('..')).toHaveAttribute(
		'aria-busy',
		'false'
	);
});

test('the map appears when the filter turns to USBP Southwest, and draws every sector', async ({
	page
}) => {
	await page.goto('/?component=ofo');
	await ready(page);
	await expect(page.getByTestId('figure-map')).toHaveCount(0);
	await page.getByTestId('filter-component').selectOption('usbp');
	await ready(page);
	const map = page.getByTestId('border-map');
	await map.scrollIntoViewIfNeeded();
	for (const code of ['SDC', 'TCA', 'RGV'])
		await expect(map.locator(`[data-code="${code}"]`).first()).toBeVisible();
});

test('on a 375 px phone nothing scrolls sideways', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/?month=2025-06');
	await ready(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

for (const path of ['/?month=2025-06', '/about']) {
	test(`axe finds no serious or critical violations on ${path}`, async ({ page }) => {
		await page.goto(path);
		if (path.startsWith('/?')) await ready(page);
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id}: ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(' | ')}`
			);
		expect(bad).toEqual([]);
	});
}

test('skip links bring the headline and each figure within a few Tabs, and the monthly readout into view', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 700 });
	await page.goto('/?month=2025-06');
	await ready(page);
	let tabs = 0;
	while (tabs < 8) {
		await page.keyboard.press('Tab');
		tabs++;
		if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Skip to the headline')
			break;
	}
	expect(tabs).toBeLessThan(8);
	await page.keyboard.press('Enter');
	await expect(page.locator('#headline-title')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('downloads-headline')).toBeFocused();

	await page.getByRole('link', { name: 'Skip to the map' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#map-title')).toBeFocused();
	await expect(page.locator('#map-title')).toBeInViewport();

	await page.getByTestId('monthly-chart').focus();
	await page.keyboard.press('Home');
	await expect(page.getByTestId('chart-tooltip')).toContainText('October 1999');
	await expect(page.getByTestId('chart-tooltip')).toBeInViewport();
});
