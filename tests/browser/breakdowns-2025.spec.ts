/**
 * Months after the AOR releases (October 2024 on) by demographic, for OFO, and for both
 * components (issue 12): CBP's state releases answer USBP and OFO together, its Southwest-by-
 * component file one component at the Southwest border. Numbers are computed from the CSVs by
 * tests/helpers/expected-filters.ts; each month names its own file.
 */
import { expect, test } from '@playwright/test';
import { chosenFile, manifest, nextMonth, type Component, type Region } from '../helpers/expected';
import { filteredSplit, filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const labelOf = (path: string) =>
	(manifest().files.find((f) => f.path === path) as unknown as { label: string }).label;

/** The file the precedence picks for a month of the spec, from the CSVs' manifest alone. */
function fileFor(month: string, spec: FilterSpec): string {
	const scopes = spec.components.flatMap((c) =>
		spec.regions.map((r): [Component, Region] => [c, r])
	);
	return chosenFile(month, scopes, spec.demographic ? ['demographic'] : [])!;
}

test.describe('2025 by demographic and component, from the state and Southwest releases', () => {
	const cases: [string, FilterSpec][] = [
		[
			'?demographic=uc&month=2025-06',
			{ components: ['usbp'], regions: ['southwest'], demographic: 'uc' }
		],
		['?component=all&month=2025-06', { components: ['usbp', 'ofo'], regions: ['southwest'] }],
		['?component=ofo&month=2025-06', { components: ['ofo'], regions: ['southwest'] }],
		[
			'?component=all&region=all&demographic=uc&month=2025-11',
			{
				components: ['usbp', 'ofo'],
				regions: ['southwest', 'northern', 'other'],
				demographic: 'uc'
			}
		]
	];
	const long = (key: string) =>
		new Date(`${key}-01T00:00:00Z`).toLocaleString('en-US', {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
	for (const [query, spec] of cases)
		test(`${query} answers its month against a year earlier, naming each month’s file`, async ({
			page
		}) => {
			const month = new URLSearchParams(query).get('month')!;
			const baseline = nextMonth(month, -12);
			await page.goto(`/${query}`);
			const headline = page.getByTestId('headline');
			await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
			await expect(headline).toHaveAttribute('data-month', month);
			await expect(headline).toHaveAttribute('data-value', String(filteredTotal(month, spec)));
			await expect(headline).toHaveAttribute(
				'data-baseline-value',
				String(filteredTotal(baseline, spec))
			);
			await expect(page.getByTestId('notices')).toHaveCount(0);
			const source = headline.locator('.source');
			const now = labelOf(fileFor(month, spec));
			const before = labelOf(fileFor(baseline, spec));
			if (now === before) await expect(source).toContainText(now);
			else {
				await expect(source).toContainText(`${long(month)}: ${now}`);
				await expect(source).toContainText(`${long(baseline)}: ${before}`);
			}
			// No areas in that file: the total is not said to be a sum of parts.
			await expect(headline).not.toContainText('sum of the parts');
		});

	test('the sector table and the map say that no file breaks June 2025 down by sector', async ({
		page
	}) => {
		await page.goto('/?demographic=uc&month=2025-06');
		const sectors = page.getByTestId('figure-sectors');
		await sectors.scrollIntoViewIfNeeded();
		const said =
			'No file here breaks U.S. Border Patrol encounters of unaccompanied children down by sector for Jun 2025';
		await expect(sectors.locator('h2')).toContainText(said);
		await expect(sectors).not.toContainText('The parts add up');
		// The table keeps June 2024's parts, from the AOR release that has them.
		const tucson = sectors.locator('tr[data-sector="TCA"]');
		await expect(tucson).toHaveAttribute(
			'data-baseline-value',
			String(
				filteredTotal('2024-06', {
					components: ['usbp'],
					regions: ['southwest'],
					demographic: 'uc',
					sectors: ['TCA']
				})
			)
		);
		await expect(tucson).toHaveAttribute('data-value', '');
		const map = page.getByTestId('figure-map');
		await map.scrollIntoViewIfNeeded();
		await expect(map.locator('h2')).toContainText(said);
	});

	for (const [split, key, month] of [
		['demographic', 'demographic', '2025-06'],
		['citizenship-group', 'group', '2025-08']
	] as const)
		test(`the composition by ${split} runs into 2025, and its table holds ${month}`, async ({
			page
		}) => {
			const spec: FilterSpec = { components: ['usbp'], regions: ['southwest'] };
			await page.goto(`/?split=${split}&month=${month}#composition`);
			const figure = page.getByTestId('figure-composition');
			await figure.scrollIntoViewIfNeeded();
			await expect(figure.locator('svg')).toBeVisible();
			await figure.locator('summary', { hasText: 'Show the data table' }).click();
			const expected = filteredSplit(month, spec, key)!;
			const shortMonth = new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', {
				month: 'short',
				year: 'numeric',
				timeZone: 'UTC'
			});
			const rows = figure
				.getByTestId('composition-table')
				.locator('tbody tr', { hasText: shortMonth });
			await expect(rows).toHaveCount(expected.size);
			const values = await rows.locator('td.num').allTextContents();
			expect(values.map((v) => Number(v.replace(/,/g, ''))).sort((a, b) => a - b)).toEqual(
				[...expected.values()].sort((a, b) => a - b)
			);
		});
});
