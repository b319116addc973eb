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
	expect(escapeXml("it's")).toBe('it&apos;s');
	expect(escapeXml('x\uFFFE\uFFFF\uD800\u{10FFFF}\u202Ey\u2066z\u2069')).toBe('xyz');
});

/** Every character XML 1.0 forbids (`Char`); with `u`, a lone surrogate matches too. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = '[A-Za-z_][\\w.:-]*';
/** Character data or an attribute value: `&` only as an entity, no `<`. */
const TEXT = '(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\\d+|#x[\\da-fA-F]+);)';
/** From here on: an end tag, a start or empty tag with quoted attributes, or character data. */
const TOKEN = new RegExp(
	`</(${NAME})\\s*>|<(${NAME})(?:\\s+${NAME}\\s*=\\s*(?:"(?:(?!")${TEXT})*"|'(?:(?!')${TEXT})*'))*\\s*(/?)>|(${TEXT}+)`,
	'y'
);

/**
 * A strict check that an SVG is well-formed XML, for Node (no DOMParser): only XML characters,
 * one XML declaration, tags that nest and close, entities only where allowed, one root element.
 * Returns what is wrong, or null. Comments, CDATA and doctypes are not accepted: the export has
 * none.
 */
function xmlProblem(xml: string): string | null {
	const bad = NOT_XML_CHAR.exec(xml);
	if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`;
	const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>/, '');
	const open: string[] = [];
	let roots = 0;
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < body.length) {
		const at = TOKEN.lastIndex;
		const m = TOKEN.exec(body);
		if (!m) return `not markup at ${at}: ${JSON.stringify(body.slice(at, at + 40))}`;
		const [, end, start, empty, text] = m;
		if (text !== undefined) {
			if (!open.length && text.trim()) return `text outside the root at ${at}`;
		} else if (end !== undefined) {
			if (open.pop() !== end) return `</${end}> closes nothing open at ${at}`;
		} else {
			if (!open.length && roots++) return `a second root element at ${at}`;
			if (!empty) open.push(start);
		}
	}
	return open.length ? `<${open.at(-1)}> is never closed` : roots ? null : 'no root element';
}

describe('the well-formedness check itself', () => {
	test.each([
		['<svg><text>a &amp; b</text></svg>', null],
		['<svg a="1" b=\'2\'><g/></svg>', null],
		['<svg><text>a & b</text></svg>', 'not markup'],
		['<svg><text>a < b</text></svg>', 'not markup'],
		['<svg a="<"/>', 'not markup'],
		['<svg><g></svg>', 'closes nothing'],
		['<svg><g>', 'never closed'],
		['<svg/><svg/>', 'second root'],
		['<svg>\uFFFE</svg>', 'character U+fffe'],
		['<svg>\uD800</svg>', 'character U+d800']
	])('%j', (xml, problem) => {
		const found = xmlProblem(xml);
		if (problem === null) expect(found).toBeNull();
		else expect(found).toContain(problem);
	});
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

	test('has no external references and is well-formed', () => {
		expect(composed.svg).not.toMatch(/href=|url\((?!#)|@import|<style/);
		expect(xmlProblem(composed.svg)).toBeNull();
		const opened = composed.svg.match(/<(?!\/|\?)[a-z]+[^>]*[^/]>/g)?.length ?? 0;
		const closed = composed.svg.match(/<\/[a-z]+>/g)?.length ?? 0;
		expect(opened).toBe(closed);
	});
});

describe('a figure whose words and labels hold markup, noncharacters and bidi controls', () => {
	const HOSTILE = ['\uFFFE', '\uFFFF', '\u202E', '\u2066', '\u200F', '\uD800', '\u0000'];
	const label = (name: string) => `${name} <script>alert(1)</script> & \u202Eevil\uFFFE\uFFFF`;
	const { svg } = composeSvg({
		width: 800,
		palette: { background: '#fff', text: '#000', muted: '#555' },
		graphic: {
			// As `captureGraphic` serialises a chart label: escaped, but its characters as they are.
			markup: '<text x="0" y="12">Tucson \u202E\uFFFE &amp; &lt;script&gt;</text>',
			width: 400,
			height: 100
		},
		text: {
			title: label('Title'),
			subtitle: label('Filters'),
			source: label('Uploaded: my file (1).csv'),
			notes: [label('Note'), 'a lone \uDC00 surrogate'],
			dataAsOf: label('release'),
			credit: 'Border Stats Explorer · https://x.test/?a=1&b="2"'
		}
	});

	test('is well-formed XML', () => {
		expect(xmlProblem(svg)).toBeNull();
	});

	test('holds none of the hostile characters and no live markup', () => {
		for (const char of HOSTILE) expect(svg).not.toContain(char);
		expect(svg).not.toMatch(/<script/i);
		expect(svg).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; evil');
		expect(svg).toContain('<title>Title &lt;script&gt;');
		expect(svg).toContain('Tucson  &amp; &lt;script&gt;</text>');
		expect(svg).toContain('?a=1&amp;b=&quot;2&quot;');
	});
});
