/**
 * Account facts derived from the people who use the product: how many there are, how many were
 * active lately or have gone dormant, how many are power users, and how engaged they are.
 *
 * Only contacts with usage data count (a `last_seen` date or usage `metrics`): an executive sponsor
 * who never logs in is a contact, not a user. An account with no such contact gets none of these
 * facts, so measures that read them are missing rather than zero. Contacts hold their latest usage
 * only, so for a date in the past these facts describe the people as they are now.
 */
import { dayNumber } from './dates';
import type { Contact, IsoDate } from './types';

/** Days without a login after which a person is dormant. */
export const DORMANT_DAYS = 180;
/** Active days in the last 30 that make a power user, with at least half of the features used. */
export const POWER_USER_DAYS = 20;

export interface PeopleFacts {
	users_total: number;
	users_active_30d: number;
	users_dormant_180d: number;
	/** The same count under the name the usage rollup writes (with the team's threshold there). */
	dormant_users: number;
	/** Absent when the account's number of features is unknown. */
	power_users?: number;
	/** The mean engagement (0–100) of the users whose engagement can be told. */
	engagement_avg?: number;
}

const metric = (contact: Contact, name: string): number | undefined => {
	const value = contact.metrics?.[name];
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export function isUser(contact: Contact): boolean {
	return !!contact.last_seen || !!contact.metrics;
}

/**
 * Whether a person is dormant on `asOf`: as the usage rollup judged them with the team's threshold
 * (`metrics.dormant`, from product events), else not seen for DORMANT_DAYS or never.
 */
export function isDormant(contact: Contact, asOf: IsoDate): boolean {
	return dormantAfter(contact, daysSinceSeen(contact, dayNumber(asOf)));
}

/** `isDormant`, the days since the person was last seen known. */
function dormantAfter(contact: Contact, daysSince: number | null): boolean {
	const judged = contact.metrics?.dormant;
	if (typeof judged === 'boolean') return judged;
	return daysSince === null || daysSince >= DORMANT_DAYS;
}

/**
 * Whether a person is a power user: as the usage rollup judged them with the team's thresholds
 * (`metrics.power_user`), else active on POWER_USER_DAYS of the last 30 with at least half of the
 * account's features (unknown when the number of features is).
 */
export function isPowerUser(contact: Contact, featuresAvailable: number | undefined): boolean {
	const judged = contact.metrics?.power_user;
	if (typeof judged === 'boolean') return judged;
	const activeDays = metric(contact, 'active_days_30d');
	const features = metric(contact, 'features_used');
	return (
		!!featuresAvailable &&
		activeDays !== undefined &&
		features !== undefined &&
		activeDays >= POWER_USER_DAYS &&
		features >= featuresAvailable / 2
	);
}

/**
 * Each last-seen date as a `dayNumber`, read once: a portfolio's weekly history asks for every
 * person's on every date of the year. Keyed by the date's text, there are as many as days seen.
 */
const seenDays = new Map<string, number>();

/** Days since the person was last seen on day `asOf` (0 when seen later than that), or null if never. */
function daysSinceSeen(contact: Contact, asOf: number): number | null {
	if (!contact.last_seen) return null;
	const date = contact.last_seen.slice(0, 10);
	let seen = seenDays.get(date);
	if (seen === undefined) seenDays.set(date, (seen = dayNumber(date)));
	return Math.max(0, asOf - seen);
}

/**
 * A person's engagement, 0–100, from how often (active days in the last 30; 20 or more counts
 * fully), how broadly (share of the account's features used) and how deeply (actions per active
 * day; 50 or more counts fully) they use the product, weighted 40/30/30. A component without data
 * is left out and the others reweighted; null when none has data.
 */
export function personEngagement(
	contact: Contact,
	featuresAvailable: number | undefined
): number | null {
	const activeDays = metric(contact, 'active_days_30d');
	const features = metric(contact, 'features_used');
	const actions = metric(contact, 'actions_30d');
	const parts: [weight: number, value: number][] = [];
	if (activeDays !== undefined) parts.push([0.4, Math.min(1, activeDays / POWER_USER_DAYS)]);
	if (features !== undefined && featuresAvailable)
		parts.push([0.3, Math.min(1, features / featuresAvailable)]);
	if (actions !== undefined && activeDays)
		parts.push([0.3, Math.min(1, actions / activeDays / 50)]);
	if (activeDays === 0) parts.push([0.3, 0]);
	const weight = parts.reduce((sum, [w]) => sum + w, 0);
	return weight > 0 ? (100 * parts.reduce((sum, [w, v]) => sum + w * v, 0)) / weight : null;
}

/** The people facts of one account's contacts on a date, or null when none of them is a user. */
export function peopleFacts(
	contacts: readonly Contact[],
	featuresAvailable: number | undefined,
	asOf: IsoDate
): PeopleFacts | null {
	const users = contacts.filter(isUser);
	if (users.length === 0) return null;
	let active = 0;
	let dormant = 0;
	let power = 0;
	let engagementSum = 0;
	let engagementCount = 0;
	const day = dayNumber(asOf);
	for (const user of users) {
		const days = daysSinceSeen(user, day);
		if (days !== null && days < 30) active++;
		if (dormantAfter(user, days)) dormant++;
		if (isPowerUser(user, featuresAvailable)) power++;
		const engagement = personEngagement(user, featuresAvailable);
		if (engagement !== null) {
			engagementSum += engagement;
			engagementCount++;
		}
	}
	return {
		users_total: users.length,
		users_active_30d: active,
		users_dormant_180d: dormant,
		dormant_users: dormant,
		...(featuresAvailable ? { power_users: power } : {}),
		...(engagementCount ? { engagement_avg: engagementSum / engagementCount } : {})
	};
}

/** The names of the people facts, for laying out facts objects. */
export const PEOPLE_FACT_NAMES = [
	'users_total',
	'users_active_30d',
	'users_dormant_180d',
	'dormant_users',
	'power_users',
	'engagement_avg'
] as const;
