/** What the rules of a scorecard read for one account on one date. */
import { addDays } from './dates';
import { PEOPLE_FACT_NAMES, peopleFacts, type PeopleFacts } from './people';
import type { Account, Contact, Facts, IsoDate, Snapshot, Workspace } from './types';

const UNREADABLE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The facts of earlier 30-day periods, for measures with `decay`: index i holds the facts from the
 * latest snapshot within (date − 30·(i+1), date − 30·i], or undefined when that period has none.
 * A symbol, so no rule can read it as a fact.
 */
export const PERIODS = Symbol('periods');

/** Facts, with the facts of earlier periods attached when a scorecard decays a measure. */
export type FactsWithPeriods = Facts & { [PERIODS]?: (Facts | undefined)[] };

/**
 * Builds facts objects: an account's top-level fields, then its `facts`, then the facts derived
 * from its people's usage, then the metrics of a snapshot; on a name clash the later source wins.
 * A name an account lacks reads as undefined, which rules treat as absent.
 *
 * Every facts object is a copy of one template holding all the names in the data, so they share
 * one hidden class: V8 turns an object given dozens of keys one by one into a slow hash table, and
 * every rule of every scorecard reads these objects.
 */
export class FactsBuilder {
	readonly #template: Facts;

	constructor(
		accounts: readonly Account[],
		snapshots: readonly Snapshot[],
		extraNames: readonly string[] = []
	) {
		const names = new Set<string>();
		for (const account of accounts) {
			for (const key in account) if (key !== 'facts') names.add(key);
			for (const key in account.facts) names.add(key);
		}
		for (const name of extraNames) names.add(name);
		for (const snapshot of snapshots) for (const key in snapshot.metrics) names.add(key);
		for (const name of UNREADABLE) names.delete(name);
		// JSON.parse lays the names out as fast properties, however many there are.
		this.#template = JSON.parse(
			JSON.stringify(Object.fromEntries([...names].map((name) => [name, null])))
		);
		for (const name of names) this.#template[name] = undefined;
	}

	build(
		account: Account,
		snapshot: Snapshot | undefined,
		people: PeopleFacts | null = null
	): Facts {
		const facts: Facts = { ...this.#template };
		for (const key in account)
			if (key !== 'facts' && !UNREADABLE.has(key)) facts[key] = account[key];
		const own = account.facts;
		if (own) for (const key in own) if (!UNREADABLE.has(key)) facts[key] = own[key];
		if (people) Object.assign(facts, people);
		const metrics = snapshot?.metrics;
		if (metrics) for (const key in metrics) if (!UNREADABLE.has(key)) facts[key] = metrics[key];
		return facts;
	}
}

/** The facts of one account with one snapshot (see FactsSource for a workspace). */
export function accountFacts(account: Account, snapshot: Snapshot | undefined): Facts {
	return new FactsBuilder([account], snapshot ? [snapshot] : []).build(account, snapshot);
}

/** Snapshots by account, in date order, for finding the latest one on or before a date. */
export class SnapshotIndex {
	readonly #byAccount = new Map<string, Snapshot[]>();

	constructor(snapshots: readonly Snapshot[]) {
		for (const snapshot of snapshots) {
			let list = this.#byAccount.get(snapshot.account_id);
			if (!list) this.#byAccount.set(snapshot.account_id, (list = []));
			list.push(snapshot);
		}
		for (const list of this.#byAccount.values())
			list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	}

	/** All of an account's snapshots, oldest first. */
	of(accountId: string): readonly Snapshot[] {
		return this.#byAccount.get(accountId) ?? [];
	}

	latestOnOrBefore(accountId: string, asOf: IsoDate): Snapshot | undefined {
		const list = this.#byAccount.get(accountId);
		if (!list) return undefined;
		let low = 0;
		let high = list.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (list[middle]!.date <= asOf) low = middle + 1;
			else high = middle;
		}
		return low > 0 ? list[low - 1] : undefined;
	}
}

/**
 * The facts of any account of a workspace on any date: its snapshots indexed, its contacts'
 * usage at hand, and the facts of earlier periods attached for `decayPeriods` > 0.
 */
export class FactsSource {
	readonly snapshots: SnapshotIndex;
	readonly #contacts = new Map<string, Contact[]>();
	readonly #builder: FactsBuilder;
	readonly #decayPeriods: number;

	constructor(workspace: Pick<Workspace, 'accounts' | 'contacts' | 'snapshots'>, decayPeriods = 0) {
		this.snapshots = new SnapshotIndex(workspace.snapshots);
		for (const contact of workspace.contacts) {
			let list = this.#contacts.get(contact.account_id);
			if (!list) this.#contacts.set(contact.account_id, (list = []));
			list.push(contact);
		}
		const hasPeople = workspace.contacts.some((contact) => contact.last_seen || contact.metrics);
		this.#builder = new FactsBuilder(
			workspace.accounts,
			workspace.snapshots,
			hasPeople ? PEOPLE_FACT_NAMES : []
		);
		this.#decayPeriods = decayPeriods;
	}

	/**
	 * Whether facts change with the date alone, not only with the latest snapshot: people's
	 * recency and decay periods do. Otherwise two dates with the same snapshot have the same facts.
	 */
	get dependsOnDate(): boolean {
		return this.#decayPeriods > 0 || this.#contacts.size > 0;
	}

	on(
		account: Account,
		date: IsoDate,
		snapshot = this.snapshots.latestOnOrBefore(account.id, date)
	): FactsWithPeriods {
		const facts: FactsWithPeriods = this.#build(account, date, snapshot);
		if (this.#decayPeriods > 0) {
			const periods: (Facts | undefined)[] = [];
			for (let i = 0; i < this.#decayPeriods; i++) {
				const end = addDays(date, -30 * i);
				const latest = i === 0 ? snapshot : this.snapshots.latestOnOrBefore(account.id, end);
				const inPeriod = latest && latest.date > addDays(end, -30) ? latest : undefined;
				periods.push(
					inPeriod === undefined
						? undefined
						: inPeriod === snapshot
							? facts
							: this.#build(account, end, inPeriod)
				);
			}
			facts[PERIODS] = periods;
		}
		return facts;
	}

	#build(account: Account, date: IsoDate, snapshot: Snapshot | undefined): Facts {
		const contacts = this.#contacts.get(account.id);
		const people = contacts
			? peopleFacts(contacts, featuresAvailable(account, snapshot), date)
			: null;
		return this.#builder.build(account, snapshot, people);
	}
}

/** The account's number of features, wherever the data keeps it (a snapshot wins, as for facts). */
function featuresAvailable(account: Account, snapshot: Snapshot | undefined): number | undefined {
	const value = snapshot?.metrics.features_available ?? account.facts?.features_available;
	return typeof value === 'number' && value > 0 ? value : undefined;
}
