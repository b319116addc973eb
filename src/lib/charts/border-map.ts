/**
 * The maths of the border map, kept out of the component so it can be tested: a projection fitted
 * to the US–Mexico border, one path per Southwest sector stretch (and its border counties), the
 * positions of sector headquarters and OFO field offices, and the colour scale and legend of the
 * selected measure. The component passes the parsed GeoJSON in; nothing here touches the DOM.
 */
import {
	format,
	geoConicEqualArea,
	geoContains,
	geoPath,
	interpolateBlues,
	interpolateRdBu,
	scaleDiverging,
	scaleLinear,
	scaleSequential,
	type GeoPermissibleObjects,
	type GeoProjection
} from 'd3';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon
} from 'geojson';
import { AOR_BY_CODE, SOUTHWEST_SECTORS_WEST_TO_EAST } from '$lib/domain/vocabulary';
import { formatChange, formatCount } from '$lib/format';

/** `count`: encounters; `change`: percent change against a baseline (−92.7 means −92.7%). */
export type MapMeasure = 'count' | 'change';

/** The four files in `data/geo/` the map draws, as parsed GeoJSON (see data/geo/PROVENANCE.md). */
export interface BorderGeo {
	/** `us-mexico-border-by-sector.geojson`: one line per Southwest sector, `code` = AOR code. */
	stretches: FeatureCollection<LineString | MultiLineString, { sector: string; code: string }>;
	/** `usbp-sectors-border-counties.geojson`: each sector's border counties (not its whole area). */
	areas: FeatureCollection<
		Polygon | MultiPolygon,
		{ sector: string; code: string; region: string }
	>;
	/** `usbp-sector-hq-points.geojson`: the HQ city of every USBP sector. */
	sectorHqs: FeatureCollection<
		Point,
		{ sector: string; code: string; region: string; hq_city: string }
	>;
	/** `ofo-field-office-points.geojson`: the city of every OFO field office. */
	fieldOffices: FeatureCollection<Point, { field_office: string; city: string }>;
}

export function parseBorderGeo(raw: {
	stretches: string;
	areas: string;
	sectorHqs: string;
	fieldOffices: string;
}): BorderGeo {
	return {
		stretches: JSON.parse(raw.stretches),
		areas: JSON.parse(raw.areas),
		sectorHqs: JSON.parse(raw.sectorHqs),
		fieldOffices: JSON.parse(raw.fieldOffices)
	};
}

export const SOUTHWEST_CODES: string[] = SOUTHWEST_SECTORS_WEST_TO_EAST.map((s) => s.code);

