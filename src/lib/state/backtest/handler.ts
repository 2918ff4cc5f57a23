/**
 * What the backtest worker does, apart from the worker itself so the page can run the same code
 * on its own thread where there are no workers. Failures come back as values.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { readWorkspace } from '$lib/db/workspace';
import { backtestWorkspace } from '$lib/engine/backtest';
import type { BacktestRequest, BacktestResponse } from './protocol';

export async function handleBacktestRequest(
	db: ScorecraftDatabase,
	request: BacktestRequest,
	progress: (response: BacktestResponse) => void
): Promise<BacktestResponse> {
	try {
		progress({ id: request.id, type: 'progress', stage: 'reading', done: 0, total: 1 });
		const started = performance.now();
		const { workspace, dataVersion } = await readWorkspace(db);
		const read = performance.now();
		const report = backtestWorkspace(workspace, {
			onProgress: (done, total) =>
				progress({ id: request.id, type: 'progress', stage: 'backtesting', done, total })
		});
		const spots = new Set(
			report.results.flatMap((result) => result.blindSpots.map((spot) => spot.accountId))
		);
		const accountNames: Record<string, string> = {};
		for (const account of workspace.accounts)
			if (spots.has(account.id)) accountNames[account.id] = account.name;
		return {
			id: request.id,
			type: 'done',
			ok: true,
			result: {
				report,
				dataVersion,
				accountNames,
				readMs: read - started,
				backtestMs: performance.now() - read
			}
		};
	} catch (error) {
		return {
			id: request.id,
			type: 'done',
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		};
	}
}
