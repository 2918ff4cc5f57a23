/**
 * The page's side of the refresh worker: one promise per request. Where no worker can run (a
 * browser without module workers, a test environment), or the worker fails to load, the same
 * handler runs on the page's thread instead: slower to the eye, but the scores still come.
 */
import type { RefreshResult, ScorecraftDatabase } from '$lib/db';
import type { IsoDate } from '$lib/engine';
import { handleRefreshRequest } from './refresh-handler';
import type { RefreshRequest, RefreshResponse, StartTimings } from './refresh-protocol';

/** A request before it is given its id. */
type RequestBody = RefreshRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

interface Pending {
	request: RefreshRequest;
	resolve: (response: RefreshResponse) => void;
}

export function createRefreshWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('./refresh.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}

export class RefreshClient {
	#worker: Worker | null;
	#nextId = 1;
	readonly #pending = new Map<number, Pending>();
	readonly #db: () => ScorecraftDatabase;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(db: () => ScorecraftDatabase, create: () => Worker | null = createRefreshWorker) {
		this.#db = db;
		this.#worker = create();
		this.#worker?.addEventListener('message', (event: MessageEvent<RefreshResponse>) =>
			this.#settle(event.data)
		);
		// A worker script that fails to load (or dies) leaves its requests to the page's thread.
		this.#worker?.addEventListener('error', (event) => {
			event.preventDefault();
			this.#fallBack();
		});
	}

	/** True when the work runs in a worker. */
	get inWorker(): boolean {
		return this.#worker !== null;
	}

	async start(today: IsoDate): Promise<StartTimings> {
		const response = await this.#send({ type: 'start', today });
		if (response.ok && response.type === 'start') return response.result;
		throw new Error(response.ok ? `unexpected ${response.type}` : response.message);
	}

	async refresh(asOf: IsoDate): Promise<RefreshResult> {
		const response = await this.#send({ type: 'refresh', asOf });
		if (response.ok && response.type === 'refresh') return response.result;
		throw new Error(response.ok ? `unexpected ${response.type}` : response.message);
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	#send(body: RequestBody): Promise<RefreshResponse> {
		const request = { ...body, id: this.#nextId++ } as RefreshRequest;
		return new Promise((resolve) => {
			if (!this.#worker) {
				void handleRefreshRequest(this.#db(), request).then(resolve);
				return;
			}
			this.#pending.set(request.id, { request, resolve });
			this.#worker.postMessage(request);
		});
	}

	#settle(response: RefreshResponse): void {
		const pending = this.#pending.get(response.id);
		this.#pending.delete(response.id);
		pending?.resolve(response);
	}

	#fallBack(): void {
		this.close();
		const pending = [...this.#pending.values()];
		this.#pending.clear();
		for (const { request, resolve } of pending)
			void handleRefreshRequest(this.#db(), request).then(resolve);
	}
}
