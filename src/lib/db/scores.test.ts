import { describe, expect, it } from 'vitest';
import { churnedBy, scorePortfolio } from '$lib/engine';
import { probabilityFits, probabilityFor } from '$lib/engine/backtest/probabilities';
import { generateSample, SAMPLE_END } from '$lib/engine/sample';
import { importRecords } from './import';
import { readMeta } from './meta';
import { refreshScores, scoreCacheState } from './scores';
import { testDatabase } from './testing';
import { exportWorkspace, replaceWorkspace } from './workspace';

const sample = generateSample({ accounts: 150, weeks: 20 });
const asOf = SAMPLE_END;

async function sampleStore() {
	const db = testDatabase();
	await replaceWorkspace(db, sample);
	return db;
}

describe('refreshScores', () => {
	it('writes one score row and one history row per account, as the engine scores them', async () => {
		const db = await sampleStore();
		const result = await refreshScores(db, asOf);
		expect(result).toMatchObject({ status: 'computed', asOf, accounts: 150 });
		expect(await db.scores.count()).toBe(150);
		expect(await db.histories.count()).toBe(150);

		const expected = scorePortfolio(sample, asOf);
		const i = expected.changes.findIndex((change) => change.delta_30d !== null);
		const score = expected.scores[i]!;
		const change = expected.changes[i]!;
		expect(await db.scores.get(score.account_id)).toMatchObject({
			...score,
			previous: change.previous,
			delta_30d: change.delta_30d,
			drop_30d: change.drop_30d,
			anomaly: change.anomaly ? 1 : 0
		});
		const history = expected.histories[i]!;
		expect(await db.histories.get(score.account_id)).toEqual({
			account_id: history.account_id,
			dates: history.dates,
			scorecard_id: history.scorecard_id,
			overall: history.overall,
			band: history.band,
			groups: history.groups
		});
		expect(await scoreCacheState(db)).toEqual({
			asOf,
			dataVersion: 1,
			scoresDataVersion: 1,
			current: true,
			receiving: false
		});
	});

	it('gives each scored account the probability of churn its scorecard’s calibration gives', async () => {
		// A year of 300 accounts: enough outcomes for the Scale and Three-dimensions scorecards.
		const year = generateSample({ accounts: 300 });
		const db = testDatabase();
		await replaceWorkspace(db, year);
		await refreshScores(db, asOf);
		const fits = probabilityFits({
			...year,
			outcomes: year.outcomes.filter((outcome) => outcome.date <= asOf)
		});
		const rows = await db.scores.toArray();
		const withProbability = rows.filter((row) => row.churn_probability);
		expect(withProbability.length).toBeGreaterThan(50);
		for (const row of rows) {
			const expected = row.scorecard_id
				? probabilityFor(fits[row.scorecard_id], row.overall)
				: null;
			expect(row.churn_probability ?? null).toEqual(expected);
		}
		// A lower score, a likelier churn.
		const byScore = withProbability.sort((a, b) => a.overall! - b.overall!);
		const sameCard = byScore.filter((row) => row.scorecard_id === byScore[0]!.scorecard_id);
		expect(sameCard[0]!.churn_probability!.p).toBeGreaterThanOrEqual(
			sameCard.at(-1)!.churn_probability!.p
		);
	});

	it('marks the accounts that had churned by the as-of date', async () => {
		const db = await sampleStore();
		await refreshScores(db, asOf);
		const churned = churnedBy(sample.outcomes, asOf);
		expect(churned.size).toBeGreaterThan(0);
		const marked = (await db.scores.toArray()).filter((row) => row.churned_on !== undefined);
		expect(new Map(marked.map((row) => [row.account_id, row.churned_on]))).toEqual(churned);
	});

	it('does nothing when neither the date nor the data changed, unless forced', async () => {
		const db = await sampleStore();
		await refreshScores(db, asOf);
		expect((await refreshScores(db, asOf)).status).toBe('fresh');
		expect((await refreshScores(db, asOf, { force: true })).status).toBe('computed');
		expect((await refreshScores(db, '2026-11-01')).status).toBe('computed');
		expect(await readMeta(db, 'scoresAsOf')).toBe('2026-11-01');
	});

	it('recomputes after an import', async () => {
		const db = await sampleStore();
		await refreshScores(db, asOf);
		const id = sample.accounts[0]!.id;
		const before = await db.scores.get(id);
		await importRecords(db, {
			snapshots: [{ account_id: id, date: asOf, metrics: { seats_active: 0, active_days_30d: 0 } }]
		});
		expect((await scoreCacheState(db)).current).toBe(false);
		const result = await refreshScores(db, asOf);
		expect(result).toMatchObject({ status: 'computed', dataVersion: 2 });
		const rescored = scorePortfolio(await exportWorkspace(db), asOf).scores[0]!;
		expect(rescored.overall).not.toBe(before?.overall);
		expect(await db.scores.get(id)).toMatchObject(rescored);
	});

	it('never runs twice at once: a call made meanwhile waits and finds the cache fresh', async () => {
		const db = await sampleStore();
		const results = await Promise.all([refreshScores(db, asOf), refreshScores(db, asOf)]);
		expect(results.map((result) => result.status)).toEqual(['computed', 'fresh']);
	});

	it('a workspace replaced takes its caches with it', async () => {
		const db = await sampleStore();
		await refreshScores(db, asOf);
		await replaceWorkspace(db, sample);
		expect(await db.scores.count()).toBe(0);
		expect((await scoreCacheState(db)).asOf).toBeNull();
	});
});
