/**
 * Every figure's downloads, captured as files: the SVG parses and carries its title and source;
 * the PNG is 2x the chosen width and not blank; the CSV parses and adds up to the number on screen
 * (checked against totals computed independently from the CSVs); the copied link reproduces the
 * view; the embed route shows the figure alone.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { usbpSouthwestMonthlySeries, usbpSouthwestTotal } from '../helpers/expected';
import { filteredByState, type FilterSpec } from '../helpers/expected-filters';
import { forbidOtherOrigins } from './no-other-origins';
import { stillBox } from './still-box';

forbidOtherOrigins(test);

/** The page is drawn, idle, and every file is in (large files load after the first view). */
async function ready(page: Page) {
	await expect(page.getByTestId('ready')).toBeVisible();
	await expect(page.getByTestId('coverage-notes').getByText('still loading')).toHaveCount(0);
	await expect(page.getByTestId('ready')).toHaveAttribute('aria-busy', 'false');
	// Figures out of view follow a change a frame later, busy until then.
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
}

/** Opens a figure's menu (if closed) and returns its panel. */
async function openMenu(page: Page, figure: string) {
	const panel = page.getByTestId(`downloads-panel-${figure}`);
	if (await panel.isVisible()) return panel;
	const toggle = page.getByTestId(`downloads-${figure}`);
	await stillBox(toggle);
	await toggle.click();
	await expect(panel).toBeVisible();
	return panel;
}

/** Opens a figure's menu (if closed) and captures the file one of its buttons downloads. */
async function download(page: Page, figure: string, format: string) {
	const panel = await openMenu(page, figure);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		panel.locator(`[data-download="${format}"]`).click()
	]);
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Copies a link or embed snippet and reads it from the field the menu always shows. */
async function copied(page: Page, figure: string, what: 'link' | 'embed') {
	const panel = await openMenu(page, figure);
	await panel.locator(`[data-download="${what}"]`).click();
	await expect(page.getByTestId(`downloads-status-${figure}`)).not.toBeEmpty();
	return panel.getByTestId('copy-field').inputValue();
}

const csvRows = (bytes: Buffer) => {
	const text = bytes.toString('utf8');
	expect(text.charCodeAt(0), 'UTF-8 byte order mark').toBe(0xfeff);
	const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
		header: true,
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	return parsed;
};

