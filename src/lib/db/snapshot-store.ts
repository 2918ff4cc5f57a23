/**
 * Snapshots are stored one record per account (`snapshotBundles`: the account's snapshots in date
 * order) behind the table-like API the store's modules use, keyed as before by
 * `[account_id, date]`. Chromium's IndexedDB spends about 0.1 ms on each record written or read,
 * whatever its size: 100,000 snapshots as 2,000 records are written in 0.5 s where one record each
 * took 10 s. Every method runs in the caller's transaction when there is one (it must include
 * `snapshotBundles`), else in its own.
 */
import Dexie, { type Table } from 'dexie';
import type { Snapshot } from '$lib/engine';

export interface SnapshotBundle {
	account_id: string;
	/** In date order, one per date. */
	snapshots: Snapshot[];
	/** How many: indexed, so that counting them all walks one key per account, not every snapshot. */
	size: number;
}

/** An account's bundle. */
export const bundleOf = (account: string, snapshots: Snapshot[]): SnapshotBundle => ({
	account_id: account,
	snapshots,
	size: snapshots.length
});

export type SnapshotKey = [accountId: string, date: string];

export const SNAPSHOT_TABLE = 'snapshotBundles';

const dateOrder = (a: Snapshot, b: Snapshot) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Items grouped by account, accounts in the order first named. */
function groupByAccount<T>(items: readonly T[], accountOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const account = accountOf(item);
		const group = groups.get(account);
		if (group) group.push(item);
		else groups.set(account, [item]);
	}
	return groups;
}

export class SnapshotStore {
	readonly #db: Dexie;

	constructor(db: Dexie) {
		this.#db = db;
	}

	get #bundles(): Table<SnapshotBundle, string> {
		return this.#db.table(SNAPSHOT_TABLE);
	}

	#read<T>(work: (bundles: Table<SnapshotBundle, string>) => Promise<T>): Promise<T> {
		return this.#db.transaction('r', SNAPSHOT_TABLE, () => work(this.#bundles));
	}

	#write<T>(work: (bundles: Table<SnapshotBundle, string>) => Promise<T>): Promise<T> {
		return this.#db.transaction('rw', SNAPSHOT_TABLE, () => work(this.#bundles));
	}

	/** Every snapshot in key order: by account, then date. */
	toArray(): Promise<Snapshot[]> {
		return this.#read(async (bundles) =>
			(await bundles.toArray()).flatMap((bundle) => bundle.snapshots)
		);
	}

	/** One account's snapshots, oldest first. */
	async ofAccount(accountId: string): Promise<Snapshot[]> {
		return (await this.#bundles.get(accountId))?.snapshots ?? [];
	}

	count(): Promise<number> {
		return this.#read(async (bundles) => {
			const sizes = (await bundles.orderBy('size').keys()) as number[];
			return sizes.reduce((sum, size) => sum + size, 0);
		});
	}

	/** The accounts that have snapshots. */
	accounts(): Promise<string[]> {
		return this.#read((bundles) => bundles.toCollection().primaryKeys());
	}

	async get(key: SnapshotKey): Promise<Snapshot | undefined> {
		return (await this.bulkGet([key]))[0];
	}

	/** The snapshot under each key, undefined where there is none. */
	bulkGet(keys: readonly SnapshotKey[]): Promise<(Snapshot | undefined)[]> {
		return this.#read(async (bundles) => {
			const accounts = [...new Set(keys.map(([account]) => account))];
			const held = await bundles.bulkGet(accounts);
			const byKey = new Map<string, Snapshot>();
			for (const bundle of held)
				for (const snapshot of bundle?.snapshots ?? [])
					byKey.set(`${snapshot.account_id}\u0000${snapshot.date}`, snapshot);
			return keys.map(([account, date]) => byKey.get(`${account}\u0000${date}`));
		});
	}

	put(snapshot: Snapshot): Promise<void> {
		return this.bulkPut([snapshot]);
	}

	/** Adds or replaces each snapshot (the last one of a key wins). */
	bulkPut(snapshots: readonly Snapshot[]): Promise<void> {
		return this.#change(snapshots, [], false);
	}

	/** Adds snapshots; rejects, writing none, if a key is held already or given twice. */
	bulkAdd(snapshots: readonly Snapshot[]): Promise<void> {
		return this.#change(snapshots, [], true);
	}

	async bulkDelete(keys: readonly SnapshotKey[]): Promise<void> {
		if (keys.length) await this.#change([], keys, false);
	}

	async delete(key: SnapshotKey): Promise<void> {
		await this.bulkDelete([key]);
	}

	clear(): Promise<void> {
		return this.#write((bundles) => bundles.clear());
	}

	/** Reads the bundles of the accounts touched, changes them, and writes those that changed. */
	#change(puts: readonly Snapshot[], deletes: readonly SnapshotKey[], add: boolean): Promise<void> {
		if (puts.length === 0 && deletes.length === 0) return Promise.resolve();
		return this.#write(async (bundles) => {
			const putsOf = groupByAccount(puts, (snapshot) => snapshot.account_id);
			const deletesOf = groupByAccount(deletes, ([account]) => account);
			const accounts = [...new Set([...putsOf.keys(), ...deletesOf.keys()])];
			const held = await bundles.bulkGet(accounts);
			const written: SnapshotBundle[] = [];
			const emptied: string[] = [];
			accounts.forEach((account, i) => {
				const byDate = new Map((held[i]?.snapshots ?? []).map((s) => [s.date, s]));
				for (const [, date] of deletesOf.get(account) ?? []) byDate.delete(date);
				for (const snapshot of putsOf.get(account) ?? []) {
					if (add && byDate.has(snapshot.date))
						throw new Dexie.ConstraintError(
							`snapshot [${JSON.stringify(account)}, ${JSON.stringify(snapshot.date)}] is held already`
						);
					byDate.set(snapshot.date, snapshot);
				}
				if (byDate.size > 0) written.push(bundleOf(account, [...byDate.values()].sort(dateOrder)));
				else if (held[i]) emptied.push(account);
			});
			await bundles.bulkPut(written);
			await bundles.bulkDelete(emptied);
		});
	}
}
