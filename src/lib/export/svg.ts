/**
 * A figure as one self-contained SVG: the chart's own SVG elements cloned with their computed
 * styles written in as presentation attributes (CSS variables resolved to colours), the HTML
 * around them (labels, legends, table cells) redrawn as SVG text, lines and boxes at the places the
 * browser laid them out, and the title, filters, source, notes and "data as of" written above and
 * below. One generic font stack, no classes, no stylesheet, no external references.
 *
 * `captureGraphic` reads the live page (browser only); `composeSvg` and `wrapText` are pure.
 */
import { plainText } from '../format';

export const FONT_STACK =
	"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export interface FigureText {
	title: string;
	subtitle?: string;
	source: string;
	notes: string[];
	dataAsOf: string;
	/** Where it comes from: the app and the view's link. */
	credit: string;
}

export interface Palette {
	background: string;
	text: string;
	muted: string;
}

export interface Graphic {
	/** SVG markup in the graphic's own pixel space, from (0, 0). */
	markup: string;
	width: number;
	height: number;
}

export type Measure = (text: string, font: string) => number;

// ---------------------------------------------------------------------------------------------
// Pure: escaping, colours, wrapping, composition

/**
 * Text as XML character data or an attribute value: `plainText` first, which drops every
 * character XML 1.0 forbids (controls, U+FFFE/U+FFFF, lone surrogates: one makes the whole SVG
 * unreadable, and its PNG with it) and the bidi controls that would reorder a title; then the
 * five markup characters as entities.
 */
export function escapeXml(text: string): string {
	return plainText(text)
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * A computed CSS colour as an SVG paint: `#rrggbb` plus its alpha, so editors that know no
 * `rgba()` draw it too. `none`, `url(#id)` and unknown forms pass through with alpha 1.
 */
export function paint(value: string): { colour: string; alpha: number } {
	const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
		value.trim()
	);
	if (!m) {
		// A paint server the browser wrote as an absolute `url("…#id")`: keep only the fragment.
		const url = /^url\(\s*["']?[^#"')]*(#[^"')]+)["']?\s*\)/.exec(value.trim());
		return { colour: url ? `url(${url[1]})` : value.trim(), alpha: 1 };
	}
	const hex = [m[1], m[2], m[3]]
		.map((c) =>
			Math.round(Math.min(255, Number(c)))
				.toString(16)
				.padStart(2, '0')
		)
		.join('');
	const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
	return { colour: a === 0 ? 'none' : `#${hex}`, alpha: a };
}

/** Greedy word wrap to `width` by `measure`; a word longer than a line gets a line of its own. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** A rough measure for places without a canvas (tests): average glyph width by font size. */
export const roughMeasure: Measure = (text, font) => {
	const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
	return text.length * size * (font.startsWith('bold') || font.startsWith('700') ? 0.6 : 0.54);
};

const PAD = 24;

/**
 * The figure as an SVG document `width` wide: title, subtitle, the graphic (scaled down if wider
 * than the space), then source, notes, data as of and credit.
 */
