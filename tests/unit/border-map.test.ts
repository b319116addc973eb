/**
 * src/lib/charts/border-map.ts: the maths of the border map — the projection fitted to the
 * border, a path per Southwest sector stretch in west-to-east order, the points inside the frame,
 * and the colour scales of counts and changes with their legend ticks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	borderMapGeometry,
	borderMapLayout,
	changeInterpolator,
	countInterpolator,
	fieldOfficeCode,
	formatMapValue,
	labelBox,
	mapColourScale,
	NO_DATA_COLOUR,
	parseBorderGeo,
	SOUTHWEST_CODES,
	type BorderMapLayout
} from '../../src/lib/charts/border-map';
import { AOR_BY_CODE } from '../../src/lib/domain/vocabulary';

const read = (name: string) =>
	readFileSync(new URL(`../../data/geo/${name}`, import.meta.url), 'utf8');
const geo = parseBorderGeo({
	stretches: read('us-mexico-border-by-sector.geojson'),
	areas: read('usbp-sectors-border-counties.geojson'),
	sectorHqs: read('usbp-sector-hq-points.geojson'),
	fieldOffices: read('ofo-field-office-points.geojson')
});

const geometry = borderMapGeometry(geo);
const borderMap = (width: number, padding?: number) => borderMapLayout(geometry, width, padding);

/**
 * Every x,y pair in an SVG path made of absolute M/L/Z commands (what d3-geo writes), where the
 * layout draws it: moved and scaled by its `shapes`.
 */
function pathPoints(d: string, { shapes }: BorderMapLayout): [number, number][] {
	const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
	const points: [number, number][] = [];
	for (let i = 0; i + 1 < numbers.length; i += 2)
		points.push([
			shapes.offset + numbers[i] * shapes.scale,
			shapes.offset + numbers[i + 1] * shapes.scale
		]);
	return points;
}

