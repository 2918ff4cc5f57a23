/**
 * The score caches (each account's score row and its history, a year of it) kept a few hundred
 * accounts to an IndexedDB record (`scoreChunks`, `historyChunks`: keyed by the first account id
 * in each), behind the table-like API the store's modules use. A refresh rewrites every account's
 * rows, and Chromium's IndexedDB spends about 0.1 ms on each record whatever its size: 2,000
 * accounts' scores and histories took 0.4 s of a first start as a record each. Every method runs
 * in the caller's transaction when there is one (it must include the table), else in its own.
 */
import type { Dexie, Table } from 'dexie';

/** Accounts to a record: small enough that reading one account's history stays cheap. */
const CHUNK = 250;

interface Keyed {
	account_id: string;
}

export interface AccountChunk<T extends Keyed> {
	/** The first account id in `rows`, which are in account id order. */
	first: string;
	rows: T[];
}

const byAccount = (a: Keyed, b: Keyed) =>
	a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0;

export class AccountChunks<T extends Keyed> {
	readonly #db: Dexie;
	readonly #table: string;

	constructor(db: Dexie, table: string) {
		this.#db = db;
		this.#table = table;
	}

	get #chunks(): Table<AccountChunk<T>, string> {
		return this.#db.table(this.#table);
	}

	/** Every row, in account id order. */
	async toArray(): Promise<T[]> {
		return (await this.#chunks.toArray()).flatMap((chunk) => chunk.rows);
	}

	async count(): Promise<number> {
		return (await this.toArray()).length;
	}

	/** One account's row: from the one record whose range holds its id. */
	async get(accountId: string): Promise<T | undefined> {
		const chunk = await this.#chunks.where('first').belowOrEqual(accountId).last();
		return chunk?.rows.find((row) => row.account_id === accountId);
	}

	clear(): Promise<void> {
		return this.#chunks.clear();
	}

	/** Replaces every row with `rows` (one per account). */
	replace(rows: readonly T[]): Promise<void> {
		return this.#db.transaction('rw', this.#table, async () => {
			const sorted = [...rows].sort(byAccount);
			const chunks: AccountChunk<T>[] = [];
			for (let start = 0; start < sorted.length; start += CHUNK) {
				const part = sorted.slice(start, start + CHUNK);
				chunks.push({ first: part[0]!.account_id, rows: part });
			}
			await this.#chunks.clear();
			await this.#chunks.bulkAdd(chunks);
		});
	}

	/** Adds or replaces one account's row. */
	put(row: T): Promise<void> {
		return this.#db.transaction('rw', this.#table, async () => {
			const id = row.account_id;
			const chunk = (await this.#chunks.where('first').belowOrEqual(id).last()) ?? {
				first: id,
				rows: []
			};
			const others = chunk.rows.filter((held) => held.account_id !== id);
			await this.#chunks.put({
				first: chunk.first,
				rows: [...others, row].sort(byAccount)
			});
		});
	}
}
