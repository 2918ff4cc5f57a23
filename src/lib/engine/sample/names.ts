/**
 * Fake but plausible names for the sample: companies built from word lists (so a hundred thousand
 * can be unique without a dictionary), their `.example` domains, and people.
 */
import type { Random } from '../random';

/** Word lists as text: compact to read, and Prettier leaves them on a few lines. */
const words = (text: string) => text.trim().split(/\s+/);

const stems = words(`
	North South East West Blue Red Green Silver Golden Iron Cedar Maple Oak Pine Birch Willow
	Bright Clear Swift High Deep Far True Bold Quiet Rapid Sun Moon Sky Cloud River Lake Harbor
	Summit Ridge Valley Meadow Copper Cobalt Amber Crystal Falcon Eagle Fox Wolf Bear Lion Orca
	Aspen Ember Frost Granite Hazel Indigo Juniper Kestrel Lumen Marble Nova Onyx Pearl Quartz Raven
	Sage Topaz Umber Velvet Wren Alder Brine Coral Dune Elm Fern Glen Heron Ivory Jade
`);

const endings = words(`
	wind peak field stone bridge works line gate point wave path view crest haven brook ford light
	spark forge mark well wood side shore vale hill rock star bay port land craft scape stream tide
	fall leaf root core vista moor grove dale cliff mount reach spire arch helm beam bloom
`);

/** Sector words by the industry they imply, so a company's name and its `industry` fact agree. */
const sectorsByIndustry: Record<string, string> = {
	software: 'Analytics Software Systems Labs Digital Cloud Data',
	telecom: 'Networks Telecom',
	logistics: 'Logistics Freight Shipping',
	healthcare: 'Health Medical Care',
	'life sciences': 'Biotech Pharma',
	'food and beverage': 'Foods Brewing',
	energy: 'Energy Power Solar',
	'financial services': 'Capital Finance Insurance Bank',
	retail: 'Retail Outfitters Supply',
	media: 'Media Studios Publishing',
	manufacturing: 'Manufacturing Industries Robotics Motors',
	construction: 'Construction Builders Engineering',
	'professional services': 'Consulting Partners Legal',
	education: 'Education Academy',
	hospitality: 'Travel Hotels'
};

const sectors = Object.entries(sectorsByIndustry).flatMap(([industry, text]) =>
	words(text).map((word) => [word, industry] as const)
);

/** Most companies are named without a legal form; the blanks make that the common draw. */
const legalForms = ['', '', '', ...words('Inc Ltd LLC GmbH BV SA KK Pty Group Co')];

const firstNames = words(`
	Ana Ben Chloe David Emma Farid Grace Hiro Isla Jamal Keiko Liam Maya Noah Olga Priya Quinn Rosa
	Sam Tariq Uma Victor Wen Ximena Yuki Zoe Aiko Bruno Carmen Dmitri Elena Felix Gita Hana Ivan
	Julia Kofi Lena Marco Nadia Oscar Paula Ravi Sofia Tom Valentina Will Yara Haruto Mei
`);

const lastNames = words(`
	Adams Baker Chen Dubois Evans Fischer Garcia Hoffmann Ito Jensen Kim Lopez Martin Nakamura Okafor
	Patel Quinn Rossi Sato Tanaka Usman Varga Weber Xu Yamamoto Zhang Andersen Brown Costa Diaz
	Eriksson Fernandes Gupta Hughes Ivanova Johnson Kowalski Lind Moreau Novak O'Brien Park Reyes
	Schmidt Suzuki Torres Walsh Wilson Yilmaz
`);

export interface CompanyName {
	name: string;
	/** The address part after `@`, unique per company (`northwind-analytics.example`). */
	domain: string;
	industry: string;
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

const combinations = stems.length * endings.length * sectors.length;

/**
 * Hands out company names, never the same one twice. A name is a stem, an ending and a sector
 * word, so taken names are tracked as numbers: the sample makes up to a hundred thousand.
 */
export class CompanyNames {
	/** For each combination, how many companies carry it (more than one only once retries fail). */
	readonly #uses = new Uint32Array(combinations);

	next(random: Random): CompanyName {
		// A few retries find a free name while the word space (~200,000) is mostly free; past
		// that a numeral keeps names unique instead of searching ever longer.
		let combination = random.int(0, combinations - 1);
		for (let attempt = 0; attempt < 6 && this.#uses[combination]! > 0; attempt++) {
			combination = random.int(0, combinations - 1);
		}
		const copy = ++this.#uses[combination]!;
		const sector = sectors[combination % sectors.length]!;
		const rest = Math.floor(combination / sectors.length);
		const stem = stems[Math.floor(rest / endings.length)]!;
		const ending = endings[rest % endings.length]!;
		const base =
			copy === 1 ? `${stem}${ending} ${sector[0]}` : `${stem}${ending} ${sector[0]} ${copy}`;
		const form = random.pick(legalForms);
		return {
			name: form ? `${base} ${form}` : base,
			domain: `${slug(base)}.example`,
			industry: sector[1]
		};
	}
}

export interface PersonName {
	name: string;
	/** The local part of an email address, `ana.chen`. */
	local: string;
}

const firstLocals = firstNames.map((name) => slug(name));
const lastLocals = lastNames.map((name) => slug(name).replace(/-/g, ''));

export function personName(random: Random): PersonName {
	const first = random.int(0, firstNames.length - 1);
	const last = random.int(0, lastNames.length - 1);
	return {
		name: `${firstNames[first]} ${lastNames[last]}`,
		local: `${firstLocals[first]}.${lastLocals[last]}`
	};
}
