/**
 * Checks a claim form against the data: the explorer's own statements (the scope's monthly
 * totals, its per-area series, each file's count of the months), the rule table of `rules.ts`,
 * and the caveats of `caveats.ts`.
 */
import type { Db } from '../db/db';
import type { ManifestFile } from '../domain/manifest';
import { inTitle42Period } from '../domain/definitions';
import { addMonths, fiscalYearOf, monthKey, monthsBetween, parseMonthKey } from '../domain/months';
import { formatMonthLong } from '../format';
import type { RegionCode } from '../domain/vocabulary';
import type { Filters } from '../queries/filters';
import { monthlyTotals, type MonthlyTotal } from '../queries/monthly-totals';
import { sectorMonthly } from '../queries/sector-monthly';
import { caveatsOf, materialFirst, type Caveat } from './caveats';
import type { AreaPart, ClaimForm, Period } from './claim';
import type { ParsedClaim } from './parse';
import { changeHolds, measure } from './rules';
import { periodName, scopeName } from './words';

export type Verdict = 'accurate' | 'accurate-with-caveats' | 'not-accurate' | 'cannot-check';

export const VERDICT_LABELS: Record<Verdict, string> = {
	accurate: 'Accurate',
	'accurate-with-caveats': 'Accurate, with caveats',
	'not-accurate': 'Not accurate',
	'cannot-check': 'Cannot be checked with these data'
};

export interface ClaimCheck {
	verdict: Verdict;
	/** One sentence: what was measured and why the verdict. */
	reason: string;
	/** The form as checked (a partial fiscal year is cut to the months the data have). */
	form: ClaimForm;
	value: number | null;
	baselineValue: number | null;
	changePct: number | null;
	series: MonthlyTotal[];
	areas: AreaPart[];
	caveats: Caveat[];
	/** Manifest ids of the files the two periods come from. */
	sourceIds: string[];
	/** A record claim: the period's rank among `of` comparable periods from `from` to `to`. */
	record: { rank: number; of: number; from: Date; to: Date } | null;
}

const ALL_REGIONS: RegionCode[] = ['southwest', 'northern', 'other'];

function filtersOfClaim(form: ClaimForm): Filters {
	return {
		components: form.who === 'all' ? ['usbp', 'ofo'] : [form.who],
		regions: form.regions.length ? form.regions : ALL_REGIONS,
		sectors: form.areas,
		states: [],
		demographic: form.demographic,
		citizenship: form.citizenship,
		title: null,
		encounterType: form.measure === 'encounters' ? null : form.measure
	};
}

/** The sum of a period's months, or why there is none. */
function periodTotal(
	series: MonthlyTotal[],
	period: Period
): { value: number; sourceIds: string[] } | { missing: Date; answerable: boolean } {
	const byMonth = new Map(series.map((p) => [p.month.getTime(), p]));
	let value = 0;
	const sourceIds = new Set<string>();
	for (const month of monthsBetween(period.from, period.to)) {
		const point = byMonth.get(month.getTime());
		if (!point || point.value === null) return { missing: month, answerable: point !== undefined };
		value += point.value;
		point.sourceIds.forEach((id) => sourceIds.add(id));
	}
	return { value, sourceIds: [...sourceIds] };
}

/** A fiscal year the data end inside: its months so far, and the same months of the baseline year. */
function cutToData(form: ClaimForm, latest: Date | null): { form: ClaimForm; cut: Date | null } {
	const { period, baseline } = form;
	if (
		!latest ||
		!period ||
		period.kind !== 'fiscal-year' ||
		period.to <= latest ||
		period.from > latest
	)
		return { form, cut: null };
	const months = monthsBetween(period.from, latest).length;
	return {
		form: {
			...form,
			period: { ...period, to: latest },
			baseline:
				baseline?.kind === 'fiscal-year'
					? { ...baseline, to: addMonths(baseline.from, months - 1) }
					: baseline
		},
		cut: latest
	};
}

