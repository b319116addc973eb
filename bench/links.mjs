/**
 * Shared links, cold and again (issue 15): every state below is opened in a fresh browser context
 * and timed until its headline is complete (value and baseline) and until everything in the
 * viewport is drawn; then the same link is opened again in that context once every file has
 * loaded (a repeat visit: HTTP cache, service worker). Ratios are to the default link, `/`,
 * measured in the same runs, so they move far less with machine load than the times.
 */
import { readFileSync } from 'node:fs';

/**
 * One of each kind of state people share, `/` first (the reference for the ratios). A JSON file,
 * so that the tests (tests/helpers/linked-states.ts) check the same links.
 */
export const LINKS = JSON.parse(readFileSync(new URL('./links.json', import.meta.url), 'utf8'));

export const LINK_TARGETS = [
	{
		id: 'linkHeadline',
		label: 'Every listed link, cold: complete headline (slowest link’s median)',
		limit: 1500,
		unit: 'ms'
	},
	{
		id: 'linkRatio',
		label: 'Every listed link, cold: complete headline ÷ the default link’s (slowest)',
		limit: 1.3,
		unit: '×'
	},
	{
		id: 'linkView',
		label: 'Every listed link, cold: everything in view drawn (slowest link’s median)',
		limit: 2000,
		unit: 'ms'
	},
	{
		id: 'linkRepeat',
		label: 'Every listed link, repeat visit: complete headline (slowest link’s median)',
		limit: 600,
		unit: 'ms'
	}
];

const QUIET_MS = 500;

/** Waits until the page's main result is complete and the viewport drawn, quiet for QUIET_MS. */
async function waitView(page, problems, timeout) {
	const outcome = await page
		.waitForFunction(
			(quiet) => {
				const b = window.__bench;
				if (!b) return false;
				const error = document.querySelector('[data-testid=load-error],[data-testid=query-error]');
				if (error) return `error panel: ${error.textContent.trim().slice(0, 300)}`;
				b.check();
				return b.completePaintedAt !== null &&
					b.viewOk &&
					b.viewPaintedAt !== null &&
					performance.now() - b.viewAt >= quiet
					? 'ok'
					: false;
			},
			QUIET_MS,
			{ timeout, polling: 50 }
		)
		.then((h) => h.jsonValue())
		.catch((e) => `not complete within ${timeout / 1000} s (${e.message.split('\n')[0]})`);
	if (outcome !== 'ok')
		throw new Error(
			`${page.url()}: ${outcome}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`
		);
	return page.evaluate(() => {
		const b = window.__bench;
		const h = document.querySelector('[data-testid=headline]');
		// Data files the page had started to fetch by the time its result was complete.
		const dataBytes = performance
			.getEntriesByType('resource')
			.filter(
				(e) => e.startTime < b.completePaintedAt && new URL(e.name).pathname.startsWith('/data/')
			)
			.reduce((a, e) => a + e.transferSize, 0);
		return {
			completeMs: b.completePaintedAt,
			viewMs: b.viewPaintedAt,
			dataBytes,
			headline: h && {
				month: h.getAttribute('data-month'),
				value: h.getAttribute('data-value'),
				baselineValue: h.getAttribute('data-baseline-value')
			}
		};
	});
}

/**
 * `runs` rounds over every link, the order reversed every other round; in each, a cold load and
 * then a repeat visit in the same context.
 */
export async function measureLinks({ browser, origin, runs, newPage, timeout, log }) {
	const byLink = new Map(LINKS.map((l) => [l.id, []]));
	for (let i = 0; i < runs; i++) {
		const order = i % 2 ? [...LINKS].reverse() : LINKS;
		for (const link of order) {
			const { context, page, problems } = await newPage(browser);
			try {
				await page.goto(origin + link.path, { waitUntil: 'commit', timeout });
				const cold = await waitView(page, problems, timeout);
				// A repeat visit comes after a full first one: every file loaded and cached.
				await page
					.getByTestId('loading')
					.waitFor({ state: 'detached', timeout })
					.catch(() => {});
				await page.waitForTimeout(300);
				await page.goto(origin + link.path, { waitUntil: 'commit', timeout });
				const repeat = await waitView(page, problems, timeout);
				byLink.get(link.id).push({ ...cold, repeatMs: repeat.completeMs });
				log(
					`      run ${i + 1} ${link.id.padEnd(20)} headline ${ms(cold.completeMs)}  view ${ms(cold.viewMs)}  repeat ${ms(repeat.completeMs)}`
				);
			} finally {
				await context.close();
			}
		}
	}
	return byLink;
}

const ms = (x) => `${Math.round(x)} ms`.padStart(8);

/** Medians per link, ratios to the default link, and the values of LINK_TARGETS. */
export function summarizeLinks(byLink, median) {
	const def = median(byLink.get('default').map((r) => r.completeMs));
	const links = LINKS.map((link) => {
		const runs = byLink.get(link.id);
		const completeMs = median(runs.map((r) => r.completeMs));
		return {
			...link,
			completeMs,
			ratio: completeMs / def,
			viewMs: median(runs.map((r) => r.viewMs)),
			repeatMs: median(runs.map((r) => r.repeatMs)),
			dataBytes: median(runs.map((r) => r.dataBytes)),
			headline: runs[0].headline,
			runs
		};
	});
	const max = (f) => Math.max(...links.map(f));
	return {
		links,
		values: {
			linkHeadline: max((l) => l.completeMs),
			linkRatio: max((l) => l.ratio),
			linkView: max((l) => l.viewMs),
			linkRepeat: max((l) => l.repeatMs)
		}
	};
}
