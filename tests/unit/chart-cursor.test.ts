/** src/lib/charts/kit/cursor.ts: where a key moves the keyboard cursor every chart shares. */
import { describe, expect, test } from 'vitest';
import { cursorKey, cursorStep } from '../../src/lib/charts/kit/cursor';

describe('cursorStep', () => {
	test.each<[string, string, number | null, number | null]>([
		['ArrowRight', 'one month on', 5, 6],
		['ArrowLeft', 'one month back', 5, 4],
		['PageDown', 'a year on', 5, 17],
		['PageUp', 'a year back', 20, 8],
		['Home', 'to the first month', 17, 0],
		['End', 'to the last month', 3, 23],
		['ArrowRight', 'not past the last month', 23, 23],
		['ArrowLeft', 'not before the first month', 0, 0],
		['PageUp', 'to the first month when less than a year is left', 7, 0],
		['PageDown', 'to the last month when less than a year is left', 15, 23],
		['ArrowLeft', 'from the latest month when there is no cursor yet', null, 22],
		['ArrowRight', 'to the latest month when there is no cursor yet', null, 23],
		['Home', 'to the first month with no cursor yet', null, 0]
	])('%s moves the cursor %s', (key, _what, index, expected) => {
		expect(cursorStep(key, index, 24)).toBe(expected);
	});

	test.each(['Enter', 'Escape', 'Shift', 'a', 'ArrowUp', 'Tab'])(
		'%s is not a cursor key (null)',
		(key) => {
			expect(cursorStep(key, 5, 24)).toBeNull();
		}
	);

	test('gives null for an empty series', () => {
		expect(cursorStep('ArrowLeft', null, 0)).toBeNull();
	});
});

describe('cursorStep with other steps and start', () => {
	test('takes its own step sizes and starts from the given point', () => {
		const years = { ArrowRight: 1, PageUp: 10 };
		expect(cursorStep('PageUp', null, 100, years, 50)).toBe(60);
		expect(cursorStep('ArrowRight', 98, 100, years)).toBe(99);
		expect(cursorStep('ArrowLeft', 5, 100, years)).toBeNull();
	});
});

describe('cursorKey', () => {
	/** A key press as the chart sees it: its key, and whether the browser's default was stopped. */
	const press = (key: string) => ({
		key,
		defaultPrevented: false,
		preventDefault() {
			this.defaultPrevented = true;
		}
	});
	const key = (name: string) => {
		const event = press(name);
		return { event, next: cursorKey(event, 5, 24) };
	};

	test('a cursor key moves the cursor and is kept from the browser', () => {
		const { event, next } = key('PageDown');
		expect(next).toBe(17);
		expect(event.defaultPrevented).toBe(true);
	});

	test('Escape takes the cursor away and is kept from the browser', () => {
		const { event, next } = key('Escape');
		expect(next).toBeNull();
		expect(event.defaultPrevented).toBe(true);
	});

	test.each(['Tab', 'Enter', 'a'])('%s is left to the browser', (name) => {
		const { event, next } = key(name);
		expect(next).toBeUndefined();
		expect(event.defaultPrevented).toBe(false);
	});

	test('steps of its own: a year chart moves ten with Page Up', () => {
		expect(cursorKey(press('PageUp'), null, 100, { PageUp: 10 }, 50)).toBe(60);
	});
});
