/**
 * What the account page lays out, from one account's score, facts and people: the breakdown by
 * group and measure, the facts by where they came from, the contacts' usage, and the measures that
 * moved a score. Pure: the page's state derives these, the components only render them.
 */
import {
	isDormant,
	isPowerUser,
	isValidAddress,
	personEngagement,
	requiredVars,
	type Account,
	type Contact,
	type Facts,
	type IsoDate,
	type MeasureMove,
	type MeasureScore,
	type Scorecard,
	type Snapshot
} from '$lib/engine';
import { daysBetween } from '$lib/engine/dates';

export interface MeasureLine {
	id: string;
	name: string;
	description: string | null;
	value: unknown;
	score: number | null;
	/** The part of the overall score the measure carried (0–1). */
	weightShare: number;
	/** score × weight share: the points of the overall score it gave; they add up to the overall. */
	points: number;
	missing: boolean;
	/** For a missing measure, the facts it reads that the account lacks (none: they were there, but no value came out). */
	absent: string[];
}

export interface GroupLine {
	id: string;
	name: string;
	score: number | null;
	weightShare: number;
	points: number;
	measures: MeasureLine[];
}

/** A fact read by a dotted path (`a.b`) as a rule's `var` reads it. */
function factAt(facts: Facts, path: string): unknown {
	if (Object.hasOwn(facts, path)) return facts[path];
	let value: unknown = facts;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/** The breakdown of a score by its scorecard's groups and measures, in the scorecard's order. */
export function breakdown(
	scorecard: Scorecard,
	score: { groups: Record<string, number | null>; measures: Record<string, MeasureScore> },
	facts: Facts
): GroupLine[] {
	return scorecard.groups.map((group) => {
		const measures = group.measures.map((measure): MeasureLine => {
			const result = score.measures[measure.id] ?? { value: null, score: null, weight_share: 0 };
			const missing = result.score === null;
			return {
				id: measure.id,
				name: measure.name,
				description: measure.description ?? null,
				value: result.value,
				score: result.score,
				weightShare: result.weight_share,
				points: missing ? 0 : result.score! * result.weight_share,
				missing,
				absent: missing
					? requiredVars(measure.value).filter((name) => factAt(facts, name) == null)
					: []
			};
		});
		return {
			id: group.id,
			name: group.name,
			score: score.groups[group.id] ?? null,
			weightShare: measures.reduce((sum, measure) => sum + measure.weightShare, 0),
			points: measures.reduce((sum, measure) => sum + measure.points, 0),
			measures
		};
	});
}

export type FactSource = 'account' | 'facts' | 'people' | 'snapshot';

export interface FactLine {
	name: string;
	value: unknown;
	/** Where the value the rules read came from: the last source naming it wins. */
	source: FactSource;
}

const SOURCE_ORDER: readonly FactSource[] = ['account', 'facts', 'people', 'snapshot'];

/**
 * The facts a scorecard read, each with the source it came from, grouped by source in the order
 * the engine merges them. `facts` is the engine's facts object; names without a value are left out.
 */
export function factLines(
	facts: Facts,
	account: Account,
	snapshot: Snapshot | undefined,
	people: object | null
): FactLine[] {
	const sourceOf = new Map<string, FactSource>();
	for (const name of Object.keys(account)) if (name !== 'facts') sourceOf.set(name, 'account');
	for (const name of Object.keys(account.facts ?? {})) sourceOf.set(name, 'facts');
	for (const name of Object.keys(people ?? {})) sourceOf.set(name, 'people');
	for (const name of Object.keys(snapshot?.metrics ?? {})) sourceOf.set(name, 'snapshot');
	return Object.keys(facts)
		.filter((name) => facts[name] !== undefined && sourceOf.has(name))
		.map((name) => ({ name, value: facts[name], source: sourceOf.get(name)! }))
		.sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
}

/**
 * Why no play may email a contact: they unsubscribed (on a date), they or their whole account are
 * marked do-not-contact, or their address is not one a message can go to.
 */
export type ContactMark =
	| { kind: 'unsubscribed'; date: IsoDate }
	| { kind: 'do_not_contact'; by: 'account' | 'contact' }
	| { kind: 'invalid_address' };

export interface ContactLine {
	id: string;
	name: string | null;
	role: string | null;
	email: string;
	/** False for a contact without usage data (a sponsor who never logs in): the usage cells stay empty. */
	user: boolean;
	lastSeen: IsoDate | null;
	activeDays: number | null;
	featuresUsed: number | null;
	/** 0–100, or null when nothing about the person's usage tells it. */
	engagement: number | null;
	/**
	 * Seen within 30 days (active), not seen for the dormancy period or never (dormant), or in
	 * between (inactive); null for a contact who is not a user.
	 */
	status: 'active' | 'inactive' | 'dormant' | null;
	/** A power user (by the team's thresholds when the usage comes from product events). */
	powerUser: boolean;
	/** Why plays may not email them; empty when they may. */
	marks: ContactMark[];
}

/** The marks of a contact: unsubscribed, do-not-contact (theirs or the account's), invalid address. */
export function contactMarks(
	contact: Contact,
	account: Pick<Account, 'do_not_contact'> | undefined
): ContactMark[] {
	const marks: ContactMark[] = [];
	if (contact.unsubscribed_at)
		marks.push({ kind: 'unsubscribed', date: contact.unsubscribed_at.slice(0, 10) });
	if (account?.do_not_contact) marks.push({ kind: 'do_not_contact', by: 'account' });
	else if (contact.do_not_contact === true) marks.push({ kind: 'do_not_contact', by: 'contact' });
	if (!isValidAddress(contact.email)) marks.push({ kind: 'invalid_address' });
	return marks;
}

const metric = (contact: Contact, name: string): number | null => {
	const value = contact.metrics?.[name];
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * The account's contacts with their usage on `asOf`, the most engaged first, then by name, each
 * with the marks that keep plays from emailing them (the account's do-not-contact among them).
 */
export function contactLines(
	contacts: readonly Contact[],
	featuresAvailable: number | undefined,
	asOf: IsoDate,
	account?: Pick<Account, 'do_not_contact'>
): ContactLine[] {
	return contacts
		.map((contact): ContactLine => {
			const user = !!contact.last_seen || !!contact.metrics;
			const lastSeen = contact.last_seen ? contact.last_seen.slice(0, 10) : null;
			const days = lastSeen === null ? null : Math.max(0, daysBetween(lastSeen, asOf));
			return {
				id: contact.id,
				name: contact.name ?? null,
				role: contact.role ?? null,
				email: contact.email,
				user,
				lastSeen,
				activeDays: metric(contact, 'active_days_30d'),
				featuresUsed: metric(contact, 'features_used'),
				engagement: user ? personEngagement(contact, featuresAvailable) : null,
				status: !user
					? null
					: isDormant(contact, asOf)
						? 'dormant'
						: days !== null && days < 30
							? 'active'
							: 'inactive',
				powerUser: user && isPowerUser(contact, featuresAvailable),
				marks: contactMarks(contact, account)
			};
		})
		.sort(
			(a, b) =>
				(b.engagement ?? -1) - (a.engagement ?? -1) ||
				(a.name ?? a.email).localeCompare(b.name ?? b.email)
		);
}

/** The account's number of features as the facts give it, for breadth of use. */
export function featuresAvailableIn(facts: Facts): number | undefined {
	const value = facts.features_available;
	return typeof value === 'number' && value > 0 ? value : undefined;
}

export interface MoveLine extends MeasureMove {
	name: string;
	group: string | null;
}

/**
 * The engine's measure moves with the names of the measures and groups: the account's own
 * scorecard's (`own`) first, since scorecards may share ids under other names, then any other's.
 */
export function moveLines(
	moves: readonly MeasureMove[],
	scorecards: readonly Scorecard[],
	own?: Scorecard | null
): MoveLine[] {
	const names = new Map<string, { name: string; group: string }>();
	for (const scorecard of own ? [own, ...scorecards] : scorecards)
		for (const group of scorecard.groups)
			for (const measure of group.measures)
				if (!names.has(measure.id))
					names.set(measure.id, { name: measure.name, group: group.name });
	return moves.map((move) => ({
		...move,
		name: names.get(move.measure_id)?.name ?? move.measure_id,
		group: names.get(move.measure_id)?.group ?? null
	}));
}
