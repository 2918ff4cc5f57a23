/**
 * Upserts of imported records into this browser's store: new records are added, existing ones
 * merged with what the import says (`$lib/import/merge`, as the server's import merges them). One
 * transaction for the whole import, so a failure keeps none of it.
 */
import { cmp, type IndexableType, type Table } from 'dexie';
import type { Snapshot } from '$lib/engine';
import { mergeAccount, mergeContact, mergeRecords, mergeSnapshot } from '$lib/import/merge';
import type { ScorecraftDatabase } from './database';
import { bumpDataVersion, writeMeta } from './meta';
import type { SnapshotKey } from './snapshot-store';
import type { ImportRecords, ImportSummary, UpsertCount } from './types';

/** Rows per read-merge-write round: one range read and one bulkPut, never a request per row awaited. */
const CHUNK = 5_000;

/**
 * In Chromium one `get` costs about four times what a record read by `getAll` over a range does:
 * once a range holds fewer than this many records per wanted one, reading it whole is cheaper.
 */
const RANGE_READ_PER_GET = 4;

/**
 * The stored records under `keys` (sorted, one chunk), by `JSON.stringify`ed key. The keys in
 * their range come first, cheaply, so that new records cost no read at all, and the records are
 * then read one by one or by the whole range, whichever takes fewer requests' worth of work.
 */
async function storedRecords<T, K extends IndexableType>(
	table: Table<T, K>,
	keys: readonly K[],
	keyOf: (record: T) => K
): Promise<Map<string, T>> {
	const stored = new Map<string, T>();
	const range = table.where(':id').between(keys[0]!, keys.at(-1)!, true, true);
	const inRange = (await range.primaryKeys()) as K[];
	const wanted = new Set(keys.map((key) => JSON.stringify(key)));
	const present = inRange.filter((key) => wanted.has(JSON.stringify(key)));
	if (present.length === 0) return stored;
	if (inRange.length <= present.length * RANGE_READ_PER_GET) {
		for (const record of await range.toArray()) {
			const id = JSON.stringify(keyOf(record));
			if (wanted.has(id)) stored.set(id, record);
		}
	} else {
		const records = await table.bulkGet(present);
		present.forEach((key, i) => stored.set(JSON.stringify(key), records[i]!));
	}
	return stored;
}

/** Records with their keys in key order, cut into chunks that never split the records of one key. */
function keyedChunks<T, K extends IndexableType>(
	records: readonly T[],
	keyOf: (record: T) => K
): { record: T; key: K }[][] {
	// A stable sort: records with the same key stay in the order given.
	const keyed = records
		.map((record) => ({ record, key: keyOf(record) }))
		.sort((a, b) => cmp(a.key, b.key));
	const chunks: { record: T; key: K }[][] = [];
	let start = 0;
	while (start < keyed.length) {
		let end = Math.min(start + CHUNK, keyed.length);
		while (end < keyed.length && cmp(keyed[end]!.key, keyed[end - 1]!.key) === 0) end++;
		chunks.push(keyed.slice(start, end));
		start = end;
	}
	return chunks;
}

/**
 * Adds or merges `records` into `table` (inside the caller's transaction). They are taken in key
 * order, so each chunk reads one narrow range; a key given twice is merged in the order given and
 * counted once, and a record the merge leaves as it was is not written again.
 */
async function upsert<T, K extends IndexableType>(
	table: Table<T, K>,
	records: readonly T[],
	keyOf: (record: T) => K,
	merge: (existing: T, incoming: T) => T
): Promise<UpsertCount> {
	const count: UpsertCount = { added: 0, updated: 0, unchanged: 0 };
	const chunks = keyedChunks(records, keyOf);
	const read = (chunk: { key: K }[]) => {
		const reading = storedRecords(
			table,
			chunk.map((item) => item.key),
			keyOf
		);
		// Awaited in its turn; marked handled now in case a failure ends the loop before then.
		reading.catch(() => undefined);
		return reading;
	};
	const writes: Promise<unknown>[] = [];
	let next = chunks.length > 0 ? read(chunks[0]!) : undefined;
	for (const [c, chunk] of chunks.entries()) {
		const stored = await next!;
		// Chunks cover disjoint key ranges, so the next read may go ahead of this chunk's writes:
		// the database reads it while this one is merged, and writes this one while the next is.
		next = c + 1 < chunks.length ? read(chunks[c + 1]!) : undefined;
		const merged = mergeRecords(
			chunk.map(({ record, key }) => ({ id: JSON.stringify(key), record })),
			stored,
			merge
		);
		count.added += merged.count.added;
		count.updated += merged.count.updated;
		count.unchanged += merged.count.unchanged;
		const changed = merged.changed.map((each) => each.record);
		const write = table.bulkPut(changed);
		write.catch(() => undefined); // awaited below, with the others

		writes.push(write);
	}
	await Promise.all(writes);
	return count;
}

/**
 * Adds or merges snapshots, which the store keeps one record per account: every account named is
 * read once, whatever the order of the rows.
 */
async function upsertSnapshots(
	db: ScorecraftDatabase,
	records: readonly Snapshot[]
): Promise<UpsertCount> {
	const incoming = records.map((record) => ({
		id: JSON.stringify([record.account_id, record.date]),
		record
	}));
	const ids = [...new Set(incoming.map((each) => each.id))];
	const held = await db.snapshots.bulkGet(ids.map((id) => JSON.parse(id) as SnapshotKey));
	const stored = new Map<string, Snapshot>();
	ids.forEach((id, i) => {
		if (held[i]) stored.set(id, held[i]);
	});
	const { changed, count } = mergeRecords(incoming, stored, mergeSnapshot);
	await db.snapshots.bulkPut(changed.map((each) => each.record));
	return count;
}

/**
 * Upserts validated records from an import, all in one transaction: a snapshot's metrics and an
 * account's `facts` are merged with the stored ones (the import wins a clash), other fields of
 * the import overwrite. A record left as it was counts as unchanged and is not written. A failure
 * rejects and leaves the store exactly as it was.
 */
export async function importRecords(
	db: ScorecraftDatabase,
	records: ImportRecords
): Promise<ImportSummary> {
	return db.transaction('rw', [db.accounts, db.contacts, db.snapshotBundles, db.meta], async () => {
		const summary: ImportSummary = {
			accounts: await upsert(db.accounts, records.accounts ?? [], (r) => r.id, mergeAccount),
			contacts: await upsert(db.contacts, records.contacts ?? [], (r) => r.id, mergeContact),
			snapshots: await upsertSnapshots(db, records.snapshots ?? [])
		};
		const changed = Object.values(summary).some((c) => c.added + c.updated > 0);
		if (changed) {
			await bumpDataVersion(db);
			// The user's own data is in: the sample must never replace it on a later start.
			await writeMeta(db, 'initialised', true);
		}
		return summary;
	});
}
