/**
 * The page's side of the backtest worker: one run at a time, with progress. Where no worker can
 * run (a browser without module workers, a test environment) or the worker fails to load, the
 * same handler runs on the page's thread instead.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { handleBacktestRequest } from './handler';
import type { BacktestResponse, PageReport } from './protocol';

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
	resolve: (report: PageReport) => void;
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

	run(onProgress: (progress: Progress) => void = () => {}): Promise<PageReport> {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject, onProgress });
			if (this.#worker) this.#worker.postMessage({ id, type: 'run' });
			else this.#runHere(id);
		});
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending.clear();
	}

	#runHere(id: number): void {
		void handleBacktestRequest(this.#db(), { id, type: 'run' }, (progress) =>
			this.#receive(progress)
		).then((response) => this.#receive(response));
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
		for (const id of this.#pending.keys()) this.#runHere(id);
	}
}
