/**
 * What the backtest worker does, apart from the worker itself so the page can run the same code
 * on its own thread where there are no workers. Failures come back as values.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { readWorkspace } from '$lib/db/workspace';
import type { Workspace } from '$lib/engine';
import { backtestWorkspace, discoverScorecard } from '$lib/engine/backtest';
import type {
	BacktestRequest,
	BacktestResponse,
	CalibrationView,
	PageReport,
	Results,
	Selection,
	Target
} from './protocol';

type Progress = (response: BacktestResponse) => void;

export async function handleBacktestRequest(
	db: ScorecraftDatabase,
	request: BacktestRequest,
	progress: Progress
): Promise<BacktestResponse> {
	try {
		progress({ id: request.id, type: 'progress', stage: 'reading', done: 0, total: 1 });
		const started = performance.now();
		const { workspace, dataVersion } = await readWorkspace(db);
		const read = { dataVersion, readMs: performance.now() - started };
		const result = answer(workspace, request, read, progress);
		return { id: request.id, type: 'done', ok: true, result };
	} catch (error) {
		return {
			id: request.id,
			type: 'done',
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		};
	}
}

function answer(
	workspace: Workspace,
	request: BacktestRequest,
	read: Pick<PageReport, 'dataVersion' | 'readMs'>,
	progress: Progress
): Results[keyof Results] {
	switch (request.type) {
		case 'run':
			return run(workspace, request.target, read, (done, total) =>
				progress({ id: request.id, type: 'progress', stage: 'backtesting', done, total })
			);
		case 'calibrate':
			return calibrate(workspace, request.selection);
		case 'discover':
			return discoverScorecard(workspace, {
				scorecardId: request.selection.scorecardId,
				horizon: request.selection.horizon,
				target: request.selection.target
			});
	}
}

/** The page's report, without calibration: it doubles the run (2 s on the sample, not 1). */
function run(
	workspace: Workspace,
	target: Target,
	read: Pick<PageReport, 'dataVersion' | 'readMs'>,
	onProgress: (done: number, total: number) => void
): PageReport {
	const started = performance.now();
	const report = backtestWorkspace(workspace, { target, onProgress });
	const spots = new Set(
		report.results.flatMap((result) => result.blindSpots.map((spot) => spot.accountId))
	);
	const accountNames: Record<string, string> = {};
	for (const account of workspace.accounts)
		if (spots.has(account.id)) accountNames[account.id] = account.name;
	return {
		report,
		target,
		...read,
		accountNames,
		backtestMs: performance.now() - started
	};
}

/**
 * One scorecard's calibration, on demand: the backtest at that horizon alone, with the same seed
 * and split as the page's run, so the figures belong to the report beside them.
 */
function calibrate(workspace: Workspace, selection: Selection): CalibrationView {
	const report = backtestWorkspace(workspace, {
		horizons: [selection.horizon],
		target: selection.target,
		calibration: true
	});
	const result = report.results.find((one) => one.scorecardId === selection.scorecardId);
	const summary = result?.calibration;
	if (!summary) throw new Error(`no scorecard "${selection.scorecardId}" to calibrate`);
	if (!summary.ok) return summary;
	const { outcomes: _outcomes, ...view } = summary;
	return view;
}
