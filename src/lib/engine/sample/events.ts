/**
 * A year of product events for sample accounts, as the product would send them with Segment's
 * libraries (`identify` and `group` when a person first shows up, then `track` calls carrying the
 * account as `context.groupId`). Each account's events follow its own weekly story in the
 * workspace: how many of its seats were active, on how many days, how broadly they used the
 * product, its power users, workflows and integrations. The people are the account's seats: its
 * tracked contacts first, under the same emails, then colleagues; a few leave along the way, and
 * six months after their last visit they are dormant. Rolled up by the server (`rollup.ts`), the
 * events give back measures close to the story they were drawn from; they are the measures the
 * sample's scorecards read.
 */
import { Random } from '../random';
import type { Account, Contact, IsoDate, Snapshot, Workspace } from '../types';
import { addDays } from '../dates';
import { personName } from './names';
import {
	INTEGRATION_EVENT,
	planFeatures,
	sampleIntegrations,
	UNMAPPED_EVENTS,
	WORKFLOW_EVENT,
	type SampleFeature
} from './product';

/** A call as Segment's HTTP API takes it. */
export interface SampleMessage {
	type: 'identify' | 'group' | 'track';
	messageId: string;
	userId: string;
	timestamp: string;
	groupId?: string;
	event?: string;
	properties?: Record<string, string | number>;
	traits?: Record<string, string | number>;
	context?: { groupId: string };
}

/** The accounts whose usage the sample draws from events: its Scale accounts, this many at most. */
export const SAMPLE_EVENT_ACCOUNTS = 30;

/**
 * Which of the workspace's accounts get events: the first Scale accounts still customers at the
 * sample's last snapshot, up to `limit` (a churned account's people fell silent with its history).
 */
export function eventAccounts(workspace: Workspace, limit = SAMPLE_EVENT_ACCOUNTS): Account[] {
	let last = '';
	for (const snapshot of workspace.snapshots) if (snapshot.date > last) last = snapshot.date;
	const live = new Set(
		workspace.snapshots.filter((s) => s.date === last).map((snapshot) => snapshot.account_id)
	);
	return workspace.accounts
		.filter((account) => account.segment === 'scale' && live.has(account.id))
		.slice(0, limit);
}

function hash(text: string, seed: number): number {
	let h = seed ^ 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

const clamp = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);

interface Person {
	userId: string;
	email: string;
	name: string;
	/** How much more (or less) than their colleagues they use the product. */
	keenness: number;
	seen: boolean;
}

/** The account's seats: its tracked contacts (those the product has seen), then colleagues. */
function peopleOf(account: Account, contacts: readonly Contact[], random: Random): Person[] {
	const seats = Math.max(1, Number(account.facts?.seats_purchased) || contacts.length || 1);
	const tracked = contacts.filter((contact) => contact.last_seen);
	const domain = contacts[0]?.email.split('@')[1] ?? `${account.id}.example`;
	const emails = new Set(contacts.map((contact) => contact.email.toLowerCase()));
	const people: Person[] = [];
	for (let n = 0; n < seats; n++) {
		const contact = tracked[n];
		let email = contact?.email;
		let name = contact?.name ?? '';
		if (!email) {
			const person = personName(random);
			name = person.name;
			email = `${person.local}@${domain}`;
			for (let k = 2; emails.has(email); k++) email = `${person.local}${k}@${domain}`;
			emails.add(email);
		}
		people.push({
			userId: `${account.id}-u${n + 1}`,
			email,
			name,
			keenness: Math.exp(random.normal(0, 0.6)),
			seen: false
		});
	}
	// Who is among the active seats first: the keenest, give or take.
	return people
		.map((person) => ({ person, key: person.keenness * random.between(0.7, 1.3) }))
		.sort((a, b) => b.key - a.key)
		.map(({ person }) => person);
}

/** `HH:MM:SS` after `minutes` past midnight. */
function at(date: IsoDate, minutes: number): string {
	const m = clamp(Math.round(minutes), 0, 24 * 60 - 1);
	const hh = String(Math.floor(m / 60)).padStart(2, '0');
	const mm = String(m % 60).padStart(2, '0');
	return `${date}T${hh}:${mm}:${String((m * 7) % 60).padStart(2, '0')}.000Z`;
}

