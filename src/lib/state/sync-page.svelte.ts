/**
 * The Sync page's state: the conflicts and refused changes this browser holds, live, and the
 * person's choices (keep mine, take theirs, dismiss), written to the replica, which sends what
 * they chose.
 */
import { getDatabase, type ScorecraftDatabase } from '$lib/db';
import { resolveConflict, type StoredConflict, type SyncNotice } from '$lib/db/sync';
import { LiveQuery } from '$lib/state/live-query.svelte';

export class SyncPage {
	readonly conflicts: LiveQuery<StoredConflict[]>;
	readonly notices: LiveQuery<SyncNotice[]>;
	busy: number | null = $state(null);
	error: string | null = $state(null);
	readonly #db: ScorecraftDatabase;

	/** Create it while a component initialises: its live queries live as long as the component. */
	constructor(db: ScorecraftDatabase = getDatabase()) {
		this.#db = db;
		this.conflicts = new LiveQuery(() => db.syncConflicts.toArray());
		this.notices = new LiveQuery(() => db.syncNotices.reverse().toArray());
	}

	async choose(seq: number, choice: 'mine' | 'theirs'): Promise<void> {
		this.busy = seq;
		this.error = null;
		try {
			await resolveConflict(this.#db, seq, choice);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = null;
		}
	}

	async dismiss(seq: number): Promise<void> {
		await this.#db.syncNotices.delete(seq);
	}
}
