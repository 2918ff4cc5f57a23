/**
 * The page's side of the backtest worker: runs, calibrations and discoveries, each answered by id,
 * with progress. Where no worker can run (a browser without module workers, a test environment) or
 * the worker fails to load, the same handler runs on the page's thread instead.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { WorkerClient, type Unsent, type WorkerPort } from '$lib/workers/client';
import { handleBacktestRequest } from './handler';
import type {
	BacktestRequest,
	BacktestResponse,
	CalibrationView,
	PageReport,
	Results,
	Selection,
	Target
} from './protocol';

export type Progress = Extract<BacktestResponse, { type: 'progress' }>;
type Done = Extract<BacktestResponse, { type: 'done' }>;

const createBacktestWorker = () =>
	new Worker(new URL('./backtest.worker.ts', import.meta.url), { type: 'module' });

export class BacktestClient {
	readonly #worker: WorkerClient<BacktestRequest, BacktestResponse, Done>;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(
		db: () => ScorecraftDatabase,
		create: () => WorkerPort | null = createBacktestWorker
	) {
		this.#worker = new WorkerClient({
			name: 'backtest',
			create,
			fallback: (request, post) => handleBacktestRequest(db(), request, post).then(post),
			isAnswer: (response): response is Done => response.type === 'done'
		});
	}

	run(target: Target, onProgress?: (progress: Progress) => void): Promise<PageReport> {
		return this.#send<PageReport>({ type: 'run', target }, onProgress);
	}

	/** The selected scorecard's calibration at its horizon, computed only when asked for. */
	calibrate(selection: Selection): Promise<CalibrationView> {
		return this.#send<CalibrationView>({ type: 'calibrate', selection });
	}

	discover(selection: Selection): Promise<Results['discover']> {
		return this.#send<Results['discover']>({ type: 'discover', selection });
	}

	close(): void {
		this.#worker.terminate();
	}

	/** `T` is `Results[unsent.type]`: the handler answers each request with its own result. */
	async #send<T extends Results[keyof Results]>(
		unsent: Unsent<BacktestRequest>,
		onProgress?: (progress: Progress) => void
	): Promise<T> {
		const done = await this.#worker.request(unsent, onProgress);
		if (!done.ok) throw new Error(done.message);
		return done.result as T;
	}
}