/** Parses the SVG in the page: errors, its <title>, all its text, and any external reference. */
async function parseSvg(page: Page, svg: string) {
	return page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const refs = [...doc.querySelectorAll('*')].flatMap((el) =>
			[...el.attributes]
				.filter((a) => /href$/.test(a.name) || (/url\(/.test(a.value) && !/url\(#/.test(a.value)))
				.map((a) => `${a.name}=${a.value}`)
		);
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: doc.documentElement.tagName,
			title: doc.querySelector('svg > title')?.textContent ?? '',
			text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
			refs,
			classes: doc.querySelectorAll('[class], style').length,
			width: Number(doc.documentElement.getAttribute('width')),
			height: Number(doc.documentElement.getAttribute('height'))
		};
	}, svg);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page: brightness spread, distinct colours, and the corner pixel. */
async function pngPixels(page: Page, bytes: Buffer) {
	return page.evaluate(async (base64) => {
		const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
		const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(bitmap, 0, 0);
		const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
		let sum = 0;
		let sumSq = 0;
		const colours = new Set<number>();
		const n = pixels.length / 4;
		for (let i = 0; i < pixels.length; i += 4) {
			const y = 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2];
			sum += y;
			sumSq += y * y;
			if (i % 64 === 0) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
		}
		const mean = sum / n;
		return {
			variance: sumSq / n - mean * mean,
			colours: colours.size,
			corner: [pixels[0], pixels[1], pixels[2]]
		};
	}, bytes.toString('base64'));
}

test('the menu works by keyboard: open, move with the arrows, close with Escape', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	const toggle = page.getByTestId('downloads-monthly');
	await toggle.focus();
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	const panel = page.getByTestId('downloads-panel-monthly');
	await expect(panel).toBeVisible();
	await expect(panel.locator('[data-download="svg"]')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(panel.locator('[data-download="png"]')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(toggle).toBeFocused();
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('the monthly figure: SVG, PNG at 2x, CSV that matches the CSVs month by month, SQL', async ({
	page
}) => {
	await page.goto('/?sector=TCA&month=2025-06');
	await ready(page);
	const figure = page.getByTestId('figure-monthly');
	const title = (await figure.locator('h2').textContent())!.trim();
	const source = (await figure.locator('.source').textContent())!.replace('Source:', '').trim();

	const svg = await download(page, 'monthly', 'svg');
	expect(svg.name).toMatch(/^usbp-southwest-monthly_TCA_\d{4}-\d{2}_\d{4}-\d{2}\.svg$/);
	const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed.root).toBe('svg');
	expect(parsed.title).toBe(title);
	expect(parsed.text).toContain(`Source: ${source}`);
	expect(parsed.text).toContain('Data as of:');
	expect(parsed.text).toContain('Title 42 period');
	expect(parsed.refs).toEqual([]);
	expect(parsed.classes).toBe(0);
	expect(svg.bytes.toString('utf8')).not.toContain('var(--');
	expect(parsed.width).toBe(1200);

	const png = await download(page, 'monthly', 'png');
	expect(png.name).toBe(svg.name.replace(/svg$/, 'png'));
	expect(pngSize(png.bytes)).toEqual({ width: 2400, height: parsed.height * 2 });
	const pixels = await pngPixels(page, png.bytes);
	expect(pixels.variance).toBeGreaterThan(100);
	expect(pixels.colours).toBeGreaterThan(5);
	expect(Math.min(...pixels.corner)).toBeGreaterThan(240);

	const csv = csvRows((await download(page, 'monthly', 'csv')).bytes);
	expect(csv.meta.fields).toEqual(['month', 'encounters', 'source_file']);
	const expected = usbpSouthwestMonthlySeries(['TCA']);
	expect(csv.data.map((r) => r.month)).toEqual(expected.map((e) => e.month));
	expect(csv.data.map((r) => Number(r.encounters))).toEqual(expected.map((e) => e.value));
	const june = csv.data.find((r) => r.month === '2025-06')!;
	expect(Number(june.encounters)).toBe(usbpSouthwestTotal('2025-06', ['TCA']));
	await expect(page.getByTestId('headline')).toHaveAttribute('data-value', june.encounters);

	const sql = (await download(page, 'monthly', 'sql')).bytes.toString('utf8');
	expect(sql).toMatch(/^-- /);
	expect(sql).toContain("read_csv('usbp_sw_sector_title8_apprehensions_monthly_fy2020_fy2026.csv'");
	// The statements that gave the figure its rows, and how the chosen sector was taken from them.
	expect(sql).toContain('-- Each sector or field office of the scope, by month');
	expect(sql).toContain('-- The monthly totals of the scope');
	expect(sql).toMatch(/-- The figure sums the rows of TCA in "Each sector/);
});

test('the headline: its CSV is the sector rows plus the total shown, and the images carry it', async ({
	page
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	const headline = page.getByTestId('headline');
	const csv = csvRows((await download(page, 'headline', 'csv')).bytes);
	const total = csv.data.find((r) => r.area_code === 'total')!;
	const sectors = csv.data.filter((r) => r.area_code !== 'total');
	expect(sectors).toHaveLength(9);
	expect(Number(total.encounters)).toBe(usbpSouthwestTotal('2025-06'));
	expect(Number(total.baseline_encounters)).toBe(usbpSouthwestTotal('2024-06'));
	expect(sectors.reduce((s, r) => s + Number(r.encounters), 0)).toBe(Number(total.encounters));
	await expect(headline).toHaveAttribute('data-value', total.encounters);
	expect(total.month).toBe('2025-06');

	const svg = await download(page, 'headline', 'svg');
	expect(svg.name).toBe('usbp-southwest-headline_2024-06_2025-06.svg');
	const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed.title).toContain('6,066');
	expect(parsed.text).toContain('83,532');
	expect(parsed.text).toContain('Source:');

	// The sector table gives the same rows.
	const table = csvRows((await download(page, 'sectors', 'csv')).bytes);
	expect(table.data).toEqual(csv.data);
});

// Chromium drops an 11th download started within about a second, so each page here takes five.
const OTHER_FIGURES = ['small-multiples', 'comparison', 'map', 'history', 'composition'];

test('the other figures download a CSV whose numbers match the CSVs', async ({ page }) => {
	await page.goto('/?month=2025-06&from=2024-01&to=2025-06');
	await ready(page);
	const rows = new Map<string, Record<string, string>[]>();
	for (const id of OTHER_FIGURES) {
		const csv = await download(page, id, 'csv');
		expect(csv.name).toMatch(new RegExp(`^usbp-southwest-${id}_`));
		rows.set(id, csvRows(csv.bytes).data);
		expect(rows.get(id)!.length, id).toBeGreaterThan(0);
		await page.keyboard.press('Escape');
	}
	const tucson = rows.get('map')!.find((r) => r.area_code === 'TCA')!;
	expect(Number(tucson.encounters)).toBe(usbpSouthwestTotal('2025-06', ['TCA']));
	const total = rows.get('comparison')!.find((r) => r.area_code === 'total')!;
	expect(Number(total.encounters)).toBe(usbpSouthwestTotal('2025-06'));
	const panels = rows.get('small-multiples')!.filter((r) => r.month === '2025-06');
	expect(panels.reduce((s, r) => s + Number(r.encounters), 0)).toBe(usbpSouthwestTotal('2025-06'));
});

test('the other figures download an SVG that parses and carries its source', async ({ page }) => {
	await page.goto('/?month=2025-06&from=2024-01&to=2025-06');
	await ready(page);
	for (const id of OTHER_FIGURES) {
		const svg = await download(page, id, 'svg');
		const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
		expect(parsed.error, id).toBeNull();
		expect(parsed.text, id).toContain('Source:');
		expect(parsed.refs, id).toEqual([]);
		await page.keyboard.press('Escape');
	}
});

test('the states figure downloads its rows (CSV) and an SVG with its source', async ({ page }) => {
	await page.goto('/?component=all&region=all&month=2025-06');
	await ready(page);
	await page.getByTestId('figure-states').scrollIntoViewIfNeeded();
	const csv = await download(page, 'states', 'csv');
	expect(csv.name).toBe('cbp-nationwide-states_2024-06_2025-06.csv');
	const spec: FilterSpec = {
		components: ['usbp', 'ofo'],
		regions: ['southwest', 'northern', 'other']
	};
	const [now, before] = [filteredByState('2025-06', spec)!, filteredByState('2024-06', spec)!];
	const rows = csvRows(csv.bytes).data;
	expect(rows).toHaveLength(new Set([...now.keys(), ...before.keys()]).size);
	for (const row of rows) {
		expect(Number(row.encounters), row.state_code).toBe(now.get(row.state_code) ?? 0);
		expect(Number(row.baseline_encounters), row.state_code).toBe(before.get(row.state_code) ?? 0);
	}
	await page.keyboard.press('Escape');
	const svg = await download(page, 'states', 'svg');
	const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed.text).toContain('Source: CBP Nationwide Encounters by State');
	expect(parsed.refs).toEqual([]);
});

test('in dark mode the PNG is still light', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/?month=2025-06');
	await ready(page);
	const png = await download(page, 'history', 'png');
	expect(pngSize(png.bytes).width).toBe(2400);
	const pixels = await pngPixels(page, png.bytes);
	expect(Math.min(...pixels.corner)).toBeGreaterThan(240);
	expect(pixels.variance).toBeGreaterThan(100);
});

test('the copied link writes month, from and to, and reproduces the view', async ({
	page,
	context
}) => {
	await page.goto('/?sector=TCA,YUM');
	await ready(page);
	const headline = page.getByTestId('headline');
	const attributes = async (p: Page) =>
		p.getByTestId('headline').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
	const before = await attributes(page);
	const link = await copied(page, 'headline', 'link');
	const url = new URL(link);
	expect(url.searchParams.get('month')).toBe(before.month);
	expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}$/);
	expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}$/);
	expect(url.searchParams.get('sector')).toBe('TCA,YUM');
	await expect(headline).toBeVisible();

	const other = await context.newPage();
	await other.goto(link);
	await ready(other);
	expect(await attributes(other)).toEqual(before);
	// Every month written out is no brush: the monthly chart shows no selection.
	await expect(other.getByTestId('chart-selection')).toHaveCount(0);
});