describe('borderMapLayout', () => {
	test('the Southwest sectors run west to east as SDC ELC YUM TCA EPT BBT DRT LRT RGV', () => {
		expect(SOUTHWEST_CODES).toEqual([
			'SDC',
			'ELC',
			'YUM',
			'TCA',
			'EPT',
			'BBT',
			'DRT',
			'LRT',
			'RGV'
		]);
	});

	test.each([375, 800, 1200])('at %i px every Southwest sector has a stretch and counties', (w) => {
		const layout = borderMap(w);
		expect(layout.stretches.map((s) => s.code)).toEqual(SOUTHWEST_CODES);
		for (const s of layout.stretches) {
			expect(s.line, s.code).toMatch(/^M/);
			expect(s.area, s.code).toMatch(/^M/);
			expect(s.name).toBe(AOR_BY_CODE.get(s.code)?.name);
		}
	});

	test.each([375, 600, 1200])('at %i px every path lies inside the map frame', (w) => {
		const layout = borderMap(w);
		expect(layout.width).toBe(w);
		expect(layout.height).toBeGreaterThan(w * 0.2);
		expect(layout.height).toBeLessThan(w * 0.8);
		for (const s of layout.stretches)
			for (const [x, y] of [...pathPoints(s.line, layout), ...pathPoints(s.area, layout)]) {
				expect(x, s.code).toBeGreaterThanOrEqual(0);
				expect(x, s.code).toBeLessThanOrEqual(layout.width);
				expect(y, s.code).toBeGreaterThanOrEqual(0);
				expect(y, s.code).toBeLessThanOrEqual(layout.height);
			}
	});

	test('the fitted shape touches the padding on the left and right, so the width is used', () => {
		const layout = borderMap(800, 12);
		const xs = layout.stretches.flatMap((s) => [
			...pathPoints(s.area, layout),
			...pathPoints(s.line, layout)
		]);
		const ys = xs.map(([, y]) => y);
		const left = Math.min(...xs.map(([x]) => x));
		const right = Math.max(...xs.map(([x]) => x));
		const fitsWidth = Math.abs(left - 12) < 1 && Math.abs(right - 788) < 1;
		const fitsHeight =
			Math.abs(Math.min(...ys) - 12) < 1 && Math.abs(Math.max(...ys) - (layout.height - 12)) < 1;
		expect(fitsWidth || fitsHeight).toBe(true);
	});

	test('stretch centroids go from west to east in the vocabulary order, and from north-west to south-east at the ends', () => {
		const { stretches } = borderMap(800);
		const xs = stretches.map((s) => s.centroid[0]);
		expect([...xs].sort((a, b) => a - b)).toEqual(xs);
		// The Gulf end of the border is far south of the Pacific end; screen y grows downwards.
		expect(stretches[8].centroid[1]).toBeGreaterThan(stretches[0].centroid[1]);
	});

	test('each Southwest sector HQ point falls in or near its own border counties, west to east', () => {
		const layout = borderMap(800);
		expect(layout.sectorHqs.map((p) => p.code)).toEqual(SOUTHWEST_CODES);
		const hqs = layout.sectorHqs.map((p) => p.x);
		expect([...hqs].sort((a, b) => a - b)).toEqual(hqs);
		expect(layout.sectorHqs[0]).toMatchObject({
			name: 'San Diego Sector',
			place: 'Chula Vista, CA'
		});
	});

	test.each([375, 500, 800, 1200])(
		'at %i px only the four Southwest OFO field offices are drawn, with vocabulary codes',
		(w) => {
			const layout = borderMap(w);
			expect(layout.fieldOffices.map((p) => p.code).sort()).toEqual([
				'ofo-el-paso',
				'ofo-laredo',
				'ofo-san-diego',
				'ofo-tucson'
			]);
		}
	);

	test.each([375, 560, 800, 1200])(
		'at %i px code labels stay inside the frame and clear of each other and of the points',
		(w) => {
			const layout = borderMap(w);
			const boxes = layout.stretches.map((s) => labelBox(s.code, s.labelAt, layout.labelSize));
			const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
				a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
			boxes.forEach((box, i) => {
				const code = layout.stretches[i].code;
				expect(box.x0, code).toBeGreaterThanOrEqual(0);
				expect(box.x1, code).toBeLessThanOrEqual(layout.width);
				expect(box.y0, code).toBeGreaterThanOrEqual(0);
				expect(box.y1, code).toBeLessThanOrEqual(layout.height);
				for (const other of boxes.slice(i + 1)) expect(overlap(box, other), code).toBe(false);
				for (const p of [...layout.sectorHqs, ...layout.fieldOffices])
					expect(
						overlap(box, { x0: p.x - 3, y0: p.y - 3, x1: p.x + 3, y1: p.y + 3 }),
						`${code} vs ${p.code}`
					).toBe(false);
			});
		}
	);

	test('each point knows the sector whose border counties hold it', () => {
		const layout = borderMap(800);
		for (const p of layout.sectorHqs) expect(p.sector, p.code).toBe(p.code);
		expect(Object.fromEntries(layout.fieldOffices.map((p) => [p.code, p.sector]))).toEqual({
			'ofo-san-diego': 'SDC',
			'ofo-tucson': 'TCA',
			'ofo-el-paso': 'EPT',
			'ofo-laredo': 'LRT'
		});
	});

	test('every field office in the points file has a code in the vocabulary', () => {
		for (const f of geo.fieldOffices.features) {
			const code = fieldOfficeCode(f.properties.field_office);
			expect(AOR_BY_CODE.get(code)?.component, code).toBe('ofo');
		}
	});
});