export function composeSvg(args: {
	width: number;
	text: FigureText;
	graphic: Graphic | null;
	palette: Palette;
	measure?: Measure;
}): { svg: string; width: number; height: number } {
	const { width, text, graphic, palette } = args;
	const measure = args.measure ?? roughMeasure;
	const inner = width - 2 * PAD;
	const bg = paint(palette.background);
	const fg = paint(palette.text).colour;
	const muted = paint(palette.muted).colour;
	const parts: string[] = [];
	let y = PAD;

	const block = (
		content: string,
		opts: { size: number; lineHeight: number; weight?: number; colour: string; gap?: number }
	) => {
		const font = `${opts.weight ?? 400} ${opts.size}px ${FONT_STACK}`;
		for (const line of wrapText(content, inner, (t) => measure(t, font))) {
			y += opts.lineHeight;
			parts.push(
				`<text x="${PAD}" y="${num(y - (opts.lineHeight - opts.size) / 2 - opts.size * 0.18)}" font-size="${opts.size}"${opts.weight ? ` font-weight="${opts.weight}"` : ''} fill="${opts.colour}">${escapeXml(line)}</text>`
			);
		}
		y += opts.gap ?? 0;
	};

	block(text.title, { size: 20, lineHeight: 26, weight: 700, colour: fg, gap: 4 });
	if (text.subtitle) block(text.subtitle, { size: 14, lineHeight: 20, colour: muted });
	y += 14;
	if (graphic && graphic.width > 0 && graphic.height > 0) {
		const scale = Math.min(1, inner / graphic.width);
		// Chart labels can come from an uploaded file, and XMLSerializer writes text as it is:
		// the markup gets `plainText` too (its breaks becoming spaces changes nothing in SVG).
		parts.push(
			`<g transform="translate(${PAD},${num(y)})${scale < 1 ? ` scale(${Math.round(scale * 1000) / 1000})` : ''}">${plainText(graphic.markup)}</g>`
		);
		y += graphic.height * scale + 14;
	}
	block(`Source: ${text.source}`, { size: 12, lineHeight: 17, colour: fg, gap: 2 });
	for (const note of text.notes) block(note, { size: 12, lineHeight: 17, colour: muted, gap: 2 });
	if (text.dataAsOf)
		block(`Data as of: ${text.dataAsOf}`, { size: 12, lineHeight: 17, colour: muted, gap: 2 });
	block(text.credit, { size: 11, lineHeight: 16, colour: muted });
	const height = Math.ceil(y + PAD);

	const svg = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">`,
		`<title>${escapeXml(text.title)}</title>`,
		text.subtitle ? `<desc>${escapeXml(text.subtitle)}</desc>` : '',
		`<rect width="${width}" height="${height}" fill="${bg.colour === 'none' ? '#ffffff' : bg.colour}"/>`,
		...parts,
		'</svg>'
	]
		.filter(Boolean)
		.join('\n');
	return { svg, width, height };
}

// ---------------------------------------------------------------------------------------------
// Browser: reading the page

/** Not part of a picture: controls, tooltips, screen-reader text, the menus themselves. */
const SKIP = [
	'[data-export-skip]',
	'.visually-hidden',
	'.tabs',
	'.toggle',
	'.tooltip',
	'[role="status"]',
	'fieldset',
	'form',
	'details',
	'select',
	'input',
	'textarea',
	'script',
	'style',
	'template'
].join(', ');

/** Inherited paint and text properties, written where they differ from the parent's. */
const INHERITED = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-opacity',
	'stroke-width',
	'stroke-dasharray',
	'stroke-dashoffset',
	'stroke-linecap',
	'stroke-linejoin',
	'paint-order',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'letter-spacing',
	'visibility'
];

/** Non-inherited properties with their initial values, written only when they differ. */
const OWN: [string, string][] = [
	['opacity', '1'],
	['stop-color', ''],
	['stop-opacity', '1']
];

/** Containers whose children are referenced, never drawn in place: their `display` is moot. */
const RESOURCE = new Set([
	'defs',
	'pattern',
	'lineargradient',
	'radialgradient',
	'clippath',
	'mask',
	'marker',
	'symbol'
]);

const px = (value: string) => value.replace(/(-?[\d.]+)px/g, '$1').replace(/,\s*/g, ' ');

/** The computed value of one property, written the way an SVG attribute wants it. */
function attributeValue(style: CSSStyleDeclaration, name: string): string {
	const raw = style.getPropertyValue(name).trim();
	if (name === 'fill' || name === 'stroke' || name === 'stop-color') return paint(raw).colour;
	if (name === 'fill-opacity' || name === 'stroke-opacity' || name === 'stop-opacity') {
		const colour =
			name === 'fill-opacity' ? 'fill' : name === 'stroke-opacity' ? 'stroke' : 'stop-color';
		const alpha = paint(style.getPropertyValue(colour)).alpha;
		return num(Number(raw || 1) * alpha);
	}
	if (name === 'letter-spacing' && raw === 'normal') return '0';
	return px(raw);
}

function styleAttributes(style: CSSStyleDeclaration): Map<string, string> {
	const values = new Map<string, string>();
	for (const name of INHERITED) values.set(name, attributeValue(style, name));
	return values;
}