test('the embed snippet opens the figure alone: no header, no filters, links to the explorer', async ({
	page
}) => {
	await page.goto('/?sector=TCA&month=2025-06');
	await ready(page);
	const snippet = await copied(page, 'monthly', 'embed');
	expect(snippet).toMatch(/^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+"/);
	const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&'));
	expect(src.pathname).toMatch(/\/embed$/);
	expect(src.searchParams.get('view')).toBe('monthly');
	for (const name of ['month', 'from', 'to', 'sector'])
		expect(src.searchParams.get(name), name).not.toBeNull();

	// `vite preview` serves /embed; a plain static server only /embed.html.
	const response = await page.goto(src.href);
	if (response?.status() === 404) await page.goto(src.href.replace(/\/embed\?/, '/embed.html?'));
	await expect(page.getByTestId('embed')).toHaveAttribute('data-view', 'monthly');
	await expect(page.getByTestId('embed-ready')).toBeVisible();
	await expect(page.getByTestId('embed-ready')).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByTestId('figure-monthly')).toBeVisible();
	await expect(page.locator('figure')).toHaveCount(1);
	await expect(page.locator('header.site')).toBeHidden();
	await expect(page.getByTestId('filter-component')).toHaveCount(0);
	await expect(page.getByTestId('downloads-monthly')).toHaveCount(0);
	const open = page.getByTestId('open-explorer');
	await expect(open).toHaveAttribute('target', '_blank');
	const explorer = new URL((await open.getAttribute('href'))!, page.url());
	expect(explorer.pathname).toBe('/');
	expect(explorer.searchParams.get('sector')).toBe('TCA');
	expect(explorer.searchParams.get('month')).toBe('2025-06');
});

