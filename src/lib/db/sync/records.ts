/**
 * Records as the server holds them, written into the replica's tables (inside the caller's
 * transaction), and what the replica must not write over: records with a pending change.
 */
import type { IndexableType, Table } from 'dexie';
import { same } from '$lib/import/merge';
import { keyOfRecordId, OUTBOUND_KINDS, type RecordKind } from '$lib/sync/protocol';
import type { ScorecraftDatabase } from '../database';
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
 * many records changed.
 */
export async function writeRecords(
	db: ScorecraftDatabase,
	records: readonly RecordBody[]
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
		const table = db.table(kind) as Table<unknown, IndexableType>;
		const keys = list.map((record) => keyOfRecordId(kind, record.id) as IndexableType);
		const stored = await table.bulkGet(keys);
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
		changed += fresh.length;
		written.push(...fresh.map((each) => each.record));
	}
	await keepOrder(db, written);
	return changed;
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