/** A clone of an SVG element with every computed style written in as attributes. */
function cloneSvg(svg: SVGSVGElement): SVGSVGElement {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	const inherited = new Map<Element, Map<string, string>>();
	const drop: Element[] = [];
	originals.forEach((original, i) => {
		const copy = copies[i];
		const style = getComputedStyle(original);
		const tag = original.tagName.toLowerCase();
		let inResource = false;
		for (let up: Element | null = original.parentElement; up && up !== svg; up = up.parentElement)
			inResource ||= RESOURCE.has(up.tagName.toLowerCase());
		if (!inResource && !RESOURCE.has(tag) && style.display === 'none') {
			drop.push(copy);
			return;
		}
		for (const name of [...copy.getAttributeNames()])
			if (/^(class|style|role|tabindex|focusable|aria-.*|data-.*)$/.test(name))
				copy.removeAttribute(name);
		const parentValues = original === svg ? null : (inherited.get(original.parentElement!) ?? null);
		const values = styleAttributes(style);
		inherited.set(original, values);
		for (const [name, value] of values)
			if (!parentValues || parentValues.get(name) !== value) copy.setAttribute(name, value);
		for (const [name, initial] of OWN) {
			if (name.startsWith('stop') !== (tag === 'stop')) continue;
			const value = attributeValue(style, name);
			if (value !== initial) copy.setAttribute(name, value);
		}
	});
	for (const el of drop) el.remove();
	return clone;
}

function lightPalette(): [string, string][] {
	const out: [string, string][] = [];
	for (const sheet of document.styleSheets) {
		let rules: CSSRuleList;
		try {
			rules = sheet.cssRules;
		} catch {
			continue;
		}
		// Top-level `:root` rules only: the dark palette lives inside a media rule.
		for (const rule of rules)
			if (rule instanceof CSSStyleRule && rule.selectorText === ':root')
				for (const name of rule.style)
					if (name.startsWith('--')) out.push([name, rule.style.getPropertyValue(name).trim()]);
	}
	return out;
}

/**
 * Runs `read` with the site's light colours set on `frame`, unless `keepPage` (then as shown).
 * All in one task, so the page never repaints in the other colours.
 */
export function withPalette<T>(frame: HTMLElement, keepPage: boolean, read: () => T): T {
	if (keepPage) return read();
	// Text colour is inherited from <body> already resolved, so it is set again from the variable.
	const palette: [string, string][] = [...lightPalette(), ['color', 'var(--text)']];
	const before = palette.map(([name]) => [name, frame.style.getPropertyValue(name)] as const);
	for (const [name, value] of palette) frame.style.setProperty(name, value);
	try {
		return read();
	} finally {
		for (const [name, value] of before)
			if (value) frame.style.setProperty(name, value);
			else frame.style.removeProperty(name);
	}
}

/** The frame's colours as the picture's background, text and secondary text. */
export function paletteOf(frame: HTMLElement): Palette {
	const style = getComputedStyle(frame);
	const background = paint(style.backgroundColor);
	return {
		background:
			background.alpha === 0
				? getComputedStyle(document.body).backgroundColor
				: style.backgroundColor,
		text: style.color,
		muted: style.getPropertyValue('--muted').trim() || style.color
	};
}

/**
 * The graphic inside `container` as SVG markup in its own pixel space: every outermost `<svg>`
 * cloned with inlined styles, plus the HTML text, small coloured boxes (legend swatches) and
 * borders (table rules, panel frames) at the places the browser drew them.
 */
