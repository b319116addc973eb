/**
 * The one vocabulary every source is normalised to. CBP spells the same thing differently across
 * files (`UAC` vs `UC / Single Minors`, `Tucson` vs `Tucson Sector`, `Coastal Border` vs `Other`);
 * these tables map each spelling to one code. They are loaded into DuckDB as lookup tables, so the
 * SQL normalisation and the TypeScript labels share one source of truth.
 */

export type ComponentCode = 'usbp' | 'ofo';
export type RegionCode = 'southwest' | 'northern' | 'other';

export const COMPONENTS: Record<
	ComponentCode,
	{ label: string; short: string; variants: string[] }
> = {
	usbp: { label: 'U.S. Border Patrol', short: 'USBP', variants: ['U.S. Border Patrol', 'USBP'] },
	ofo: {
		label: 'Office of Field Operations',
		short: 'OFO',
		variants: ['Office of Field Operations', 'OFO']
	}
};

export const REGIONS: Record<RegionCode, { label: string; variants: string[] }> = {
	southwest: {
		label: 'Southwest land border',
		variants: ['Southwest Land Border', 'Southwest Border']
	},
	northern: {
		label: 'Northern land border',
		variants: ['Northern Land Border', 'Northern Border']
	},
	// CBP's `Other` holds the coastal USBP sectors and the offices away from the land borders.
	other: {
		label: 'Other (coastal and interior)',
		variants: ['Other', 'Coastal Border']
	}
};

/** `phrase`: who, in a sentence ("encounters of unaccompanied children"). */
export const DEMOGRAPHICS: Record<string, { label: string; phrase: string; variants: string[] }> = {
	'single-adults': { label: 'Single adults', phrase: 'single adults', variants: ['Single Adults'] },
	fmua: {
		label: 'Individuals in family units (FMUA)',
		phrase: 'individuals in family units',
		variants: ['FMUA']
	},
	'accompanied-minors': {
		label: 'Accompanied minors',
		phrase: 'accompanied minors',
		variants: ['Accompanied Minors']
	},
	uc: {
		label: 'Unaccompanied children (UC / single minors)',
		phrase: 'unaccompanied children',
		variants: ['UC / Single Minors', 'UAC']
	}
};

export const TITLES: Record<string, { label: string; variants: string[] }> = {
	'8': { label: 'Title 8', variants: ['Title 8'] },
	'42': { label: 'Title 42', variants: ['Title 42'] }
};

/**
 * The five citizenship groups of CBP's Southwest Land Border file (`Citizenship Grouping`): its own
 * vocabulary, never mixed with the 22 citizenships of the other releases.
 */
export const CITIZENSHIP_GROUPS: Record<string, { label: string; variants: string[] }> = {
	mexico: { label: 'Mexico', variants: ['Mexico'] },
	guatemala: { label: 'Guatemala', variants: ['Guatemala'] },
	honduras: { label: 'Honduras', variants: ['Honduras'] },
	'el-salvador': { label: 'El Salvador', variants: ['El Salvador'] },
	other: { label: 'Every other citizenship', variants: ['Other'] }
};

export const ENCOUNTER_TYPES: Record<string, { label: string; variants: string[] }> = {
	apprehensions: { label: 'Apprehensions', variants: ['Apprehensions'] },
	inadmissibles: { label: 'Inadmissibles', variants: ['Inadmissibles'] },
	expulsions: { label: 'Expulsions', variants: ['Expulsions'] }
};

export interface AreaOfResponsibility {
	/** CBP's `AOR (Abbv)` for USBP sectors; `ofo-<slug>` for OFO field offices. */
	code: string;
	name: string;
	component: ComponentCode;
	/** The land border region of a USBP sector. OFO field offices report under several regions. */
	region: RegionCode | null;
	/** Every spelling seen in a source: AOR file name, PDF column name. */
	variants: string[];
}

function sector(code: string, place: string, region: RegionCode): AreaOfResponsibility {
	return {
		code,
		name: `${place} Sector`,
		component: 'usbp',
		region,
		variants: [`${place} Sector`, place]
	};
}

