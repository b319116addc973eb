/** The comparison builder's form as state, on a made-up series: defaults, resets, kinds, ranges, baselines. */
import { describe, expect, test } from 'vitest';
import type { SeriesMonth, YearBasis } from '../../src/lib/domain/comparison';
import { ComparisonInputs } from '../../src/lib/figures/comparison/inputs.svelte';

const m = (y: number, mo: number) => new Date(Date.UTC(y, mo - 1, 1));

/** Oct 2019 – Sep 2025, with the last three months not yet answered. */
const series: SeriesMonth[] = Array.from({ length: 72 }, (_, i) => {
	const month = m(2019, 10 + i);
	return { month, value: i < 69 ? 1000 + i : null, sourceIds: ['x'] };
});

const inputsOf = (
	basis: YearBasis = 'fiscal',
	initial?: Parameters<ComparisonInputs['reset']>[0]
) =>
	new ComparisonInputs(
		() => series,
		() => basis,
		initial
	);

describe('ComparisonInputs', () => {
	test('starts at the latest month with a value, against a year earlier', () => {
		const inputs = inputsOf();
		expect(inputs.latest).toEqual(m(2025, 6));
		expect(inputs.selection).toEqual({
			period: { kind: 'month', month: m(2025, 6) },
			baseline: 'year-earlier'
		});
		// The other kinds start near it: its fiscal year, and the three months up to it.
		expect([inputs.year, inputs.from, inputs.to]).toEqual([2025, '2025-04', '2025-06']);
		expect(inputsOf('calendar').year).toBe(2025);
	});

	test('a reset fills the inputs from a selection, a same-period baseline included', () => {
		const inputs = inputsOf('fiscal', {
			period: { kind: 'year', basis: 'fiscal', year: 2024 },
			baseline: { kind: 'same-period', year: 2021 }
		});
		expect(inputs.selection).toEqual({
			period: { kind: 'year', basis: 'fiscal', year: 2024 },
			baseline: { kind: 'same-period', year: 2021 }
		});
		expect(inputs.earlierYears).toEqual([2023, 2022, 2021, 2020]);
		inputs.reset();
		expect(inputs.selection?.period).toEqual({ kind: 'month', month: m(2025, 6) });
	});

	test('switching kinds and back keeps what was typed', () => {
		const inputs = inputsOf();
		inputs.month = '2023-02';
		inputs.kind = 'range';
		expect(inputs.selection?.period).toEqual({ kind: 'range', from: m(2025, 4), to: m(2025, 6) });
		inputs.kind = 'month';
		expect(inputs.selection?.period).toEqual({ kind: 'month', month: m(2023, 2) });
	});

	test('a range keeps from ≤ to, whichever end moves', () => {
		const inputs = inputsOf();
		inputs.kind = 'range';
		inputs.setFrom('2025-08');
		expect([inputs.from, inputs.to]).toEqual(['2025-08', '2025-08']);
		inputs.setTo('2024-01');
		expect([inputs.from, inputs.to]).toEqual(['2024-01', '2024-01']);
		inputs.setTo('2024-05');
		expect([inputs.from, inputs.to]).toEqual(['2024-01', '2024-05']);
	});

	test('an incomplete month makes no selection', () => {
		const inputs = inputsOf();
		inputs.month = '';
		expect(inputs.selection).toBeNull();
		inputs.kind = 'range';
		inputs.setFrom('2024-1');
		expect(inputs.selection).toBeNull();
	});

	test('a year has no “months just before”: that choice falls back to a year earlier', () => {
		const inputs = inputsOf();
		inputs.baselineKind = 'previous-month';
		expect(inputs.baseline).toBe('previous-month');
		inputs.kind = 'year';
		expect(inputs.baselineOptions.map((o) => o.value)).not.toContain('previous-month');
		expect(inputs.baseline).toBe('year-earlier');
		// Kept, not lost: back on a month it applies again.
		inputs.kind = 'month';
		expect(inputs.baseline).toBe('previous-month');
	});

	test('a same-period baseline needs an earlier year of the series', () => {
		const inputs = inputsOf();
		inputs.baselineKind = 'same-period';
		inputs.sameYear = 2022;
		expect(inputs.baseline).toEqual({ kind: 'same-period', year: 2022 });
		// A year the period is not after: the latest earlier year.
		inputs.sameYear = 2025;
		expect(inputs.baseline).toEqual({ kind: 'same-period', year: 2024 });
		// In the series' first fiscal year there is none: a year earlier.
		inputs.month = '2019-11';
		expect(inputs.earlierYears).toEqual([]);
		expect(inputs.baseline).toBe('year-earlier');
	});

	test('years follow the basis: Nov 2024 is in FY2025 but calendar 2024', () => {
		const fiscal = inputsOf();
		fiscal.month = '2024-11';
		expect(fiscal.earlierYears[0]).toBe(2024);
		const calendar = inputsOf('calendar');
		calendar.month = '2024-11';
		expect(calendar.earlierYears[0]).toBe(2023);
		expect(calendar.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
	});
});
