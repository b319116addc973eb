/**
 * Download file names say what the file holds: scope and view, filters, then months; only safe
 * characters, the same for the same state every time.
 */
import { describe, expect, test } from 'vitest';
import { fileName, type FileNameState } from '../../src/lib/export/file-name';
import { isFigureView } from '../../src/lib/filters/figure-views';
import { DEFAULT_URL_STATE } from '../../src/lib/filters/url-state';

const utc = (key: string) => new Date(`${key}-01T00:00:00Z`);
const state = (over: Partial<FileNameState> = {}): FileNameState => ({
	...DEFAULT_URL_STATE,
	month: utc('2025-06'),
	from: utc('2024-06'),
	to: utc('2025-06'),
	...over
});

describe('fileName', () => {
	test.each<[string, Parameters<typeof fileName>, string]>([
		[
			'the issue’s example: a sector and a month range',
			['monthly', state({ sectors: ['TCA'] }), 'png'],
			'usbp-southwest-monthly_TCA_2024-06_2025-06.png'
		],
		[
			'no filter beyond the default scope',
			['monthly', state(), 'csv'],
			'usbp-southwest-monthly_2024-06_2025-06.csv'
		],
		[
			'the headline names the month and the month a year earlier',
			['headline', state({ from: utc('1999-10'), to: utc('2026-08') }), 'svg'],
			'usbp-southwest-headline_2024-06_2025-06.svg'
		],
		[
			'the sector table and the map the same way',
			['map', state({ month: utc('2024-01') }), 'png'],
			'usbp-southwest-map_2023-01_2024-01.png'
		],
		[
			'the long history by fiscal years',
			['history', state({ from: utc('1924-10'), to: utc('2026-08') }), 'csv'],
			'usbp-southwest-history_FY1925_FY2026.csv'
		],
		[
			'the comparison: one month written once, against the default baseline',
			['comparison', state({ from: utc('2025-06'), to: utc('2025-06') }), 'csv'],
			'usbp-southwest-comparison_2025-06_vs-year-earlier.csv'
		],
		[
			'the comparison: a fiscal year against an earlier one',
			[
				'comparison',
				state({
					from: utc('2024-10'),
					to: utc('2025-09'),
					comparison: {
						period: { kind: 'year', basis: 'fiscal', year: 2025 },
						baseline: { kind: 'same-period', year: 2019 }
					}
				}),
				'png'
			],
			'usbp-southwest-comparison_FY2025_vs-FY2019.png'
		],
		[
			'the comparison: a range against the record high',
			[
				'comparison',
				state({
					from: utc('2025-01'),
					to: utc('2025-06'),
					comparison: {
						period: { kind: 'range', from: utc('2025-01'), to: utc('2025-06') },
						baseline: 'record-high'
					}
				})
			],
			'usbp-southwest-comparison_2025-01_2025-06_vs-record-high'
		],
		[
			'several sectors joined with +',
			['small-multiples', state({ sectors: ['TCA', 'EPT'] }), 'csv'],
			'usbp-southwest-small-multiples_TCA+EPT_2024-06_2025-06.csv'
		],
		[
			'the states figure, states joined with +',
			['states', state({ component: 'all', region: 'all', states: ['AZ', 'TX'] }), 'csv'],
			'cbp-nationwide-states_AZ+TX_2024-06_2025-06.csv'
		],
		[
			'all components and regions',
			['monthly', state({ component: 'all', region: 'all' }), 'png'],
			'cbp-nationwide-monthly_2024-06_2025-06.png'
		],
		[
			'every other filter, in a fixed order',
			[
				'monthly',
				state({
					component: 'ofo',
					sectors: ['ofo-el-paso'],
					demographic: 'uc',
					citizenship: 'china-peoples-republic-of',
					title: '8',
					type: 'inadmissibles',
					per: 'day'
				}),
				'csv'
			],
			'ofo-southwest-monthly_ofo-el-paso_uc_china-peoples-republic-of_title-8_inadmissibles_per-day_2024-06_2025-06.csv'
		],
		[
			'the composition names its split',
			['composition', state({ split: 'citizenship' }), 'csv'],
			'usbp-southwest-composition_by-citizenship_2024-06_2025-06.csv'
		],
		[
			'calendar years where the comparison names a year',
			[
				'comparison',
				state({
					year: 'calendar',
					from: utc('2024-01'),
					to: utc('2024-12'),
					comparison: {
						period: { kind: 'year', basis: 'calendar', year: 2024 },
						baseline: 'average'
					}
				})
			],
			'usbp-southwest-comparison_CY2024_vs-average'
		],
		[
			'odd characters in a value cannot escape the name',
			['monthly', state({ citizenship: '../=x y' }), 'csv'],
			'usbp-southwest-monthly_x-y_2024-06_2025-06.csv'
		],
		[
			'hidden characters vanish rather than leave a -',
			['monthly', state({ citizenship: 'mex\u202Eico\uFFFE\u200B' }), 'csv'],
			'usbp-southwest-monthly_mexico_2024-06_2025-06.csv'
		]
	])('%s', (_, args, expected) => {
		expect(fileName(...args)).toBe(expected);
	});

	test('months are UTC: the name does not depend on the time zone', () => {
		expect(process.env.TZ).toBe('America/Los_Angeles');
		expect(fileName('monthly', state({ from: utc('2024-01'), to: utc('2024-12') }))).toBe(
			'usbp-southwest-monthly_2024-01_2024-12'
		);
	});
});

test('isFigureView accepts the embed route’s views only', () => {
	expect(isFigureView('monthly')).toBe(true);
	expect(isFigureView('small-multiples')).toBe(true);
	expect(isFigureView('Monthly')).toBe(false);
	expect(isFigureView(null)).toBe(false);
});
