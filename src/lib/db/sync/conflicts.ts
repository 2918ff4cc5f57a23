/** Conflicts the person settles: keep the server's version, or push their own again. */
import { newRecordId } from '$lib/sync/protocol';
import { RECORD_TABLES, type ScorecraftDatabase } from '../database';
import { bumpDataVersion } from '../meta';
import { writeRecords } from './records';

/**
 * Settles conflict `seq`. 'theirs' only drops it (the replica already holds the server's
 * version); 'mine' writes the person's version as a new, captured change, based on the revision of
 * theirs they have now seen, so the server takes it unless the record changed yet again. False
 * when there is no such conflict.
 */
export async function resolveConflict(
	db: ScorecraftDatabase,
	seq: number,
	choice: 'mine' | 'theirs'
): Promise<boolean> {
	// The conflict's table is known only once it is read: every record table is in scope.
	return db.transaction(
		'rw',
		['syncConflicts', 'syncChanges', 'meta', ...RECORD_TABLES],
		async () => {
			const conflict = await db.syncConflicts.get(seq);
			if (!conflict) return false;
			await db.syncConflicts.delete(seq);
			if (choice === 'theirs') return true;
			const { kind, id, mine, theirs } = conflict;
			const changed = await writeRecords(db, [{ kind, id, body: mine }]);
			// The capture wrote (or updated) the record's pending row: it goes last, as a group of its
			// own, with the base the person decided on.
			const rows = db.syncChanges.where('[kind+id]').equals([kind, id]);
			const row = (await rows.toArray()).at(-1);
			await rows.delete();
			await db.syncChanges.add({
				group: newRecordId(),
				base: theirs.revision,
				kind,
				id,
				body: mine,
				at: row?.at ?? new Date().toISOString()
			});
			if (changed > 0) await bumpDataVersion(db);
			return true;
		}
	);
}
