/**
 * Dates that define what a count means. These are policy dates, not data: the Title 42 public
 * health order let CBP expel people without a Title 8 apprehension from 2020-03-21 to 2023-05-11.
 */
import { utcMonth } from './months';

export const TITLE_42_START = new Date(Date.UTC(2020, 2, 21));
export const TITLE_42_END = new Date(Date.UTC(2023, 4, 11));

/** First and last calendar months in which Title 42 expulsions were possible. */
export const TITLE_42_FIRST_MONTH = utcMonth(2020, 2);
export const TITLE_42_LAST_MONTH = utcMonth(2023, 4);

export function inTitle42Period(month: Date): boolean {
	return month >= TITLE_42_FIRST_MONTH && month <= TITLE_42_LAST_MONTH;
}
