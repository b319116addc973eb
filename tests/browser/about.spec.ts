/**
 * What a reader sees on `/about`: one row per file in data/manifest.json (read from disk here, not
 * through the app), each with its coverage and row count, derived files marked, and the Title 42
 * dates written out.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface ManifestEntry {
	id: string;
	derived: boolean;
	rows: number;
	coverage: { from: string; to: string };
}

const manifest: { files: ManifestEntry[] } = JSON.parse(
	readFileSync(new URL('../../data/manifest.json', import.meta.url), 'utf8')
);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2019-10` → `Oct 2019`, written independently of the app's formatters. */
function shortMonth(key: string): string {
	const [year, month] = key.split('-').map(Number);
	return `${MONTHS[month - 1]} ${year}`;
}

test.beforeEach(async ({ page }) => {
	await page.goto('/about');
});

test('the page is titled and has one h1', async ({ page }) => {
	await expect(page).toHaveTitle(/About/);
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
});

test('the sources table lists one row per manifest file', async ({ page }) => {
	const rows = page.getByTestId('sources-table').getByTestId('source-row');
	await expect(rows).toHaveCount(manifest.files.length);
	const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file-id')));
	expect(ids.sort()).toEqual(manifest.files.map((f) => f.id).sort());
});

test('each row shows its file coverage and row count', async ({ page }) => {
	for (const file of manifest.files) {
		const row = page.locator(`[data-testid="source-row"][data-file-id="${file.id}"]`);
		await expect(row.getByTestId('source-coverage')).toContainText(
			`${shortMonth(file.coverage.from)} – ${shortMonth(file.coverage.to)}`
		);
		await expect(row.getByTestId('source-rows')).toHaveText(file.rows.toLocaleString('en-US'));
	}
});

test('derived files are marked derived and raw files are not', async ({ page }) => {
	expect(manifest.files.some((f) => f.derived)).toBe(true);
	for (const file of manifest.files) {
		const kind = page
			.locator(`[data-testid="source-row"][data-file-id="${file.id}"]`)
			.getByTestId('source-kind');
		if (file.derived) await expect(kind).toContainText('Derived');
		else await expect(kind).not.toContainText('Derived');
	}
});

test('the Title 42 period is given as 21 March 2020 to 11 May 2023', async ({ page }) => {
	const period = page.getByTestId('title-42-period');
	await expect(period).toContainText('21 March 2020');
	await expect(period).toContainText('11 May 2023');
	await expect(period.locator('time[datetime="2020-03-21"]')).toHaveCount(1);
	await expect(period.locator('time[datetime="2023-05-11"]')).toHaveCount(1);
});

test('the citation example links to a month on this site', async ({ page }) => {
	const origin = new URL(page.url()).origin;
	await expect(page.getByTestId('citation-example')).toContainText(`${origin}/?month=`);
});

test('at 375 px the page does not scroll sideways; the table scrolls in its own box', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(pageWidth).toBeLessThanOrEqual(375);
	const box = page.getByRole('region', { name: /files the app reads/ });
	const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
		scrollWidth: el.scrollWidth,
		clientWidth: el.clientWidth
	}));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
});

test('the opening names the hand-transcribed file instead of claiming nothing is typed in', async ({
	page
}) => {
	const derived = manifest.files.filter((f) => f.derived && f.id.includes('sectors_fy2020'));
	expect(derived).toHaveLength(1);
	const lede = page.locator('.lede');
	await expect(lede).not.toContainText('Nothing is typed in');
	await expect(lede).toContainText('One file was typed in by hand');
	await expect(lede).toContainText((derived[0] as unknown as { label: string }).label);
});