function fieldOffice(place: string): AreaOfResponsibility {
	const slug = place.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	return {
		code: `ofo-${slug}`,
		name: `${place} Field Office`,
		component: 'ofo',
		region: null,
		variants: [`${place} Field Office`, place]
	};
}

/** Southwest sectors in order along the border from west (Pacific) to east (Gulf). */
export const SOUTHWEST_SECTORS_WEST_TO_EAST: AreaOfResponsibility[] = [
	sector('SDC', 'San Diego', 'southwest'),
	sector('ELC', 'El Centro', 'southwest'),
	sector('YUM', 'Yuma', 'southwest'),
	sector('TCA', 'Tucson', 'southwest'),
	sector('EPT', 'El Paso', 'southwest'),
	sector('BBT', 'Big Bend', 'southwest'),
	sector('DRT', 'Del Rio', 'southwest'),
	sector('LRT', 'Laredo', 'southwest'),
	sector('RGV', 'Rio Grande Valley', 'southwest')
];

export const AREAS_OF_RESPONSIBILITY: AreaOfResponsibility[] = [
	...SOUTHWEST_SECTORS_WEST_TO_EAST,
	// Northern sectors, west to east.
	sector('BLW', 'Blaine', 'northern'),
	sector('SPW', 'Spokane', 'northern'),
	sector('HVM', 'Havre', 'northern'),
	sector('GFN', 'Grand Forks', 'northern'),
	sector('DTM', 'Detroit', 'northern'),
	sector('BUN', 'Buffalo', 'northern'),
	sector('SWB', 'Swanton', 'northern'),
	sector('HLT', 'Houlton', 'northern'),
	// Coastal sectors. Livermore appears only in CBP's FY2000–FY2020 PDF (no AOR code exists for
	// it in the CSV releases), so `LIV` is this project's code.
	sector('LIV', 'Livermore', 'other'),
	sector('NLL', 'New Orleans', 'other'),
	sector('MIP', 'Miami', 'other'),
	sector('RMY', 'Ramey', 'other'),
	...[
		'San Diego',
		'Tucson',
		'El Paso',
		'Laredo',
		'Seattle',
		'Detroit',
		'Buffalo',
		'Boston',
		'Portland',
		'Atlanta',
		'Baltimore',
		'Chicago',
		'Houston',
		'Los Angeles',
		'Miami',
		'New Orleans',
		'New York',
		'Preclearance',
		'San Francisco',
		'San Juan',
		'Tampa'
	].map(fieldOffice)
];

export const AOR_BY_CODE = new Map(AREAS_OF_RESPONSIBILITY.map((a) => [a.code, a]));

/**
 * The chosen areas with `code` added (`on`) or removed, in the vocabulary's order (USBP sectors
 * west to east, then OFO field offices), so one choice is one URL whether it was made in the
 * filter panel, on the map or on a small-multiples panel. Codes outside the vocabulary (from an
 * uploaded file) follow in the order chosen.
 */
export function toggleArea(codes: readonly string[], code: string, on = !codes.includes(code)) {
	const next = new Set(on ? [...codes, code] : codes.filter((c) => c !== code));
	const known = AREAS_OF_RESPONSIBILITY.map((a) => a.code).filter((c) => next.has(c));
	return [...known, ...[...next].filter((c) => !AOR_BY_CODE.has(c))];
}

/**
 * What a list of areas is called in a sentence: sectors, field offices, or both (unknown codes,
 * such as a total row, aside).
 */
export function areaNouns(codes: Iterable<string>): { one: string; many: string } {
	const kinds = new Set<string>();
	for (const code of codes) {
		const aor = AOR_BY_CODE.get(code);
		if (aor) kinds.add(aor.component);
	}
	if (kinds.size === 2) return { one: 'sector or field office', many: 'sectors and field offices' };
	return kinds.has('ofo')
		? { one: 'field office', many: 'field offices' }
		: { one: 'sector', many: 'sectors' };
}

/** A column heading for a list of areas: `Sector`, `Field office`, or `Sector or field office`. */
export function areaHeading(codes: Iterable<string>): string {
	const { one } = areaNouns(codes);
	return one.charAt(0).toUpperCase() + one.slice(1);
}