/** Periods of the same kind as `period` (every month, every complete fiscal or calendar year), with their totals. */
function comparables(series: MonthlyTotal[], form: ClaimForm): { period: Period; value: number }[] {
	const period = form.period!;
	// The record as it stood at the period: later months do not unmake it.
	const known = series.filter(
		(p): p is MonthlyTotal & { value: number } => p.value !== null && p.month <= period.to
	);
	const record = form.record!;
	const after = record.since?.to ?? null;
	if (period.kind === 'month')
		return known
			.filter((p) => !record.sameMonth || p.month.getUTCMonth() === period.from.getUTCMonth())
			.filter((p) => !after || p.month > after)
			.map((p) => ({ period: { from: p.month, to: p.month, kind: 'month' }, value: p.value }));
	const yearOf = period.kind === 'fiscal-year' ? fiscalYearOf : (m: Date) => m.getUTCFullYear();
	const years = new Map<number, { from: Date; to: Date; value: number; months: number }>();
	for (const p of known) {
		const y = yearOf(p.month);
		const year = years.get(y) ?? { from: p.month, to: p.month, value: 0, months: 0 };
		year.to = p.month;
		year.value += p.value;
		year.months += 1;
		years.set(y, year);
	}
	return [...years.values()]
		.filter((y) => y.months === 12 && (!after || y.from > after))
		.map((y) => ({ period: { from: y.from, to: y.to, kind: period.kind }, value: y.value }));
}

const cannot = (form: ClaimForm, reason: string, series: MonthlyTotal[] = []): ClaimCheck => ({
	verdict: 'cannot-check',
	reason,
	form,
	value: null,
	baselineValue: null,
	changePct: null,
	series,
	areas: [],
	caveats: [],
	sourceIds: [],
	record: null
});

