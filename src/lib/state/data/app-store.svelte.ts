/**
 * The Data page and the app's store, which the root layout starts: it loads the sample on the very
 * first start, and whenever the data changes it rescores in its worker, off the page's thread.
 * After a change, the page waits for that rather than scoring the same data a second time on its
 * own thread (a freeze of seconds with a large portfolio); when the store is not running (not
 * started, or failed), the page calls `refreshScores` itself.
 */
import { refreshScores, scoreCacheState, type ScorecraftDatabase } from '$lib/db';
import type { IsoDate } from '$lib/engine';
import { store } from '$lib/state/store.svelte';

export type ScoresUpdate = 'computed' | 'fresh' | 'store';

/** Resolves once the app's store reports scores as of `asOf` for data version `version` or later. */
function storeScored(version: number, asOf: IsoDate): Promise<void> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const settle = (done: () => void) => {
			if (settled) return;
			settled = true;
			done();
			// Not from inside the effect that is running.
			queueMicrotask(() => stop());
		};
		const stop = $effect.root(() => {
			$effect(() => {
				const status = store.status;
				const cache = store.cache;
				if (status.kind === 'error') settle(() => reject(new Error(status.message)));
				else if (
					status.kind === 'ready' &&
					status.asOf === asOf &&
					(cache?.dataVersion ?? 0) >= version
				)
					settle(resolve);
			});
		});
	});
}

/** Brings the scores up to date with the data after the page changed it; says who did. */
export async function bringScoresUpToDate(
	db: ScorecraftDatabase,
	asOf: IsoDate
): Promise<ScoresUpdate> {
	const storeRunning = store.cache !== null && store.status.kind !== 'error';
	if (!storeRunning) return (await refreshScores(db, asOf)).status;
	const { dataVersion } = await scoreCacheState(db);
	await storeScored(dataVersion, asOf);
	return 'store';
}

/**
 * True while the app's store is opening, e.g. writing the sample on the very first start: a write
 * from this page then would race it (and the sample would replace what was imported). Reactive.
 */
export function storeStarting(): boolean {
	return store.status.kind === 'starting';
}

/**
 * Resolves once the app's store has opened: a write asked for while it opens (a page loaded a
 * moment ago) waits for it instead of being dropped.
 */
export async function storeStarted(): Promise<void> {
	while (storeStarting()) await new Promise((resolve) => setTimeout(resolve, 50));
}
