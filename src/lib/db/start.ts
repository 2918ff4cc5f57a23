/** What the app does with the store when it starts. */
import type { IsoDate } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { refreshScores } from './scores';
import type { RefreshResult } from './types';

export interface StartResult {
	refresh: RefreshResult;
}

/**
 * Brings the score caches to `today`. The records come from the team's workspace on the server
 * (the replica fills the store); it may run in a worker.
 */
export async function startStore(db: ScorecraftDatabase, today: IsoDate): Promise<StartResult> {
	return { refresh: await refreshScores(db, today) };
}
