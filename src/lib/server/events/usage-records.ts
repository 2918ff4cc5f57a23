/**
 * The usage rollups (`./rollup.ts`) as workspace records: each account's figures become the
 * metrics of its snapshot for the day, under the names the palette's measures and the shipped
 * scorecards read; each person's become their contact's `metrics` and `last_seen`; an account a
 * `group` call names that the workspace lacks is added from the call's traits, and a person an
 * `identify` call gave an email is added as a contact. Pure: the job (`./usage-job.ts`) reads and
 * writes.
 */
import type { Account, Contact, Snapshot } from '$lib/engine';
import type { AccountUsage, PersonUsage } from './rollup';

type Metrics = Snapshot['metrics'];

/** What `identify` calls said of a person (the latest that gave each trait). */
export interface Identity {
	user_id: string;
	email: string | null;
	name: string | null;
}

/** Ticket figures per account, when a ticket source exists (`../tickets/measures.ts`). */
export interface TicketFigures {
	open_tickets: number;
	tickets_30d: number;
	first_response_hours: number | null;
	ticket_sentiment: number | null;
}

const ratio = (a: number, b: number): number | null =>
	b > 0 ? Math.round((a / b) * 100) / 100 : null;

/** An account's snapshot metrics for a day, from its usage, the catalogue's size and its tickets. */
export function accountMetrics(
	usage: AccountUsage,
	featuresAvailable: number,
	tickets?: TicketFigures
): Metrics {
	const metrics: Metrics = {
		users_total: usage.people,
		users_active_30d: usage.active_people_30,
		seats_active: usage.active_people_30,
		dormant_users: usage.dormant_people,
		power_users: usage.power_users,
		active_days_7d: usage.active_days_7,
		active_days_30d: usage.active_days_30,
		active_days_90d: usage.active_days_90,
		active_days_per_user_30d:
			usage.active_days_per_person_30 === null
				? null
				: Math.round(usage.active_days_per_person_30 * 100) / 100,
		days_since_last_login: usage.days_since_seen,
		logins_30d: usage.sessions_30,
		sessions_30d: usage.sessions_30,
		events_30d: usage.events_30,
		events_per_active_day: ratio(usage.events_30, usage.active_days_30),
		events_per_feature: ratio(usage.feature_events_30, usage.features_30),
		features_used: usage.features_30,
		advanced_features_used: usage.advanced_features_30,
		workflows_completed_30d: usage.workflows_30,
		integrations_active: usage.integrations_30
	};
	// Without a catalogue, breadth has no denominator: the measures reading it are missing.
	if (featuresAvailable > 0) metrics.features_available = featuresAvailable;
	if (tickets) {
		metrics.open_tickets = tickets.open_tickets;
		metrics.tickets_30d = tickets.tickets_30d;
		metrics.tickets_per_active_seat = ratio(tickets.tickets_30d, usage.active_people_30);
		metrics.first_response_hours = tickets.first_response_hours;
		metrics.ticket_sentiment = tickets.ticket_sentiment;
	}
	return metrics;
}

/** A person's contact metrics: the engine's people facts and the account page read these names. */
export function personMetrics(person: PersonUsage): Metrics {
	return {
		active_days_7d: person.active_days_7,
		active_days_30d: person.active_days_30,
		active_days_90d: person.active_days_90,
		sessions_30d: person.sessions_30,
		actions_30d: person.events_30,
		features_used: person.features_30,
		advanced_features_used: person.advanced_features_30,
		workflows_completed_30d: person.workflows_30,
		integrations_used: person.integrations_30,
		dormant: person.dormant,
		power_user: person.power_user
	};
}

const textTrait = (traits: Record<string, unknown> | null, ...names: string[]) => {
	for (const name of names) {
		const value = traits?.[name];
		if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
	}
	return undefined;
};

const numberTrait = (traits: Record<string, unknown> | null, ...names: string[]) => {
	for (const name of names) {
		const value = traits?.[name];
		if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
	}
	return undefined;
};

/**
 * An account the workspace lacks, from its `group` call's traits (Segment's reserved `name`,
 * `plan`, `employees`; `segment`, `seats`, `arr`, `csm` as a CRM sync sends them). The segment is
 * the traits', else `Unassigned`, so no segment's scorecard claims it by mistake.
 */
export function accountFromTraits(id: string, traits: Record<string, unknown> | null): Account {
	const account: Account = {
		id,
		name: textTrait(traits, 'name') ?? id,
		segment: textTrait(traits, 'segment') ?? 'Unassigned'
	};
	const arr = numberTrait(traits, 'arr');
	if (arr !== undefined) account.arr = arr;
	const csm = textTrait(traits, 'csm');
	if (csm) account.csm = csm;
	const seats = numberTrait(traits, 'seats_purchased', 'seats');
	const plan = textTrait(traits, 'plan');
	const facts: Record<string, string | number> = {};
	if (seats !== undefined) facts.seats_purchased = seats;
	if (plan) facts.plan = plan;
	if (Object.keys(facts).length) account.facts = facts;
	return account;
}

const sameEmail = (a: string | undefined | null, b: string | undefined | null) =>
	!!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The contact a person is, among their account's: the same email, else the same id. */
export function contactOf(
	person: PersonUsage,
	identity: Identity | undefined,
	contacts: readonly Contact[]
): Contact | undefined {
	return (
		contacts.find((contact) => sameEmail(contact.email, identity?.email)) ??
		contacts.find((contact) => contact.id === person.user_id)
	);
}

/** A person's contact record brought up to date, or a new one when they have an email and none. */
export function contactWithUsage(
	person: PersonUsage,
	identity: Identity | undefined,
	existing: Contact | undefined,
	newId: () => string
): Contact | null {
	const usage = { last_seen: person.last_seen, metrics: personMetrics(person) };
	if (existing)
		return { ...existing, ...usage, metrics: { ...existing.metrics, ...usage.metrics } };
	if (!identity?.email) return null;
	const contact: Contact = { id: newId(), account_id: person.account_id, email: identity.email };
	if (identity.name) contact.name = identity.name;
	return { ...contact, ...usage };
}
