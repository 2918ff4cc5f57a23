/**
 * Waiting on the replica: for this browser's changes to reach the server (before asking the server
 * to act on them), or for a revision the server made to reach this browser (after a restore).
 * The sync loop does the work; these only watch the store it writes.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { readMeta } from '$lib/db/meta';

const WAIT_MS = 15_000;
const POLL_MS = 100;

async function until(done: () => Promise<boolean>, waitMs: number, why: string): Promise<void> {
	const deadline = Date.now() + waitMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(why);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

/**
 * The revision this browser holds, once its own changes are on the server: the server plans on
 * its workspace, so a play edited here must be there before its entries are asked for.
 */
export async function serverRevision(db: ScorecraftDatabase, waitMs = WAIT_MS): Promise<string> {
	await until(
		async () => (await db.syncChanges.count()) === 0,
		waitMs,
		'changes made in this browser have not reached the server yet (offline?): try again once they have'
	);
	return String((await readMeta(db, 'syncRevision')) ?? 0);
}

/**
 * Resolves once this browser holds `revision` of the team workspace. A large change (an import of
 * 100,000 rows) arrives in many pages: it waits as long as pages keep arriving, and gives up only
 * when none has for `stallMs`.
 */
export async function replicaAt(
	db: ScorecraftDatabase,
	revision: number,
	stallMs = 60_000
): Promise<void> {
	let seen = '';
	let movedAt = Date.now();
	for (;;) {
		const held = (await readMeta(db, 'syncRevision')) ?? 0;
		if (held >= revision) return;
		const where = `${held} ${(await readMeta(db, 'syncCursor')) ?? ''}`;
		if (where !== seen) {
			seen = where;
			movedAt = Date.now();
		} else if (Date.now() - movedAt > stallMs)
			throw new Error(
				`this browser has not received revision ${revision} of the workspace yet (offline?)`
			);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}
