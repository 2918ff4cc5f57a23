/**
 * The import's two touches of the store: the account ids rows may refer to, read before the check,
 * and the write of the checked records, which the store does in one transaction (all or nothing).
 */
// The modules themselves, not `$lib/db`: the import worker bundles this file, and the store's
// index would bring the scoring engine and the sample generator into it.
import type { ScorecraftDatabase } from '$lib/db/database';
import { importRecords } from '$lib/db/import';
import type { ImportSummary } from '$lib/db/types';
import type { Account, Contact, Snapshot } from '$lib/engine';
import type { ImportKind, ImportRecord } from './types';

/** Every account id in the store: a contact or snapshot may name only these. */
export async function storedAccountIds(db: ScorecraftDatabase): Promise<ReadonlySet<string>> {
	return new Set(await db.accounts.toCollection().primaryKeys());
}

/** Writes checked records of one kind: added, or merged into the stored ones they update. */
export function writeRecords(
	db: ScorecraftDatabase,
	kind: ImportKind,
	records: readonly ImportRecord[]
): Promise<ImportSummary> {
	switch (kind) {
		case 'accounts':
			return importRecords(db, { accounts: records as readonly Account[] });
		case 'contacts':
			return importRecords(db, { contacts: records as readonly Contact[] });
		case 'snapshots':
			return importRecords(db, { snapshots: records as readonly Snapshot[] });
	}
}
