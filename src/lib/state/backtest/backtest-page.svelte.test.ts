import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDraft, replaceWorkspace } from '$lib/db';
import { readMeta } from '$lib/db/meta';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '$lib/db/testing';
import { generateSample } from '$lib/engine/sample';
import { BacktestPage } from './backtest-page.svelte';
import { BacktestClient } from './client';

liveQueriesOnFakeIndexedDb();

let stops: (() => void)[] = [];
afterEach(() => {
	stops.forEach((stop) => stop());
	stops = [];
});

/** The page's state made inside an effect root, as in the page, stopped after. */
function owned<T>(make: () => T): T {
	let value!: T;
	stops.push(
		$effect.root(() => {
			value = make();
		})
	);
	flushSync();
	return value;
}

describe('the Backtest page’s state', () => {
	it('runs per target, calibrates the selection, discovers and saves the draft', async () => {
		const db = testDatabase('backtest-page');
		await replaceWorkspace(db, generateSample({ accounts: 400 }));
		const version = (await readMeta(db, 'dataVersion')) as number;
		// No worker in jsdom: the client answers on this thread, over the same store.
		const page = owned(
			() =>
				new BacktestPage(() => version, {
					db,
					client: () =>
						new BacktestClient(
							() => db,
							() => null
						),
					now: () => '2026-11-24T10:00:00Z'
				})
		);
		await vi.waitFor(() => expect(page.run.kind).toBe('done'), { timeout: 60_000 });
		expect(page.report?.target).toBe('churn');
		page.scorecardId = 'three-dimensions';
		flushSync();
		await vi.waitFor(() => expect(page.calibration?.kind).toBe('done'), { timeout: 60_000 });

		page.discover();
		flushSync();
		expect(page.discovery?.kind).toBe('running');
		await vi.waitFor(() => expect(page.discovery?.kind).toBe('done'), { timeout: 60_000 });
		const discovery = page.discovery;
		if (discovery?.kind !== 'done' || !discovery.value.ok) throw new Error('expected a discovery');
		await page.saveDiscovered();
		expect(page.saved).toMatchObject({
			scorecardId: 'three-dimensions-discovered',
			discovered: true
		});
		expect(await getDraft(db, 'three-dimensions-discovered')).not.toBeNull();

		// Expansion: the churn report is not shown as expansion's while the new one runs.
		page.target = 'expansion';
		flushSync();
		expect(page.report).toBeNull();
		await vi.waitFor(() => expect(page.report?.target).toBe('expansion'), { timeout: 60_000 });
		expect(page.discovery).toBeUndefined();
	}, 120_000);
});
