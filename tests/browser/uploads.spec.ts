/**
 * Uploads as a careful user (or an attacker) tries them: two files chosen at once, a sparse file,
 * a one-sector file, a copy of a bundled file, labels that used to blank the explorer, a large
 * file checked off the main thread and cancelled. Expected numbers come from the fixture CSVs and
 * `tests/helpers/expected.ts`, never from the app.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataPath, manifest, monthOfRow, readRows, usbpSouthwestTotal } from '../helpers/expected';
import { sharedPage } from './shared-page';
import { headlineFor, openReleases } from './releases-page';

// Tests that each open their own page may run on either worker (the suite's longest files end it).
test.describe.configure({ mode: 'parallel' });

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`);

const report = (page: Page, name: string) =>
	page.getByTestId('upload-report').filter({ has: page.getByRole('heading', { name }) });

async function confirm(page: Page, name: string) {
	const r = report(page, name);
	await expect(r).toHaveAttribute('data-status', 'planned');
	await r.getByTestId('upload-confirm').click();
	await expect(r).toHaveAttribute('data-status', 'loaded');
}

/** USBP Southwest total of a fixture for a month, summed here. */
function fixtureTotal(path: string, month: string): number {
	return readRows(`../tests/fixtures/${path}`)
		.rows.filter(
			(r) =>
				monthOfRow(r) === month &&
				r['Component'] === 'U.S. Border Patrol' &&
				r['Land Border Region'] === 'Southwest Land Border'
		)
		.reduce((sum, r) => sum + Number(r['Encounter Count']), 0);
}

test('two files chosen at once are each planned and loaded, and the explorer shows both', async ({
	page
}) => {
	await openReleases(page);
	await page.getByTestId('upload-input').setInputFiles([
		{ name: 'aor-sample.csv', mimeType: 'text/csv', buffer: fixture('upload/aor-sample.csv') },
		{
			name: 'sparse-two-rows.csv',
			mimeType: 'text/csv',
			buffer: fixture('bad/sparse-two-rows.csv')
		}
	]);
	await confirm(page, 'aor-sample.csv');
	await confirm(page, 'sparse-two-rows.csv');
	for (const name of ['aor-sample.csv', 'sparse-two-rows.csv'])
		await expect(report(page, name).getByTestId('reconciliation-ok')).toBeVisible();

	// July 2024 from the sample; September 2024 from the later upload (same release: a tie goes to
	// the upload loaded last); June 2024 untouched.
	expect(await headlineFor(page, '2024-07')).toBe(
		String(fixtureTotal('upload/aor-sample.csv', '2024-07'))
	);
	expect(await headlineFor(page, '2024-09')).toBe('60');
	expect(await headlineFor(page, '2024-06')).toBe(String(usbpSouthwestTotal('2024-06')));
});

test('the upload panel is usable at once: a file chosen while the bundled files load is checked, then planned', async ({
	page
}) => {
	// The largest bundled release is held back, so the page is still loading when the file comes.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/data/nationwide-encounters-fy21-fy24-aor.csv', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/releases');
	await expect(page.getByTestId('loading')).toBeVisible();
	await page.getByTestId('upload-input').setInputFiles({
		name: 'sparse-two-rows.csv',
		mimeType: 'text/csv',
		buffer: fixture('bad/sparse-two-rows.csv')
	});
	const r = report(page, 'sparse-two-rows.csv');
	await expect(r).toBeVisible();
	// Checked while the data load; its plan waits for every bundled file, then comes.
	await expect(page.getByTestId('loading')).toBeVisible();
	release();
	await expect(r).toHaveAttribute('data-status', 'planned', { timeout: 60_000 });
});

test('a file chosen before the page’s scripts have run is still checked', async ({ page }) => {
	// The picker is in the prerendered page: hold the app's scripts back while a file is chosen.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/releases', { waitUntil: 'commit' });
	await page.getByTestId('upload-input').setInputFiles({
		name: 'sparse-two-rows.csv',
		mimeType: 'text/csv',
		buffer: fixture('bad/sparse-two-rows.csv')
	});
	release();
	await expect(report(page, 'sparse-two-rows.csv')).toHaveAttribute('data-status', 'planned', {
		timeout: 60_000
	});
});

