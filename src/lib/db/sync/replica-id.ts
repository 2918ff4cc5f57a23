/** This database's own id towards the server: made once, on first use, and kept in `meta`. */
import { newRecordId } from '$lib/sync/protocol';
import type { ScorecraftDatabase } from '../database';
import { readMeta, writeMeta } from '../meta';

/** The database's replica id, made now if it has none (read and written in one transaction). */
export function replicaId(db: ScorecraftDatabase): Promise<string> {
	return db.transaction('rw', db.meta, async () => {
		const existing = await readMeta(db, 'replicaId');
		if (existing) return existing;
		// randomUUID exists only in secure contexts; a page served over plain http gets the fallback.
		const id = globalThis.crypto?.randomUUID?.() ?? `replica-${newRecordId()}`;
		await writeMeta(db, 'replicaId', id);
		return id;
	});
}
