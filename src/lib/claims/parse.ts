/**
 * Reads a claim sentence into a `ClaimForm` by a fixed table of rules (`RULES`, in order; no
 * network, no language model). Each rule claims the words it used, so a word counts once; what
 * no rule placed is listed. Relative times ("last month", "since January") resolve against the
 * latest month of the data.
 */
import { fiscalYearOf, utcMonth } from '../domain/months';
import {
	AREAS_OF_RESPONSIBILITY,
	type AreaOfResponsibility,
	type RegionCode
} from '../domain/vocabulary';
import {
	DEFAULT_FORM,
	shifted,
	type Change,
	type ClaimForm,
	type Measure,
	type Period,
	type Qualifier,
	type Who
} from './claim';

export type Part =
	'who' | 'where' | 'what' | 'when' | 'compared' | 'change' | 'record' | 'unsupported';

/** One reading: which words, which part of the form they filled, and how it read them. */
export interface Reading {
	part: Part;
	start: number;
	end: number;
	text: string;
	reads: string;
}

export interface ParsedClaim {
	form: ClaimForm;
	readings: Reading[];
	/** Words no rule placed, in order. */
	unplaced: string[];
	/** The sentence's own word for what it counts ("crossings"), for the caveats. */
	term: string | null;
	/** Terms with no CBP equivalent in these files ("gotaways"). */
	unsupported: string[];
	/** Why nothing could be read: empty, too long. */
	problem: string | null;
}

export const MAX_CLAIM_LENGTH = 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3));

const UNITS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen'
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORDS = String.raw`(?:(?:one |a )?hundred|(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')})`;

/** "ninety-two" → 92, "a hundred" → 100, "75.5" → 75.5. */
function numberOf(text: string): number {
	const t = text.trim().replace(/,/g, '');
	if (/^\d/.test(t)) return Number(t);
	if (/hundred$/.test(t)) return 100;
	const [tens, unit] = t.split(/[- ]/);
	const ten = TENS.indexOf(tens);
	return ten > 0 ? ten * 10 + (unit ? UNITS.indexOf(unit) : 0) : UNITS.indexOf(tens);
}

const QUALIFIER_WORDS: [RegExp, Qualifier][] = (
	[
		['at least|no less than|no fewer than', 'at-least'],
		['up to|as much as|as many as|no more than', 'up-to'],
		['nearly|almost|close to|just under|approaching|just shy of', 'nearly'],
		['more than|over|above|in excess of|upwards of|greater than|just over|better than', 'over'],
		['about|roughly|around|approximately|some|an estimated|circa|~', 'about'],
		['less than|under|below|fewer than', 'under'],
		['exactly|precisely', 'exact']
	] as const
).map(([words, q]) => [new RegExp(`(?:^|[^a-z])(${words})$`), q]);

const DOWN = String.raw`fell|fall(?:s|en|ing)?|dropped|drops?|dropping|declined?|declines|declining|decreased?|decreases|decreasing|plunged?|plummeted|plummet|sank|slid|shrank|shrunk|tumbled|dipped|dip|slumped|down|lower|fewer|reduced|reduction|cut|cuts|plunging|collapsed|lowered`;
const UP = String.raw`rose|rise[sn]?|rising|increased?|increases|increasing|grew|grow(?:n|s|th)?|climbed|climb|jumped|jump|surged?|soared|spiked|spike|up|higher|more|skyrocketed|ballooned`;

/** A word's span in the lower-case text; `taken` keeps one word to one reading. */
interface Scan {
	lower: string;
	taken: boolean[];
	readings: Reading[];
	text: string;
}

function claim(scan: Scan, part: Part, start: number, end: number, reads: string) {
	for (let i = start; i < end; i++) scan.taken[i] = true;
	scan.readings.push({ part, start, end, text: scan.text.slice(start, end), reads });
}

/**
 * Every match of `pattern` whose words are still free, claimed for `part`; `read` runs only on
 * free words, and a null from it leaves them free.
 */
function each(
	scan: Scan,
	pattern: RegExp,
	part: Part,
	read: (m: RegExpExecArray) => string | null
) {
	const re = new RegExp(pattern.source, 'g');
	for (let m = re.exec(scan.lower); m; m = re.exec(scan.lower)) {
		const end = m.index + m[0].length;
		if (m[0].length === 0) re.lastIndex++;
		else if (!scan.taken.slice(m.index, end).some(Boolean)) {
			const reads = read(m);
			if (reads !== null) claim(scan, part, m.index, end, reads);
		}
	}
}