/** Checks `input` (a parsed sentence, its form perhaps corrected) against the loaded data. */
export async function checkClaim(
	db: Db,
	input: Pick<ParsedClaim, 'form' | 'term' | 'unsupported' | 'problem' | 'readings'>,
	files: ManifestFile[]
): Promise<ClaimCheck> {
	let form = input.form;
	const filters = filtersOfClaim(form);
	if (input.problem) return cannot(form, input.problem);
	if (input.unsupported.length)
		return cannot(
			form,
			`“${input.unsupported[0]}” ${/s$/i.test(input.unsupported[0]) ? 'are' : 'is'} not counted in these files: CBP's encounter data count encounters (apprehensions, expulsions, inadmissibles), not ${input.unsupported[0].toLowerCase()}.`
		);
	if (!form.period) return cannot(form, 'The sentence names no month or year to check.');
	if (!form.change && !form.record)
		return cannot(
			form,
			'The sentence states no change (a percent, a multiple, a count) and no record to check.'
		);
	if (form.change && !form.record && !form.baseline)
		return cannot(
			form,
			'The sentence names no period to compare with (a month, a year, “a year earlier”).'
		);

	const scopeFilters = { ...filters, sectors: [] };
	const [series, areaRows] = await Promise.all([
		monthlyTotals(db, filters),
		// Each area's part (no file counts the areas of a view of areas by another area).
		form.areas.length || form.record ? Promise.resolve([]) : sectorMonthly(db, scopeFilters)
	]);
	const latest = series.filter((p) => p.value !== null).at(-1)?.month ?? null;
	const cut = cutToData(form, latest);
	form = cut.form;
	const period = form.period!;
	const scope = scopeName(form);

	const current = periodTotal(series, period);
	if ('missing' in current) return cannot(form, missingReason(scope, current, series), series);

	if (form.record) {
		const all = comparables(series, form);
		if (period.kind === 'range' || all.length < 2)
			return cannot(
				form,
				`A record needs a month or a whole year, and a record of them: ${scope} has ${all.length} such periods here.`,
				series
			);
		const better = all.filter((c) =>
			form.record!.extreme === 'lowest' ? c.value < current.value : c.value > current.value
		);
		const rank = better.length + 1;
		const holds = rank === 1;
		const caveats = await caveatsOf(
			db,
			{ ...input, form },
			{
				filters,
				series,
				files,
				current,
				baseline: null,
				holds: () => holds,
				cut: cut.cut,
				areas: []
			}
		);
		// "On record" is the record of these files: say where it starts, and that it says less
		// when this count starts later than the files' first month.
		if (!form.record.since) {
			const first = files
				.filter((f) => f.role === 'encounters')
				.reduce((a, f) => (f.coverage.from < a ? f.coverage.from : a), '9999-12');
			const starts = series.find((p) => p.value !== null)!.month;
			const late = monthKey(starts) > first;
			caveats.push({
				kind: 'record-span',
				material: late && holds,
				text: `The record here runs from ${periodName(all[0].period)} to ${periodName(period)}${late ? `: these files count ${scope} only from ${formatMonthLong(starts)}, not from ${formatMonthLong(parseMonthKey(first)!)} like USBP's monthly series` : ''}; CBP's monthly counts before October 1999 are not in these files.`
			});
		}
		// Apprehensions beaten only in Title 42 months: then most people met were expelled instead.
		if (
			form.measure === 'apprehensions' &&
			better.length &&
			better.every((c) => monthsBetween(c.period.from, c.period.to).every(inTitle42Period))
		)
			caveats.push({
				kind: 'title-42',
				material: true,
				text: `Only ${better.map((c) => periodName(c.period)).join(', ')}, in the Title 42 period, had ${form.record.extreme === 'lowest' ? 'fewer' : 'more'} apprehensions: most people encountered then were expelled, not apprehended. Counted as encounters, the record may hold (choose Encounters in the form).`
			});
		caveats.sort(materialFirst);
		return {
			verdict: holds
				? caveats.some((c) => c.material)
					? 'accurate-with-caveats'
					: 'accurate'
				: 'not-accurate',
			reason: `${scope} in ${periodName(period)} were ${current.value.toLocaleString('en-US')}: ${rank === 1 ? 'the' : `number ${rank} from the`} ${form.record.extreme} of ${all.length} ${form.record.sameMonth ? `${periodName(period).split(' ')[0]}s` : period.kind === 'month' ? 'months' : 'years'} in the record here (${periodName(all[0].period)} to ${periodName(all[all.length - 1].period)}).`,
			form,
			value: current.value,
			baselineValue: null,
			changePct: null,
			series,
			areas: [],
			caveats,
			sourceIds: current.sourceIds,
			record: { rank, of: all.length, from: all[0].period.from, to: all[all.length - 1].period.to }
		};
	}

	const base = periodTotal(series, form.baseline!);
	if ('missing' in base) return cannot(form, missingReason(scope, base, series), series);
	const measured = measure(current.value, base.value);
	if (!measured)
		return cannot(
			form,
			`${scope} were 0 in ${periodName(current.value === 0 ? period : form.baseline!)}: a change from or to 0 has no percent or multiple.`,
			series
		);
	const change = form.change!;
	const result = changeHolds(change, measured);
	const areas = areaParts(areaRows, period, form.baseline!).map((a) => {
		const m =
			a.value !== null && a.baselineValue !== null ? measure(a.value, a.baselineValue) : null;
		return {
			...a,
			changePct: m?.changePct ?? null,
			holds: m ? changeHolds(change, m).holds : null
		};
	});
	const holdsWith = (value: number, baseline: number) => {
		const m = measure(value, baseline);
		return m !== null && changeHolds(change, m).holds;
	};
	const caveats = await caveatsOf(
		db,
		{ ...input, form },
		{ filters, series, files, current, baseline: base, holds: holdsWith, cut: cut.cut, areas }
	);
	return {
		verdict: result.holds
			? caveats.some((c) => c.material)
				? 'accurate-with-caveats'
				: 'accurate'
			: 'not-accurate',
		reason: `${scope} went from ${base.value.toLocaleString('en-US')} in ${periodName(form.baseline!)} to ${current.value.toLocaleString('en-US')} in ${periodName(period)}. ${result.why}`,
		form,
		value: current.value,
		baselineValue: base.value,
		changePct: measured.changePct,
		series,
		areas,
		caveats,
		sourceIds: [...new Set([...base.sourceIds, ...current.sourceIds])],
		record: null
	};
}

function missingReason(
	scope: string,
	missing: { missing: Date; answerable: boolean },
	series: MonthlyTotal[]
): string {
	const month = periodName({ from: missing.missing, to: missing.missing, kind: 'month' });
	if (missing.answerable)
		return `No one file here counts all of ${scope} in ${month} (a component, a region or a breakdown the claim needs is missing that month).`;
	const known = series.filter((p) => p.value !== null);
	return known.length
		? `The data do not cover ${month} for ${scope}: they run from ${periodName({ from: known[0].month, to: known[0].month, kind: 'month' })} to ${periodName({ from: known.at(-1)!.month, to: known.at(-1)!.month, kind: 'month' })}.`
		: `No file here counts ${scope}.`;
}

/** Each area's total over both periods. */
function areaParts(
	rows: { code: string; name: string; month: Date; value: number | null }[],
	period: Period,
	baseline: Period
): Omit<AreaPart, 'changePct' | 'holds'>[] {
	const parts = new Map<string, { code: string; name: string; rows: MonthlyTotal[] }>();
	for (const row of rows) {
		const part = parts.get(row.code) ?? { code: row.code, name: row.name, rows: [] };
		part.rows.push({ month: row.month, value: row.value, sourceIds: [] });
		parts.set(row.code, part);
	}
	const sum = (rows: MonthlyTotal[], p: Period) => {
		const t = periodTotal(rows, p);
		return 'missing' in t ? null : t.value;
	};
	return [...parts.values()].map((p) => ({
		code: p.code,
		name: p.name,
		value: sum(p.rows, period),
		baselineValue: sum(p.rows, baseline)
	}));
}
