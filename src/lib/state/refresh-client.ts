/**
 * The page's side of the refresh worker: one promise per request. Where no worker can run (a
 * browser without module workers, a test environment), or the worker fails to load, the same
 * handler runs on the page's thread instead: slower to the eye, but the scores still come.
 */
import type { RefreshResult, ScorecraftDatabase } from '$lib/db';
import type { IsoDate } from '$lib/engine';
import { WorkerClient, type WorkerPort } from '$lib/workers/client';
import { handleRefreshRequest } from './refresh-handler';
import type { RefreshRequest, RefreshResponse, StartTimings } from './refresh-protocol';

const createRefreshWorker = () =>
	new Worker(new URL('./refresh.worker.ts', import.meta.url), { type: 'module' });

export class RefreshClient {
	readonly #worker: WorkerClient<RefreshRequest, RefreshResponse>;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(db: () => ScorecraftDatabase, create: () => WorkerPort | null = createRefreshWorker) {
		this.#worker = new WorkerClient({
			name: 'refresh',
			create,
			fallback: (request, post) => handleRefreshRequest(db(), request).then(post)
		});
	}

	/** True when the work runs in a worker. */
	get inWorker(): boolean {
		return this.#worker.inWorker;
	}

	async start(today: IsoDate): Promise<StartTimings> {
		const response = await this.#worker.request({ type: 'start', today });
		if (response.ok && response.type === 'start') return response.result;
		throw new Error(response.ok ? `unexpected ${response.type}` : response.message);
	}

	async refresh(asOf: IsoDate): Promise<RefreshResult> {
		const response = await this.#worker.request({ type: 'refresh', asOf });
		if (response.ok && response.type === 'refresh') return response.result;
		throw new Error(response.ok ? `unexpected ${response.type}` : response.message);
	}

	close(): void {
		this.#worker.terminate();
	}
}