/** The qualifier written just before `index` ("fell by over 90%"), claimed with it. */
function qualifierBefore(scan: Scan, index: number): Qualifier {
	const offset = Math.max(0, index - 30);
	const before = scan.lower.slice(offset, index).replace(/\s+$/, '');
	for (const [pattern, qualifier] of QUALIFIER_WORDS) {
		const m = pattern.exec(before);
		if (!m) continue;
		const start = offset + m.index + m[0].length - m[1].length;
		claim(scan, 'change', start, start + m[1].length, `qualifier: ${qualifier}`);
		return qualifier;
	}
	return 'exact';
}

interface TimeMention {
	period: Period;
	start: number;
	/** The word just before it: `since`, `from`, `to`, `than`, … */
	cue: string;
}

function monthPeriod(year: number, index: number): Period {
	const m = utcMonth(year, index);
	return { from: m, to: m, kind: 'month' };
}

function fiscalYear(year: number): Period {
	return { from: utcMonth(year - 1, 9), to: utcMonth(year, 8), kind: 'fiscal-year' };
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The latest `index` month at or before `latest` (a month named without a year). */
function latestMonthNamed(index: number, latest: Date): Period {
	const year =
		latest.getUTCMonth() >= index ? latest.getUTCFullYear() : latest.getUTCFullYear() - 1;
	return monthPeriod(year, index);
}

/** How places are written: names and aliases, longest first so "El Paso" wins over "Paso". */
const PLACE_ALIASES: [string, string][] = [
	['the rio grande valley', 'RGV'],
	['rio grande valley', 'RGV'],
	['rio grande', 'RGV'],
	['rgv', 'RGV']
];

function placesOf(): { name: string; areas: AreaOfResponsibility[] }[] {
	const byName = new Map<string, AreaOfResponsibility[]>();
	const add = (name: string, area: AreaOfResponsibility) => {
		const list = byName.get(name) ?? [];
		if (!list.includes(area)) list.push(area);
		byName.set(name, list);
	};
	for (const area of AREAS_OF_RESPONSIBILITY)
		for (const v of area.variants) add(v.toLowerCase(), area);
	for (const [alias, code] of PLACE_ALIASES)
		add(
			alias,
			AREAS_OF_RESPONSIBILITY.find((a) => a.code === code)!
		);
	return [...byName]
		.map(([name, areas]) => ({ name, areas }))
		.sort((a, b) => b.name.length - a.name.length);
}
const PLACES = placesOf();

const DEMONYMS: Record<string, string> = {
	mexican: 'mexico',
	guatemalan: 'guatemala',
	honduran: 'honduras',
	salvadoran: 'el-salvador',
	salvadorean: 'el-salvador',
	venezuelan: 'venezuela',
	cuban: 'cuba',
	haitian: 'haiti',
	nicaraguan: 'nicaragua',
	colombian: 'colombia',
	ecuadorian: 'ecuador',
	peruvian: 'peru',
	brazilian: 'brazil',
	chinese: 'china',
	indian: 'india',
	russian: 'russia',
	ukrainian: 'ukraine',
	turkish: 'turkey',
	romanian: 'romania',
	filipino: 'philippines'
};

const UNSUPPORTED = String.raw`got-?aways?|deportations?|deported|removals?|removed|releases?|released|parole[sd]?|asylum(?: seekers| claims)?|fentanyl|drugs?|seizures?|visas?|overstays?|detentions?|detained|deaths?|rescues?|turn-?backs?`;

/**
 * The rules, in the order they run. Each finds words and fills one part of the form; `STOPWORDS`
 * are the words no rule needs.
 */
export const RULES: { part: Part; says: string }[] = [
	{
		part: 'unsupported',
		says: 'Gotaways, deportations, removals, releases, parole, asylum, seizures: not counted in these files'
	},
	{
		part: 'record',
		says: '"lowest/highest … on record", "record low", "all-time high", "lowest since …"'
	},
	{
		part: 'when',
		says: 'A month ("June 2025", "Jun. 2025", "2025-06"), a fiscal year ("FY2024", "fiscal year 2024"), a calendar year ("2023", "calendar year 2023"), a range ("January–March 2025"), "last month", a month without a year (its latest one)'
	},
	{
		part: 'compared',
		says: '"a year earlier", "year over year", "the same month last year" (12 months before); "the previous month" (1 before); two times: the earlier is the baseline; "since …": the baseline'
	},
	{
		part: 'change',
		says: 'A percent ("90%", "ninety percent"), a multiple ("doubled", "tripled", "halved", "fell by half", "tenfold drop"), a count ("by 77,000"), each with its qualifier ("over", "nearly", "about", "at least", "up to", "less than")'
	},
	{
		part: 'change',
		says: 'The direction: fell, dropped, declined, plunged, lower … / rose, increased, grew, surged, higher …'
	},
	{
		part: 'who',
		says: '"Border Patrol", "USBP" / "OFO", "ports of entry", "Office of Field Operations" / "CBP" (all CBP)'
	},
	{
		part: 'where',
		says: 'A region ("the southern border", "Southwest", "northern border", "coastal") or "nationwide"; sectors and field offices by name ("Tucson", "the Rio Grande Valley", "RGV", "El Paso Field Office")'
	},
	{
		part: 'what',
		says: 'encounters; apprehensions (also arrests); expulsions; inadmissibles; crossings, migrants, people (read as encounters); a demographic ("unaccompanied children", "families", "single adults"); a citizenship ("Mexican", "Venezuelans")'
	}
];

const STOPWORDS = new Set(
	(
		'the a an of in at on to from by for with and or as than compared comparison versus vs was were is are be been ' +
		'has have had its it their that this these those which who according data number numbers total totals level ' +
		'levels month monthly year years during between same period said says figures statistics stats show showed ' +
		'shows new latest report reported u.s. us united states s apprehended encountered illegal illegally border sector ' +
		'sectors field office offices region just only all time record ever what when where while after before our' +
		' also there then into per'
	).split(' ')
);

/** Reads `sentence`; `latest` is the latest month of the data (for "last month", "since January"). */
export function parseClaim(sentence: string, latest: Date): ParsedClaim {
	const empty = (problem: string): ParsedClaim => ({
		form: { ...DEFAULT_FORM },
		readings: [],
		unplaced: [],
		term: null,
		unsupported: [],
		problem
	});
	if (!sentence.trim())
		return empty('Type or paste a sentence with a number and a month, such as the examples below.');
	if (sentence.length > MAX_CLAIM_LENGTH)
		return empty(
			`The text is ${sentence.length.toLocaleString('en-US')} characters long. Paste one sentence of at most ${MAX_CLAIM_LENGTH.toLocaleString('en-US')} characters.`
		);
	// One character for one: ASCII lower case, straight quotes and hyphens, so indexes match.
	const lower = sentence
		.replace(/[A-Z]/g, (c) => c.toLowerCase())
		.replace(/[‘’]/g, "'")
		.replace(/[–—−]/g, '-')
		.replace(/\s/g, ' ');
	const scan: Scan = {
		lower,
		taken: Array(lower.length).fill(false),
		readings: [],
		text: sentence
	};
	const form: ClaimForm = { ...DEFAULT_FORM, regions: [...DEFAULT_FORM.regions] };

	const unsupported: string[] = [];
	each(scan, new RegExp(String.raw`\b(?:${UNSUPPORTED})\b`), 'unsupported', (m) => {
		unsupported.push(sentence.slice(m.index, m.index + m[0].length));
		return 'not counted in these files';
	});

	// Records before times: "lowest since March 2020" names the record's start, not the period.
	let since: TimeMention | null = null;
	let recordMonth: number | null = null;
	const times: TimeMention[] = [];
	readTimes(scan, latest, times);
	each(
		scan,
		new RegExp(
			String.raw`\b(?:the )?(?:(?:record|all-time) (low|high)|(lowest|highest|fewest|most)(?: (?:month(?:ly)?(?: total)?|level|number|total|count|tally))?(?: ${MONTH})?(?: (?:on record|in the record|ever|in history|of all time|since records began|recorded))?)\b`
		),
		'record',
		(m) => {
			const word = m[1] ?? m[2];
			const extreme = /low|fewest/.test(word) ? 'lowest' : 'highest';
			// "most" alone is a quantity, not a record.
			if (
				m[2] === 'most' &&
				!m[3] &&
				!/ (on record|ever|in history|of all time|recorded)/.test(m[0])
			)
				return null;
			const sameMonth = m[3] !== undefined;
			form.record = { extreme, sameMonth, since: null };
			if (sameMonth) recordMonth = monthIndex(m[3]);
			return `record: the ${extreme}${sameMonth ? ` ${m[3].charAt(0).toUpperCase()}${m[3].slice(1)} (the same month of every year)` : ''}`;
		}
	);
	// "the fewest … of any June on record": the same month of every year.
	each(
		scan,
		new RegExp(String.raw`\b(?:of|for|in) (?:any|a) ${MONTH}(?: on record| ever| in history)?\b`),
		'record',
		(m) => {
			if (!form.record) return null;
			form.record.sameMonth = true;
			recordMonth = monthIndex(m[1]);
			return 'record: against the same month of every year';
		}
	);
	for (const t of times) if (t.cue === 'since' && form.record) since = t;
	if (since && form.record) form.record.since = since.period;

	readChange(scan, form);
	readWho(scan, form);
	readWhere(scan, form);
	const term = readWhat(scan, form);

	if (!scan.readings.some((r) => r.part === 'who')) form.who = unnamedWho(form, term);

	placeTimes(
		scan,
		form,
		times.filter((t) => t !== since),
		latest
	);
	// "the lowest June on record" with no year: the latest June.
	if (recordMonth !== null && !times.some((t) => t !== since))
		form.period = latestMonthNamed(recordMonth, latest);

	const unplaced: string[] = [];
	const word = /[a-z0-9][a-z0-9'.-]*/g;
	for (let m = word.exec(lower); m; m = word.exec(lower)) {
		const w = m[0].replace(/[.'-]+$/, '');
		if (!w || STOPWORDS.has(w) || scan.taken[m.index]) continue;
		unplaced.push(sentence.slice(m.index, m.index + w.length));
	}
	scan.readings.sort((a, b) => a.start - b.start);
	return { form, readings: scan.readings, unplaced, term, unsupported, problem: null };
}

/** Every time mention, in sentence order, with the word before it. */
function readTimes(scan: Scan, latest: Date, out: TimeMention[]) {
	const add = (m: RegExpExecArray, period: Period, reads: string) => {
		const before = scan.lower.slice(0, m.index).trimEnd();
		const cue =
			/(since|from|to|than|versus|vs\.?|with|in|and|between|through)$/.exec(before)?.[1] ?? '';
		if (cue === 'since' && !scan.taken[before.length - 1])
			claim(
				scan,
				'compared',
				before.length - cue.length,
				before.length,
				'since: from this time on'
			);
		out.push({ period, start: m.index, cue });
		return reads;
	};
	const label = (p: Period) =>
		`${p.from.toISOString().slice(0, 7)}${p.to > p.from ? ` to ${p.to.toISOString().slice(0, 7)}` : ''}`;
	// Two spans of months with their years and of one length ("from January 2025 to March 2025 …
	// from January 2024 to March 2024") are two ranges compared; one span alone compares its two
	// months, as does a span from a month to the same month of another year ("June 2024 to June
	// 2025").
	const span = new RegExp(
		String.raw`\b${MONTH},? (\d{4}) ?(?:-|to|through|thru|until) ?${MONTH},? (\d{4})\b`
	);
	const spanOf = (m: RegExpMatchArray): Period | null => {
		const p: Period = {
			from: utcMonth(Number(m[2]), monthIndex(m[1])),
			to: utcMonth(Number(m[4]), monthIndex(m[3])),
			kind: 'range'
		};
		return p.from < p.to && monthIndex(m[1]) !== monthIndex(m[3]) ? p : null;
	};
	const length = (p: Period) =>
		(p.to.getUTCFullYear() - p.from.getUTCFullYear()) * 12 +
		p.to.getUTCMonth() -
		p.from.getUTCMonth();
	const spans = [...scan.lower.matchAll(new RegExp(span, 'g'))].map(spanOf);
	if (spans.length === 2 && spans[0] && spans[1] && length(spans[0]) === length(spans[1]))
		each(scan, span, 'when', (m) => {
			const p = spanOf(m)!;
			return add(m, p, `months ${label(p)}`);
		});
	// A range of months in one year: "January–March 2025", "January through March 2025".
	each(
		scan,
		new RegExp(String.raw`\b${MONTH} ?(?:-|through|thru) ?${MONTH},? (\d{4})\b`),
		'when',
		(m) => {
			const year = Number(m[3]);
			const p: Period = {
				from: utcMonth(year, monthIndex(m[1])),
				to: utcMonth(year, monthIndex(m[2])),
				kind: 'range'
			};
			return p.from > p.to ? null : add(m, p, `months ${label(p)}`);
		}
	);
	// "from January to March 2025": two months of one year, compared.
	each(scan, new RegExp(String.raw`\b${MONTH} (?:to|and) ${MONTH},? (\d{4})\b`), 'when', (m) => {
		const year = Number(m[3]);
		const a = monthPeriod(year, monthIndex(m[1]));
		const b = monthPeriod(year, monthIndex(m[2]));
		out.push({ period: a, start: m.index, cue: '' });
		return add(m, b, `${label(a)} and ${label(b)}`);
	});
	each(scan, new RegExp(String.raw`\b(?:fiscal(?: year)?|fy) ?'?(\d{4}|\d{2})\b`), 'when', (m) => {
		const p = fiscalYear(fullYear(m[1]));
		return add(m, p, `fiscal year ${fullYear(m[1])} (${label(p)})`);
	});
	each(scan, new RegExp(String.raw`\b${MONTH},? (?:of )?(\d{4})\b`), 'when', (m) => {
		const p = monthPeriod(Number(m[2]), monthIndex(m[1]));
		return add(m, p, `month ${label(p)}`);
	});
	each(scan, /\b(\d{4})-(0[1-9]|1[0-2])\b/, 'when', (m) => {
		const p = monthPeriod(Number(m[1]), Number(m[2]) - 1);
		return add(m, p, `month ${label(p)}`);
	});
	each(scan, /\b(?:calendar(?: year)?|cy) ?(\d{4})\b/, 'when', (m) => {
		const y = Number(m[1]);
		return add(
			m,
			{ from: utcMonth(y, 0), to: utcMonth(y, 11), kind: 'calendar-year' },
			`calendar year ${y}`
		);
	});
	each(scan, /\blast month\b|\bthe latest month\b|\bthis month\b/, 'when', (m) =>
		add(
			m,
			monthPeriod(latest.getUTCFullYear(), latest.getUTCMonth()),
			`the latest month of the data (${label(monthPeriod(latest.getUTCFullYear(), latest.getUTCMonth()))})`
		)
	);
	each(scan, /\blast fiscal year\b/, 'when', (m) => {
		const fy = fiscalYearOfLatestComplete(latest);
		return add(m, fiscalYear(fy), `fiscal year ${fy}, the latest complete one`);
	});
	// A bare year: a calendar year, unless it is a count ("2,000") or a percent.
	each(scan, /(?<![\d,.])\b((?:19|20)\d{2})\b(?![\d,.%]| percent)/, 'when', (m) => {
		const y = Number(m[1]);
		return add(
			m,
			{ from: utcMonth(y, 0), to: utcMonth(y, 11), kind: 'calendar-year' },
			`calendar year ${y}`
		);
	});
	// A month without a year: its latest one in the data ("since January", "in June").
	each(scan, new RegExp(String.raw`\b${MONTH}\b(?! (?:on record|ever))`), 'when', (m) => {
		if (m[1] === 'may' && !/(since|in|from|to|than|and|of) $/.test(scan.lower.slice(0, m.index)))
			return null;
		const p = latestMonthNamed(monthIndex(m[1]), latest);
		return add(m, p, `month ${label(p)} (the latest ${m[1]} in the data)`);
	});
	out.sort((a, b) => a.start - b.start);
	return out;
}

function fiscalYearOfLatestComplete(latest: Date): number {
	const fy = fiscalYearOf(latest);
	return latest.getUTCMonth() === 8 ? fy : fy - 1;
}

/** Which time is the claim's period and which its baseline. */
function placeTimes(scan: Scan, form: ClaimForm, times: TimeMention[], latest: Date) {
	let relative: number | null = null;
	each(
		scan,
		/\b(?:(?:from |than |with |to )?(?:a|one) year (?:earlier|ago|before|prior)|(?:from |than |with )?the (?:same (?:month|period|time) (?:of |in )?(?:a year earlier|the (?:previous|prior) year|last year|a year ago)|(?:previous|prior) year|year before)|year[- ](?:over|on)[- ]year|(?:compared )?(?:with|to|from) last year|annual(?:ly)?|yoy)\b/,
		'compared',
		() => {
			relative = -12;
			return 'the same period a year earlier';
		}
	);
	each(
		scan,
		/\b(?:(?:from |than |with )?the (?:previous|prior|preceding) month|(?:from |than )?the month before|(?:a|one) month (?:earlier|before|ago)|month[- ](?:over|on)[- ]month)\b/,
		'compared',
		() => {
			relative = -1;
			return 'the month before';
		}
	);
	const sinceMention = times.find((t) => t.cue === 'since');
	const others = times.filter((t) => t !== sinceMention);
	if (sinceMention) {
		form.baseline = sinceMention.period;
		form.period = others.length
			? latestOf(others)
			: monthPeriod(latest.getUTCFullYear(), latest.getUTCMonth());
	} else if (others.length >= 2) {
		// Claims compare a later time with an earlier one, whatever the order of the words.
		const sorted = [...others].sort((a, b) => a.period.from.getTime() - b.period.from.getTime());
		form.baseline = sorted[0].period;
		form.period = sorted[sorted.length - 1].period;
	} else if (others.length === 1) {
		form.period = others[0].period;
	}
	if (relative !== null && form.period && !form.baseline)
		form.baseline = shifted(form.period, relative);
	// "the lowest June on record" with no year: the latest June.
	if (!form.period && form.record)
		form.period = monthPeriod(latest.getUTCFullYear(), latest.getUTCMonth());
	if (form.record?.sameMonth && form.period && form.period.kind !== 'month')
		form.record.sameMonth = false;
}

/**
 * Who counts when the sentence names no component: the areas' own; inadmissibles are OFO's;
 * apprehensions and crossings (between the ports) USBP's; encounters, migrants, people all CBP's.
 */
function unnamedWho(form: ClaimForm, term: string | null): Who {
	if (form.areas.length) return form.areas.every((a) => a.startsWith('ofo-')) ? 'ofo' : 'usbp';
	if (form.measure === 'inadmissibles') return 'ofo';
	if (form.measure === 'apprehensions' || term === 'crossings') return 'usbp';
	return 'all';
}

const latestOf = (times: TimeMention[]) =>
	times.reduce((a, b) => (b.period.from > a.period.from ? b : a)).period;

function readChange(scan: Scan, form: ClaimForm) {
	let direction: Change['direction'] | null = null;
	const sizes: Omit<Change, 'direction'>[] = [];
	const multiples: Record<string, number> = {
		double: 2,
		two: 2,
		triple: 3,
		three: 3,
		quadruple: 4,
		four: 4,
		five: 5,
		ten: 10,
		twenty: 20,
		hundred: 100
	};
	// Multiples: "doubled", "more than tripled", "a tenfold drop", "fell by half", "halved".
	each(
		scan,
		/\b(doubled?|doubling|tripled?|tripling|quadrupled?)\b|\b(two|three|four|five|ten|twenty|hundred|\d+)[- ]?(?:fold|times)\b|\b(halved|halving|cut in half|(?:by )?(?:one |a )?half)\b/,
		'change',
		(m) => {
			if (m[3]) {
				sizes.push({ kind: 'ratio', size: 0.5, qualifier: qualifierBefore(scan, m.index) });
				direction ??= 'down';
				return 'a multiple: half (ratio 0.5)';
			}
			const word = (m[1] ?? m[2]).replace(/(d|ing)$/, '').replace(/l$/, 'le');
			const k = /^\d+$/.test(word)
				? Number(word)
				: (multiples[word] ?? multiples[word.replace(/e$/, '')]);
			if (!k) return null;
			const qualifier = qualifierBefore(scan, m.index);
			sizes.push({ kind: 'ratio', size: k, qualifier });
			if (m[1]) direction ??= 'up';
			return `a multiple: ${k} times`;
		}
	);
	each(
		scan,
		new RegExp(
			String.raw`\b(\d{1,3}(?:\.\d+)?|${NUMBER_WORDS}) ?(?:%|percent\b|per cent\b|pct\b|percentage points?\b)`
		),
		'change',
		(m) => {
			sizes.push({
				kind: 'percent',
				size: numberOf(m[1]),
				qualifier: qualifierBefore(scan, m.index)
			});
			return `a change of ${numberOf(m[1])}%`;
		}
	);
	// A count: "by 77,000", "by more than 70,000" (a four-digit year is a time, not a count).
	each(scan, /\b(\d{1,3}(?:,\d{3})+|\d{2,7})\b(?! ?(?:%|percent))/, 'change', (m) => {
		if (
			!/\bby(?: [a-z~ ]{1,20})?$/.test(
				scan.lower.slice(Math.max(0, m.index - 30), m.index).trimEnd()
			)
		)
			return null;
		sizes.push({ kind: 'count', size: numberOf(m[1]), qualifier: qualifierBefore(scan, m.index) });
		return `a change of ${numberOf(m[1]).toLocaleString('en-US')}`;
	});
	each(scan, new RegExp(String.raw`\b(?:${DOWN})\b`), 'change', () => {
		direction ??= 'down';
		return 'direction: down';
	});
	each(scan, new RegExp(String.raw`\b(?:${UP})\b`), 'change', (m) => {
		// "more" is a direction only on its own ("more crossings"), never in a qualifier.
		if (m[0] === 'more' && /^ than/.test(scan.lower.slice(m.index + 4))) return null;
		direction ??= 'up';
		return 'direction: up';
	});
	// A multiple below one is a fall: "a tenfold drop" is a ratio of 1/10.
	// A direction alone ("rose", "were lower") claims a change of more than 0%.
	const size = sizes[0] ?? { kind: 'percent', size: 0, qualifier: 'over' };
	if (direction) {
		const ratio =
			size.kind === 'ratio' && direction === 'down' && size.size > 1 ? 1 / size.size : size.size;
		form.change = { direction, ...size, size: ratio };
	}
}

function readWho(scan: Scan, form: ClaimForm) {
	const set = (who: Who, label: string) => () => {
		// The most specific wins: "CBP's Border Patrol" is USBP.
		if (form.who === 'all' || who !== 'all' || !scan.readings.some((r) => r.part === 'who'))
			form.who = who;
		return label;
	};
	each(
		scan,
		/\b(?:the )?(?:u\.?s\.? )?border patrol\b|\busbp\b/,
		'who',
		set('usbp', 'U.S. Border Patrol')
	);
	each(
		scan,
		/\b(?:the )?office of field operations\b|\bofo\b|\b(?:at )?(?:the )?(?:official )?ports? of entry\b/,
		'who',
		set('ofo', 'Office of Field Operations (ports of entry)')
	);
	each(scan, /\b(?:u\.?s\.? )?customs and border protection\b|\bcbp(?:'s)?\b/, 'who', () => {
		if (!scan.readings.some((r) => r.part === 'who')) form.who = 'all';
		return 'all of CBP (USBP and OFO), unless a component is named';
	});
	// "CBP" was read after a component: the component stands.
	const named = scan.readings.filter((r) => r.part === 'who');
	if (named.some((r) => r.reads.startsWith('U.S. Border'))) form.who = 'usbp';
	else if (named.some((r) => r.reads.startsWith('Office'))) form.who = 'ofo';
}

function readWhere(scan: Scan, form: ClaimForm) {
	const regions = new Set<RegionCode>();
	let nationwide = false;
	each(
		scan,
		/\b(?:at |along )?(?:the )?(?:u\.?s\.?[- ]mexico|south(?:west)?(?:ern)?|mexican) (?:land )?border\b|\bsouthwest\b/,
		'where',
		() => {
			regions.add('southwest');
			return 'the Southwest land border';
		}
	);
	each(
		scan,
		/\b(?:at |along )?(?:the )?(?:u\.?s\.?[- ]canad(?:a|ian)|north(?:ern)?|canadian) (?:land )?border\b/,
		'where',
		() => {
			regions.add('northern');
			return 'the Northern land border';
		}
	);
	each(scan, /\b(?:coastal|coast|maritime)(?: (?:sectors|border|areas))?\b/, 'where', () => {
		regions.add('other');
		return 'Other (coastal and interior)';
	});
	each(
		scan,
		/\b(?:nationwide|nationally|national|across the (?:country|nation)|(?:at |along )?all (?:u\.?s\.? )?borders|across all borders)\b/,
		'where',
		() => {
			nationwide = true;
			return 'nationwide (every region)';
		}
	);
	const fieldOfficeWord = /\bfield offices?\b/.test(scan.lower) || form.who === 'ofo';
	const areas: AreaOfResponsibility[] = [];
	for (const place of PLACES) {
		each(
			scan,
			new RegExp(
				String.raw`\b${place.name.replace(/[.]/g, '\\.')}\b(?: (?:sector|field office)s?\b)?`
			),
			'where',
			(m) => {
				const wantsOffice = /field office/.test(m[0]) || (fieldOfficeWord && !/sector/.test(m[0]));
				const area =
					place.areas.find((a) => (a.component === 'ofo') === wantsOffice) ?? place.areas[0];
				if (!areas.includes(area)) areas.push(area);
				return area.name;
			}
		);
	}
	each(scan, /\b(?:the )?(?:sectors?|field offices?)\b/, 'where', () =>
		areas.length ? 'areas, named above' : null
	);
	if (areas.length) {
		form.areas = AREAS_OF_RESPONSIBILITY.filter((a) => areas.includes(a)).map((a) => a.code);
		const ofSectors = new Set(
			areas.map((a) => a.region).filter((r): r is RegionCode => r !== null)
		);
		// Field offices report under several regions: their view is nationwide unless one is named.
		form.regions = areas.every((a) => a.component === 'ofo') ? [...regions] : [...ofSectors];
		if (areas.every((a) => a.component === 'ofo') && form.who === 'usbp') form.who = 'ofo';
		if (areas.every((a) => a.component === 'usbp') && form.who === 'all') form.who = 'usbp';
	} else if (nationwide) form.regions = [];
	else if (regions.size) form.regions = [...regions];
}

/** What is counted; gives back the sentence's own word for it. */
function readWhat(scan: Scan, form: ClaimForm): string | null {
	let term: string | null = null;
	const measure = (m: Measure, word: string, reads: string) => () => {
		if (term === null) {
			term = word;
			form.measure = m;
		}
		return reads;
	};
	each(
		scan,
		/\b(?:title 42 )?expulsions?\b|\bexpelled\b/,
		'what',
		measure('expulsions', 'expulsions', 'Title 42 expulsions')
	);
	each(
		scan,
		/\binadmissibles?\b|\b(?:found |deemed )?inadmissible\b/,
		'what',
		measure('inadmissibles', 'inadmissibles', 'OFO inadmissibles')
	);
	each(
		scan,
		/\b(?:title 8 )?apprehensions?\b|\bapprehended\b|\barrests?\b|\barrested\b/,
		'what',
		measure('apprehensions', 'apprehensions', 'USBP Title 8 apprehensions')
	);
	each(
		scan,
		/\b(?:migrant |border |total )?encounters?\b/,
		'what',
		measure('encounters', 'encounters', 'encounters (Title 8 and Title 42)')
	);
	each(
		scan,
		/\b(?:illegal |unlawful |irregular |migrant |border )*(?:crossings?|crossers|entries)\b|\b(?:illegal |undocumented )?(?:migrants?|immigrants?|people|persons|individuals|aliens)\b|\billegal immigration\b/,
		'what',
		(m) =>
			measure(
				'encounters',
				/cross|entr|immigration/.test(m[0]) ? 'crossings' : 'people',
				'encounters (the count of events that is closest)'
			)()
	);
	each(
		scan,
		/\bunaccompanied (?:children|minors|kids)\b|\buacs?\b|\bucs\b/,
		'what',
		() => ((form.demographic = 'uc'), 'unaccompanied children')
	);
	each(
		scan,
		/\b(?:family units?|families|family members|individuals in family units|fmuas?)\b/,
		'what',
		() => ((form.demographic = 'fmua'), 'individuals in family units')
	);
	each(
		scan,
		/\bsingle adults?\b/,
		'what',
		() => ((form.demographic = 'single-adults'), 'single adults')
	);
	each(
		scan,
		/\baccompanied minors\b/,
		'what',
		() => ((form.demographic = 'accompanied-minors'), 'accompanied minors')
	);
	each(
		scan,
		new RegExp(
			String.raw`\b(${Object.keys(DEMONYMS).join('|')})s?\b|\b(?:from|of|citizens of|nationals of) (mexico|guatemala|honduras|el salvador|venezuela|cuba|haiti|nicaragua|colombia|ecuador|peru|brazil|china|india|russia|ukraine|turkey|romania)\b`
		),
		'what',
		(m) => {
			form.citizenship = m[1] ? DEMONYMS[m[1]] : m[2].replace(/ /g, '-');
			return `citizens of ${form.citizenship}`;
		}
	);
	return term;
}