/** Lookup rows `(dimension, variant, code)` for DuckDB: one place for every spelling. */
export function labelVariants(): { dimension: string; variant: string; code: string }[] {
	const rows: { dimension: string; variant: string; code: string }[] = [];
	const add = (dimension: string, table: Record<string, { variants: string[] }>) => {
		for (const [code, entry] of Object.entries(table))
			for (const variant of entry.variants) rows.push({ dimension, variant, code });
	};
	add('component', COMPONENTS);
	add('region', REGIONS);
	add('demographic', DEMOGRAPHICS);
	add('title', TITLES);
	add('encounter_type', ENCOUNTER_TYPES);
	add('citizenship_group', CITIZENSHIP_GROUPS);
	for (const aor of AREAS_OF_RESPONSIBILITY)
		for (const variant of aor.variants)
			rows.push({ dimension: `aor_${aor.component}`, variant, code: aor.code });
	return rows;
}

/** Area codes as names for a sentence: `Tucson Sector, El Paso Sector and 6 more`. */
export function areaNames(codes: string[], max = 4): string {
	return listed(
		codes.map((c) => AOR_BY_CODE.get(c)?.name ?? c),
		max
	);
}

/** Names joined for a sentence, the first `max` only: `A, B and C`, `A, B and 3 more`. */
function listed(names: string[], max: number): string {
	if (names.length <= max) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
	return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * The two-letter postal codes CBP's state releases use (the 50 states, DC and the territories),
 * with their names, alphabetical by name for the filter panel.
 */
export const US_STATES: Record<string, string> = {
	AL: 'Alabama',
	AK: 'Alaska',
	AS: 'American Samoa',
	AZ: 'Arizona',
	AR: 'Arkansas',
	CA: 'California',
	CO: 'Colorado',
	CT: 'Connecticut',
	DE: 'Delaware',
	DC: 'District of Columbia',
	FL: 'Florida',
	GA: 'Georgia',
	GU: 'Guam',
	HI: 'Hawaii',
	ID: 'Idaho',
	IL: 'Illinois',
	IN: 'Indiana',
	IA: 'Iowa',
	KS: 'Kansas',
	KY: 'Kentucky',
	LA: 'Louisiana',
	ME: 'Maine',
	MD: 'Maryland',
	MA: 'Massachusetts',
	MI: 'Michigan',
	MN: 'Minnesota',
	MS: 'Mississippi',
	MO: 'Missouri',
	MT: 'Montana',
	NE: 'Nebraska',
	NV: 'Nevada',
	NH: 'New Hampshire',
	NJ: 'New Jersey',
	NM: 'New Mexico',
	NY: 'New York',
	NC: 'North Carolina',
	ND: 'North Dakota',
	MP: 'Northern Mariana Islands',
	OH: 'Ohio',
	OK: 'Oklahoma',
	OR: 'Oregon',
	PA: 'Pennsylvania',
	PR: 'Puerto Rico',
	RI: 'Rhode Island',
	SC: 'South Carolina',
	SD: 'South Dakota',
	TN: 'Tennessee',
	TX: 'Texas',
	VI: 'U.S. Virgin Islands',
	UT: 'Utah',
	VT: 'Vermont',
	VA: 'Virginia',
	WA: 'Washington',
	WV: 'West Virginia',
	WI: 'Wisconsin',
	WY: 'Wyoming'
};

/** The chosen states with `code` added (`on`) or removed, in the vocabulary's order: one URL per choice. */
export function toggleState(codes: readonly string[], code: string, on = !codes.includes(code)) {
	const next = new Set(on ? [...codes, code] : codes.filter((c) => c !== code));
	return Object.keys(US_STATES).filter((c) => next.has(c));
}

/** State codes as names for a sentence: `Arizona and Texas`, `Texas, New Mexico and 3 more`. */
export function stateNames(codes: string[], max = 4): string {
	return listed(
		codes.map((c) => (Object.hasOwn(US_STATES, c) ? US_STATES[c] : c)),
		max
	);
}