/** The vocabulary's code for an OFO field office named as in the points file (`El Paso` → `ofo-el-paso`). */
export function fieldOfficeCode(fieldOffice: string): string {
	return `ofo-${fieldOffice.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The vocabulary's name for a code (`TCA` → `Tucson Sector`), or the code when it is unknown. */
export function areaName(code: string): string {
	return AOR_BY_CODE.get(code)?.name ?? code;
}

export interface SectorStretch {
	code: string;
	name: string;
	/** SVG path of the sector's stretch of the border line, at the reference width. */
	line: string;
	/** SVG path of the sector's border counties (reference width); empty when the file has none. */
	area: string;
	/** Centroid of the stretch, in pixels. */
	centroid: [number, number];
	/** Centre of the code label: in the border counties where it fits, clear of lines, points and other labels. */
	labelAt: [number, number];
}

export interface MapPoint {
	code: string;
	name: string;
	/** The city the point marks, e.g. `Chula Vista, CA`. */
	place: string;
	x: number;
	y: number;
	/**
	 * The Southwest sector whose border counties hold the point. The component draws the point
	 * inside that sector's button so a click on the dot still selects the sector.
	 */
	sector: string;
}

export interface BorderMapLayout {
	width: number;
	height: number;
	/** Font size of the code labels, in pixels. */
	labelSize: number;
	/** How the paths, projected at the reference width, are drawn at this width: moved, then scaled. */
	shapes: { offset: number; scale: number };
	stretches: SectorStretch[];
	/** Headquarters of the sectors whose border counties are drawn (the nine Southwest ones). */
	sectorHqs: MapPoint[];
	/** OFO field offices in those counties (San Diego, Tucson, El Paso, Laredo). */
	fieldOffices: MapPoint[];
}

/**
 * The border runs from 117°W to 97°W between 26°N and 33°N; a conic equal-area projection with
 * standard parallels inside that band and centred on its middle longitude keeps it north-up and
 * undistorted enough that stretch lengths compare fairly.
 */
function borderProjection() {
	return geoConicEqualArea().parallels([27, 33]).rotate([107, 0]);
}

function southwestOnly<T extends Feature>(features: T[]): T[] {
	return features.filter((f) => SOUTHWEST_CODES.includes(String(f.properties?.code)));
}

/** The width the shapes are projected at once; a layout scales them to its own width. */
const REFERENCE_WIDTH = 1000;

/**
 * What does not depend on the width, computed once per page: the projection fitted to the
 * border, every path, centroid and point at `REFERENCE_WIDTH`, and the sector each point is in.
 * Projecting the county shapes is most of the map's cost, so a new width only scales.
 */
export interface BorderMapGeometry {
	/** Height over width of the projected shapes. */
	aspect: number;
	stretches: SectorStretch[];
	sectorHqs: MapPoint[];
	fieldOffices: MapPoint[];
	/** The border line's projected vertices, obstacles for the labels. */
	vertices: [number, number][];
}

export function borderMapGeometry(geo: BorderGeo): BorderMapGeometry {
	const stretchFeatures = southwestOnly(geo.stretches.features);
	const areaFeatures = southwestOnly(geo.areas.features);
	const frame = {
		type: 'FeatureCollection',
		features: [...areaFeatures, ...stretchFeatures]
	} as GeoPermissibleObjects;

	// The shape's top left at (0, 0), its width the reference width; the height follows.
	const projection = borderProjection().fitWidth(REFERENCE_WIDTH, frame);
	const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(frame);
	const aspect = (y1 - y0) / Math.max(1e-9, x1 - x0);
	const path = geoPath(projection).digits(1);

	const stretches: SectorStretch[] = [];
	for (const code of SOUTHWEST_CODES) {
		const stretch = stretchFeatures.find((f) => f.properties.code === code);
		if (!stretch) continue;
		const area = areaFeatures.find((f) => f.properties.code === code);
		const centroid = path.centroid(stretch);
		stretches.push({
			code,
			name: areaName(code),
			line: path(stretch) ?? '',
			area: area ? (path(area) ?? '') : '',
			centroid,
			labelAt: area ? path.centroid(area) : centroid
		});
	}

	// Only points in the counties drawn: a frame test would let Long Beach in at some widths.
	const place = <P>(features: Feature<Point, P>[], describe: (p: P) => [string, string]) =>
		features.flatMap((f): MapPoint[] => {
			const lonLat = f.geometry.coordinates as [number, number];
			const home = areaFeatures.find((a) => geoContains(a, lonLat));
			const xy = projection(lonLat);
			if (!home || !xy) return [];
			const [code, city] = describe(f.properties);
			return [
				{
					code,
					name: areaName(code),
					place: city,
					x: xy[0],
					y: xy[1],
					sector: home.properties.code
				}
			];
		});

	return {
		aspect,
		stretches,
		sectorHqs: place(geo.sectorHqs.features, (p) => [p.code, p.hq_city]),
		fieldOffices: place(geo.fieldOffices.features, (p) => [
			fieldOfficeCode(p.field_office),
			p.city
		]),
		vertices: stretchFeatures.flatMap((f) => projectedVertices(projection, f.geometry))
	};
}

/**
 * Lays the map out at a given width; the height follows from the border's shape, so a phone gets
 * a short map rather than one squeezed into a fixed box. Paths stay at the reference width: the
 * component draws them under `shapes` (a translate and a scale).
 */
export function borderMapLayout(
	geometry: BorderMapGeometry,
	width: number,
	padding = 12
): BorderMapLayout {
	const w = Math.max(2 * padding + 1, width);
	const scale = (w - 2 * padding) / REFERENCE_WIDTH;
	const height = Math.round((w - 2 * padding) * geometry.aspect) + 2 * padding;
	const at = ([x, y]: [number, number]): [number, number] => [
		padding + x * scale,
		padding + y * scale
	];
	const moved = (p: MapPoint): MapPoint => {
		const [x, y] = at([p.x, p.y]);
		return { ...p, x, y };
	};
	// Small labels on a phone, where the western stretches are under 20 px long.
	const labelSize = w < 560 ? 9 : 11;
	const stretches = geometry.stretches.map((s) => ({
		...s,
		centroid: at(s.centroid),
		labelAt: at(s.labelAt)
	}));
	const sectorHqs = geometry.sectorHqs.map(moved);
	const fieldOffices = geometry.fieldOffices.map(moved);

	placeLabels(stretches, {
		width: w,
		height,
		labelSize,
		points: [...sectorHqs, ...fieldOffices],
		vertices: geometry.vertices.map(at)
	});

	return {
		width: w,
		height,
		labelSize,
		shapes: { offset: padding, scale },
		stretches,
		sectorHqs,
		fieldOffices
	};
}

function projectedVertices(
	projection: GeoProjection,
	geometry: LineString | MultiLineString
): [number, number][] {
	const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	return lines.flat().flatMap((c) => {
		const xy = projection(c as [number, number]);
		return xy ? [xy] : [];
	});
}

interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The box of a code label centred at a point; 0.62em per character is wide for bold capitals. */
export function labelBox(code: string, [x, y]: [number, number], size: number): Box {
	const half = (code.length * size * 0.62) / 2 + 1;
	return { x0: x - half, y0: y - size / 2, x1: x + half, y1: y + size / 2 };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Moves each code label off the border line, the points and the labels already placed: the
 * county centroid first, then steps north, south and sideways of it, then the Mexican side of
 * the stretch. Greedy, west to east; the least-bad spot wins when none is clear.
 */
function placeLabels(
	stretches: SectorStretch[],
	o: {
		width: number;
		height: number;
		labelSize: number;
		points: MapPoint[];
		vertices: [number, number][];
	}
) {
	const size = o.labelSize;
	const obstacles: Box[] = [
		...o.points.map((p) => ({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 })),
		...o.vertices.map(([x, y]) => ({ x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4 }))
	];
	const placed: Box[] = [];
	for (const s of stretches) {
		const [cx, cy] = s.labelAt;
		const step = size * 1.2;
		const candidates: [number, number][] = [[cx, cy]];
		for (const k of [1, 2, 3])
			candidates.push(
				[cx, cy - k * step],
				[cx, cy + k * step],
				[cx - k * step * 1.5, cy],
				[cx + k * step * 1.5, cy]
			);
		for (const k of [1, 1.6, 2.2]) candidates.push([s.centroid[0], s.centroid[1] + k * step]);
		let best = candidates[0];
		let bestCost = Infinity;
		for (const c of candidates) {
			const box = labelBox(s.code, c, size);
			const outside = box.x0 < 0 || box.y0 < 0 || box.x1 > o.width || box.y1 > o.height;
			const cost =
				(outside ? 1000 : 0) +
				placed.filter((b) => overlaps(b, box)).length * 100 +
				obstacles.filter((b) => overlaps(b, box)).length;
			if (cost < bestCost) [best, bestCost] = [c, cost];
			if (cost === 0) break;
		}
		s.labelAt = best;
		placed.push(labelBox(s.code, best, size));
	}
}

/** A mid grey that reads on both the light and the dark surface and is none of the ramps' colours. */
export const NO_DATA_COLOUR = '#8c959f';

/**
 * Counts: light to dark blue. The ramp starts at 15% so a zero or small count still shows against
 * a white surface.
 */
export const countInterpolator = (t: number) => interpolateBlues(0.15 + 0.85 * t);
/**
 * Changes: red for decreases (the app's --negative), blue for increases, near-white at 0. Red–blue
 * rather than red–green so it reads with the common colour-vision deficiencies.
 */
export const changeInterpolator = (t: number) => interpolateRdBu(t);

export interface LegendTick {
	value: number;
	label: string;
	/** Position along the legend ramp, 0 (left) to 1 (right). */
	offset: number;
}

export interface MapColourScale {
	measure: MapMeasure;
	/** The value at the left and right ends of the legend (a change never below −100%). */
	domain: [number, number];
	colour: (value: number | null | undefined) => string;
	/** Gradient stops for the legend ramp. */
	ramp: { offset: number; colour: string }[];
	ticks: LegendTick[];
}

const compact = format('~s');

/** A stretch's value in words; `count` formats a count (or an average per day). */
export function formatMapValue(
	measure: MapMeasure,
	value: number | null | undefined,
	count: (n: number) => string = formatCount
): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'no data';
	return measure === 'count' ? count(value) : formatChange(value);
}

/**
 * The colour scale of the measure over the values shown. Counts run from 0 (not the smallest
 * value, so a lighter stretch always means fewer) to the largest; changes are symmetric about 0
 * so equal increases and decreases get equally strong colours, but the legend stops at −100%, the
 * largest decrease there can be. Nulls, and values that are not finite, get the no-data colour.
 */
export function mapColourScale(
	measure: MapMeasure,
	values: Iterable<number | null | undefined>,
	tickCount = 5
): MapColourScale {
	const finite = [...values].filter((v): v is number => v != null && Number.isFinite(v));
	let domain: [number, number];
	let scale: (v: number) => string;
	if (measure === 'count') {
		const top = Math.max(1, ...finite);
		domain = [0, top];
		scale = scaleSequential(countInterpolator).domain(domain).clamp(true);
	} else {
		// At least ±10% so a flat month is not painted as a dramatic one.
		const reach = scaleLinear()
			.domain([0, Math.max(10, ...finite.map(Math.abs))])
			.nice()
			.domain()[1];
		domain = [Math.max(-100, -reach), reach];
		scale = scaleDiverging(changeInterpolator).domain([-reach, 0, reach]).clamp(true);
	}
	const position = scaleLinear().domain(domain).range([0, 1]);
	const ticks = scaleLinear()
		.domain(domain)
		.ticks(tickCount)
		// Fractional counts (0.5 encounters) only appear when every value is tiny.
		.filter((v) => measure === 'change' || Number.isInteger(v))
		.map((value) => ({
			value,
			label: measure === 'count' ? compact(value) : formatChange(value, 0),
			offset: position(value)
		}));
	const ramp = Array.from({ length: 11 }, (_, i) => i / 10).map((offset) => ({
		offset,
		colour: scale(position.invert(offset))
	}));
	return {
		measure,
		domain,
		colour: (v) => (v == null || !Number.isFinite(v) ? NO_DATA_COLOUR : scale(v)),
		ramp,
		ticks
	};
}
