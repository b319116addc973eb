/**
 * Years a month in the URL may have. The sources start in FY1925; a year outside this range is a
 * typo (or `0050`, which JavaScript dates would read as 1950) and is refused with a notice.
 */
export const URL_YEARS = { first: 1900, last: 2100 } as const;
