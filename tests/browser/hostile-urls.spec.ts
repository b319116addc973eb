/**
 * Links anyone can write: repeated, unknown, out-of-range and object-property values in every
 * parameter. Each opens on the production build to a view with a notice that quotes the value;
 * never an error screen (not even for a moment while the files load), never a page error.
 */
import { expect, test, type Page } from '@playwright/test';
import { manifest, usbpSouthwestTotal } from '../helpers/expected';
import { type FilterSpec } from '../helpers/expected-filters';
import { expectHeadline } from './expect-headline';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const USBP_SW: FilterSpec = { components: ['usbp'], regions: ['southwest'] };
/** The large CBP releases, the only files with demographic and citizenship, loaded last. */
const AOR_FILES = manifest().files.filter((f) => f.layout === 'aor');

interface Watch {
	pageErrors: string[];
	/** Every error screen shown since the page started, even one replaced a moment later. */
	queryErrors: () => Promise<string[]>;
}

/** Records page errors and every appearance of the error screen from the first script on. */
async function watch(page: Page): Promise<Watch> {
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { queryErrors: string[] }).queryErrors = seen;
		new MutationObserver(() => {
			for (const el of document.querySelectorAll('[data-testid=query-error]'))
				if (!seen.includes(el.textContent ?? '')) seen.push(el.textContent ?? '');
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	return {
		pageErrors,
		queryErrors: () =>
			page.evaluate(() => (window as unknown as { queryErrors: string[] }).queryErrors)
	};
}

/** The view is final (every figure drawn from every file or the build-time snapshot). */
async function settled(page: Page, testId = 'ready') {
	await expect(page.getByTestId(testId)).toHaveAttribute('aria-busy', 'false');
}

/** Each notice is shown exactly once. */
async function expectNotices(page: Page, notices: string[]) {
	const shown = page.getByTestId('notices').locator('p');
	for (const notice of notices) await expect(shown.filter({ hasText: notice })).toHaveCount(1);
}

/** The headline shows the default filter's count for its month (not a false 0). */
async function expectDefaultHeadline(page: Page) {
	const headline = page.getByTestId('headline');
	const month = (await headline.getAttribute('data-month'))!;
	await expect(headline).toHaveAttribute('data-value', String(usbpSouthwestTotal(month)));
}

const long = 'x'.repeat(3000);

/** Links whose values are refused, each with the notices it must show. */
const CASES: { url: string; notices: string[]; ready?: string }[] = [
	// A repeated unknown code is one notice (it was two, and a keyed each that threw on them).
	{ url: '/?sector=XYZ,XYZ', notices: ['“XYZ” is not a sector or field office code; ignored.'] },
	{
		url: '/?sector=XYZ&sector=xyz',
		notices: ['“XYZ” is not a sector or field office code; ignored.']
	},
	// Years 0–99 were read as 1900–1999.
	{
		url: '/?month=0050-06',
		notices: ['“0050-06” is not a month from 1900 to 2100; month ignored.']
	},
	{ url: '/?from=0099-01', notices: ['“0099-01” is not a month from 1900 to 2100; from ignored.'] },
	{ url: '/?to=2101-01', notices: ['“2101-01” is not a month from 1900 to 2100; to ignored.'] },
	{
		url: '/?month=9999-99',
		notices: ['“9999-99” is not a month in the form YYYY-MM; month ignored.']
	},
	// Names every object has.
	...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((name) => ({
		url: `/?demographic=${name}`,
		notices: [`“${name}” is not a demographic`]
	})),
	{ url: '/?per=__proto__', notices: ['“__proto__” is not a valid per'] },
	{ url: '/?component=constructor', notices: ['“constructor” is not a valid component'] },
	{ url: '/?split=toString', notices: ['“toString” is not a valid split'] },
	{ url: '/?sector=constructor', notices: ['“constructor” is not a sector or field office code'] },
	{
		url: '/?citizenship=constructor',
		notices: ['“constructor” is not a citizenship in the loaded data; showing all.']
	},
	// A citizenship no file has showed a false 0.
	{
		url: '/?citizenship=atlantis',
		notices: ['“atlantis” is not a citizenship in the loaded data; showing all.']
	},
	// Markup is text.
	{
		url: `/?sector=${encodeURIComponent('<script>alert(1)</script>')}`,
		notices: ['“<script>alert(1)</script>” is not a sector or field office code; ignored.']
	},
	// A huge value is quoted cut short.
	{ url: `/?demographic=${long}`, notices: [`“${'x'.repeat(40)}…” is not a demographic`] },
	{
		url: `/?sector=${Array.from({ length: 300 }, (_, i) => `Q${i}`).join(',')}`,
		notices: ['“Q0”, “Q1”, “Q2”, “Q3”, “Q4” and 295 more are not sector or field office codes']
	},
	// Repeated single-valued parameters use the first.
	{
		url: '/?per=week&per=week&title=9&title=10',
		notices: [
			'“week” is not a valid per',
			'Several values were given for title (“9”, “10”); using the first.',
			'“9” is not a valid title'
		]
	},
	{
		url: '/embed?citizenship=atlantis&view=__proto__&sector=XYZ,XYZ',
		notices: [
			'“atlantis” is not a citizenship in the loaded data; showing all.',
			'“__proto__” is not a figure; showing the monthly series.',
			'“XYZ” is not a sector or field office code; ignored.'
		],
		ready: 'embed-ready'
	}
];

for (const { url, notices, ready = 'ready' } of CASES) {
	test(`${url.length > 80 ? `${url.slice(0, 80)}…` : url} shows the default view with its notices`, async ({
		page
	}) => {
		const seen = await watch(page);
		await page.goto(url);
		await settled(page, ready);
		await expectNotices(page, notices);
		if (ready === 'ready') {
			await expectDefaultHeadline(page);
			// Nothing refused is written back when the filter changes.
			await page.getByTestId('filter-component').selectOption('all');
			await expect(page).toHaveURL(/\?component=all$/);
		}
		expect(await seen.queryErrors()).toEqual([]);
		expect(seen.pageErrors).toEqual([]);
	});
}

// A demographic asked of the engine while only the small files are in (the first load step) was
// an error screen until the large releases arrived: hold them back so the step is seen whole.
test.describe('a demographic from the URL while the large releases load', () => {
	for (const [query, spec, month] of [
		['demographic=uc&month=2024-06', { ...USBP_SW, demographic: 'uc' }, '2024-06'],
		[
			'demographic=uc&sector=EPT&month=2024-06',
			{ ...USBP_SW, sectors: ['EPT'], demographic: 'uc' },
			'2024-06'
		]
	] as [string, FilterSpec, string][]) {
		test(`/?${query} is pending, then right; never an error`, async ({ page }) => {
			const seen = await watch(page);
			let release: () => void = () => {};
			const held = new Promise<void>((r) => (release = r));
			for (const file of AOR_FILES)
				await page.route(`**/data/${file.path}`, async (route) => {
					await held;
					await route.continue();
				});
			await page.goto(`/?${query}`);
			// The small files are in, and the engine has answered this filter with them. The state
			// releases load after the AOR releases, so they wait too.
			const total = manifest().files.length;
			const waiting = manifest().files.filter((f) => f.layout === 'aor' || f.layout === 'state');
			await expect(page.getByTestId('loading')).toContainText(
				`${total - waiting.length} of ${total} files ready`
			);
			await expect(
				page.getByTestId('ready').or(page.getByTestId('query-error')).first()
			).toBeVisible();
			expect(await seen.queryErrors()).toEqual([]);
			release();
			await settled(page);
			await expectHeadline(page, month, spec);
			expect(await seen.queryErrors()).toEqual([]);
			expect(seen.pageErrors).toEqual([]);
		});
	}
});
