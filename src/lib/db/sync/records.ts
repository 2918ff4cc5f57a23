/**
 * Records as the server holds them, written into the replica's tables (inside the caller's
 * transaction), and what the replica must not write over: records with a pending change.
 */
import type { IndexableType } from 'dexie';
import { same } from '$lib/import/merge';
import { keyOfRecordId, OUTBOUND_KINDS, recordIdOf, type RecordKind } from '$lib/sync/protocol';
import type { RecordTable, ScorecraftDatabase } from '../database';
import { readMeta, writeMeta } from '../meta';
import type { RecordOrder } from '../types';

export interface RecordBody {
	kind: RecordKind;
	id: string;
	body: unknown | null;
}

/** The kinds whose order the store keeps in `meta.order` (scorecards break priority ties by it). */
const ORDERED_KINDS = ['scorecards', 'plays', 'templates'] as const;

export const recordKey = (kind: RecordKind, id: string): string => `${kind}\u0000${id}`;

/**
 * Records of one kind from which the ids the table holds are read (once for the whole pull)
 * rather than each record looked up: in Chromium a look-up costs about what writing the record
 * does, and a pull of 100,000 new snapshots spent as long looking for them as writing them.
 */
const READ_IDS_FROM = 2000;

/** Which records a replica holds, as far as a pull needs to know. */
interface Held {
	has(id: string): boolean;
	add(id: string): void;
	delete(id: string): void;
	clear(): void;
}

/**
 * Snapshots held, known by their accounts (the store keeps an account's snapshots as one record,
 * whose keys are cheap to read where the snapshots' dates are not): a snapshot of an account with
 * some is taken to be held, and read to be compared.
 */
class HeldAccounts implements Held {
	readonly #accounts: Set<string>;
	constructor(accounts: Iterable<string>) {
		this.#accounts = new Set(accounts);
	}
	has(id: string): boolean {
		return this.#accounts.has(JSON.parse(id)[0]);
	}
	add(id: string): void {
		this.#accounts.add(JSON.parse(id)[0]);
	}
	/** The account may hold others: it stays, and costs at most a read. */
	delete(): void {}
	clear(): void {
		this.#accounts.clear();
	}
}

/**
 * The ids a replica's tables hold, for the pages of one pull: read at most once per kind (keys
 * only), then kept by the pull's own writes, so that only records held already are read to be
 * compared. It only decides which records are read first: a record it misses (one the person
 * wrote meanwhile) is written without the comparison, which is the server's body either way.
 */
export class HeldIds {
	readonly #ids = new Map<RecordKind, Held>();
	/** Set once the pull cleared every table: nothing needs reading then. */
	#empty = false;

