/**
 * What a verdict must be read with, each in one sentence with its evidence. A caveat is
 * `material` when it changes what the claim can say (the word counts something else, the
 * periods count differently, a revision would flip the verdict, a year is partial): the verdict
 * is then "Accurate, with caveats".
 */
import { inTitle42Period, TITLE_42_FIRST_MONTH, TITLE_42_LAST_MONTH } from '../domain/definitions';
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { monthsBetween } from '../domain/months';
import type { Filters } from '../queries/filters';
import { monthlyTotals, type MonthlyTotal } from '../queries/monthly-totals';
import { sourceTotals } from '../queries/source-totals';
import { formatChange, formatCount, formatMonthLong } from '../format';
import type { AreaPart, Period } from './claim';
import type { ParsedClaim } from './parse';
import { periodName } from './words';

export interface Caveat {
	kind:
		| 'record-span'
		| 'term'
		| 'title-42'
		| 'break'
		| 'derived'
		| 'revised'
		| 'partial-year'
		| 'unusual-baseline'
		| 'areas'
		| 'where';
	material: boolean;
	text: string;
}

/** Caveats that change what the claim can say first; a stable sort keeps the order above within each. */
export const materialFirst = (a: Caveat, b: Caveat) => Number(b.material) - Number(a.material);

interface Context {
	filters: Filters;
	series: MonthlyTotal[];
	files: ManifestFile[];
	current: { value: number; sourceIds: string[] };
	baseline: { value: number; sourceIds: string[] } | null;
	/** Whether the claim holds for these two totals (a record: the current alone). */
	holds: (value: number, baseline: number) => boolean;
	/** The last month of a fiscal year cut to the data. */
	cut: Date | null;
	areas: AreaPart[];
}

/** Areas with fewer than this in both periods are too small to set against the total. */
const MIN_AREA_COUNT = 100;
const monthsOf = (p: Period | null) => (p ? monthsBetween(p.from, p.to) : []);
const side = (m: Date) =>
	m < TITLE_42_FIRST_MONTH ? 'before' : inTitle42Period(m) ? 'during' : 'after';
const T42 = `the Title 42 period (${formatMonthLong(TITLE_42_FIRST_MONTH)} to ${formatMonthLong(TITLE_42_LAST_MONTH)})`;

export async function caveatsOf(
	db: Db,
	input: Pick<ParsedClaim, 'form' | 'term' | 'readings'>,
	ctx: Context
): Promise<Caveat[]> {
	const { form } = input;
	const caveats: Caveat[] = [];
	const period = form.period!;
	const baseline = form.record ? null : form.baseline;
	const months = [...monthsOf(period), ...monthsOf(baseline)];
	const spans = [period, ...(baseline ? [baseline] : [])];

	if (input.term === 'crossings' || input.term === 'people')
		caveats.push({
			kind: 'term',
			material: true,
			text: `The claim says “${input.term}”; CBP counts encounters, which are events, not people: a person encountered twice counts twice, and a crossing no officer or agent met is not counted.`
		});

	const [encounters, byFile] = await Promise.all([
		form.measure === 'apprehensions' && months.some(inTitle42Period)
			? monthlyTotals(db, { ...ctx.filters, encounterType: null })
			: null,
		sourceTotals(db, ctx.filters, spans)
	]);
	if (encounters) {
		const sum = (p: Period | null) =>
			monthsOf(p).reduce<number | null>((a, m) => {
				const v = encounters.find((e) => e.month.getTime() === m.getTime())?.value ?? null;
				return a === null || v === null ? null : a + v;
			}, 0);
		const now = sum(period);
		const then = sum(baseline);
		caveats.push({
			kind: 'title-42',
			material: true,
			text: `Some of these months fall in ${T42}, when CBP also expelled people without an apprehension: counting expulsions, encounters were ${now === null ? 'not counted' : formatCount(now)} in ${periodName(period)}${baseline && then !== null ? ` and ${formatCount(then)} in ${periodName(baseline)}` : ''}.`
		});
	}

	if (baseline) {
		const sides = new Set(months.map(side));
		if (sides.size > 1)
			caveats.push({
				kind: 'break',
				material: true,
				text: `${periodName(baseline)} and ${periodName(period)} sit on different sides of a start or end of ${T42}: encounters then included expulsions, and people expelled often crossed again, so the two periods count differently.`
			});
	}

	if (ctx.cut)
		caveats.push({
			kind: 'partial-year',
			material: true,
			text: `The data end in ${formatMonthLong(ctx.cut)}, inside the fiscal year: ${periodName(period)}${baseline ? ` is compared with the same months a year before, ${periodName(baseline)}` : ' is all of it the data have'}.`
		});

	const byId = new Map(ctx.files.map((f) => [f.id, f]));
	const derived = [...new Set([...ctx.current.sourceIds, ...(ctx.baseline?.sourceIds ?? [])])]
		.map((id) => byId.get(id))
		.filter((f): f is ManifestFile => f?.derived === true);
	for (const file of derived) {
		const fromIt = ctx.series.filter(
			(p) => months.some((m) => m.getTime() === p.month.getTime()) && p.sourceIds.includes(file.id)
		);
		const which =
			fromIt.length > 2
				? `${fromIt.length} of these months`
				: fromIt.map((p) => formatMonthLong(p.month)).join(' and ');
		caveats.push({
			kind: 'derived',
			material: false,
			text: `${which} ${fromIt.length > 1 ? 'come' : 'comes'} from ${file.label}${/derived/i.test(file.label) ? '' : ' (derived: transcribed by hand)'}, not from a CBP CSV.`
		});
	}

	caveats.push(...revisions(byFile, ctx, period, baseline, byId));

	if (baseline && baseline.kind === 'month') {
		const known = ctx.series.filter((p) => p.value !== null);
		const rank = known.filter((p) => p.value! > ctx.baseline!.value).length + 1;
		const share = rank / known.length;
		if (known.length >= 24 && (share <= 0.1 || share > 0.9))
			caveats.push({
				kind: 'unusual-baseline',
				material: false,
				text: `${periodName(baseline)} was unusual: number ${rank} from the highest of ${known.length} months in the record here (${formatMonthLong(known[0].month)} to ${formatMonthLong(known.at(-1)!.month)}).`
			});
	}

	// Areas that moved the other way, or by less than half as much as the total.
	if (ctx.baseline && ctx.baseline.value > 0 && ctx.holds(ctx.current.value, ctx.baseline.value)) {
		const total = ((ctx.current.value - ctx.baseline.value) / ctx.baseline.value) * 100;
		const against = ctx.areas.filter(
			(a) =>
				a.changePct !== null &&
				Math.max(a.value ?? 0, a.baselineValue ?? 0) >= MIN_AREA_COUNT &&
				(Math.sign(a.changePct) !== Math.sign(total) || Math.abs(a.changePct) < Math.abs(total) / 2)
		);
		if (against.length)
			caveats.push({
				kind: 'areas',
				material: false,
				text: `Not every area moved alike: ${against
					.slice(0, 4)
					.map((a) => `${a.name} ${formatChange(a.changePct)}`)
					.join(
						', '
					)}${against.length > 4 ? ` and ${against.length - 4} more` : ''}, while the total changed ${formatChange(total)}.`
			});
	}

	if (
		!input.readings.some((r) => r.part === 'where') &&
		form.regions.length === 1 &&
		form.regions[0] === 'southwest' &&
		!form.areas.length
	)
		caveats.push({
			kind: 'where',
			material: false,
			text: 'The sentence names no border or place: it is read as the Southwest land border, as the explorer opens. Choose another in the form.'
		});
	return caveats.sort(materialFirst);
}

