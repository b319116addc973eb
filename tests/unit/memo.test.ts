import { expect, test } from 'vitest';
import { memo } from '../../src/lib/state/memo';

test('returns the previous result for the same arguments and recomputes for others', () => {
	let calls = 0;
	const double = memo((values: number[], factor: number) => {
		calls++;
		return values.map((v) => v * factor);
	});
	const values = [1, 2];
	const first = double(values, 2);
	expect(double(values, 2)).toBe(first);
	expect(calls).toBe(1);
	expect(double(values, 3)).toEqual([3, 6]);
	expect(double([1, 2], 3)).toEqual([3, 6]);
	expect(calls).toBe(3);
});
