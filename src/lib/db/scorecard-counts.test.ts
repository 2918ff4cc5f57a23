import { describe, expect, it } from 'vitest';
import { generateSample } from '$lib/engine/sample';
import { saveDraft, publishDraft } from './drafts';
import { scoredCounts } from './scorecard-counts';
import { refreshScores } from './scores';
import { testDatabase } from './testing';
import { replaceWorkspace } from './workspace';

describe('scored counts', () => {
	it('count the live accounts each scorecard scores in the cache, and say when it is behind', async () => {
		const sample = generateSample({ accounts: 40, weeks: 2 });
		const asOf = sample.snapshots
			.map((snapshot) => snapshot.date)
			.sort()
			.at(-1)!;
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		await refreshScores(db, asOf);
		// An account that has churned counts for no scorecard.
		const churnedScale = (await db.scores.toArray()).find((row) => row.scorecard_id === 'scale')!;
		await db.scores.put({ ...churnedScale, churned_on: '2026-01-01' });
		const live = (await db.scores.toArray()).filter((row) => row.churned_on === undefined);
		const scale = live.filter((row) => row.scorecard_id === 'scale').length;
		expect(scale).toBeGreaterThan(0);
		const counts = await scoredCounts(db);
		expect(counts.current).toBe(true);
		expect(counts.counts.scale).toBe(scale);
		expect(Object.values(counts.counts).reduce((a, b) => a + b, 0) + counts.unscored).toBe(
			live.length
		);

		// A scorecard published in front of Scale: the cache is behind until refreshed.
		const card = sample.scorecards.find((one) => one.id === 'scale')!;
		await saveDraft(db, { ...card, id: 'scale_v2', priority: 0 }, { at: '2026-11-24T10:00:00Z' });
		await publishDraft(db, 'scale_v2', { by: 'kim', at: '2026-11-24T10:00:00Z' });
		expect((await scoredCounts(db)).current).toBe(false);
		await refreshScores(db, asOf);
		const after = await scoredCounts(db);
		// Every Scale account again (the refresh rewrote the row marked churned above).
		expect(after.counts).toMatchObject({ scale_v2: scale + 1 });
		expect(after.counts.scale).toBeUndefined();
	});
});