/**
 * Months whose count differs between files: CBP revised them. Months of the Title 42 period are
 * compared only for a count of one title (apprehensions, inadmissibles, expulsions): a file of
 * Title 8 counts alone is no revision of all encounters. Material when the other count would flip
 * the verdict.
 */
function revisions(
	byFile: { month: Date; sourceId: string; value: number }[],
	ctx: Context,
	period: Period,
	baseline: Period | null,
	byId: Map<string, ManifestFile>
): Caveat[] {
	const revised: {
		month: Date;
		used: string;
		other: string;
		before: number;
		after: number;
		flips: boolean;
	}[] = [];
	for (const point of ctx.series) {
		const inPeriod = point.month >= period.from && point.month <= period.to;
		const inBaseline =
			baseline !== null && point.month >= baseline.from && point.month <= baseline.to;
		if ((!inPeriod && !inBaseline) || point.value === null) continue;
		if (ctx.filters.encounterType === null && inTitle42Period(point.month)) continue;
		for (const o of byFile) {
			if (
				o.month.getTime() !== point.month.getTime() ||
				point.sourceIds.includes(o.sourceId) ||
				o.value === point.value
			)
				continue;
			const delta = o.value - point.value;
			const base = ctx.baseline?.value ?? 0;
			const flips =
				ctx.holds(ctx.current.value + (inPeriod ? delta : 0), base + (inBaseline ? delta : 0)) !==
				ctx.holds(ctx.current.value, base);
			revised.push({
				month: point.month,
				used: point.sourceIds.join(','),
				other: o.sourceId,
				before: point.value,
				after: o.value,
				flips
			});
		}
	}
	const name = (ids: string) =>
		ids
			.split(',')
			.map((id) => byId.get(id)?.label ?? id)
			.join(', ');
	const pairs = new Map<string, typeof revised>();
	for (const r of revised)
		pairs.set(`${r.used}|${r.other}`, [...(pairs.get(`${r.used}|${r.other}`) ?? []), r]);
	return [...pairs.values()].map((rows) => {
		const flips = rows.some((r) => r.flips);
		const sum = (k: 'before' | 'after') => formatCount(rows.reduce((a, r) => a + r[k], 0));
		const what =
			rows.length === 1
				? `${formatMonthLong(rows[0].month)}: ${formatCount(rows[0].before)}`
				: `${rows.length} of these months: ${sum('before')} in all`;
		return {
			kind: 'revised',
			material: flips,
			text: `CBP revised ${what} in ${name(rows[0].used)} (used here), ${rows.length === 1 ? formatCount(rows[0].after) : sum('after')} in ${name(rows[0].other)}${flips ? '; with that count the verdict would change' : ''}.`
		};
	});
}