	/** Every table is empty (a page that starts over has just cleared them). */
	cleared(): void {
		for (const ids of this.#ids.values()) ids.clear();
		this.#empty = true;
	}

	/** The ids held of `kind` when it is worth reading them for `count` records, else null. */
	async of(db: ScorecraftDatabase, kind: RecordKind, count: number): Promise<Held | null> {
		let ids = this.#ids.get(kind);
		if (ids) return ids;
		if (this.#empty) ids = new Set();
		else if (count < READ_IDS_FROM) return null;
		else if (kind === 'snapshots') ids = new HeldAccounts(await db.snapshots.accounts());
		else {
			const keys = await db.table(kind).toCollection().primaryKeys();
			// A number key is an outcome or entry from before the replica: no server id names it.
			ids = new Set(
				keys.flatMap((key) =>
					OUTBOUND_KINDS.has(kind) && typeof key === 'number' ? [] : [recordIdOf(kind, key)]
				)
			);
		}
		this.#ids.set(kind, ids);
		return ids;
	}
}

/** The records among `records` that have a change waiting to be pushed, by `recordKey`. */
export async function pendingAmong(
	db: ScorecraftDatabase,
	records: readonly RecordBody[]
): Promise<Set<string>> {
	// Usually nothing waits: one count instead of a look-up per record.
	if (records.length === 0 || (await db.syncChanges.count()) === 0) return new Set();
	const rows = await db.syncChanges
		.where('[kind+id]')
		.anyOf(records.map((record) => [record.kind, record.id]))
		.toArray();
	return new Set(rows.map((row) => recordKey(row.kind, row.id)));
}

/**
 * Writes each record (body null: deletes it) unless the table already holds exactly that, and
 * keeps `meta.order` (new ids last, deleted ids out). The last record of an id wins. Returns how
 * many records changed. `held`: the ids the tables hold, for a pull's many pages.
 */
export async function writeRecords(
	db: ScorecraftDatabase,
	records: readonly RecordBody[],
	held?: HeldIds
): Promise<number> {
	const latest = new Map(records.map((record) => [recordKey(record.kind, record.id), record]));
	const byKind = new Map<RecordKind, RecordBody[]>();
	for (const record of latest.values()) {
		const list = byKind.get(record.kind);
		if (list) list.push(record);
		else byKind.set(record.kind, [record]);
	}
	let changed = 0;
	const written: RecordBody[] = [];
	for (const [kind, list] of byKind) {
		const table = db.recordTable(kind);
		const keys = list.map((record) => keyOfRecordId(kind, record.id) as IndexableType);
		const ids = held ? await held.of(db, kind, list.length) : null;
		// A deletion is always looked up: one thought absent would be left in place.
		const stored = await storedBodies(
			table,
			keys,
			ids && list.map((record) => record.body === null || ids.has(record.id))
		);
		const fresh = list.flatMap((record, i) =>
			same(stored[i] ?? null, record.body) ? [] : [{ record, key: keys[i]! }]
		);
		const puts = fresh.filter((each) => each.record.body !== null);
		const deletes = fresh.filter((each) => each.record.body === null).map((each) => each.key);
		// Outbound kinds are keyed by their record id, a plain string.
		if (OUTBOUND_KINDS.has(kind))
			await table.bulkPut(
				puts.map((each) => each.record.body),
				puts.map((each) => each.key as string)
			);
		else await table.bulkPut(puts.map((each) => each.record.body));
		await table.bulkDelete(deletes);
		if (ids)
			for (const { record } of fresh)
				if (record.body === null) ids.delete(record.id);
				else ids.add(record.id);
		changed += fresh.length;
		written.push(...fresh.map((each) => each.record));
	}
	await keepOrder(db, written);
	return changed;
}

/** The stored bodies under `keys`; with `held`, only those it marks are looked up (the others are absent). */
async function storedBodies(
	table: RecordTable,
	keys: readonly IndexableType[],
	held: readonly boolean[] | null
): Promise<(unknown | undefined)[]> {
	if (!held) return table.bulkGet(keys as IndexableType[]);
	const wanted = keys.filter((_, i) => held[i]);
	const found = wanted.length ? await table.bulkGet(wanted) : [];
	let next = 0;
	return keys.map((_, i) => (held[i] ? found[next++] : undefined));
}

/** New scorecards, plays and templates go last in their list; deleted ones leave it. */
async function keepOrder(db: ScorecraftDatabase, records: readonly RecordBody[]): Promise<void> {
	const touched = records.filter((record) =>
		(ORDERED_KINDS as readonly string[]).includes(record.kind)
	);
	if (touched.length === 0) return;
	const before = await readMeta(db, 'order');
	const order: RecordOrder = {
		scorecards: [...(before?.scorecards ?? [])],
		plays: [...(before?.plays ?? [])],
		templates: [...(before?.templates ?? [])]
	};
	for (const { kind, id, body } of touched) {
		const list = order[kind as keyof RecordOrder];
		const at = list.indexOf(id);
		if (body === null && at >= 0) list.splice(at, 1);
		else if (body !== null && at < 0) list.push(id);
	}
	if (JSON.stringify(order) !== JSON.stringify(before)) await writeMeta(db, 'order', order);
}
