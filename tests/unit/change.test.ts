/**
 * src/lib/domain/change.ts: percent change and its fixed `data-*` attribute form
 * (two decimals, ASCII minus, no `%`).
 */
import { describe, expect, test } from 'vitest';
import { changeAttribute, percentChange } from '../../src/lib/domain/change';

describe('percentChange', () => {
	test.each<[number | null, number | null]>([
		[null, 100],
		[100, null],
		[null, null],
		[100, 0],
		[0, 0]
	])('is null for value %j against baseline %j', (value, baseline) => {
		expect(percentChange(value, baseline)).toBeNull();
	});

	test.each([
		[150, 100, 50],
		[50, 100, -50],
		[100, 100, 0],
		[0, 100, -100],
		[300, 100, 200]
	])('is exact for %j against %j (%j%)', (value, baseline, expected) => {
		expect(percentChange(value, baseline)).toBe(expected);
	});

	test('gives about −92.738% for 6066 against 83532', () => {
		const pct = percentChange(6066, 83532)!;
		expect(pct).toBeCloseTo(-92.738112, 5);
		expect(pct).toBeLessThan(-92.738);
		expect(pct).toBeGreaterThan(-92.739);
	});

	test('is relative to the baseline, not the value', () => {
		expect(percentChange(200, 100)).toBe(100);
		expect(percentChange(100, 200)).toBe(-50);
	});
});

describe('changeAttribute', () => {
	test.each<[number | null, string]>([
		[null, ''],
		[-92.738112340181, '-92.74'],
		[12, '12.00'],
		[0, '0.00'],
		[-100, '-100.00'],
		[1234.5678, '1234.57'],
		[0.004, '0.00']
	])('writes %j as %j', (pct, expected) => {
		expect(changeAttribute(pct)).toBe(expected);
	});

	test.each([-0, -0.001, -0.004])('never writes -0.00 (for %j)', (pct) => {
		expect(changeAttribute(pct)).toBe('0.00');
	});

	test('uses an ASCII hyphen-minus, not U+2212', () => {
		const text = changeAttribute(-5);
		expect(text).toBe('-5.00');
		expect(text).not.toContain('−');
	});

	test('writes no percent sign and no plus sign', () => {
		expect(changeAttribute(42)).not.toMatch(/[%+]/);
	});

	test('matches the headline change for 6066 against 83532', () => {
		expect(changeAttribute(percentChange(6066, 83532))).toBe('-92.74');
	});

	test('is empty when there is no baseline', () => {
		expect(changeAttribute(percentChange(6066, 0))).toBe('');
	});
});
