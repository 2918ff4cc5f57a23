/** What sets the three sample segments apart: size, price, people, plans and how healthy they start. */

export type Segment = 'scale' | 'mid' | 'enterprise';

export interface SegmentProfile {
	segment: Segment;
	/** Share of accounts, of the three summing to 1. */
	share: number;
	seats: readonly [min: number, max: number];
	/** List price of a seat per year; ARR is seats × this, give or take a discount. */
	seatPrice: number;
	contacts: readonly [min: number, max: number];
	plans: readonly string[];
	contractMonths: readonly number[];
	/** Most integrations an account of this size would wire up. */
	integrations: readonly [min: number, max: number];
	/** Mean of the latent health an account starts the period with. */
	healthMean: number;
	/** Base log-odds of churning at a renewal, before health and the risk signals. */
	churnBase: number;
	/** Chance of an NPS survey response in a given week. */
	surveyRate: number;
	/** Expected new support tickets per week for a middling account. */
	ticketRate: number;
	/** Quarterly business reviews happen in this segment. */
	qbrs: boolean;
	/** The CSMs who own accounts of this segment (the pooled digital address for Scale). */
	csms: readonly string[];
}

export const SEGMENTS: readonly SegmentProfile[] = [
	{
		segment: 'scale',
		share: 0.6,
		seats: [5, 60],
		seatPrice: 420,
		contacts: [1, 3],
		plans: ['starter', 'team'],
		contractMonths: [12],
		integrations: [0, 3],
		healthMean: 0.2,
		churnBase: -2.4,
		surveyRate: 0.04,
		ticketRate: 0.12,
		qbrs: false,
		csms: ['digital-cs@vendor.example']
	},
	{
		segment: 'mid',
		share: 0.28,
		seats: [40, 400],
		seatPrice: 380,
		contacts: [3, 6],
		plans: ['business'],
		contractMonths: [12, 12, 12, 24],
		integrations: [1, 6],
		healthMean: 0.35,
		churnBase: -2.5,
		surveyRate: 0.07,
		ticketRate: 0.3,
		qbrs: true,
		csms: ['kim@vendor.example', 'luis@vendor.example', 'aya@vendor.example', 'omar@vendor.example']
	},
	{
		segment: 'enterprise',
		share: 0.12,
		seats: [300, 3000],
		seatPrice: 330,
		contacts: [5, 12],
		plans: ['enterprise'],
		contractMonths: [12, 12, 24, 36],
		integrations: [2, 10],
		healthMean: 0.45,
		churnBase: -2.7,
		surveyRate: 0.1,
		ticketRate: 0.6,
		qbrs: true,
		csms: ['priya@vendor.example', 'jonas@vendor.example', 'mei@vendor.example']
	}
];

/** Features on each plan: the denominator of feature breadth. */
export const FEATURES_BY_PLAN: Record<string, number> = {
	starter: 12,
	team: 18,
	business: 24,
	enterprise: 32
};

export const REGIONS = ['NA', 'NA', 'NA', 'EMEA', 'EMEA', 'APAC', 'LATAM'] as const;

export const TAGS = [
	'reference',
	'beta-program',
	'partner-sourced',
	'migrated',
	'multi-product',
	'self-serve',
	'strategic'
] as const;

/**
 * The segment of the account at `index`: a golden-ratio sequence spreads the segments evenly
 * through the list, so even a small sample has each in about its share.
 */
export function segmentAt(index: number, offset: number): SegmentProfile {
	const u = (offset + index * 0.6180339887498949) % 1;
	let cumulative = 0;
	for (const profile of SEGMENTS) {
		cumulative += profile.share;
		if (u < cumulative) return profile;
	}
	return SEGMENTS[SEGMENTS.length - 1]!;
}
