/**
 * The pure half of the SVG export: colours written for editors, text wrapped to the width, and a
 * composed document that is well-formed, escaped and holds the title, source, notes and date.
 */
import { describe, expect, test } from 'vitest';
import { composeSvg, escapeXml, paint, wrapText } from '../../src/lib/export/svg';

describe('paint', () => {
	test.each([
		['rgb(31, 78, 121)', { colour: '#1f4e79', alpha: 1 }],
		['rgba(130, 80, 223, 0.09)', { colour: '#8250df', alpha: 0.09 }],
		['rgb(130 80 223 / 50%)', { colour: '#8250df', alpha: 0.5 }],
		['rgba(0, 0, 0, 0)', { colour: 'none', alpha: 0 }],
		['none', { colour: 'none', alpha: 1 }],
		['url("#hatch")', { colour: 'url(#hatch)', alpha: 1 }],
		[
			'url("http://localhost:4173/?month=2025-06#svelte-1-ramp")',
			{ colour: 'url(#svelte-1-ramp)', alpha: 1 }
		]
	])('%s', (css, expected) => {
		expect(paint(css)).toEqual(expected);
	});
});

describe('wrapText', () => {
	const chars = (t: string) => t.length;
	test('breaks between words to fit the width', () => {
		expect(wrapText('one two three four', 9, chars)).toEqual(['one two', 'three', 'four']);
	});
	test('a word longer than the width gets its own line', () => {
		expect(wrapText('a verylongword b', 5, chars)).toEqual(['a', 'verylongword', 'b']);
	});
	test('collapses whitespace and drops empty text', () => {
		expect(wrapText('  a \n b  ', 10, chars)).toEqual(['a b']);
		expect(wrapText('   ', 10, chars)).toEqual([]);
	});
});

test('escapeXml escapes markup and drops characters XML forbids', () => {
	expect(escapeXml('a < b & "c" > d\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
});

describe('composeSvg', () => {
	const composed = composeSvg({
		width: 1200,
		palette: { background: 'rgb(255, 255, 255)', text: 'rgb(27, 31, 36)', muted: '#57606a' },
		graphic: { markup: '<rect width="500" height="300" fill="#1f4e79"/>', width: 500, height: 300 },
		text: {
			title: 'U.S. Border Patrol encounters <& more>',
			subtitle: 'U.S. Border Patrol · Southwest land border · Tucson Sector',
			source: 'CBP Nationwide Encounters (Oct 2024 release).',
			notes: ['Shaded: the Title 42 period.'],
			dataAsOf: 'CBP release of October 2024',
			credit: 'Border Stats Explorer · https://example.test/?month=2025-06&sector=TCA'
		}
	});

	test('is the requested width, on the palette’s background, with a generic font stack', () => {
		expect(composed.width).toBe(1200);
		expect(composed.svg).toContain('width="1200"');
		expect(composed.svg).toContain('fill="#ffffff"');
		expect(composed.svg).toMatch(/font-family="system-ui,[^"]*sans-serif"/);
	});

	test('holds the title, subtitle, source, notes, data as of and credit as escaped text', () => {
		for (const text of [
			'U.S. Border Patrol encounters &lt;&amp; more&gt;',
			'Tucson Sector',
			'Source: CBP Nationwide Encounters',
			'Shaded: the Title 42 period.',
			'Data as of: CBP release of October 2024',
			'?month=2025-06&amp;sector=TCA'
		])
			expect(composed.svg).toContain(text);
	});

	test('places the graphic at its own size below the title, and grows to fit it', () => {
		expect(composed.svg).toMatch(/<g transform="translate\(24,[\d.]+\)"><rect width="500"/);
		expect(composed.height).toBeGreaterThan(300 + 100);
	});

	test('scales a graphic wider than the space down to fit', () => {
		const wide = composeSvg({
			width: 800,
			palette: { background: '#fff', text: '#000', muted: '#555' },
			graphic: { markup: '', width: 1504, height: 400 },
			text: { title: 't', source: 's', notes: [], dataAsOf: '', credit: 'c' }
		});
		expect(wide.svg).toContain('scale(0.5)');
	});

	test('has no external references and balanced tags', () => {
		expect(composed.svg).not.toMatch(/href=|url\((?!#)|@import|<style/);
		const opened = composed.svg.match(/<(?!\/|\?)[a-z]+[^>]*[^/]>/g)?.length ?? 0;
		const closed = composed.svg.match(/<\/[a-z]+>/g)?.length ?? 0;
		expect(opened).toBe(closed);
	});
});
