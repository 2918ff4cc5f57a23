/**
 * The applier: what the server sends, written into the replica. A pulled page and the answer to a
 * push are each one transaction, written as the replica (not captured, so never pushed back). A
 * record with a change waiting to be pushed is never written over: the person's newer edit wins
 * until the server has answered it.
 */
import {
	RECORD_KINDS,
	type ChangeGroup,
	type GroupResult,
	type PullPage,
	type ServerRecord
} from '$lib/sync/protocol';
import { RECORD_TABLES, type ScorecraftDatabase } from '../database';
import { bumpDataVersion, writeMeta } from '../meta';
import { asReplica } from './capture';
import { pendingAmong, recordKey, writeRecords, type HeldIds, type RecordBody } from './records';

/** Every table the applier may write. */
const applierTables = (extra: readonly string[]) => [...RECORD_TABLES, 'meta', ...extra];

/** Writes what the server holds for `records`, except those still pending here; in the caller's transaction. */
async function writeServerRecords(
	db: ScorecraftDatabase,
	records: readonly RecordBody[],
	held?: HeldIds
): Promise<number> {
	const pending = await pendingAmong(db, records);
	const fresh = pending.size
		? records.filter((record) => !pending.has(recordKey(record.kind, record.id)))
		: records;
	const changed = await writeRecords(db, fresh, held);
	if (changed > 0) {
		// The caches describe the records as they were; and the sample must never replace the team's.
		await bumpDataVersion(db);
		await writeMeta(db, 'initialised', true);
	}
	return changed;
}

/**
 * Applies one pulled page (or several of one pull, joined: `joinPages`); returns how many records
 * it changed. A page that starts over (the workspace was restored whole since this replica's
 * revision) first drops every record held; the person's changes still waiting stay, and meet the
 * restored records as conflicts. `held`: the ids held, shared by the pages of one pull.
 */
export function applyPage(db: ScorecraftDatabase, page: PullPage, held?: HeldIds): Promise<number> {
	return asReplica(db, applierTables(['syncChanges']), async () => {
		if (page.reset) {
			for (const kind of RECORD_KINDS) await db.recordTable(kind).clear();
			held?.cleared();
			await db.meta.delete('order');
			await bumpDataVersion(db);
		}
		const changed = await writeServerRecords(db, page.changes, held);
		await writeMeta(db, 'syncRevision', page.revision);
		await writeMeta(db, 'syncCursor', page.cursor);
		return changed;
	});
}

/**
 * Takes the server's answer to a push of `sent`: each group's pending rows go, except rows the
 * person changed again while the push was on its way (their newer body is pushed next); conflicts
 * are kept for the person to settle, and a refused group leaves a notice. Records the server sent
 * back (its versions, for a conflict or a refusal) are written as the replica.
 */
export function applyResults(
	db: ScorecraftDatabase,
	results: readonly GroupResult[],
	sent: readonly ChangeGroup[]
): Promise<void> {
	const sentGroups = new Map(sent.map((group) => [group.id, group]));
	return asReplica(db, applierTables(['syncChanges', 'syncConflicts', 'syncNotices']), async () => {
		const at = new Date().toISOString();
		for (const result of results) {
			await settleGroup(db, result.group, sentGroups.get(result.group));
			if (result.status === 'applied') continue;
			const stillPending = await pendingAmong(db, result.records);
			if (result.status === 'conflict') {
				for (const conflict of result.conflicts) {
					// Changed again since: that newer change is pushed and answered on its own.
					if (stillPending.has(recordKey(conflict.kind, conflict.id))) continue;
					await db.syncConflicts.where('[kind+id]').equals([conflict.kind, conflict.id]).delete();
					await db.syncConflicts.add({ ...conflict, at });
				}
			} else {
				const records = (sentGroups.get(result.group)?.changes ?? result.records).map(
					({ kind, id }) => ({ kind, id })
				);
				await db.syncNotices.add({ at, reason: result.reason, records });
			}
			await writeServerRecords(db, result.records.map(bodyOf));
		}
	});
}

const bodyOf = ({ kind, id, body }: ServerRecord): RecordBody => ({ kind, id, body });

/** Deletes a group's pending rows whose body is still the one pushed. */
async function settleGroup(
	db: ScorecraftDatabase,
	group: string,
	sent: ChangeGroup | undefined
): Promise<void> {
	const pushed = new Map(
		(sent?.changes ?? []).map((change) => [recordKey(change.kind, change.id), change.body])
	);
	const rows = await db.syncChanges.where('group').equals(group).toArray();
	const settled = rows.filter((row) => {
		const key = recordKey(row.kind, row.id);
		return !sent || (pushed.has(key) && sameBody(pushed.get(key), row.body));
	});
	await db.syncChanges.bulkDelete(settled.map((row) => row.seq!));
}

/** Both came from the same row of this store, so their JSON text matches when they do. */
const sameBody = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
