import { expect, test } from 'vitest';
import { areaHeading } from '../../src/lib/data/vocabulary';

test.each([
	[['TCA', 'EPT'], 'Sector'],
	[['ofo-laredo', 'ofo-tucson'], 'Field office'],
	[['TCA', 'ofo-tucson', 'total'], 'Sector or field office'],
	[['ofo-laredo', 'total'], 'Field office'],
	[[], 'Sector']
])('areas %j are headed %s', (codes, heading) => {
	expect(areaHeading(codes)).toBe(heading);
});
