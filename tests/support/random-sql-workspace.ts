/**
 * Random workspaces for holding the SQL compilation to the engine: accounts whose fields, facts and
 * metrics keep one type per name (as tables do), with nulls, absences, zeros and snapshots on both
 * sides of the as-of date and half a year back (for decay and last known values); people who use
 * the product or not; manual entries of every age; and the random scorecards the engine's own
 * backends are compared on (time decay, manual measures and missing-data policies included), some
 * of whose measures read the people facts.
 */
import type {
	Account,
	Contact,
	ManualEntry,
	Scorecard,
	Snapshot,
	Workspace
} from '../../src/lib/engine';
import { addDays } from '../../src/lib/engine/dates';
import { PEOPLE_FACT_NAMES } from '../../src/lib/engine/people';
import type { Random } from '../../src/lib/engine/random';
import { parseWorkspace } from '../../src/lib/engine/workspace/load';
import { randomScorecard } from './random-scorecard';
import { workspaceWith } from './workspace';

export const AS_OF = '2026-11-23';
const DATES = [
	'2026-05-20',
	'2026-06-25',
	'2026-07-28',
	'2026-08-30',
	'2026-10-01',
	'2026-10-24',
	'2026-11-02',
	'2026-11-23',
	'2026-12-01'
];

/** A metric of each type, some often null or absent; `absent` is never there. */
const METRIC_VALUES: Record<string, (random: Random) => unknown> = {
	a: (random) => (random.chance(0.5) ? random.int(-2, 12) : random.between(0, 10)),
	b: (random) => random.pick([random.int(-2, 12), 0, random.between(-1, 1)]),
	n: (random) => (random.chance(0.3) ? null : random.int(0, 5)),
	z: () => 0,
	s: (random) => random.pick(['a', '2', '', 'x']),
	flag: (random) => random.chance(0.5),
	nothing: () => null,
	features_available: (random) => random.pick([null, 0, 10, 12])
};

function randomAccount(random: Random, index: number): Account {
	const account: Account = {
		id: `acc-${String(index).padStart(3, '0')}`,
		name: `Account ${index}`,
		segment: random.pick(['scale', 'mid', 'enterprise'])
	};
	if (random.chance(0.7)) account.arr = random.int(0, 50) * 1000;
	if (random.chance(0.5)) account.csm = random.pick(['kim@x.example', 'luis@x.example']);
	if (random.chance(0.3)) account.tags = ['beta'];
	const facts: Record<string, unknown> = {};
	if (random.chance(0.8)) facts.seats = random.int(1, 40);
	if (random.chance(0.5)) facts.plan = random.pick(['starter', 'team']);
	// A fact with a metric's name: the snapshot's value wins where it has one.
	if (random.chance(0.3)) facts.a = random.int(0, 9);
	if (random.chance(0.3)) facts.features_available = random.pick([8, 16]);
	if (Object.keys(facts).length) account.facts = facts as Account['facts'];
	return account;
}

function randomSnapshots(random: Random, accountId: string): Snapshot[] {
	return DATES.filter(() => random.chance(0.6)).map((date) => {
		const metrics: Snapshot['metrics'] = {};
		for (const [name, value] of Object.entries(METRIC_VALUES))
			if (random.chance(0.85)) metrics[name] = value(random) as Snapshot['metrics'][string];
		return { account_id: accountId, date, metrics };
	});
}

/** People of an account: some who use the product (seen lately or long ago, with usage), some not. */
function randomContacts(random: Random, accountId: string): Contact[] {
	return Array.from({ length: random.chance(0.6) ? random.int(0, 4) : 0 }, (_, i) => {
		const contact: Contact = {
			id: `${accountId}-c${i}`,
			account_id: accountId,
			email: `p${i}@${accountId}.example`
		};
		if (random.chance(0.7)) {
			const day = addDays(AS_OF, -random.pick([-5, 0, 3, 29, 30, 45, 179, 180, 400]));
			contact.last_seen = random.chance(0.5) ? `${day}T10:00:00Z` : day;
		}
		if (random.chance(0.6)) {
			const metrics: NonNullable<Contact['metrics']> = {};
			if (random.chance(0.8)) metrics.active_days_30d = random.pick([0, 3, 19, 20, 27]);
			if (random.chance(0.8)) metrics.features_used = random.int(0, 14);
			if (random.chance(0.7)) metrics.actions_30d = random.int(0, 2000);
			if (random.chance(0.2)) metrics.dormant = random.chance(0.5);
			if (random.chance(0.2)) metrics.power_user = random.chance(0.5);
			contact.metrics = metrics;
		}
		return contact;
	});
}

/** Entries for the manual measures (numbers, or booleans for some), before and after the as-of date. */
function randomManualEntries(random: Random, accountId: string, ids: string[]): ManualEntry[] {
	const entries: ManualEntry[] = [];
	let minute = 0;
	for (const id of ids) {
		if (!random.chance(0.6)) continue;
		const booleans = Number(id.slice(1)) % 4 === 3;
		for (let i = random.int(1, 3); i > 0; i--)
			entries.push({
				account_id: accountId,
				measure_id: id,
				value: booleans ? random.chance(0.5) : random.int(-5, 105),
				entered_by: 'kim@x.example',
				entered_at: `${addDays(AS_OF, -random.int(-10, 200))}T09:${String(minute++ % 60).padStart(2, '0')}:00Z`
			});
	}
	return entries;
}

/** Some measures read a people fact instead of a metric. */
function readingPeople(random: Random, card: Scorecard): Scorecard {
	for (const group of card.groups)
		for (const measure of group.measures)
			if (random.chance(0.15)) measure.value = { var: random.pick([...PEOPLE_FACT_NAMES]) };
	return card;
}

export function randomSqlWorkspace(random: Random, accounts = 20): Workspace {
	const list = Array.from({ length: accounts }, (_, i) => randomAccount(random, i));
	const scorecards: Scorecard[] = [];
	while (scorecards.length < 3) {
		const card = readingPeople(random, randomScorecard(random, `card${scorecards.length}`));
		if (parseWorkspace(workspaceWith({ scorecards: [card] })).ok) scorecards.push(card);
	}
	const manualIds = [
		...new Set(
			scorecards.flatMap((card) =>
				card.groups.flatMap((group) =>
					group.measures.filter((measure) => measure.manual).map((measure) => measure.id)
				)
			)
		)
	];
	return {
		...workspaceWith({
			accounts: list,
			snapshots: list.flatMap((account) => randomSnapshots(random, account.id)),
			scorecards,
			manual_entries: list.flatMap((account) => randomManualEntries(random, account.id, manualIds))
		}),
		contacts: list.flatMap((account) => randomContacts(random, account.id))
	};
}
