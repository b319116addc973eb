/** How the comparison writes its numbers: counts, or averages per day (`per=day`). */
import { format } from 'd3';
import { formatCount, formatPerDay } from '../../format';

const signedCount = format('+,');
const signedPerDay = format('+,.1f');

/** A sum or average; a dash where the months cannot be answered. */
export const countText = (v: number | null, perDay: boolean): string =>
	v === null ? '—' : perDay ? formatPerDay(v) : formatCount(Math.round(v));

/** A difference, with its sign. */
export const signedText = (v: number, perDay: boolean): string =>
	perDay ? signedPerDay(v) : signedCount(Math.round(v));
