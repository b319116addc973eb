/**
 * Printed, the explorer reads like the article figures it holds (issue 13, item 10): no filters,
 * menus, hints or readouts, no card split across pages, and every figure on paper.
 */
import { expect, test } from '@playwright/test';
import { forbidOtherOrigins } from './no-other-origins';

forbidOtherOrigins(test);

test('printed, the page keeps its figures and drops its controls, and no card splits across pages', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
	await page.emulateMedia({ media: 'print' });

	for (const control of ['filters', 'downloads-headline', 'downloads-monthly', 'chart-tooltip'])
		await expect(page.getByTestId(control)).toBeHidden();
	await expect(page.getByText('Click a sector or field office to show it alone.')).toBeHidden();

	await expect(page.getByTestId('headline')).toBeVisible();
	for (const id of ['monthly', 'small-multiples', 'map', 'history', 'composition']) {
		const figure = page.getByTestId(`figure-${id}`);
		await expect(figure).toBeVisible();
		await expect(figure.locator('svg').first()).toBeVisible();
		expect(await figure.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
	}
	expect(await page.getByTestId('headline').evaluate((h) => getComputedStyle(h).breakInside)).toBe(
		'avoid'
	);

	const pdf = await page.pdf({ format: 'Letter' });
	// Each page object of the PDF: `/Type /Page` (not `/Pages`, the tree's root).
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
	expect(pages).toBeGreaterThanOrEqual(3);
	expect(pages).toBeLessThanOrEqual(12);
});

test('on paper every chart is redrawn at the paper’s width, so its text prints at full size; the screen gets its width back', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
	const charts = '.chart > svg:not(.overview), .border-map > svg';
	const screenWidths = await page
		.locator(charts)
		.evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('width'))));
	// Wider than the paper on screen (off-screen ones keep a default width until seen).
	for (const width of screenWidths) expect(width).toBeGreaterThan(703);

	// Read while the page prints: after the app's own `beforeprint`, which redrew the charts.
	await page.evaluate((selector) => {
		addEventListener('beforeprint', () => {
			(window as unknown as { printed: unknown }).printed = [
				...document.querySelectorAll<SVGSVGElement>(selector)
			].map((svg) => ({
				width: Number(svg.getAttribute('width')),
				drawn: svg.getBoundingClientRect().width,
				tick: parseFloat(getComputedStyle(svg.querySelector('text')!).fontSize)
			}));
		});
	}, charts);
	await page.emulateMedia({ media: 'print' });
	await page.pdf({ format: 'A4' });
	const printed = await page.evaluate(
		() =>
			(window as unknown as { printed: { width: number; drawn: number; tick: number }[] }).printed
	);
	expect(printed).toHaveLength(screenWidths.length);
	// A4 is 210 mm less 2 × 12 mm margins: 186 mm, 703 CSS pixels.
	for (const chart of printed) {
		expect(chart.width).toBeLessThanOrEqual(703);
		expect(chart.width).toBeGreaterThan(500);
		// Drawn at its own width, not scaled down: 11 px labels print at 11 px.
		expect(chart.drawn / chart.width).toBeCloseTo(1, 2);
		expect(chart.tick * (chart.drawn / chart.width)).toBeGreaterThanOrEqual(10.5);
	}
	await page.emulateMedia({ media: 'screen' });
	const widths = await page
		.locator(charts)
		.evaluateAll((svgs) =>
			svgs.map((s) => [Number(s.getAttribute('width')), s.parentElement!.clientWidth])
		);
	for (const [width, box] of widths) {
		expect(width).toBe(box);
		expect(width).toBeGreaterThan(703);
	}
});

test('printed before the figures are drawn, the page says so instead of printing blank', async ({
	page
}) => {
	// Neither the build-time results nor the files arrive: the page is still loading.
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	for (const pattern of ['**/results/*.json', '**/data/**/*.csv*'])
		await page.route(pattern, async (route) => {
			await held;
			await route.continue();
		});
	await page.goto('/?month=2024-06');
	const loading = page.getByTestId('loading');
	await expect(loading).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const line = () =>
		loading.evaluate((el) => {
			const style = getComputedStyle(el, '::before');
			return { content: style.content, display: style.display };
		});
	expect(await line()).toEqual({
		content:
			'"The figures were still loading when the page was printed: print again once they are drawn."',
		display: 'block'
	});
	// The progress itself (a bar, a file list) is not for paper.
	await expect(loading.locator('progress')).toBeHidden();
	release();
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false', {
		timeout: 60_000
	});
	await expect(page.getByTestId('headline')).toBeVisible();
});
