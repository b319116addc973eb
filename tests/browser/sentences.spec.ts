/**
 * Every sentence names what is counted (issue 13, item 1): with a demographic, a citizenship, a
 * title or a type in the filter, the headline (which is also the title of its PNG, SVG and embed)
 * and the figure titles say so in plain words, with the CSVs' numbers.
 */
import { expect, test } from '@playwright/test';
import { manifest } from '../helpers/expected';
import { filteredTotal, type FilterSpec } from '../helpers/expected-filters';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

const USBP_SW: FilterSpec = { components: ['usbp'], regions: ['southwest'] };
/** `column`: the CSV column the filter reads; a file without it can be no figure's source. */
const CASES: {
	query: string;
	words: string;
	month: string;
	spec: FilterSpec;
	column?: string;
}[] = [
	{
		query: '?demographic=uc&month=2024-09',
		words: 'encounters of unaccompanied children',
		month: '2024-09',
		spec: { ...USBP_SW, demographic: 'uc' },
		column: 'Demographic'
	},
	{
		query: '?citizenship=mexico&month=2024-06',
		words: 'encounters of citizens of Mexico',
		month: '2024-06',
		spec: { ...USBP_SW, citizenship: 'mexico' },
		column: 'Citizenship'
	},
	{
		query: '?title=8&type=apprehensions&month=2023-06',
		words: 'apprehensions under Title 8',
		month: '2023-06',
		spec: { ...USBP_SW, title: '8', type: 'apprehensions' }
	}
];

for (const { query, words, month, spec, column } of CASES)
	test(`${query}: the headline and every figure title say "${words}"`, async ({ page }) => {
		await page.goto(`/${query}`);
		const headline = page.getByTestId('headline');
		const value = filteredTotal(month, spec)!;
		await expect(headline).toHaveAttribute('data-month', month);
		await expect(headline).toHaveAttribute('data-value', String(value));
		await expect(headline.locator('h2')).toContainText(
			`recorded ${value.toLocaleString('en-US')} ${words} at the Southwest`
		);
		const monthly = page.getByTestId('figure-monthly');
		await monthly.scrollIntoViewIfNeeded();
		await expect(monthly.locator('h2')).toContainText(
			`U.S. Border Patrol ${words} at the Southwest`
		);
		const multiples = page.getByTestId('figure-small-multiples');
		await multiples.scrollIntoViewIfNeeded();
		await expect(multiples.locator('h2')).toContainText(
			`had the most U.S. Border Patrol ${words} in `
		);
		await expect(page.getByTestId('figure-sectors').locator('h2')).toHaveText(
			new RegExp(`^U\\.S\\. Border Patrol ${words} (fell|rose) in `)
		);
		const map = page.getByTestId('figure-map');
		await map.scrollIntoViewIfNeeded();
		await expect(map.locator('h2')).toContainText(
			`Changes in U.S. Border Patrol ${words} from a year earlier ranged from`
		);
		const composition = page.getByTestId('figure-composition');
		await composition.scrollIntoViewIfNeeded();
		await expect(composition.locator('h2')).toContainText(
			`% of U.S. Border Patrol ${words} at the Southwest land border in `
		);
		const comparison = page.getByTestId('figure-comparison');
		await comparison.scrollIntoViewIfNeeded();
		await expect(comparison.locator('h2').first()).toContainText(
			`${value.toLocaleString('en-US')} U.S. Border Patrol ${words} at the Southwest land border in`
		);
		if (!column) return;
		// A source line names only files that hold what is counted (they once named every file of
		// the scope, the PDF series and the derived file among them).
		const without = manifest().files.filter(
			(f) => f.role === 'encounters' && !f.columns.includes(column)
		);
		expect(without.length).toBeGreaterThan(0);
		for (const figure of [multiples, map, comparison]) {
			const source = figure.locator('.source');
			await expect(source).toContainText('CBP Nationwide Encounters');
			for (const f of without) await expect(source).not.toContainText(f.label);
		}
	});

test('a field office with region=other says which part of its count is shown; USBP and OFO boxes have distinct names', async ({
	page
}) => {
	await page.goto('/?component=ofo&region=other&sector=ofo-san-diego&month=2024-06');
	const value = filteredTotal('2024-06', {
		components: ['ofo'],
		regions: ['other'],
		sectors: ['ofo-san-diego']
	})!;
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-value', String(value));
	await expect(headline.locator('h2')).toContainText(
		`recorded ${value.toLocaleString('en-US')} encounters away from the land borders (coastal and interior) in San Diego Field Office in June 2024`
	);
	for (const name of ['El Paso Sector', 'El Paso Field Office'])
		await expect(
			page.getByTestId('filters').getByRole('checkbox', { name, exact: true, includeHidden: true })
		).toHaveCount(1);
});

test('a type the component never records says so, where the CSVs have none, rather than "0 … against none"', async ({
	page
}) => {
	// The CSVs hold no USBP inadmissibles: OFO records them.
	expect(filteredTotal('2024-06', { ...USBP_SW, type: 'inadmissibles' })).toBe(0);
	expect(
		filteredTotal('2024-06', { components: ['ofo'], regions: ['southwest'], type: 'inadmissibles' })
	).toBeGreaterThan(0);
	await page.goto('/?type=inadmissibles&month=2024-06');
	await expect(page.getByTestId('headline').locator('h2')).toHaveText(
		'U.S. Border Patrol does not record inadmissibles: Office of Field Operations does. Choose it, or both components, to count them.'
	);
});

test('all of CBP, a citizenship CBP writes inverted: "citizens of the Peoples Republic of China", in sectors and field offices', async ({
	page
}) => {
	await page.goto('/?component=all&region=all&citizenship=china-peoples-republic-of&month=2024-03');
	const value = filteredTotal('2024-03', {
		components: ['usbp', 'ofo'],
		regions: ['southwest', 'northern', 'other'],
		citizenship: 'china-peoples-republic-of'
	})!;
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute('data-value', String(value));
	await expect(headline.locator('h2')).toContainText(
		`CBP (USBP and OFO) recorded ${value.toLocaleString('en-US')} encounters of citizens of the Peoples Republic of China nationwide in March 2024`
	);
	await expect(page.getByTestId('figure-sectors').locator('h2')).toHaveText(
		/^CBP \(USBP and OFO\) encounters of citizens of the Peoples Republic of China (fell|rose) in (all \d+|\d+ of \d+) sectors and field offices/
	);
});

test('the monthly chart’s Title 42 note says whose counts hold expulsions, or that these leave them out', async ({
	page
}) => {
	const note = page.getByTestId('figure-monthly').getByText('Shaded: the Title 42 period');
	for (const [query, says] of [
		['?component=ofo&month=2022-03', 'when OFO counts include Title 42 expulsions.'],
		['?title=8&month=2022-03', 'these counts leave out its Title 42 expulsions.']
	]) {
		await page.goto(`/${query}`);
		await note.scrollIntoViewIfNeeded();
		await expect(note).toContainText(says);
	}
});
