/**
 * Releases page: uploads are checked row by row and loaded all-or-nothing, every bundled row is
 * accounted for, and what CBP revised is stated as a finding.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { usbpSouthwestTotal } from '../helpers/expected';
import { sharedPage } from './shared-page';
import { headlineFor, openReleases } from './releases-page';

// Tests that each open their own page may run on either worker (the suite's longest files end it).
test.describe.configure({ mode: 'parallel' });

const upload = (page: Page, name: string, buffer: Buffer) =>
	page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('a valid release is loaded and reconciled to the unit', async ({ page }) => {
	await openReleases(page);
	await upload(page, 'aor-sample.csv', readFileSync('tests/fixtures/upload/aor-sample.csv'));
	const report = page.getByTestId('upload-report').last();
	// Planned first: nothing is loaded until the user has seen what it replaces.
	await expect(report).toHaveAttribute('data-status', 'planned');
	await report.getByTestId('upload-confirm').click();
	await expect(report).toHaveAttribute('data-status', 'loaded');
	await expect(report.getByTestId('upload-summary')).toContainText('Nationwide Encounters');
	await expect(report.getByTestId('reconciliation-ok')).toBeVisible();
});

// Findings and reconciliation are read first; every later test refuses a file, which changes
// nothing they state.
test.describe('one loaded page: findings, reconciliation, then bad files one after another', () => {
	const shared = sharedPage(openReleases);

	test('the bundled releases’ agreement and CBP’s later revisions are stated as findings', async () => {
		const page = shared();
		await expect(page.getByTestId('revision-finding').first()).toContainText('No revisions');
		// The two state releases: their own finding, no revisions between them (PROVENANCE I3).
		const finding = (newer: string, older: string) =>
			page
				.getByTestId('revision-finding')
				.filter({ hasText: `Nationwide Encounters by State ${newer}` })
				.filter({ hasText: `Nationwide Encounters by State ${older}` });
		await expect(finding('FY23–FY26', 'FY22–FY25')).toContainText('No revisions');
		// The Nov 2023 release only renamed a demographic (UC / Single Minors → UAC), read as one.
		await expect(finding('FY22–FY25', 'FY20–FY23')).toContainText('No revisions');
		await expect(page.getByTestId('component-revisions')).toContainText('later CBP release');
		await expect(page.getByTestId('component-table').locator('tbody tr').first()).toBeVisible();
	});

	test('every bundled file reconciles on demand', async () => {
		// Re-reads all 15 MB of CSVs with papaparse after the page loads them: 40–55 s on the 2-core
		// machine beside another worker, so this one test gets three times the default timeout.
		test.slow();
		const page = shared();
		await page.getByTestId('reconcile-bundled').click();
		const rows = page.getByTestId('reconcile-table').locator('tbody tr');
		const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
		await expect(rows).toHaveCount(manifest.files.length, { timeout: 150_000 });
		await expect(
			page.getByTestId('reconcile-table').locator('tbody tr[data-agree="false"]')
		).toHaveCount(0);
	});

	for (const [name, expected] of [
		['negative-count.csv', /line \d+, column "Encounter Count"/],
		['wrong-delimiter-semicolon.csv', /line 1/],
		['missing-column.csv', /line 1/],
		['unknown-month.csv', /line \d+/],
		['empty.csv', /empty/i],
		['binary.csv', /binary|not a text/i],
		['utf16.csv', /UTF-16/]
	] as const) {
		test(`${name} is refused with a clear message`, async () => {
			const page = shared();
			await upload(page, name, readFileSync(`tests/fixtures/bad/${name}`));
			const report = page.getByTestId('upload-report').last();
			await expect(report).toHaveAttribute('data-status', 'refused');
			await expect(report).toContainText(expected);
			await expect(report).toContainText(name);
		});
	}

	test('a file over 50 MB is refused by its size before it is read', async () => {
		const page = shared();
		// Generated here, never committed: a sparse file one byte over the limit.
		const path = join(mkdtempSync(join(tmpdir(), 'bse-')), 'huge.csv');
		writeFileSync(path, '');
		truncateSync(path, 50 * 1024 * 1024 + 1);
		await page.getByTestId('upload-input').setInputFiles(path);
		const report = page.getByTestId('upload-report').last();
		await expect(report).toHaveAttribute('data-status', 'refused');
		await expect(report).toContainText('50 MB');
	});

	test('after every refusal the data stay as they were: the explorer shows the bundled numbers', async () => {
		const page = shared();
		expect(await headlineFor(page, '2024-06')).toBe(String(usbpSouthwestTotal('2024-06')));
	});
});
