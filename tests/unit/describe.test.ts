/**
 * Sentences name everything the filter counts: the headline, figure titles and downloads say
 * "encounters of unaccompanied children", not "encounters", when the filter is on them.
 */
import { describe, expect, test } from 'vitest';
import {
	countedOf,
	describeFilters,
	placeOf,
	title42Note,
	unrecordedOf
} from '../../src/lib/text/describe';
import { parseUrlState } from '../../src/lib/filters/url-state';

const state = (query: string) => parseUrlState(new URLSearchParams(query)).state;

describe('countedOf', () => {
	test.each([
		['', 'encounters'],
		['demographic=uc', 'encounters of unaccompanied children'],
		['demographic=single-adults', 'encounters of single adults'],
		['citizenship=mexico', 'encounters of citizens of Mexico'],
		['title=8', 'encounters under Title 8'],
		['type=inadmissibles', 'inadmissibles'],
		['type=apprehensions&title=42', 'apprehensions under Title 42'],
		[
			'demographic=fmua&citizenship=mexico&title=8&type=apprehensions',
			'apprehensions of individuals in family units who were citizens of Mexico, under Title 8'
		]
	])('?%s: %s', (query, expected) => {
		expect(countedOf(state(query), query.includes('mexico') ? 'MEXICO' : undefined)).toBe(expected);
	});

	test.each([
		[
			'sector=ofo-san-diego&region=other',
			'encounters away from the land borders (coastal and interior)'
		],
		['sector=ofo-san-diego', 'encounters at the Southwest land border'],
		[
			'sector=ofo-detroit&region=northern&title=8',
			'encounters under Title 8 at the Northern land border'
		],
		['sector=ofo-san-diego&region=all', 'encounters'],
		['sector=TCA', 'encounters']
	])('a field office names the part of its count the region keeps: ?%s', (query, expected) => {
		expect(countedOf(state(query))).toBe(expected);
	});

	test('a citizenship is named as a sentence writes it, not in CBP capitals or order', () => {
		const s = state('citizenship=china-peoples-republic-of');
		expect(countedOf(s, 'CHINA, PEOPLES REPUBLIC OF')).toBe(
			'encounters of citizens of the Peoples Republic of China'
		);
		expect(describeFilters(s, 'CHINA, PEOPLES REPUBLIC OF')).toContain(
			'citizens of the Peoples Republic of China'
		);
		expect(countedOf(state('citizenship=other'), 'OTHER')).toBe(
			'encounters of citizens of other countries'
		);
		expect(countedOf(state('citizenship=myanmar-burma'), 'MYANMAR (BURMA)')).toBe(
			'encounters of citizens of Myanmar (Burma)'
		);
	});

	test('the subtitle names a demographic as the sentence does', () => {
		expect(describeFilters(state('demographic=uc'))).toBe(
			'U.S. Border Patrol · Southwest land border · unaccompanied children'
		);
	});
});

describe('unrecordedOf', () => {
	test.each([
		[
			'type=inadmissibles',
			'U.S. Border Patrol does not record inadmissibles: Office of Field Operations does.'
		],
		[
			'component=ofo&type=apprehensions',
			'Office of Field Operations does not record apprehensions: U.S. Border Patrol does.'
		]
	])('?%s says the component does not record the type', (query, start) => {
		expect(unrecordedOf(state(query))).toContain(start);
	});

	test.each([
		'',
		'type=apprehensions',
		'type=expulsions',
		'component=ofo&type=inadmissibles',
		'component=all&type=inadmissibles'
	])('?%s: recorded, nothing to say', (query) => {
		expect(unrecordedOf(state(query))).toBeNull();
	});
});

describe('states in words', () => {
	test.each([
		['state=TX', 'in Texas', 'USBP and OFO · all regions · Texas'],
		[
			'state=AZ,TX&region=southwest',
			'in Arizona and Texas at the Southwest land border',
			'USBP and OFO · Southwest land border · Arizona and Texas'
		],
		[
			'state=NY&region=other',
			'in New York away from the land borders (coastal and interior)',
			'USBP and OFO · Other (coastal and interior) · New York'
		]
	])('?%s is %s', (query, place, filters) => {
		expect(placeOf(state(query))).toBe(place);
		expect(describeFilters(state(query))).toBe(filters);
	});
});

describe('title42Note', () => {
	const period = 'Shaded: the Title 42 period (21 March 2020 – 11 May 2023)';
	test.each([
		['', `${period}, when USBP counts include Title 42 expulsions.`],
		['component=ofo', `${period}, when OFO counts include Title 42 expulsions.`],
		['component=all', `${period}, when USBP and OFO counts include Title 42 expulsions.`],
		['title=8', `${period}: these counts leave out its Title 42 expulsions.`],
		['type=apprehensions', `${period}: these counts leave out its Title 42 expulsions.`],
		[
			'component=ofo&type=inadmissibles',
			`${period}: these counts leave out its Title 42 expulsions.`
		],
		['title=42', `${period}, the only months with Title 42 expulsions.`],
		['type=expulsions', `${period}, the only months with Title 42 expulsions.`],
		['type=apprehensions&title=42', `${period}.`]
	])('?%s', (query, expected) => {
		expect(title42Note(state(query))).toBe(expected);
	});
});
