/**
 * What a reader does on `/check`: opens a link with a claim, reads the verdict and its numbers
 * (checked against the CSVs by `tests/helpers/`), corrects the form, reloads the link it gives,
 * downloads the card, and types bad input.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { southwestComponentTotal } from '../helpers/expected';
import { filteredTotal } from '../helpers/expected-filters';
import { sharedPage } from './shared-page';

const BRIEF = 'US Border Patrol apprehensions in June 2025 fell by over 90% compared to June 2024';
const spec = {
	components: ['usbp' as const],
	regions: ['southwest' as const],
	type: 'apprehensions' as const
};
const june2025 = filteredTotal('2025-06', spec)!;
const june2024 = filteredTotal('2024-06', spec)!;
const pct = (((june2025 - june2024) / june2024) * 100).toFixed(2);

const verdict = (page: Page) => page.locator('[data-testid=verdict][data-verdict]');

test.describe.configure({ timeout: 180_000 });

// One loaded page for the brief: read, then download the card, then correct the form (which
// changes the verdict, so it comes last).
test.describe('the policy brief, on one page', () => {
	const shared = sharedPage(async (page) => {
		await page.goto(`/check?claim=${encodeURIComponent(BRIEF)}`);
		await expect(verdict(page)).toHaveAttribute('data-verdict', 'accurate', { timeout: 150_000 });
	});

	test('the policy brief: Accurate, with its numbers, the derived-file and revision caveats', async () => {
		const page = shared();
		const v = verdict(page);
		await expect(v).toHaveAttribute('data-verdict', 'accurate');
		await expect(v).toHaveAttribute('data-value', String(june2025));
		await expect(v).toHaveAttribute('data-baseline-value', String(june2024));
		await expect(v).toHaveAttribute('data-change-pct', pct);
		expect(pct).toBe('-92.74');
		const caveats = page.getByTestId('caveats');
		await expect(caveats.locator('[data-kind=derived]')).toBeVisible();
		const other = southwestComponentTotal('2025-06', 'usbp', '8')!;
		await expect(caveats.locator('[data-kind=revised]')).toContainText(
			other.toLocaleString('en-US')
		);
		// Each sector's part, and the words the reading used.
		await expect(page.getByTestId('claim-areas').locator('tbody tr')).toHaveCount(9);
		await expect(page.getByTestId('claim-reading').locator('mark')).toContainText([
			'apprehensions',
			'June 2025'
		]);
	});

	test('the card downloads as SVG with the verdict, the numbers and the source', async () => {
		const page = shared();
		await expect(verdict(page)).toHaveAttribute('data-verdict', 'accurate');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('card-svg').click()
		]);
		const svg = await readFile((await download.path())!, 'utf8');
		expect(svg).toMatch(/^<svg /);
		for (const text of [
			'Accurate',
			june2025.toLocaleString('en-US'),
			june2024.toLocaleString('en-US'),
			'Data as of',
			'<path'
		])
			expect(svg).toContain(text);
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('card-png').click()
		]);
		const bytes = await readFile((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
	});

	test('correcting the form changes the verdict, and the link reproduces it', async () => {
		const page = shared();
		await expect(verdict(page)).toHaveAttribute('data-verdict', 'accurate');
		await page.getByTestId('form-size').fill('95');
		await page.getByTestId('form-size').dispatchEvent('change');
		await expect(verdict(page)).toHaveAttribute('data-verdict', 'not-accurate');
		await expect(page).toHaveURL(/change=down%3Apercent%3A95%3Aover/);
		await page.reload();
		await expect(verdict(page)).toHaveAttribute('data-verdict', 'not-accurate', {
			timeout: 150_000
		});
		await expect(page.getByTestId('form-size')).toHaveValue('95');
	});

	test("the explorer link opens the claim's view: the same two months, with the CSVs' numbers", async () => {
		const page = shared();
		await page.getByTestId('claim-explorer-link').click();
		await expect(page).toHaveURL(/compare=2025-06/);
		const headline = page.getByTestId('headline');
		await expect(headline).toHaveAttribute('data-value', String(june2025), { timeout: 60_000 });
		await expect(headline).toHaveAttribute('data-baseline-value', String(june2024));
	});
});

test('bad input gets a clear message, never a crash', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/check');
	await page.getByTestId('claim-submit').click();
	await expect(page.getByTestId('claim-problem')).toContainText('Type or paste a sentence');
	await page.getByTestId('claim-input').fill('a'.repeat(10_000));
	await page.getByTestId('claim-submit').click();
	await expect(page.getByTestId('claim-problem')).toContainText('10,000 characters');
	await page
		.getByTestId('claim-input')
		.fill('<img src=x onerror="window.hacked=1"> encounters fell a lot');
	await page.getByTestId('claim-submit').click();
	await expect(verdict(page)).toHaveAttribute('data-verdict', 'cannot-check', { timeout: 150_000 });
	await expect(verdict(page)).toContainText('names no month or year');
	expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
	await page.getByTestId('claim-input').fill('Border Patrol apprehensions fell in June 2025');
	await page.getByTestId('claim-submit').click();
	await expect(verdict(page)).toContainText('names no period to compare with');
	expect(errors).toEqual([]);
});

test('the headline links to a check of its own sentence', async ({ page }) => {
	await page.goto('/?month=2025-06');
	const link = page.getByTestId('headline-check');
	await expect(link).toBeVisible({ timeout: 150_000 });
	await link.click();
	await expect(page).toHaveURL(/\/check\?claim=/);
	const v = verdict(page);
	await expect(v).toHaveAttribute('data-verdict', /^accurate/, { timeout: 150_000 });
	// The default view counts USBP encounters (every title): from the CSVs.
	const encounters = { components: ['usbp' as const], regions: ['southwest' as const] };
	await expect(v).toHaveAttribute('data-value', String(filteredTotal('2025-06', encounters)));
	await expect(v).toHaveAttribute(
		'data-baseline-value',
		String(filteredTotal('2024-06', encounters))
	);
});