test('a sparse file’s plan lists only the months it holds, with totals before and after', async ({
	page
}) => {
	await openReleases(page);
	await page.getByTestId('upload-input').setInputFiles({
		name: 'sparse-two-rows.csv',
		mimeType: 'text/csv',
		buffer: fixture('bad/sparse-two-rows.csv')
	});
	const r = report(page, 'sparse-two-rows.csv');
	await expect(r).toHaveAttribute('data-status', 'planned');
	// The report reads in parts: what the file is, how it meets each loaded file, what it would change.
	await expect(r.getByRole('heading', { level: 4 })).toHaveText([
		'Against the files loaded now',
		'What loading it would change'
	]);
	const meets = await r.getByTestId('upload-overlap').locator('li').allInnerTexts();
	expect(meets.length).toBeGreaterThan(1);
	for (const line of meets) {
		// One sentence each, with its reason, and no brackets inside brackets.
		expect(line).toMatch(/^[^()]*(\([^()]*\)[^()]*)*$/);
		if (line.includes(' also covers ')) expect(line).toContain(', because ');
	}
	const rows = r.getByTestId('upload-plan-table').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	const format = (n: number) => n.toLocaleString('en-US');
	await expect(rows.nth(0)).toContainText('Oct 2019');
	await expect(rows.nth(0)).toContainText(format(usbpSouthwestTotal('2019-10')!));
	await expect(rows.nth(0)).toContainText('40');
	await expect(rows.nth(1)).toContainText('Sep 2024');
	await expect(rows.nth(1)).toContainText(format(usbpSouthwestTotal('2024-09')!));
	// It holds Tucson only: the other sectors would read 0, and the page says so before loading.
	await expect(r.getByTestId('upload-plan-warning')).toContainText('would read 0');
	await expect(r.getByTestId('upload-plan-warning')).toContainText('El Paso Sector');
	await r.getByTestId('upload-cancel').click();
	await expect(r).toHaveAttribute('data-status', 'cancelled');
	expect(await headlineFor(page, '2024-09')).toBe(String(usbpSouthwestTotal('2024-09')));
});

test.describe('files refused or cancelled, one after another on one loaded page', () => {
	const shared = sharedPage(openReleases);

	for (const [name, expected] of [
		['fy2099.csv', 'line 3, column "Fiscal Year"'],
		['rtl-override.csv', 'U+202E'],
		['noncharacter.csv', 'U+FFFF'],
		['no-letter-citizenship.csv', 'has no letter or digit']
	] as const)
		test(`${name} is refused with its line and column, and nothing hidden reaches the page`, async () => {
			const page = shared();
			await page.getByTestId('upload-input').setInputFiles({
				name,
				mimeType: 'text/csv',
				buffer: fixture(`bad/${name}`)
			});
			const r = report(page, name);
			await expect(r).toHaveAttribute('data-status', 'refused');
			await expect(r).toContainText(expected);
			expect(await page.locator('body').innerText()).not.toMatch(/[\u202e\ufffe\uffff]/);
		});

	test('a copy of a bundled file is recognised by its checksum and not loaded again', async () => {
		const page = shared();
		const derived = manifest().files.find((f) => f.layout === 'sector-derived')!;
		await page.getByTestId('upload-input').setInputFiles({
			name: 'copy.csv',
			mimeType: 'text/csv',
			buffer: readFileSync(dataPath(derived.path))
		});
		const r = report(page, 'copy.csv');
		await expect(r).toHaveAttribute('data-status', 'refused');
		await expect(r).toContainText('identical to');
	});

	test('a large file is checked off the main thread with progress, and can be cancelled', async () => {
		const page = shared();
		// About 40 MB, made here (never committed): every row valid.
		const header = readFileSync('tests/fixtures/bad/sparse-two-rows.csv', 'utf8').split('\n')[0];
		const lines = [header];
		for (let i = 0; i < 280_000; i++)
			lines.push(
				`2024,FYTD,JUN,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,CITIZENSHIP ${i},Title 8,Apprehensions,1`
			);
		const path = join(mkdtempSync(join(tmpdir(), 'bse-')), 'large.csv');
		writeFileSync(path, lines.join('\n'));
		await page.getByTestId('upload-input').setInputFiles(path);
		const r = report(page, 'large.csv');
		await expect(r.locator('progress')).toBeVisible();
		// The page answers while the file is checked: a click on Cancel is handled at once.
		await r.getByTestId('upload-cancel').click();
		await expect(r).toHaveAttribute('data-status', 'cancelled');
		await expect(r).toContainText('nothing was loaded');
	});
});

test('citizenship spellings that differ in case are one option, and the explorer still draws', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openReleases(page);
	await page.getByTestId('upload-input').setInputFiles({
		name: 'case-variants.csv',
		mimeType: 'text/csv',
		buffer: fixture('bad/case-variants.csv')
	});
	await confirm(page, 'case-variants.csv');
	await page.getByRole('link', { name: 'Explorer', exact: true }).click();
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false', {
		timeout: 60_000
	});
	const options = page.getByTestId('filter-citizenship').locator('option');
	await expect(options.filter({ hasText: /^MEXICO$/i })).toHaveCount(1);
	await expect(options.filter({ hasText: '中国' })).toHaveCount(1);
	expect(errors).toEqual([]);
});