export function captureGraphic(container: HTMLElement, background: string): Graphic {
	const origin = container.getBoundingClientRect();
	const parts: string[] = [];
	const serializer = new XMLSerializer();
	const range = document.createRange();
	const bg = paint(background).colour;
	const at = (r: DOMRect) => ({ x: r.left - origin.left, y: r.top - origin.top });

	const fillAttrs = (cssColour: string, kind: 'fill' | 'stroke') => {
		const p = paint(cssColour);
		return `${kind}="${p.colour}"${p.alpha < 1 ? ` ${kind}-opacity="${num(p.alpha)}"` : ''}`;
	};

	// What was drawn spans top–bottom: space above and below it (skipped controls) is cut.
	let top = Infinity;
	let bottom = -Infinity;
	const draw = (markup: string, r: { top: number; bottom: number }) => {
		parts.push(markup);
		top = Math.min(top, r.top - origin.top);
		bottom = Math.max(bottom, r.bottom - origin.top);
	};

	/** Text on the line box `r`: its baseline sits about 80% down a line of the font. */
	const textAt = (content: string, r: DOMRect, style: CSSStyleDeclaration, anchorEndAt?: number) =>
		draw(
			`<text x="${num(anchorEndAt ?? at(r).x)}" y="${num(at(r).y + r.height * 0.8)}" font-size="${px(style.fontSize)}"${
				style.fontWeight !== '400' ? ` font-weight="${style.fontWeight}"` : ''
			}${style.fontStyle !== 'normal' ? ` font-style="${style.fontStyle}"` : ''}${
				anchorEndAt === undefined ? '' : ' text-anchor="end"'
			} ${fillAttrs(style.color, 'fill')}>${escapeXml(content)}</text>`,
			r
		);

	/** Collapsible white space only: a no-break space is drawn, as the browser draws it. */
	const SPACE = /[ \t\n\r\f]/;

	function text(node: Text, style: CSSStyleDeclaration) {
		const data = node.data;
		let start = 0;
		let end = data.length;
		while (start < end && SPACE.test(data[start])) start++;
		while (end > start && SPACE.test(data[end - 1])) end--;
		if (start === end || style.visibility === 'hidden' || paint(style.color).alpha === 0) return;
		range.setStart(node, start);
		range.setEnd(node, end);
		const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
		if (!rects.length) return;
		if (rects.length === 1) {
			textAt(data.slice(start, end).replace(/[ \t\n\r\f]+/g, ' '), rects[0], style);
			return;
		}
		// Wrapped text: one SVG line per line the browser drew.
		let line: { words: string[]; rect: DOMRect } | null = null;
		const flush = () => line && textAt(line.words.join(' '), line.rect, style);
		for (const word of data.matchAll(/[^ \t\n\r\f]+/g)) {
			range.setStart(node, word.index);
			range.setEnd(node, word.index + word[0].length);
			const rect = range.getBoundingClientRect();
			if (rect.width === 0) continue;
			if (line && Math.abs(rect.top - line.rect.top) < rect.height / 2) line.words.push(word[0]);
			else {
				flush();
				line = { words: [word[0]], rect };
			}
		}
		flush();
	}

	function box(el: HTMLElement, style: CSSStyleDeclaration) {
		const r = el.getBoundingClientRect();
		if (r.width < 1 || r.height < 1) return;
		const { x, y } = at(r);
		const radius = Math.min(parseFloat(style.borderTopLeftRadius) || 0, r.height / 2);
		const rx = radius ? ` rx="${num(radius)}"` : '';
		const fill = paint(style.backgroundColor);
		if (fill.alpha > 0 && fill.colour !== bg)
			draw(
				`<rect x="${num(x)}" y="${num(y)}" width="${num(r.width)}" height="${num(r.height)}"${rx} ${fillAttrs(style.backgroundColor, 'fill')}/>`,
				r
			);
		const sides = (['top', 'right', 'bottom', 'left'] as const).map((side) => ({
			side,
			width:
				style.getPropertyValue(`border-${side}-style`) === 'none'
					? 0
					: parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0,
			colour: style.getPropertyValue(`border-${side}-color`)
		}));
		if (sides.every((s) => s.width > 0)) {
			const w = sides[0].width;
			draw(
				`<rect x="${num(x + w / 2)}" y="${num(y + w / 2)}" width="${num(r.width - w)}" height="${num(r.height - w)}"${rx} fill="none" stroke-width="${num(w)}" ${fillAttrs(sides[0].colour, 'stroke')}${style.borderTopStyle === 'dashed' ? ' stroke-dasharray="3 2"' : ''}/>`,
				r
			);
			return;
		}
		for (const s of sides) {
			if (!s.width) continue;
			const h = s.width / 2;
			const [x1, y1, x2, y2] = {
				top: [x, y + h, x + r.width, y + h],
				bottom: [x, y + r.height - h, x + r.width, y + r.height - h],
				left: [x + h, y, x + h, y + r.height],
				right: [x + r.width - h, y, x + r.width - h, y + r.height]
			}[s.side];
			draw(
				`<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke-width="${num(s.width)}" ${fillAttrs(s.colour, 'stroke')}/>`,
				r
			);
		}
	}

	/** List numbers are `::marker`s, not text: numbered event lists need them. */
	function marker(el: HTMLElement, style: CSSStyleDeclaration) {
		if (style.display !== 'list-item' || style.listStyleType === 'none') return;
		const first = document
			.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
				acceptNode: (n) =>
					n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP
			})
			.nextNode();
		if (!first) return;
		range.selectNodeContents(first);
		const rect = range.getClientRects()[0];
		if (!rect) return;
		const label = el.parentElement?.tagName === 'OL' ? `${(el as HTMLLIElement).value}.` : '•';
		textAt(label, rect, style, el.getBoundingClientRect().left - origin.left - 6);
	}

	function walk(parent: Element, style: CSSStyleDeclaration) {
		for (const node of parent.childNodes) {
			if (node.nodeType === Node.TEXT_NODE) {
				text(node as Text, style);
				continue;
			}
			if (!(node instanceof Element) || node.matches(SKIP)) continue;
			const own = getComputedStyle(node);
			if (own.display === 'none') continue;
			if (node instanceof SVGSVGElement) {
				const r = node.getBoundingClientRect();
				if (r.width < 1 || r.height < 1) continue;
				const clone = cloneSvg(node);
				const { x, y } = at(r);
				clone.setAttribute('x', num(x));
				clone.setAttribute('y', num(y));
				clone.setAttribute('width', num(r.width));
				clone.setAttribute('height', num(r.height));
				clone.setAttribute('overflow', own.overflow === 'visible' ? 'visible' : 'hidden');
				if (!clone.hasAttribute('viewBox') && node.width.baseVal.unitType === 1)
					clone.setAttribute(
						'viewBox',
						`0 0 ${node.width.baseVal.value} ${node.height.baseVal.value}`
					);
				// Labels of a chart drawn with overflow visible may stand outside its box.
				const extent = [
					r,
					...[...node.querySelectorAll('text')].map((t) => t.getBoundingClientRect())
				];
				draw(serializer.serializeToString(clone).replace(/ xmlns="[^"]*"/, ''), {
					top: Math.min(...extent.map((e) => e.top)),
					bottom: Math.max(...extent.map((e) => e.bottom))
				});
				continue;
			}
			if (node instanceof HTMLElement && own.visibility !== 'hidden') {
				box(node, own);
				marker(node, own);
			}
			walk(node, own);
		}
	}

	// Skipped controls leave no blank band: they are out of the layout while it is read, all in
	// one task, so the page never repaints without them.
	const skipped = [...container.querySelectorAll(SKIP)].filter(
		(el): el is HTMLElement => el instanceof HTMLElement
	);
	const displays = skipped.map((el) => el.style.getPropertyValue('display'));
	for (const el of skipped) el.style.setProperty('display', 'none', 'important');
	try {
		walk(container, getComputedStyle(container));
	} finally {
		skipped.forEach((el, i) =>
			displays[i]
				? el.style.setProperty('display', displays[i])
				: el.style.removeProperty('display')
		);
	}
	if (!parts.length) return { markup: '', width: origin.width, height: 0 };
	return {
		markup: `<g transform="translate(0,${num(-top)})">\n${parts.join('\n')}\n</g>`,
		width: origin.width,
		height: bottom - top
	};
}

/** A canvas text measure, so wrapped lines fit as the browser will draw them. */
export function canvasMeasure(): Measure {
	const context = document.createElement('canvas').getContext('2d');
	if (!context) return roughMeasure;
	return (text, font) => {
		context.font = font;
		return context.measureText(text).width;
	};
}
