/** The store's facts about itself: typed reads and writes of the `meta` key/value rows. */
import type { ScorecraftDatabase } from './database';
import type { MetaKey, MetaRow, MetaValues } from './types';

export async function readMeta<K extends MetaKey>(
	db: ScorecraftDatabase,
	key: K
): Promise<MetaValues[K] | undefined> {
	const row = await db.meta.get(key);
	return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
	db: ScorecraftDatabase,
	key: K,
	value: MetaValues[K]
): Promise<void> {
	await db.meta.put({ key, value } as MetaRow);
}

/**
 * Marks the workspace's records as changed; call it inside the write's own transaction, so the
 * change and the new version commit (or fail) together. Never reset: a cache stamped with an old
 * version must never match again.
 */
export async function bumpDataVersion(db: ScorecraftDatabase): Promise<number> {
	const next = ((await readMeta(db, 'dataVersion')) ?? 0) + 1;
	await writeMeta(db, 'dataVersion', next);
	return next;
}
