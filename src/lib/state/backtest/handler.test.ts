// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getDraft, replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { generateSample } from '$lib/engine/sample';
import { saveDiscoveredDraft } from './drafts';
import { handleBacktestRequest } from './handler';
import type { BacktestRequest, Results } from './protocol';

const AT = '2026-11-24T10:00:00Z';
const selection = { scorecardId: 'three-dimensions', horizon: 90, target: 'churn' as const };

async function sample() {
	const db = testDatabase('backtest-handler');
	await replaceWorkspace(db, generateSample({ accounts: 600 }));
	return db;
}

async function answer<K extends keyof Results>(
	db: Awaited<ReturnType<typeof sample>>,
	request: Extract<BacktestRequest, { type: K }>
): Promise<Results[K]> {
	const response = await handleBacktestRequest(db, request, () => {});
	if (response.type !== 'done' || !response.ok)
		throw new Error(response.type === 'done' && !response.ok ? response.message : 'no answer');
	return response.result as Results[K];
}

describe('the backtest worker’s requests', () => {
	it('calibrates one scorecard at one horizon, without the per-outcome list', async () => {
		const db = await sample();
		const view = await answer(db, { id: 1, type: 'calibrate', selection });
		if (!view.ok) throw new Error('expected a calibration');
		// On 600 accounts the calibrated Brier need not beat the linear reading: only the figures.
		for (const brier of [view.brier, view.brierUncalibrated]) {
			expect(brier).toBeGreaterThan(0);
			expect(brier).toBeLessThan(1);
		}
		expect(view.baseline.ok).toBe(true);
		expect(view.reliability.length).toBeGreaterThan(0);
		expect('outcomes' in view).toBe(false);
		const missing = await handleBacktestRequest(
			db,
			{ id: 2, type: 'calibrate', selection: { ...selection, scorecardId: 'nope' } },
			() => {}
		);
		expect(missing).toMatchObject({
			id: 2,
			ok: false,
			message: 'no scorecard "nope" to calibrate'
		});
	});

	it('runs for the expansion target and says so', async () => {
		const db = await sample();
		const page = await answer(db, { id: 1, type: 'run', target: 'expansion' });
		expect(page.target).toBe('expansion');
		expect(page.report.results.length).toBeGreaterThan(0);
	});

	it('discovers a scorecard that saves as a draft of its own', async () => {
		const db = await sample();
		const found = await answer(db, { id: 1, type: 'discover', selection });
		if (!found.ok) throw new Error(`expected a discovery, got ${found.reason}`);
		expect(found.steps[0]!.action).toBe('start');
		expect(found.scorecard.id).toBe('three-dimensions-discovered');
		const published = await db.scorecards.get('three-dimensions');
		await saveDiscoveredDraft(db, found.scorecard, AT);
		const draft = (await getDraft(db, 'three-dimensions-discovered'))!;
		expect(draft).toMatchObject({ origin: 'backtest', updated_at: AT });
		expect(draft.scorecard.status).toBe('draft');
		expect(await db.scorecards.get('three-dimensions')).toEqual(published);
	});
});
