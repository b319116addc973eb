/**
 * From a file's bytes to CSV text, or a plain-language reason why the bytes are not a CBP CSV.
 * CBP publishes UTF-8 (sometimes with a byte-order mark) with CRLF line ends; anything else that
 * reaches us is a spreadsheet saved the wrong way, a compressed file, or not text at all.
 */

export type Decoded = { ok: true; text: string; hadBom: boolean } | { ok: false; reason: string };

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Signatures of files people drop by mistake instead of the CSV. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		what: 'a ZIP archive or an Excel workbook (.xlsx); save the sheet as "CSV UTF-8"'
	},
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0],
		what: 'an old Excel workbook (.xls); save the sheet as "CSV UTF-8"'
	},
	{ bytes: [0x1f, 0x8b], what: 'a gzip-compressed file; decompress it first' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a CSV' }
];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
	bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** 1-based line of a byte offset (counting LF bytes before it). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
		else return i;
		if (i + need >= bytes.length) return i;
		let code = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if ((c & 0xc0) !== 0x80) return i;
			code = (code << 6) | (c & 0x3f);
		}
		// Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
		if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
		i += need + 1;
	}
	return -1;
}

/**
 * NUL bytes in every other position of the first bytes: ASCII text stored as UTF-16 without a
 * byte-order mark.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const sample = Math.min(bytes.length, 4096);
	let even = 0;
	let odd = 0;
	for (let i = 0; i < sample; i++) {
		if (bytes[i] !== 0) continue;
		if (i % 2 === 0) even++;
		else odd++;
	}
	const half = sample / 2;
	return half >= 2 && (odd >= half * 0.4 || even >= half * 0.4) && Math.min(even, odd) < half * 0.1;
}

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
		return {
			ok: false,
			reason: `is UTF-16 text (it starts with the byte-order mark ${hex(bytes[0])} ${hex(bytes[1])}); CBP files are UTF-8: save it again as "CSV UTF-8"`
		};
	for (const { bytes: signature, what } of SIGNATURES)
		if (startsWith(bytes, signature)) return { ok: false, reason: `is ${what}` };
	const nul = bytes.indexOf(0);
	if (nul >= 0)
		return looksLikeUtf16(bytes)
			? {
					ok: false,
					reason:
						'looks like UTF-16 text without a byte-order mark (every other byte is NUL); CBP files are UTF-8: save it again as "CSV UTF-8"'
				}
			: {
					ok: false,
					reason: `is not a text file: it contains NUL bytes (first at byte ${nul}, line ${lineOfByte(bytes, nul)})`
				};
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		// Tab, LF and CR are the only control characters a CSV has.
		if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f)
			return {
				ok: false,
				reason: `is not a text file: it contains the control byte ${hex(b)} (byte ${i}, line ${lineOfByte(bytes, i)})`
			};
	}
	const bad = firstInvalidUtf8(bytes);
	if (bad >= 0)
		return {
			ok: false,
			reason: `is not UTF-8 text: byte ${bad} (line ${lineOfByte(bytes, bad)}) is ${hex(bytes[bad])}, which UTF-8 does not allow there; it may be saved as Windows-1252 or Latin-1: save it again as "CSV UTF-8"`
		};
	const hadBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
	const text = new TextDecoder('utf-8').decode(hadBom ? bytes.subarray(3) : bytes);
	return { ok: true, text, hadBom };
}
