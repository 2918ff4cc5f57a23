/** The workspace's plays as the play editor keeps them: checked before they are written. */
import {
	parsePlay,
	problem,
	type Play,
	type Result,
	type ScoredAccount,
	type WorkspaceIssue
} from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { readMeta, writeMeta } from './meta';
import { inOrder } from './workspace';

/**
 * What a new or renamed play's id may be: it appears in URLs and in outbox keys
 * (`play:account:action:recipient:window`), so lower-case letters, digits, `-` and `_`.
 */
export const PLAY_ID = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** The plays in the workspace's order (new ones last). */
export async function listPlays(db: ScorecraftDatabase): Promise<Play[]> {
	const [plays, order] = await Promise.all([db.plays.toArray(), readMeta(db, 'order')]);
	return inOrder(plays, order?.plays);
}

/**
 * The live accounts with the scorecard the score cache says scores each (what
 * `unresolvedReferences` reads); churned accounts and accounts the cache has not scored yet are
 * left out, so a cache still being built warns of nothing.
 */
export async function scoredAccounts(db: ScorecraftDatabase): Promise<ScoredAccount[]> {
	const [accounts, scores] = await Promise.all([db.accounts.toArray(), db.scores.toArray()]);
	const byAccount = new Map(scores.map((row) => [row.account_id, row]));
	return accounts.flatMap((account) => {
		const row = byAccount.get(account.id);
		if (!row || row.churned_on) return [];
		return [{ id: account.id, segment: account.segment, scorecard_id: row.scorecard_id }];
	});
}

/** Whether a run wrote anything for a play: its id is then kept, as the outbox and tasks name it. */
export async function playHasRuns(db: ScorecraftDatabase, id: string): Promise<boolean> {
	return (await db.outbox.where('play_id').equals(id).count()) > 0;
}

/**
 * Checks a play against the workspace's scorecards and writes it; says what is wrong otherwise.
 * With `previousId` (the id it was stored under, changed in the editor) the play takes that
 * record's place, in the list's order too; refused when the new id is taken or a run already
 * wrote entries under the old one.
 */
export async function savePlay(
	db: ScorecraftDatabase,
	play: unknown,
	options: { previousId?: string } = {}
): Promise<Result<Play, WorkspaceIssue>> {
	return db.transaction('rw', [db.plays, db.scorecards, db.outbox, db.meta], async () => {
		const result = parsePlay(play, await db.scorecards.toArray());
		if (!result.ok) return result;
		const { previousId } = options;
		const id = result.value.id;
		if (previousId === undefined || previousId === id) {
			await db.plays.put(result.value);
			return result;
		}
		const refused = !PLAY_ID.test(id)
			? problem('play_id_format')
			: (await db.plays.get(id))
				? problem('play_id_taken', { id })
				: (await playHasRuns(db, previousId))
					? problem('play_id_in_use', { id: previousId })
					: null;
		if (refused) return { ok: false, errors: [{ path: 'id', ...refused }] };
		await db.plays.delete(previousId);
		await db.plays.put(result.value);
		const order = await readMeta(db, 'order');
		if (order?.plays.includes(previousId))
			await writeMeta(db, 'order', {
				...order,
				plays: order.plays.map((each) => (each === previousId ? id : each))
			});
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