describe('mapColourScale', () => {
	test('counts run from 0 at the light end to the largest value at the dark end', () => {
		const s = mapColourScale('count', [500, 12_000, null, 3000]);
		expect(s.domain).toEqual([0, 12_000]);
		expect(s.colour(0)).toBe(countInterpolator(0));
		expect(s.colour(12_000)).toBe(countInterpolator(1));
		expect(s.colour(6000)).toBe(countInterpolator(0.5));
	});

	test('changes are symmetric about 0, with 0 at the neutral middle', () => {
		const s = mapColourScale('change', [-92.7, 35, null, 0]);
		expect(s.domain).toEqual([-100, 100]);
		expect(s.colour(0)).toBe(changeInterpolator(0.5));
		expect(s.colour(-100)).toBe(changeInterpolator(0));
		expect(s.colour(100)).toBe(changeInterpolator(1));
		expect(s.colour(-50)).toBe(changeInterpolator(0.25));
	});

	test('a decrease is red and an increase blue', () => {
		const s = mapColourScale('change', [-80, 80]);
		const rgb = (c: string) => (c.match(/\d+/g) ?? []).map(Number);
		const [r1, , b1] = rgb(s.colour(-80));
		const [r2, , b2] = rgb(s.colour(80));
		expect(r1).toBeGreaterThan(b1);
		expect(b2).toBeGreaterThan(r2);
	});

	test('small changes still get a ±10% domain, so a flat month does not look dramatic', () => {
		expect(mapColourScale('change', [-1, 2]).domain).toEqual([-10, 10]);
	});

	test('values beyond the domain are clamped to its ends', () => {
		const s = mapColourScale('count', [100]);
		expect(s.colour(1e9)).toBe(countInterpolator(1));
	});

	test.each<['count' | 'change', (number | null)[]]>([
		['count', [100, null]],
		['change', [-10, null]],
		['count', []],
		['change', [null, null]]
	])('%s: null, undefined and NaN get the no-data colour (values %j)', (measure, values) => {
		const s = mapColourScale(measure, values);
		expect(s.colour(null)).toBe(NO_DATA_COLOUR);
		expect(s.colour(undefined)).toBe(NO_DATA_COLOUR);
		expect(s.colour(Number.NaN)).toBe(NO_DATA_COLOUR);
		expect(s.ramp.map((r) => r.colour)).not.toContain(NO_DATA_COLOUR);
	});

	test('count legend ticks are whole numbers in compact form, placed along the ramp', () => {
		const s = mapColourScale('count', [20_000]);
		expect(s.ticks.map((t) => t.label)).toEqual(['0', '5k', '10k', '15k', '20k']);
		expect(s.ticks.map((t) => t.offset)).toEqual([0, 0.25, 0.5, 0.75, 1]);
		expect(mapColourScale('count', [1]).ticks.map((t) => t.value)).toEqual([0, 1]);
	});

	test('change legend ticks are signed percentages with 0 in the middle', () => {
		const s = mapColourScale('change', [-92.7, 40]);
		expect(s.ticks.map((t) => t.label)).toEqual(['−100%', '−50%', '0%', '+50%', '+100%']);
		expect(s.ticks.find((t) => t.value === 0)?.offset).toBe(0.5);
	});

	test('a rise beyond +100% widens the legend to the right only: no decrease is below −100%', () => {
		const s = mapColourScale('change', [-92.7, 141]);
		const [low, high] = s.domain;
		expect(low).toBe(-100);
		expect(high).toBeGreaterThanOrEqual(141);
		expect(Math.min(...s.ticks.map((t) => t.value))).toBe(-100);
		expect(Math.max(...s.ticks.map((t) => t.value))).toBeGreaterThan(100);
		// Colours stay symmetric: −100% is as strong as +100%, not the ramp's end.
		expect(s.colour(-100)).toBe(changeInterpolator(0.5 - 100 / (2 * high)));
		expect(s.colour(100)).toBe(changeInterpolator(0.5 + 100 / (2 * high)));
		expect(s.ticks.find((t) => t.value === 0)?.offset).toBeCloseTo(100 / (100 + high));
	});

	test('the ramp has stops from 0 to 1 in the scale colours', () => {
		const s = mapColourScale('count', [1000]);
		expect(s.ramp[0]).toEqual({ offset: 0, colour: countInterpolator(0) });
		expect(s.ramp[s.ramp.length - 1]).toEqual({ offset: 1, colour: countInterpolator(1) });
	});
});

describe('formatMapValue', () => {
	test.each<['count' | 'change', number | null, string]>([
		['count', 12345, '12,345'],
		['count', 0, '0'],
		['change', -92.74, '−92.7%'],
		['change', 12, '+12.0%'],
		['count', null, 'no data'],
		['change', Number.NaN, 'no data']
	])('%s %s reads %s', (measure, value, text) => {
		expect(formatMapValue(measure, value)).toBe(text);
	});

	test('a count can be written by another format (an average per day)', () => {
		expect(formatMapValue('count', 2053.4516, (n) => n.toFixed(1))).toBe('2053.5');
		expect(formatMapValue('change', -92.74, (n) => n.toFixed(1))).toBe('−92.7%');
	});
});
