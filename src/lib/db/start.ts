/** What the app does with the store when it starts. */
import type { IsoDate } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { refreshScores } from './scores';
import type { RefreshResult } from './types';
import { loadSampleIfFirstStart } from './workspace';

export interface StartResult {
	/** True on the very first start, when the sample workspace was loaded. */
	sampleLoaded: boolean;
	refresh: RefreshResult;
}

/**
 * Loads the sample on the very first start and brings the score caches to `today`. It may run in
 * a worker; the page asks for persistent storage itself (`requestPersistence`) when
 * `sampleLoaded`, since only a window can ask.
 */
export async function startStore(db: ScorecraftDatabase, today: IsoDate): Promise<StartResult> {
	const sampleLoaded = await loadSampleIfFirstStart(db, today);
	const refresh = await refreshScores(db, today);
	return { sampleLoaded, refresh };
}
