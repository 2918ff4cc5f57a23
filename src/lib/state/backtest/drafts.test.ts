// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getDraft, replaceWorkspace } from '$lib/db';
import { readMeta } from '$lib/db/meta';
import { testDatabase } from '$lib/db/testing';
import { generateSample } from '$lib/engine/sample';
import { handleBacktestRequest } from './handler';
import { saveFactToDraft, saveWeightsToDraft } from './drafts';
import type { BacktestResponse, PageReport } from './protocol';

const AT = '2026-11-24T10:00:00Z';

async function backtested() {
	const db = testDatabase('backtest');
	await replaceWorkspace(db, generateSample({ accounts: 600 }));
	const progress: BacktestResponse[] = [];
	const response = await handleBacktestRequest(
		db,
		{ id: 1, type: 'run', target: 'churn' },
		(message) => progress.push(message)
	);
	if (response.type !== 'done' || !response.ok) throw new Error('the backtest failed');
	return { db, page: response.result as PageReport, progress };
}

describe('the backtest over the store', () => {
	it('reads the workspace, reports progress and stamps the data version', async () => {
		const { db, page, progress } = await backtested();
		expect(page.dataVersion).toBe(await readMeta(db, 'dataVersion'));
		expect(page.report.results).toHaveLength(9);
		expect(progress[0]).toMatchObject({ stage: 'reading' });
		expect(progress.at(-1)).toMatchObject({ stage: 'backtesting', done: 9, total: 9 });
		for (const result of page.report.results)
			for (const spot of result.blindSpots) expect(page.accountNames[spot.accountId]).toBeTruthy();
	});

	it('saves suggestions to one draft, never publishing, each on top of the last', async () => {
		const { db, page } = await backtested();
		const result = page.report.results.find((r) => r.scorecardId === 'three-dimensions')!;
		if (!result.weights.ok) throw new Error('expected weights');
		const published = await db.scorecards.get('three-dimensions');
		const version = await readMeta(db, 'dataVersion');

		await saveWeightsToDraft(db, 'three-dimensions', result.weights, AT);
		const weighted = (await getDraft(db, 'three-dimensions'))!;
		expect(weighted).toMatchObject({ origin: 'backtest', updated_at: AT });
		expect(weighted.scorecard.status).toBe('draft');
		expect(weighted.scorecard.groups.map((group) => group.weight)).toEqual(
			result.weights.groups.map((group) => group.weight)
		);

		const fact = result.unmeasured[0]!;
		await saveFactToDraft(db, 'three-dimensions', fact, AT);
		const both = (await getDraft(db, 'three-dimensions'))!;
		expect(both.scorecard.groups.map((group) => group.id)).toEqual([
			...result.weights.groups.map((group) => group.id),
			fact.measure.id
		]);
		// The published scorecard and the scores are untouched: drafts never score.
		expect(await db.scorecards.get('three-dimensions')).toEqual(published);
		expect(await readMeta(db, 'dataVersion')).toBe(version);
		await expect(saveFactToDraft(db, 'nope', fact, AT)).rejects.toThrow('no scorecard "nope"');
	});
});
