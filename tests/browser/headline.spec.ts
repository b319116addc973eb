/**
 * What a reader sees on `/`: the headline and sector numbers, checked against values computed
 * independently from the CSVs (tests/helpers/expected.ts), never against the app's own SQL.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	SOUTHWEST_SECTOR_CODES,
	southwestComponentTotal,
	latestCoveredMonth,
	nextMonth,
	usbpSouthwestBySector,
	usbpSouthwestTotal
} from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

async function headlineOf(page: Page) {
	const headline = page.getByTestId('headline');
	// Ready and no longer busy: the view is final (from every file, or the build-time results).
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	return {
		month: await headline.getAttribute('data-month'),
		baselineMonth: await headline.getAttribute('data-baseline-month'),
		value: await headline.getAttribute('data-value'),
		baselineValue: await headline.getAttribute('data-baseline-value'),
		changePct: await headline.getAttribute('data-change-pct')
	};
}

/** Holds back the responses for `pattern` until the returned function is called. */
async function holdBack(page: Page, pattern: string): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route(pattern, async (route) => {
		await held;
		await route.continue();
	});
	return () => release();
}

function expectedChange(value: number, baseline: number): string {
	return (((value - baseline) / baseline) * 100).toFixed(2);
}

/** The headline's data attributes for a month against a year earlier, computed from the CSVs. */
function expectedHeadline(month: string, sectors?: string[]) {
	const baselineMonth = nextMonth(month, -12);
	const value = usbpSouthwestTotal(month, sectors)!;
	const baselineValue = usbpSouthwestTotal(baselineMonth, sectors)!;
	return {
		month,
		baselineMonth,
		value: String(value),
		baselineValue: String(baselineValue),
		changePct: expectedChange(value, baselineValue)
	};
}

test('the default view shows the latest covered month against a year earlier', async ({ page }) => {
	await page.goto('/');
	expect(await headlineOf(page)).toEqual(expectedHeadline(latestCoveredMonth()));
	await expect(page.getByTestId('derived-tag')).toBeVisible();
});

test('the default view is drawn from the build-time results before any CSV arrives; a view they do not hold waits for the engine', async ({
	page
}) => {
	const release = await holdBack(page, '**/data/**/*.csv');
	await page.goto('/');
	expect(await headlineOf(page)).toEqual(expectedHeadline(latestCoveredMonth()));
	await expect(page.locator('svg[data-testid="monthly-chart"] path[d]').first()).toBeVisible();
	await expect(page.getByTestId('loading')).toContainText(/\b0 of \d+ files ready/);

	// Another month of the default filter is answered by them too, and so is a sector.
	await page.getByTestId('month-input').fill('2025-06');
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06'));
	await page.locator('[data-testid=sector-table] tbody tr[data-sector=TCA] a').click();
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06', ['TCA']));
	await expect(page.getByTestId('loading')).toContainText(/\b0 of \d+ files ready/);

	// A sector's composition by title is not stored: that figure alone stays busy until the
	// files are in.
	await page.getByTestId('split-title').click();
	await expect(page.getByTestId('slot-composition')).toHaveAttribute('aria-busy', 'true');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	release();
	await expect(page.getByTestId('slot-composition')).toHaveAttribute('aria-busy', 'false');
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06', ['TCA']));
	await expect(page.getByTestId('loading')).toHaveCount(0);
});

test('a shared link to a month of the default filter shows its numbers before any CSV arrives', async ({
	page
}) => {
	await holdBack(page, '**/data/**/*.csv');
	await page.goto('/?month=2025-06');
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06'));
	await expect(page.getByTestId('loading')).toContainText(/\b0 of \d+ files ready/);
});

test('June 2025 reads 6,066 against 83,532 with every sector beside it, west to east', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	const value = usbpSouthwestTotal('2025-06')!;
	const baselineValue = usbpSouthwestTotal('2024-06')!;
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06'));
	await expect(page.getByTestId('headline-value')).toHaveText(value.toLocaleString('en-US'));
	await expect(page.getByTestId('headline-change')).toHaveText(
		`−${Math.abs(((value - baselineValue) / baselineValue) * 100).toFixed(1)}%`
	);

	const june2025 = usbpSouthwestBySector('2025-06')!;
	const june2024 = usbpSouthwestBySector('2024-06')!;
	const rows = page.getByTestId('sector-table').locator('tbody tr');
	await expect(rows).toHaveCount(SOUTHWEST_SECTOR_CODES.length);
	const shown = await rows.evaluateAll((trs) =>
		trs.map((tr) => ({
			code: tr.getAttribute('data-sector'),
			value: Number(tr.getAttribute('data-value')),
			baseline: Number(tr.getAttribute('data-baseline-value'))
		}))
	);
	expect(shown.map((r) => r.code)).toEqual(SOUTHWEST_SECTOR_CODES);
	for (const row of shown) {
		expect(row.value, row.code!).toBe(june2025.get(row.code!) ?? 0);
		expect(row.baseline, row.code!).toBe(june2024.get(row.code!) ?? 0);
	}
	expect(shown.reduce((a, r) => a + r.value, 0)).toBe(value);
	await expect(rows.filter({ hasText: 'Big Bend' })).toContainText('−27.4%');
	await expect(rows.filter({ hasText: 'San Diego' })).toContainText('−96.5%');
});

test('?sector=TCA narrows the headline and sector table to Tucson', async ({ page }) => {
	await page.goto('/?month=2025-06&sector=TCA');
	expect(await headlineOf(page)).toEqual(expectedHeadline('2025-06', ['TCA']));
	await expect(page.getByTestId('sector-table').locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId('headline')).toContainText('Tucson Sector');
});

