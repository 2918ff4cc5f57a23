/**
 * The score histories (the engine's `AccountHistory`, a year of an account in each) kept a few
 * hundred accounts to an IndexedDB record (`historyChunks`, keyed by the first account id in it),
 * behind the table-like API the store's modules use. A refresh rewrites every account's history,
 * and Chromium's IndexedDB spends about 0.1 ms on each record whatever its size: 2,000 histories
 * took 0.2 s of a first start as a record each. Every method runs in the caller's transaction when
 * there is one (it must include `historyChunks`), else in its own.
 */
import type { Dexie, Table } from 'dexie';
import type { AccountHistory } from '$lib/engine';

export const HISTORY_TABLE = 'historyChunks';

/** Accounts to a record: small enough that reading one account's history stays cheap. */
const CHUNK = 250;

export interface HistoryChunk {
	/** The first account id in `histories`, which are in account id order. */
	first: string;
	histories: AccountHistory[];
}

const byAccount = (a: AccountHistory, b: AccountHistory) =>
	a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0;

export class HistoryStore {
	readonly #db: Dexie;

	constructor(db: Dexie) {
		this.#db = db;
	}

	get #chunks(): Table<HistoryChunk, string> {
		return this.#db.table(HISTORY_TABLE);
	}

	/** Every history, in account id order. */
	async toArray(): Promise<AccountHistory[]> {
		return (await this.#chunks.toArray()).flatMap((chunk) => chunk.histories);
	}

	async count(): Promise<number> {
		return (await this.toArray()).length;
	}

	/** One account's history: from the one record whose range holds its id. */
	async get(accountId: string): Promise<AccountHistory | undefined> {
		const chunk = await this.#chunks.where('first').belowOrEqual(accountId).last();
		return chunk?.histories.find((history) => history.account_id === accountId);
	}

	clear(): Promise<void> {
		return this.#chunks.clear();
	}

	/** Replaces every history with `histories` (one per account). */
	replace(histories: readonly AccountHistory[]): Promise<void> {
		return this.#db.transaction('rw', HISTORY_TABLE, async () => {
			const sorted = [...histories].sort(byAccount);
			const chunks: HistoryChunk[] = [];
			for (let start = 0; start < sorted.length; start += CHUNK) {
				const part = sorted.slice(start, start + CHUNK);
				chunks.push({ first: part[0]!.account_id, histories: part });
			}
			await this.#chunks.clear();
			await this.#chunks.bulkAdd(chunks);
		});
	}

	/** Adds or replaces one account's history. */
	put(history: AccountHistory): Promise<void> {
		return this.#db.transaction('rw', HISTORY_TABLE, async () => {
			const id = history.account_id;
			const chunk = (await this.#chunks.where('first').belowOrEqual(id).last()) ?? {
				first: id,
				histories: []
			};
			const others = chunk.histories.filter((held) => held.account_id !== id);
			await this.#chunks.put({
				first: chunk.first,
				histories: [...others, history].sort(byAccount)
			});
		});
	}
}
