/**
 * The import's one touch of this browser's store: the account ids rows may refer to, read before
 * the check (the server checks again against its own, and writes the rows: `./upload.ts`).
 */
// The module itself, not `$lib/db`: the import worker bundles this file, and the store's index
// would bring the scoring engine and the sample generator into it.
import type { ScorecraftDatabase } from '$lib/db/database';

/** Every account id in the store: a contact or snapshot may name only these. */
export async function storedAccountIds(db: ScorecraftDatabase): Promise<ReadonlySet<string>> {
	return new Set(await db.accounts.toCollection().primaryKeys());
}
