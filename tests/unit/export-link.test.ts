/**
 * Copied links and embeds always write month, from and to, so they show the same months after
 * the data are updated; the embed snippet is a plain, escaped iframe.
 */
import { describe, expect, test } from 'vitest';
import { embedHref, embedSnippet, explorerHref, viewQuery } from '../../src/lib/export/link';
import { DEFAULT_URL_STATE, parseUrlState } from '../../src/lib/filters/url-state';

const utc = (key: string) => new Date(`${key}-01T00:00:00Z`);
const resolved = (over = {}) => ({
	...DEFAULT_URL_STATE,
	month: utc('2025-06'),
	from: utc('1999-10'),
	to: utc('2026-08'),
	...over
});

describe('links', () => {
	test('the default view still writes its months', () => {
		expect(viewQuery(DEFAULT_URL_STATE, resolved())).toBe('?from=1999-10&to=2026-08&month=2025-06');
	});

	test('filters are kept and parse back to the same state with the months filled in', () => {
		const state = parseUrlState(new URLSearchParams('sector=TCA&demographic=uc')).state;
		const query = viewQuery(state, resolved({ sectors: ['TCA'], demographic: 'uc' }));
		expect(query).toBe('?sector=TCA&from=1999-10&to=2026-08&month=2025-06&demographic=uc');
		expect(parseUrlState(new URLSearchParams(query))).toEqual({
			state: { ...state, month: utc('2025-06'), from: utc('1999-10'), to: utc('2026-08') },
			notices: []
		});
	});

	test('the explorer and embed links are relative to the site root', () => {
		expect(explorerHref(DEFAULT_URL_STATE, resolved())).toBe(
			'./?from=1999-10&to=2026-08&month=2025-06'
		);
		expect(embedHref('small-multiples', DEFAULT_URL_STATE, resolved())).toBe(
			'./embed?view=small-multiples&from=1999-10&to=2026-08&month=2025-06'
		);
	});
});

test('the embed snippet escapes its attributes', () => {
	const snippet = embedSnippet('https://x.test/embed?view=monthly&a="b"', 'monthly', 'A <b> "c"');
	expect(snippet).toBe(
		'<iframe src="https://x.test/embed?view=monthly&amp;a=&quot;b&quot;" title="A &lt;b> &quot;c&quot;" width="100%" height="820" style="border:0;max-width:100%" loading="lazy"></iframe>'
	);
});

test('the embed snippet carries no bidi control or noncharacter from a title', () => {
	const snippet = embedSnippet(
		'https://x.test/embed?view=monthly',
		'monthly',
		'Tucson \u202Eevil\u2066 & <b>\uFFFE\n'
	);
	expect(snippet).toContain('title="Tucson evil &amp; &lt;b> "');
	expect(snippet).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uFFFE\n]/);
});

test('links percent-encode whatever a value holds', () => {
	const query = viewQuery(
		{ ...DEFAULT_URL_STATE, citizenship: 'x\u202Ey' },
		resolved({ citizenship: 'x\u202Ey' })
	);
	expect(query).toContain('citizenship=x%E2%80%AEy');
	expect(query).toMatch(/^[\x21-\x7E]+$/);
});
