/** Titles that state the finding, on small made-up inputs with known answers. */
import { describe, expect, test } from 'vitest';
import { largestFinding, noAreasFinding } from '../../src/lib/figures/areas/findings';
import { rangeFinding } from '../../src/lib/figures/map/finding';
import { sectorsFinding } from '../../src/lib/figures/sectors/finding';
import { seriesFinding } from '../../src/lib/figures/monthly/finding';
import { shareFinding } from '../../src/lib/figures/composition/finding';

const m = (y: number, mo: number) => new Date(Date.UTC(y, mo - 1, 1));

describe('seriesFinding', () => {
	test('states the latest value against the peak', () => {
		expect(
			seriesFinding([
				{ month: m(2020, 1), value: 10 },
				{ month: m(2020, 2), value: 3000 },
				{ month: m(2020, 3), value: null },
				{ month: m(2020, 4), value: 20 }
			])
		).toBe('20 in Apr 2020, against a peak of 3,000 in Feb 2020');
	});
	test('says when the latest month is the peak', () => {
		expect(seriesFinding([{ month: m(2020, 1), value: 5 }])).toBe(
			'5 in Jan 2020, the highest month shown'
		);
	});
	test('has nothing to say without values', () => {
		expect(seriesFinding([{ month: m(2020, 1), value: null }])).toBeNull();
	});
});

describe('noAreasFinding', () => {
	test('names the months no file breaks down, and what is counted', () => {
		expect(noAreasFinding([m(2025, 6)], { one: 'sector' }, 'OFO encounters')).toBe(
			'No file here breaks OFO encounters down by sector for Jun 2025'
		);
		expect(
			noAreasFinding([m(2024, 6), m(2025, 6)], { one: 'field office' }, 'OFO encounters')
		).toBe('No file here breaks OFO encounters down by field office for Jun 2024 or Jun 2025');
	});
	test('has nothing to say when every month has areas', () => {
		expect(noAreasFinding([], { one: 'sector' }, 'OFO encounters')).toBeNull();
	});
});

describe('sectorsFinding', () => {
	test.each([
		[
			[
				[5, 10],
				[1, 2]
			],
			'USBP encounters fell in both sectors'
		],
		[
			[
				[15, 10],
				[3, 2]
			],
			'USBP encounters rose in both sectors'
		],
		[
			[
				[5, 10],
				[3, 2],
				[null, 4],
				[2, 0]
			],
			'USBP encounters fell in 1 of 2 sectors and rose in 1'
		],
		[[[5, 10]], 'USBP encounters in Area 1 fell 50.0%'],
		[[[15, 10]], 'USBP encounters in Area 1 rose 50.0%'],
		[[[10, 10]], 'USBP encounters in Area 1 were unchanged'],
		[
			[
				[5, 10],
				[null, 3]
			],
			'USBP encounters fell in the one sector with a change'
		],
		[
			[
				[5, 10],
				[1, 2],
				[3, 4]
			],
			'USBP encounters fell in all 3 sectors'
		]
	])('%j → %s', (pairs, text) => {
		expect(
			sectorsFinding(
				(pairs as (number | null)[][]).map(([value, baselineValue], i) => ({
					name: `Area ${i + 1}`,
					value,
					baselineValue
				})),
				{ many: 'sectors', one: 'sector' },
				'USBP encounters'
			)
		).toBe(text);
	});
});

test('rangeFinding names the lowest and highest change', () => {
	expect(
		rangeFinding(
			[
				{ name: 'A', change: -50 },
				{ name: 'B', change: 12.34 },
				{ name: 'C', change: null }
			],
			'USBP encounters of unaccompanied children'
		)
	).toBe(
		'Changes in USBP encounters of unaccompanied children from a year earlier ranged from −50.0% (A) to +12.3% (B)'
	);
});

test('largestFinding names the largest part and the total', () => {
	expect(
		largestFinding(
			[
				{ name: 'A', value: 1000 },
				{ name: 'B', value: 3000 }
			],
			m(2025, 6),
			'U.S. Border Patrol encounters of unaccompanied children'
		)
	).toBe(
		'B had the most U.S. Border Patrol encounters of unaccompanied children in Jun 2025: 3,000 of 4,000'
	);
});

test('shareFinding gives the largest group’s share in the last month', () => {
	expect(
		shareFinding(
			[
				{ month: m(2024, 8), key: 'a', value: 90 },
				{ month: m(2024, 9), key: 'a', value: 25 },
				{ month: m(2024, 9), key: 'b', value: 75 }
			],
			(k) => k.toUpperCase(),
			'U.S. Border Patrol encounters'
		)
	).toBe('B made up 75.0% of U.S. Border Patrol encounters in Sep 2024');
});
