/** The workspace's plays as the play editor keeps them: checked before they are written. */
import { parsePlay, type Play, type Result, type WorkspaceIssue } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { readMeta } from './meta';
import { inOrder } from './workspace';

/** The plays in the workspace's order (new ones last). */
export async function listPlays(db: ScorecraftDatabase): Promise<Play[]> {
	const [plays, order] = await Promise.all([db.plays.toArray(), readMeta(db, 'order')]);
	return inOrder(plays, order?.plays);
}

/** Checks a play against the workspace's scorecards and writes it; says what is wrong otherwise. */
export async function savePlay(
	db: ScorecraftDatabase,
	play: unknown
): Promise<Result<Play, WorkspaceIssue>> {
	return db.transaction('rw', [db.plays, db.scorecards], async () => {
		const result = parsePlay(play, await db.scorecards.toArray());
		if (result.ok) await db.plays.put(result.value);
		return result;
	});
}

export async function deletePlay(db: ScorecraftDatabase, id: string): Promise<void> {
	await db.plays.delete(id);
}

export async function setPlayEnabled(
	db: ScorecraftDatabase,
	id: string,
	enabled: boolean
): Promise<void> {
	await db.plays.update(id, { enabled });
}
