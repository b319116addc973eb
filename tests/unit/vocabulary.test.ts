import { expect, test } from 'vitest';
import { areaHeading, stateNames, toggleArea, toggleState } from '../../src/lib/domain/vocabulary';

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

// States in the filter panel's order, alphabetical by name: Arizona, New York, Texas.
test.each<[string[], string, boolean | undefined, string[]]>([
	[['TX'], 'AZ', undefined, ['AZ', 'TX']],
	[['TX', 'AZ'], 'NY', true, ['AZ', 'NY', 'TX']],
	[['AZ', 'TX'], 'AZ', undefined, ['TX']],
	[['TX'], 'TX', false, []]
])('toggling in %j the state %s (on: %s) gives %j', (codes, code, on, expected) => {
	expect(toggleState(codes, code, on)).toEqual(expected);
});

test.each([
	[['TX'], 'Texas'],
	[['AZ', 'TX'], 'Arizona and Texas'],
	[['AZ', 'CA', 'NM', 'TX', 'NY'], 'Arizona, California, New Mexico, Texas and 1 more']
])('states %j read %s', (codes, text) => {
	expect(stateNames(codes)).toBe(text);
});
