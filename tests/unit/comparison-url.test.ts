/**
 * The comparison builder's choice in the URL (issue 13, item 4): every kind of period and
 * baseline reads back as written, bad values are named in a notice, and the default baseline is
 * left out of links.
 */
import { describe, expect, test } from 'vitest';
import { applyChange, parseUrlState, serializeUrlState } from '../../src/lib/filters/url-state';

const parse = (query: string) => parseUrlState(new URLSearchParams(query));
const utc = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));

describe('compare= and baseline=', () => {
	test.each([
		['compare=2025-06', { kind: 'month', month: utc(2025, 6) }, 'year-earlier'],
		[
			'compare=2025&baseline=2024',
			{ kind: 'year', basis: 'fiscal', year: 2025 },
			{ kind: 'same-period', year: 2024 }
		],
		[
			'compare=2025&year=calendar&baseline=average',
			{ kind: 'year', basis: 'calendar', year: 2025 },
			'average'
		],
		[
			'compare=2025-01..2025-06&baseline=previous-month',
			{ kind: 'range', from: utc(2025, 1), to: utc(2025, 6) },
			'previous-month'
		],
		[
			'compare=2025-06..2025-01&baseline=record-high',
			{ kind: 'range', from: utc(2025, 1), to: utc(2025, 6) },
			'record-high'
		],
		['compare=2024-06&baseline=RECORD-LOW', { kind: 'month', month: utc(2024, 6) }, 'record-low']
	])('%s reads as its period and baseline, and writes back the same', (query, period, baseline) => {
		const { state, notices } = parse(query);
		expect(notices).toEqual([]);
		expect(state.comparison).toEqual({ period, baseline });
		// Written out and read again: the same selection (a reversed range in order).
		expect(parse(serializeUrlState(state).slice(1)).state.comparison).toEqual(state.comparison);
	});

	test('the default baseline is left out of the link; no compare= is no selection', () => {
		expect(serializeUrlState(parse('compare=2025-06&baseline=year-earlier').state)).toBe(
			'?compare=2025-06'
		);
		expect(parse('month=2025-06').state.comparison).toBeNull();
		expect(serializeUrlState(parse('month=2025-06').state)).toBe('?month=2025-06');
	});

	test.each([
		['compare=June', '“June” is not a month (YYYY-MM), a year (YYYY) or a range'],
		['compare=2025-13', '“2025-13” is not a month'],
		['compare=0050', '“0050” is not a month'],
		['compare=2025-01..2025-02..2025-03', 'is not a month'],
		['baseline=average', '“average” is a baseline without a compare=; ignored.']
	])('%s: no selection, with a notice', (query, notice) => {
		const { state, notices } = parse(query);
		expect(state.comparison).toBeNull();
		expect(notices.join(' ')).toContain(notice);
	});

	test('an unknown baseline keeps the period and says it uses a year earlier', () => {
		const { state, notices } = parse('compare=2025-06&baseline=last-decade');
		expect(state.comparison).toEqual({
			period: { kind: 'month', month: utc(2025, 6) },
			baseline: 'year-earlier'
		});
		expect(notices.join(' ')).toContain('“last-decade” is not a baseline');
	});

	test('a new headline month starts the builder again from it; other changes keep the choice', () => {
		const { state } = parse('compare=2023-12&month=2025-06');
		expect(applyChange(state, { month: utc(2024, 6) }).comparison).toBeNull();
		expect(applyChange(state, { per: 'day' }).comparison).toEqual(state.comparison);
		const chosen = {
			period: { kind: 'month' as const, month: utc(2022, 1) },
			baseline: 'average' as const
		};
		expect(applyChange(state, { month: utc(2024, 6), comparison: chosen }).comparison).toEqual(
			chosen
		);
	});
});
