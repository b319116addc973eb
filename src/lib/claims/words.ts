/** A claim form in words, for the verdict's sentences: "USBP apprehensions at the Southwest land border". */
import { fiscalYearOf } from '../domain/months';
import { areaNames, DEMOGRAPHICS } from '../domain/vocabulary';
import { formatMonthLong } from '../format';
import type { ClaimForm, Period } from './claim';

const WHO = { usbp: 'USBP', ofo: 'OFO', all: 'CBP' } as const;
const WHERE = {
	southwest: 'the Southwest land border',
	northern: 'the Northern land border',
	other: 'the coastal and interior areas'
} as const;

export function scopeName(form: ClaimForm): string {
	const who =
		form.demographic && Object.hasOwn(DEMOGRAPHICS, form.demographic)
			? ` of ${DEMOGRAPHICS[form.demographic].phrase}`
			: '';
	const what = `${WHO[form.who]} ${form.measure}${who}`;
	const of = form.citizenship
		? ` of citizens of ${form.citizenship.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())}`
		: '';
	const where = form.areas.length
		? `in ${areaNames(form.areas, Infinity)}`
		: form.regions.length === 0 || form.regions.length === 3
			? 'nationwide'
			: `at ${form.regions.map((r) => WHERE[r]).join(' and ')}`;
	return `${what}${of} ${where}`;
}

export function periodName(p: Period): string {
	if (p.kind === 'fiscal-year' && p.from.getUTCMonth() === 9 && p.to.getUTCMonth() === 8)
		return `fiscal year ${p.to.getUTCFullYear()}`;
	if (p.kind === 'calendar-year') return `calendar year ${p.from.getUTCFullYear()}`;
	if (p.from.getTime() === p.to.getTime()) return formatMonthLong(p.from);
	const span = `${formatMonthLong(p.from)} to ${formatMonthLong(p.to)}`;
	return p.kind === 'fiscal-year' ? `${span}, part of fiscal year ${fiscalYearOf(p.from)}` : span;
}
