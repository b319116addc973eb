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

test('keeps the last `size` results, most recently used kept longest', () => {
	const calls: string[] = [];
	const upper = memo((s: string) => (calls.push(s), { s: s.toUpperCase() }), 2);
	const a = upper('a');
	const b = upper('b');
	expect(upper('a')).toBe(a);
	expect(upper('b')).toBe(b);
	// 'c' pushes out the least recently used, 'a'.
	upper('c');
	expect(upper('b')).toBe(b);
	expect(upper('a')).not.toBe(a);
	expect(calls).toEqual(['a', 'b', 'c', 'a']);
});
