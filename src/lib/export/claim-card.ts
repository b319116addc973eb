/**
 * A checked claim as one self-contained SVG card: the sentence, the verdict, the two numbers and
 * the change, a small chart of the series with both periods marked, the caveats, the sources and
 * "data as of". Pure: text is wrapped by an estimate of its width, so the card is the same in
 * every browser and in tests.
 */
import { extent, line, max, scaleLinear, scaleUtc } from 'd3';
import { VERDICT_LABELS, type ClaimCheck } from '../claims/check';
import { periodName, scopeName } from '../claims/words';
import { formatChange, formatCount, formatMonthShort } from '../format';
import { escapeXml, FONT_STACK, wrapText } from './svg';

export const CARD_WIDTH = 720;
const BASELINE_COLOUR = '#8fb3d9';
const PERIOD_COLOUR = '#e0a040';
const PAD = 28;
const VERDICT_COLOURS = {
	accurate: '#1b6e3a',
	'accurate-with-caveats': '#7a5a00',
	'not-accurate': '#a12a2a',
	'cannot-check': '#555555'
} as const;

/** About the width of a system sans-serif at `size` px: enough to wrap a card's lines. */
const estimate = (size: number, weight: number) => (text: string) =>
	text.length * size * (weight > 400 ? 0.6 : 0.54);

export function claimCard(args: {
	sentence: string;
	check: ClaimCheck;
	dataAsOf: string;
	sources: string[];
	link: string;
}): {
	svg: string;
	width: number;
	height: number;
} {
	const { check } = args;
	const inner = CARD_WIDTH - 2 * PAD;
	const parts: string[] = [];
	let y = PAD;
	const text = (content: string, size: number, opts: { weight?: number; colour?: string } = {}) => {
		const measure = estimate(size, opts.weight ?? 400);
		// A word wider than a line (a link) is cut into pieces that fit, one per line.
		const perLine = Math.floor(inner / measure('x'));
		const pieces = content
			.split(' ')
			.flatMap((word) => word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [])
			.join(' ');
		for (const row of wrapText(pieces, inner, measure)) {
			y += size * 1.3;
			parts.push(
				`<text x="${PAD}" y="${y}" font-size="${size}" font-weight="${opts.weight ?? 400}" fill="${opts.colour ?? '#1a1a1a'}">${escapeXml(row)}</text>`
			);
		}
		y += size * 0.4;
	};
	text(`“${args.sentence}”`, 17, { weight: 600 });
	text(VERDICT_LABELS[check.verdict], 22, { weight: 700, colour: VERDICT_COLOURS[check.verdict] });
	text(check.reason, 14);
	if (check.value !== null && check.baselineValue !== null)
		text(
			`${periodName(check.form.baseline!)}: ${formatCount(check.baselineValue)} · ${periodName(check.form.period!)}: ${formatCount(check.value)} · change ${formatChange(check.changePct)}`,
			15,
			{ weight: 600 }
		);
	const chart = seriesChart(check, y + 8, inner);
	if (chart) {
		parts.push(chart.markup);
		y += chart.height + 16;
	}
	for (const c of check.caveats)
		text(`• ${c.text}`, 13, { colour: c.material ? '#5c4300' : '#333333' });
	text(`Counted: ${scopeName(check.form)}.`, 12, { colour: '#555555' });
	text(`Source: ${args.sources.join('; ')}. Data as of: ${args.dataAsOf}.`, 12, {
		colour: '#555555'
	});
	text(`Border Stats Explorer · ${args.link}`, 12, { colour: '#555555' });
	const height = Math.ceil(y + PAD);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" font-family="${escapeXml(FONT_STACK)}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
	return { svg, width: CARD_WIDTH, height };
}

/** The claim's series, the baseline and the period shaded, as SVG at `top`. */
export function seriesChart(
	check: ClaimCheck,
	top: number,
	width: number
): { markup: string; height: number } | null {
	const points = check.series.filter((p): p is typeof p & { value: number } => p.value !== null);
	const period = check.form.period;
	if (points.length < 2 || !period) return null;
	const height = 120;
	const [from, to] = extent(points, (p) => p.month) as [Date, Date];
	const x = scaleUtc()
		.domain([from, to])
		.range([PAD + 40, PAD + width]);
	const y = scaleLinear()
		.domain([0, max(points, (p) => p.value)!])
		.nice()
		.range([top + height - 18, top]);
	const path = line<(typeof points)[number]>()
		.x((p) => x(p.month))
		.y((p) => y(p.value))(points);
	const band = (p: { from: Date; to: Date }, colour: string) =>
		`<rect x="${x(p.from) - 2}" y="${top}" width="${Math.max(4, x(p.to) - x(p.from) + 4)}" height="${height - 18}" fill="${colour}" opacity="0.6"/>`;
	const ticks = y
		.ticks(3)
		.map(
			(t) =>
				`<text x="${PAD + 34}" y="${y(t) + 4}" font-size="10" text-anchor="end" fill="#555555">${escapeXml(formatCount(t))}</text>`
		);
	const axis = [from, to].map(
		(d, i) =>
			`<text x="${x(d)}" y="${top + height - 4}" font-size="10" text-anchor="${i ? 'end' : 'start'}" fill="#555555">${escapeXml(formatMonthShort(d))}</text>`
	);
	const compared = check.form.baseline && !check.form.record ? check.form.baseline : null;
	const key = (colour: string, label: string, at: number) =>
		`<rect x="${at}" y="${top + height + 4}" width="10" height="10" fill="${colour}"/><text x="${at + 14}" y="${top + height + 13}" font-size="11" fill="#333333">${escapeXml(label)}</text>`;
	return {
		markup: [
			...(compared
				? [
						band(compared, BASELINE_COLOUR),
						key(BASELINE_COLOUR, `compared with: ${periodName(compared)}`, PAD + 40)
					]
				: []),
			band(period, PERIOD_COLOUR),
			key(PERIOD_COLOUR, `claim: ${periodName(period)}`, PAD + (compared ? 320 : 40)),
			`<path d="${path}" fill="none" stroke="#1f4e79" stroke-width="1.5"/>`,
			...ticks,
			...axis
		].join(''),
		height: height + 18
	};
}
