/**
 * A browser that held a workspace of its own before the team's (Scorecraft for one person, before
 * the server kept the workspace): on its first sync, what it held is set aside whole, for the
 * person to download (and the owner to restore, if it is the one the team wants), and the store
 * starts empty for the team's. Nothing of it is pushed, nothing lost.
 */
import { RECORD_KINDS } from '$lib/sync/protocol';
import type { Workspace } from '$lib/engine';
import { RECORD_TABLES, type ScorecraftDatabase } from '../database';
import { bumpDataVersion, readMeta, writeMeta } from '../meta';
import { exportWorkspace } from '../workspace';
import { asReplica } from './capture';

/** True when it set a workspace aside (once, on the first sync of a store that had one). */
export async function setAsideOwnWorkspace(db: ScorecraftDatabase): Promise<boolean> {
	const [revision, initialised] = await Promise.all([
		readMeta(db, 'syncRevision'),
		readMeta(db, 'initialised')
	]);
	if (revision !== undefined || !initialised) return false;
	const workspace = await exportWorkspace(db);
	await asReplica(db, [...RECORD_TABLES, 'meta', 'scoreChunks', 'historyChunks'], async () => {
		for (const kind of RECORD_KINDS) await db.recordTable(kind).clear();
		await db.scores.clear();
		await db.histories.clear();
		await db.meta.bulkDelete(['scoresAsOf', 'scoresDataVersion', 'order', 'workspaceExtra']);
		await writeMeta(db, 'ownWorkspace', workspace);
		await writeMeta(db, 'syncRevision', 0);
		await bumpDataVersion(db);
	});
	return true;
}

/** The workspace this browser held before the team's, while the person keeps it. */
export async function ownWorkspace(db: ScorecraftDatabase): Promise<Workspace | null> {
	return (await readMeta(db, 'ownWorkspace')) ?? null;
}

export async function forgetOwnWorkspace(db: ScorecraftDatabase): Promise<void> {
	await db.meta.delete('ownWorkspace');
}
