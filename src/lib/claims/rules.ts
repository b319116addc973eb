/**
 * When a claimed change or record holds: one table (`CHANGE_RULES`), shown on the page as it is
 * applied here. A percent is read on the unrounded change, a multiple as "times as many" (or as
 * few), a count as the difference of the two periods.
 */
import type { Change, Qualifier } from './claim';

/** Points below a percent that "nearly" allows, and the share either side that "about" allows. */
export const NEARLY_POINTS = 5;
export const ABOUT_SHARE = 0.05;
/** An unqualified multiple ("doubled") holds from this share of it: 1.95 for 2. */
export const MULTIPLE_FLOOR = 0.975;

export const CHANGE_RULES: {
	qualifier: Qualifier;
	words: string;
	percent: string;
	multiple: string;
	count: string;
}[] = [
	{
		qualifier: 'exact',
		words: '(none), exactly',
		percent: `the change, rounded or cut to the claim's decimals, is the claim ("92%" holds for 92.74%)`,
		multiple: `${MULTIPLE_FLOOR * 100}% of the multiple or more ("doubled" from 1.95 times)`,
		count: `the difference, rounded or cut to the claim's precision, is the claim`
	},
	{
		qualifier: 'over',
		words: 'over, more than, above, in excess of',
		percent: 'more than the claim (90.0% does not hold "over 90%")',
		multiple: 'more than the multiple',
		count: 'more than the claim'
	},
	{
		qualifier: 'at-least',
		words: 'at least, no less than',
		percent: 'the claim or more',
		multiple: 'the multiple or more',
		count: 'the claim or more'
	},
	{
		qualifier: 'nearly',
		words: 'nearly, almost, close to, just under',
		percent: `below the claim by less than ${NEARLY_POINTS} points`,
		multiple: 'from 90% of the multiple up to it',
		count: 'from 95% of the claim up to it'
	},
	{
		qualifier: 'about',
		words: 'about, roughly, around, approximately',
		percent: `within ${ABOUT_SHARE * 100}% of the claim either side (at least 1 point)`,
		multiple: 'within 10% of the multiple either side',
		count: `within ${ABOUT_SHARE * 100}% of the claim either side`
	},
	{
		qualifier: 'under',
		words: 'less than, under, below',
		percent: 'less than the claim',
		multiple: 'less than the multiple',
		count: 'less than the claim'
	},
	{
		qualifier: 'up-to',
		words: 'up to, as much as, no more than',
		percent: 'the claim or less',
		multiple: 'the multiple or less',
		count: 'the claim or less'
	}
];

/** The change a claim states, measured: percent change, times as many (or few), difference. */
export interface Measured {
	changePct: number;
	/** ≥ 1: times as many (a rise) or times as few (a fall). */
	multiple: number;
	difference: number;
}

export function measure(value: number, baseline: number): Measured | null {
	if (baseline === 0 || value === 0) return null;
	return {
		changePct: ((value - baseline) / baseline) * 100,
		multiple: value >= baseline ? value / baseline : baseline / value,
		difference: value - baseline
	};
}

/** Decimal places written in a number (`92.7` → 1), or the power of ten it is rounded to (`77000` → -3). */
function precisionOf(size: number): number {
	const text = String(size);
	if (text.includes('.')) return text.split('.')[1].length;
	const zeros = /0*$/.exec(text)![0].length;
	return -Math.min(zeros, text.length - 1);
}

/** `observed` stated at `claimed`'s precision, rounded or cut. */
function statesAs(observed: number, claimed: number): boolean {
	const scale = 10 ** precisionOf(claimed);
	const near = (a: number) => Math.abs(a / scale - claimed) < 1e-9;
	return near(Math.round(observed * scale)) || near(Math.floor(observed * scale));
}

function compare(
	q: Qualifier,
	observed: number,
	claimed: number,
	nearlyFrom: number,
	aboutWithin: number,
	exact: boolean
): boolean {
	switch (q) {
		case 'over':
			return observed > claimed;
		case 'at-least':
			return observed >= claimed;
		case 'nearly':
			return observed >= nearlyFrom && observed < claimed;
		case 'about':
			return Math.abs(observed - claimed) <= aboutWithin;
		case 'under':
			return observed < claimed;
		case 'up-to':
			return observed <= claimed;
		case 'exact':
			return exact;
	}
}

const lead = (q: Qualifier, kind: string) =>
	q === 'exact'
		? `A ${kind}`
		: `With “${CHANGE_RULES.find((r) => r.qualifier === q)!.words.split(',')[0]}”, a ${kind}`;

/** Whether the measured change bears out the claimed one, and the one-line reason. */
export function changeHolds(change: Change, m: Measured): { holds: boolean; why: string } {
	const went = m.difference < 0 ? 'down' : m.difference > 0 ? 'up' : 'flat';
	if (went !== change.direction)
		return {
			holds: false,
			why: `The count went ${went === 'flat' ? 'neither up nor down' : went}, not ${change.direction}.`
		};
	const q = change.qualifier;
	const rule = CHANGE_RULES.find((r) => r.qualifier === q)!;
	if (change.kind === 'percent') {
		const observed = Math.abs(m.changePct);
		const holds = compare(
			q,
			observed,
			change.size,
			change.size - NEARLY_POINTS,
			Math.max(1, ABOUT_SHARE * change.size),
			statesAs(observed, change.size)
		);
		return {
			holds,
			why: `${lead(q, 'percent')} holds when ${rule.percent}; the change is ${observed.toFixed(2)}%.`
		};
	}
	if (change.kind === 'ratio') {
		// "halved" is a ratio of 0.5: as a multiple, two times as few.
		const k = change.size >= 1 ? change.size : 1 / change.size;
		const holds = compare(q, m.multiple, k, 0.9 * k, 0.1 * k, m.multiple >= MULTIPLE_FLOOR * k);
		const times = m.difference > 0 ? m.multiple : 1 / m.multiple;
		return {
			holds,
			why: `${lead(q, 'multiple')} holds at ${rule.multiple}; the count is ${times.toFixed(2)} times the baseline${m.difference < 0 ? ` (${m.multiple.toFixed(2)} times fewer)` : ''}.`
		};
	}
	const observed = Math.abs(m.difference);
	const holds = compare(
		q,
		observed,
		change.size,
		0.95 * change.size,
		ABOUT_SHARE * change.size,
		statesAs(observed, change.size)
	);
	return {
		holds,
		why: `A ${q === 'exact' ? '' : `"${q}" `}count holds when ${rule.count}; the difference is ${observed.toLocaleString('en-US')}.`
	};
}