/** The events of one account over the weeks of its snapshots (each covering the 7 days to its date). */
export function accountEvents(
	account: Account,
	contacts: readonly Contact[],
	snapshots: readonly Snapshot[],
	seed = 1
): SampleMessage[] {
	const random = new Random(hash(account.id, seed));
	const order = peopleOf(account, contacts, random);
	const available = planFeatures(account.facts?.plan);
	// The order this account took its features up in: mostly the product's, shuffled a little.
	const features = available
		.map((feature, index) => ({ feature, rank: index + random.normal(0, 2.5) }))
		.sort((a, b) => a.rank - b.rank)
		.map(({ feature }) => feature);
	const integrations = sampleIntegrations()
		.map((feature) => ({ feature, key: random.next() }))
		.sort((a, b) => a.key - b.key)
		.map(({ feature }) => feature);
	const messages: SampleMessage[] = [];
	let n = 0;
	const id = () => `${account.id}-e${++n}`;
	const traits = { name: account.name, plan: String(account.facts?.plan ?? '') };

	const sorted = [...snapshots].sort((a, b) => (a.date < b.date ? -1 : 1));
	for (const snapshot of sorted) {
		const m = snapshot.metrics;
		const seatsActive = clamp(Number(m.seats_active) || 0, 0, order.length);
		const dayChance = clamp((Number(m.active_days_30d) || 0) / 30, 0, 1);
		const breadth = clamp(Number(m.features_used) || 0, 0, features.length);
		const power = clamp(Number(m.power_users) || 0, 0, seatsActive);
		const integrationCount = clamp(Number(m.integrations_active) || 0, 0, integrations.length);
		let workflows = Math.round(((Number(m.workflows_completed_30d) || 0) * 7) / 30);

		// People leave now and then: a colleague who is not active yet takes their seat.
		for (let rank = 0; rank < seatsActive; rank++)
			if (order.length > seatsActive && random.chance(0.006)) {
				const other = random.int(seatsActive, order.length - 1);
				[order[rank], order[other]] = [order[other]!, order[rank]!];
			}

		for (let back = 6; back >= 0; back--) {
			if (breadth === 0 || !random.chance(dayChance)) continue;
			const date = addDays(snapshot.date, -back);
			for (let rank = 0; rank < seatsActive; rank++) {
				const person = order[rank]!;
				const isPower = rank < power;
				const chance = isPower ? 0.97 : clamp(0.2 * person.keenness, 0.04, 0.75);
				if (!random.chance(chance)) continue;
				let minute = random.int(8 * 60, 17 * 60);
				if (!person.seen) {
					person.seen = true;
					messages.push(
						{
							type: 'identify',
							messageId: id(),
							userId: person.userId,
							timestamp: at(date, minute - 1),
							traits: { email: person.email, name: person.name }
						},
						{
							type: 'group',
							messageId: id(),
							userId: person.userId,
							groupId: account.id,
							timestamp: at(date, minute - 1),
							traits
						}
					);
				}
				const track = (event: string, properties?: SampleMessage['properties']) => {
					minute += random.int(1, 6);
					messages.push({
						type: 'track',
						messageId: id(),
						userId: person.userId,
						event,
						timestamp: at(date, minute),
						context: { groupId: account.id },
						...(properties ? { properties } : {})
					});
				};
				// A power user ranges over everything the account uses; the others keep to the common.
				const uses = isPower ? random.int(3, 6) : random.int(1, 3);
				for (let u = 0; u < uses; u++) {
					const feature: SampleFeature = isPower
						? features[random.int(0, breadth - 1)]!
						: features[Math.floor(breadth * random.next() ** 1.6)]!;
					// Its common event mostly; a completion is sent only for a workflow finished.
					const events = feature.events.filter((event) => event !== WORKFLOW_EVENT);
					track(events[random.chance(0.7) ? 0 : random.int(0, events.length - 1)]!);
				}
				if (workflows > 0) {
					track(WORKFLOW_EVENT);
					workflows--;
				}
				if (rank === 0)
					for (const integration of integrations.slice(0, integrationCount))
						if (random.chance(0.5)) track(INTEGRATION_EVENT, { provider: integration.id });
				if (random.chance(0.05)) track(random.pick(UNMAPPED_EVENTS));
			}
		}
	}
	return messages;
}

/**
 * A year of events for the sample's event accounts (`eventAccounts`), oldest first per account;
 * `until` (ISO): none later (a sample ending today has no events from the rest of the day).
 */
export function sampleEvents(
	workspace: Workspace,
	options: { seed?: number; limit?: number; until?: string } = {}
): SampleMessage[] {
	const accounts = eventAccounts(workspace, options.limit);
	const ids = new Set(accounts.map((account) => account.id));
	const contacts = new Map<string, Contact[]>();
	const snapshots = new Map<string, Snapshot[]>();
	const add = <T>(map: Map<string, T[]>, key: string, item: T) => {
		if (!ids.has(key)) return;
		const list = map.get(key);
		if (list) list.push(item);
		else map.set(key, [item]);
	};
	for (const contact of workspace.contacts) add(contacts, contact.account_id, contact);
	for (const snapshot of workspace.snapshots) add(snapshots, snapshot.account_id, snapshot);
	const events = accounts.flatMap((account) =>
		accountEvents(
			account,
			contacts.get(account.id) ?? [],
			snapshots.get(account.id) ?? [],
			options.seed
		)
	);
	const { until } = options;
	return until === undefined ? events : events.filter((event) => event.timestamp <= until);
}
