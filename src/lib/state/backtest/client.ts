/**
 * The page's side of the backtest worker: runs, calibrations and discoveries, each answered by id,
 * with progress. Where no worker can
 * run (a browser without module workers, a test environment) or the worker fails to load, the
 * same handler runs on the page's thread instead.
 */
import type { ScorecraftDatabase } from '$lib/db';
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

/** A request before it is given an id (the Omit distributed over each kind of request). */
type Unsent = BacktestRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export type Progress = Extract<BacktestResponse, { type: 'progress' }>;

export function createBacktestWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('./backtest.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}

interface Pending {
	request: BacktestRequest;
	resolve: (result: Results[keyof Results]) => void;
	reject: (error: Error) => void;
	onProgress: (progress: Progress) => void;
}

export class BacktestClient {
	#worker: Worker | null;
	#nextId = 1;
	readonly #pending = new Map<number, Pending>();
	readonly #db: () => ScorecraftDatabase;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(db: () => ScorecraftDatabase, create: () => Worker | null = createBacktestWorker) {
		this.#db = db;
		this.#worker = create();
		this.#worker?.addEventListener('message', (event: MessageEvent<BacktestResponse>) =>
			this.#receive(event.data)
		);
		this.#worker?.addEventListener('error', (event) => {
			event.preventDefault();
			this.#fallBack();
		});
	}

	run(target: Target, onProgress: (progress: Progress) => void = () => {}): Promise<PageReport> {
		return this.#send<PageReport>({ type: 'run', target }, onProgress);
	}

	/** The selected scorecard's calibration at its horizon, computed only when asked for. */
	calibrate(selection: Selection): Promise<CalibrationView> {
		return this.#send<CalibrationView>({ type: 'calibrate', selection });
	}

	discover(selection: Selection): Promise<Results['discover']> {
		return this.#send<Results['discover']>({ type: 'discover', selection });
	}

	/** `T` is `Results[unsent.type]`: the handler answers each request with its own result. */
	#send<T extends Results[keyof Results]>(
		unsent: Unsent,
		onProgress: (progress: Progress) => void = () => {}
	): Promise<T> {
		const request = { ...unsent, id: this.#nextId++ } as BacktestRequest;
		return new Promise((resolve, reject) => {
			this.#pending.set(request.id, {
				request,
				resolve: (result) => resolve(result as T),
				reject,
				onProgress
			});
			if (this.#worker) this.#worker.postMessage(request);
			else this.#runHere(request);
		});
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending.clear();
	}

	#runHere(request: BacktestRequest): void {
		void handleBacktestRequest(this.#db(), request, (progress) => this.#receive(progress)).then(
			(response) => this.#receive(response)
		);
	}

	#receive(response: BacktestResponse): void {
		const pending = this.#pending.get(response.id);
		if (!pending) return;
		if (response.type === 'progress') return pending.onProgress(response);
		this.#pending.delete(response.id);
		if (response.ok) pending.resolve(response.result);
		else pending.reject(new Error(response.message));
	}

	#fallBack(): void {
		this.#worker?.terminate();
		this.#worker = null;
		for (const pending of this.#pending.values()) this.#runHere(pending.request);
	}
}