test('bad URL values fall back to defaults with a visible notice', async ({ page }) => {
	await page.goto('/?month=2025-13&sector=XYZ');
	const latest = latestCoveredMonth();
	expect((await headlineOf(page)).month).toBe(latest);
	await expect(page.getByTestId('notices')).toContainText('2025-13');
	await expect(page.getByTestId('notices')).toContainText('XYZ');
});

test('a month no source covers falls back to the latest month with a notice', async ({ page }) => {
	await page.goto('/?month=1990-01');
	expect((await headlineOf(page)).month).toBe(latestCoveredMonth());
	await expect(page.getByTestId('notices')).toContainText(
		'No source answers this filter for January 1990'
	);
});

test('the monthly chart spans FY2000 to the latest month and reads months by keyboard', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	const chart = page.getByTestId('monthly-chart');
	await expect(chart).toBeVisible();
	await chart.focus();
	await page.keyboard.press('Home');
	await expect(page.getByTestId('chart-tooltip')).toContainText('October 1999');
	await expect(page.getByTestId('chart-tooltip')).toContainText(
		usbpSouthwestTotal('1999-10')!.toLocaleString('en-US')
	);
	await page.keyboard.press('End');
	const latest = latestCoveredMonth();
	await expect(page.getByTestId('chart-tooltip')).toContainText(
		usbpSouthwestTotal(latest)!.toLocaleString('en-US')
	);
});

test('choosing a month and a sector through the controls updates the URL and the numbers', async ({
	page
}) => {
	await page.goto('/');
	await headlineOf(page);
	await page.getByTestId('month-input').fill('2024-06');
	await page.getByTestId('month-input').dispatchEvent('change');
	await expect(page).toHaveURL(/\?month=2024-06$/);
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2024-06'))
	);
	await page
		.getByTestId('filters')
		.locator('details', { hasText: 'Southwest land border' })
		.getByRole('checkbox', { name: 'El Paso' })
		.check();
	await expect(page).toHaveURL(/sector=EPT&month=2024-06/);
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2024-06', ['EPT']))
	);
	await page.goBack();
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2024-06'))
	);
});

test('CBP’s own Southwest file is shown beside the sector sum, with the difference', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	const own = southwestComponentTotal('2025-06', 'usbp')!;
	const sum = usbpSouthwestTotal('2025-06')!;
	const note = page.getByTestId('component-note');
	await expect(note).toContainText(own.toLocaleString('en-US'));
	await expect(note).toContainText(`${Math.abs(own - sum)} ${own > sum ? 'more' : 'fewer'}`);
});

test('a data file that fails to load gives a clear error naming it, not a blank page', async ({
	page
}) => {
	await page.route('**/data/sbo-encounters-fy22-fy25-aug.csv', (route) =>
		route.fulfill({ status: 404, body: 'missing' })
	);
	await page.goto('/');
	const error = page.getByTestId('load-error');
	await expect(error).toBeVisible();
	await expect(error).toContainText('sbo-encounters-fy22-fy25-aug.csv');
	await expect(error).toContainText('404');
});

test('loading shows progress in files and bytes', async ({ page }) => {
	// Hold one file back so the loading state stays on screen long enough to read.
	const release = await holdBack(page, '**/data/nationwide-encounters-fy21-fy24-aor.csv');
	await page.goto('/');
	const loading = page.getByTestId('loading');
	await expect(loading).toContainText(/\d+ of \d+ files ready/);
	await expect(loading).toContainText(/MB of [\d.]+ MB/);
	release();
	await expect(page.getByTestId('ready')).toBeVisible();
});

test('a phone-sized screen shows the headline without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('headline')).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2025-06'))
	);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone the headline comes first, on the first screen, and the filters fold under one line', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/?month=2025-06&sector=TCA');
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute(
		'data-value',
		String(usbpSouthwestTotal('2025-06', ['TCA']))
	);
	const sentence = (await headline.locator('h2').boundingBox())!;
	const filters = (await page.getByTestId('filters').boundingBox())!;
	expect(sentence.y).toBeLessThan(filters.y);
	expect(sentence.y + sentence.height).toBeLessThan(800);
	// Folded: one line naming the filter; the controls show when it is opened.
	const fold = page.getByTestId('filters-fold');
	await expect(fold.locator(':scope > summary')).toContainText('Tucson');
	await expect(page.getByTestId('filter-component')).toBeHidden();
	await fold.locator(':scope > summary').click();
	await expect(page.getByTestId('filter-component')).toBeVisible();
});

test('while the large releases load, a month they supply says "still loading", never a wrong number', async ({
	page
}) => {
	const release = await holdBack(page, '**/data/nationwide-encounters-fy21-fy24-aor.csv');
	// Two breakdowns at once are not in the build-time results: the engine answers, with the
	// files it has, and June 2024 is in the one held back.
	await page.goto('/?month=2024-06&demographic=single-adults&title=8');
	const headline = page.getByTestId('headline');
	await expect(headline).toContainText('June 2024 is still loading');
	await expect(headline).toHaveAttribute('data-value', '');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'true');
	release();
	const spec: FilterSpec = {
		components: ['usbp'],
		regions: ['southwest'],
		demographic: 'single-adults',
		title: '8'
	};
	await expect(headline).toHaveAttribute('data-value', String(filteredTotal('2024-06', spec)));
	await expect(headline).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal('2023-06', spec))
	);
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
});
