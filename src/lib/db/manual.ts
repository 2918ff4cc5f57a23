/** Values people enter for manual measures, each kept with who entered it, when, and why. */
import type { ManualEntry } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { bumpDataVersion } from './meta';

/** Adds an entry; entries are never changed, so the history of who said what stays. */
export async function addManualEntry(db: ScorecraftDatabase, entry: ManualEntry): Promise<void> {
	await db.transaction('rw', [db.manualEntries, db.meta], async () => {
		await db.manualEntries.add(entry);
		await bumpDataVersion(db);
	});
}

/** An account's entries for one measure, or for all when `measureId` is absent, newest first. */
export async function manualEntriesOf(
	db: ScorecraftDatabase,
	accountId: string,
	measureId?: string
): Promise<ManualEntry[]> {
	const entries = await db.manualEntries.where('account_id').equals(accountId).toArray();
	return entries
		.filter((entry) => measureId === undefined || entry.measure_id === measureId)
		.sort((a, b) => (a.entered_at < b.entered_at ? 1 : a.entered_at > b.entered_at ? -1 : 0));
}
