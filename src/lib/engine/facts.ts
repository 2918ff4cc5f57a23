/** What the rules of a scorecard read for one account on one date. */
import type { Account, Facts, IsoDate, Snapshot } from './types';

const UNREADABLE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Builds the facts of many accounts: each account's top-level fields, then its `facts`, then the
 * metrics of a snapshot (its latest on or before the as-of date); on a name clash the later source
 * wins. A name an account lacks reads as undefined, which rules treat as absent.
 *
 * Every facts object is a copy of one template holding all the names in the data, so they share
 * one hidden class: V8 turns an object given dozens of keys one by one into a slow hash table, and
 * every rule of every scorecard reads these objects.
 */
export class FactsBuilder {
	readonly #template: Facts;

	constructor(accounts: readonly Account[], snapshots: readonly Snapshot[]) {
		const names = new Set<string>();
		for (const account of accounts) {
			for (const key in account) if (key !== 'facts') names.add(key);
			for (const key in account.facts) names.add(key);
		}
		for (const snapshot of snapshots) for (const key in snapshot.metrics) names.add(key);
		for (const name of UNREADABLE) names.delete(name);
		// JSON.parse lays the names out as fast properties, however many there are.
		this.#template = JSON.parse(
			JSON.stringify(Object.fromEntries([...names].map((name) => [name, null])))
		);
		for (const name of names) this.#template[name] = undefined;
	}

	build(account: Account, snapshot: Snapshot | undefined): Facts {
		const facts: Facts = { ...this.#template };
		for (const key in account)
			if (key !== 'facts' && !UNREADABLE.has(key)) facts[key] = account[key];
		const own = account.facts;
		if (own) for (const key in own) if (!UNREADABLE.has(key)) facts[key] = own[key];
		const metrics = snapshot?.metrics;
		if (metrics) for (const key in metrics) if (!UNREADABLE.has(key)) facts[key] = metrics[key];
		return facts;
	}
}

/** The facts of one account with one snapshot (see FactsBuilder for many). */
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
