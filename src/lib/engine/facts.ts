/** What the rules of a scorecard read for one account on one date. */
import { addDays, daysBetween } from './dates';
import { PEOPLE_FACT_NAMES, peopleFacts, type PeopleFacts } from './people';
import type { Account, Contact, Facts, IsoDate, ManualEntry, Snapshot, Workspace } from './types';

const UNREADABLE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The facts of earlier 30-day periods, for measures with `decay`: index i holds the facts from the
 * latest snapshot within (date − 30·(i+1), date − 30·i], or undefined when that period has none.
 * A symbol, so no rule can read it as a fact.
 */
export const PERIODS = Symbol('periods');

/**
 * The facts of the account's earlier snapshots, newest first, each with its date and its age in
 * days on the as-of date: for measures that fall back on their last known value. Built on demand.
 */
export const EARLIER = Symbol('earlier');

export interface EarlierFacts {
	date: IsoDate;
	age: number;
	facts: Facts;
}

/** Facts, with what some measures need beyond them attached under symbols no rule can read. */
export type FactsWithPeriods = Facts & {
	[PERIODS]?: (Facts | undefined)[];
	[EARLIER]?: () => EarlierFacts[];
};

/** What a FactsSource attaches for the scorecards it serves. */
export interface FactsNeeds {
	/** The most 30-day periods a decayed measure averages over (0: none). */
	decayPeriods?: number;
	/** The most days a measure looks back for its last known value (0: none). */
	lastKnownDays?: number;
}

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
 * The facts of any account of a workspace on any date: its snapshots indexed, its contacts' usage
 * and its manual entries at hand, and what decayed or last-known measures need attached.
 * Manual entries become `manual.<measure id>` (the latest entry on or before the date) and
 * `manual_age.<measure id>` (its age in days then).
 */
export class FactsSource {
	readonly snapshots: SnapshotIndex;
	readonly #contacts = new Map<string, Contact[]>();
	readonly #manual = new Map<string, ManualEntry[]>();
	readonly #builder: FactsBuilder;
	readonly #decayPeriods: number;
	readonly #lastKnownDays: number;

	constructor(
		workspace: Pick<Workspace, 'accounts' | 'contacts' | 'snapshots' | 'manual_entries'>,
		needs: FactsNeeds = {}
	) {
		this.snapshots = new SnapshotIndex(workspace.snapshots);
		for (const contact of workspace.contacts) group(this.#contacts, contact.account_id, contact);
		for (const entry of workspace.manual_entries ?? [])
			group(this.#manual, entry.account_id, entry);
		for (const entries of this.#manual.values())
			entries.sort((a, b) => (a.entered_at < b.entered_at ? -1 : 1));
		const hasPeople = workspace.contacts.some((contact) => contact.last_seen || contact.metrics);
		this.#builder = new FactsBuilder(workspace.accounts, workspace.snapshots, [
			...(hasPeople ? PEOPLE_FACT_NAMES : []),
			...(this.#manual.size ? ['manual', 'manual_age'] : [])
		]);
		this.#decayPeriods = needs.decayPeriods ?? 0;
		this.#lastKnownDays = needs.lastKnownDays ?? 0;
	}

	/**
	 * Whether facts change with the date alone, not only with the latest snapshot: people's
	 * recency, manual entries' ages, decay periods and look-backs do. Otherwise two dates with the
	 * same snapshot have the same facts.
	 */
	get dependsOnDate(): boolean {
		return (
			this.#decayPeriods > 0 ||
			this.#lastKnownDays > 0 ||
			this.#contacts.size > 0 ||
			this.#manual.size > 0
		);
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
		if (this.#lastKnownDays > 0 && snapshot)
			facts[EARLIER] = () => this.#earlier(account, date, snapshot);
		return facts;
	}

	#earlier(account: Account, date: IsoDate, current: Snapshot): EarlierFacts[] {
		const list = this.snapshots.of(account.id);
		const earlier: EarlierFacts[] = [];
		for (let i = list.indexOf(current) - 1; i >= 0; i--) {
			const snapshot = list[i]!;
			const age = daysBetween(snapshot.date, date);
			if (age > this.#lastKnownDays) break;
			earlier.push({
				date: snapshot.date,
				age,
				facts: this.#build(account, snapshot.date, snapshot)
			});
		}
		return earlier;
	}

	#build(account: Account, date: IsoDate, snapshot: Snapshot | undefined): Facts {
		const contacts = this.#contacts.get(account.id);
		const people = contacts
			? peopleFacts(contacts, featuresAvailable(account, snapshot), date)
			: null;
		const facts = this.#builder.build(account, snapshot, people);
		const entries = this.#manual.get(account.id);
		if (entries) Object.assign(facts, manualFacts(entries, date));
		return facts;
	}
}

function group<T>(map: Map<string, T[]>, key: string, item: T): void {
	let list = map.get(key);
	if (!list) map.set(key, (list = []));
	list.push(item);
}

/** The latest entry of each manual measure on or before `date` (entries in time order), and its age. */
function manualFacts(entries: readonly ManualEntry[], date: IsoDate) {
	const manual: Record<string, ManualEntry['value']> = {};
	const manualAge: Record<string, number> = {};
	for (const entry of entries) {
		const day = entry.entered_at.slice(0, 10);
		if (day > date) break;
		manual[entry.measure_id] = entry.value;
		manualAge[entry.measure_id] = daysBetween(day, date);
	}
	return { manual, manual_age: manualAge };
}

/** The account's number of features, wherever the data keeps it (a snapshot wins, as for facts). */
function featuresAvailable(account: Account, snapshot: Snapshot | undefined): number | undefined {
	const value = snapshot?.metrics.features_available ?? account.facts?.features_available;
	return typeof value === 'number' && value > 0 ? value : undefined;
}
