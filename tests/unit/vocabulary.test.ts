import { expect, test } from 'vitest';
import { areaHeading, toggleArea } from '../../src/lib/data/vocabulary';

test.each([
	[['TCA', 'EPT'], 'Sector'],
	[['ofo-laredo', 'ofo-tucson'], 'Field office'],
	[['TCA', 'ofo-tucson', 'total'], 'Sector or field office'],
	[['ofo-laredo', 'total'], 'Field office'],
	[[], 'Sector']
])('areas %j are headed %s', (codes, heading) => {
	expect(areaHeading(codes)).toBe(heading);
});

// West to east as CBP lists the Southwest sectors: San Diego, El Centro, Yuma, Tucson, El Paso,
// Big Bend, Del Rio, Laredo, Rio Grande Valley; field offices after the sectors.
test.each<[string[], string, boolean | undefined, string[]]>([
	[['EPT'], 'SDC', undefined, ['SDC', 'EPT']],
	[['RGV', 'SDC'], 'TCA', undefined, ['SDC', 'TCA', 'RGV']],
	[['SDC', 'TCA'], 'SDC', undefined, ['TCA']],
	[['ofo-laredo'], 'YUM', true, ['YUM', 'ofo-laredo']],
	[['TCA'], 'TCA', true, ['TCA']],
	[['TCA'], 'EPT', false, ['TCA']],
	// A code from an uploaded file keeps its place after the known ones.
	[['ZZZ', 'EPT'], 'SDC', undefined, ['SDC', 'EPT', 'ZZZ']]
])(
	'toggling in %j the area %s (on: %s) gives %j, the same whichever control did it',
	(codes, code, on, expected) => {
		expect(toggleArea(codes, code, on)).toEqual(expected);
	}
);
