/** Display formats: D3 does the number and date formatting; months are formatted in UTC. */
import { format, utcFormat } from 'd3';

export const formatCount = format(',');
/** An average per day: separators and one decimal (`2,053.5`). */
export const formatPerDay = format(',.1f');
export const formatMonthLong = utcFormat('%B %Y');
export const formatMonthShort = utcFormat('%b %Y');
/** A policy date in prose: `21 March 2020`. */
export const formatDay = utcFormat('%-d %B %Y');

/** `−92.7%` with a true minus sign for reading; `+12.0%` for increases. */
export function formatChange(pct: number | null, digits = 1): string {
	if (pct === null) return 'n/a';
	const fixed = Math.abs(pct).toFixed(digits);
	if (Number(fixed) === 0) return `${fixed}%`;
	// Thousands separators, as counts have them: +1,414.6%.
	const text = fixed.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
	return `${pct < 0 ? '−' : '+'}${text}%`;
}

/** Bytes as MB with one decimal, for loading progress. */
export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Line and paragraph breaks and tabs: a title is one line, but the words either side stay apart. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** U+xFFFE and U+xFFFF, noncharacters in every one of the 17 planes. */
const PLANE_ENDS = Array.from({ length: 17 }, (_, plane) => {
	const end = (plane * 0x10000 + 0xfffe).toString(16);
	return `\\u{${end}}\\u{${end.slice(0, -1)}f}`;
}).join('');

/**
 * Code points that have no place in a title, a file name or an exported SVG: C0/C1 controls and
 * DEL (invisible, and mostly invalid in XML 1.0); bidi marks, embeddings, overrides and isolates
 * (they reorder what follows: `abc\u202Efdp.exe` shows as `abcexe.pdf`); zero-width space, word
 * joiner and invisible operators; the byte order mark; interlinear annotation marks;
 * noncharacters; and lone surrogates (with the `u` flag a pair is one code point, so only a lone
 * one matches `\uD800-\uDFFF`). Zero-width (non-)joiners stay: Persian, Indic scripts and emoji
 * need them. One regular expression, so that a large SVG's markup is cleaned quickly.
 */
const HIDDEN = new RegExp(
	'[\\0-\\x1F\\x7F-\\x9F\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069' +
		`\\uFEFF\\uFFF9-\\uFFFB\\uFDD0-\\uFDEF${PLANE_ENDS}\\uD800-\\uDFFF]`,
	'gu'
);

/**
 * Text from a file, a label or a user, made safe to show in an exported title, file name, SVG or
 * embed snippet: breaks become spaces; hidden, reordering and noncharacter code points and lone
 * surrogates (invalid in XML and in UTF-8) are dropped. Everything else, any script, is kept.
 */
export function plainText(text: string): string {
	return text.replace(BREAKS, ' ').replace(HIDDEN, '');
}

/** Words kept in lower case inside a name ("Republic of"). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'de', 'del']);

/**
 * A name CBP writes in capitals, as a sentence writes it: `MEXICO` → `Mexico`,
 * `CHINA, PEOPLES REPUBLIC OF` → `China, Peoples Republic of`. Text with lower case is kept.
 */
export function nameCase(text: string): string {
	if (text !== text.toUpperCase()) return text;
	return text
		.toLowerCase()
		.replace(/[\p{L}\p{N}]+/gu, (word, at: number) =>
			at > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)
		);
}

/**
 * A citizenship as running text writes it, after "citizens of": CBP's inverted names put right
 * (`CHINA, PEOPLES REPUBLIC OF` → `the Peoples Republic of China`), `OTHER` as `other countries`.
 */
export function countryInText(label: string): string {
	const name = nameCase(label.trim());
	if (/^other$/i.test(name)) return 'other countries';
	const inverted = /^(.+),\s*(.+\sof)$/i.exec(name);
	return inverted ? `the ${inverted[2]} ${inverted[1]}` : name;
}
