/** What the rules of a scorecard read for one account on one date. */
import type { Account, Facts, IsoDate, Snapshot } from './types';

/**
 * The facts of an account on a date: its top-level fields, then its `facts`, then the metrics of
 * its latest snapshot on or before that date; on a name clash the later source wins.
 */
export function accountFacts(account: Account, snapshot: Snapshot | undefined): Facts {
	const facts: Facts = {};
	for (const key in account) if (key !== 'facts') facts[key] = account[key];
	if (account.facts) Object.assign(facts, account.facts);
	if (snapshot) Object.assign(facts, snapshot.metrics);
	return facts;
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
		for (const list of this.#byAccount.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