test('the embed route shows the headline with the same numbers as the explorer', async ({
	page
}) => {
	const response = await page.goto('/embed?view=headline&month=2025-06');
	if (response?.status() === 404) await page.goto('/embed.html?view=headline&month=2025-06');
	await expect(page.getByTestId('embed-ready')).toBeVisible();
	const headline = page.getByTestId('headline');
	await expect(headline).toHaveAttribute(
		'data-baseline-value',
		String(usbpSouthwestTotal('2024-06'))
	);
	await expect(headline).toHaveAttribute('data-value', String(usbpSouthwestTotal('2025-06')));
	// The headline alone: it is the one figure.
	await expect(page.locator('figure')).toHaveCount(1);
	await expect(page.locator('figure')).toHaveAttribute('data-testid', 'headline');
	await expect(page.locator('header.site')).toBeHidden();
});

test('the comparison builder’s choice is in the URL: a reload, the copied link and the embed keep it, titled by its finding', async ({
	page,
	context
}) => {
	await page.goto('/?month=2025-06');
	await ready(page);
	const figure = page.getByTestId('figure-comparison');
	await figure.scrollIntoViewIfNeeded();
	await figure.getByRole('radio', { name: 'Fiscal year' }).check();
	await figure.getByTestId('comparison-year').selectOption('2024');
	await expect(page).toHaveURL(/compare=2024(&|$)/);

	// FY2024 (October 2023 – September 2024) against FY2023, summed here from the CSVs.
	const fiscalYear = (fy: number) =>
		usbpSouthwestMonthlySeries()
			.filter((p) => p.month >= `${fy - 1}-10` && p.month <= `${fy}-09`)
			.reduce((sum, p) => sum + p.value, 0);
	const expectResult = async (where: Page) => {
		const result = where.getByTestId('comparison-result');
		await expect(result).toHaveAttribute('data-value', String(fiscalYear(2024)));
		await expect(result).toHaveAttribute('data-baseline-value', String(fiscalYear(2023)));
		await expect(where.locator('#comparison-title')).toContainText('FY2024');
	};
	await expectResult(page);

	await page.reload();
	await ready(page);
	await page.getByTestId('figure-comparison').scrollIntoViewIfNeeded();
	await expectResult(page);
	await expect(page.getByTestId('comparison-year')).toHaveValue('2024');

	const link = await copied(page, 'comparison', 'link');
	expect(new URL(link).searchParams.get('compare')).toBe('2024');
	const snippet = await copied(page, 'comparison', 'embed');
	const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&'));
	expect(src.searchParams.get('compare')).toBe('2024');
	expect(snippet).toMatch(/title="[^"]*FY2024/);
	const embed = await context.newPage();
	await embed.goto(src.href);
	await expectResult(embed);

	// The picture names the comparison in its file name, states its sentence once (the title),
	// and leaves no blank band where the controls were.
	const svg = await download(page, 'comparison', 'svg');
	expect(svg.name).toBe('usbp-southwest-comparison_FY2024_vs-year-earlier.svg');
	const title = await page.locator('#comparison-title').innerText();
	const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.text.split(title).length - 1).toBe(1);
	const gaps = await page.evaluate((text) => {
		const holder = document.createElement('div');
		holder.innerHTML = text.replace(/^<\?xml[^>]*>/, '');
		document.body.append(holder);
		const lines = [...holder.querySelectorAll('text')]
			.map((t) => t.getBoundingClientRect())
			.sort((a, b) => a.top - b.top);
		holder.remove();
		return lines
			.slice(1)
			.map((r, i) => r.top - Math.max(...lines.slice(0, i + 1).map((l) => l.bottom)));
	}, svg.bytes.toString('utf8'));
	expect(Math.max(...gaps)).toBeLessThan(48);
	const png = await download(page, 'comparison', 'png');
	expect(png.name).toBe('usbp-southwest-comparison_FY2024_vs-year-earlier.png');
	expect(pngSize(png.bytes)).toEqual({ width: 2400, height: parsed.height * 2 });
});
