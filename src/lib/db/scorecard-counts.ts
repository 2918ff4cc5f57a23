/**
 * How many accounts each scorecard scores, from the score cache: what the Scorecards list shows
 * beside each published scorecard (one that scores none is worth a word).
 */
import type { ScorecraftDatabase } from './database';
import { scoreCacheState } from './scores';

export interface ScoredCounts {
	/** Live accounts (not churned by the cache's date) per scorecard id; absent: none. */
	counts: Record<string, number>;
	/** Live accounts no scorecard scores. */
	unscored: number;
	/** Whether the cache was computed from the data as it is now (else a refresh is on its way). */
	current: boolean;
}

export async function scoredCounts(db: ScorecraftDatabase): Promise<ScoredCounts> {
	return db.transaction('r', [db.scoreChunks, db.meta], async () => {
		const counts: Record<string, number> = {};
		let unscored = 0;
		for (const row of await db.scores.toArray()) {
			if (row.churned_on !== undefined) continue;
			if (row.scorecard_id === null) unscored++;
			else counts[row.scorecard_id] = (counts[row.scorecard_id] ?? 0) + 1;
		}
		const { current } = await scoreCacheState(db);
		return { counts, unscored, current };
	});
}
