/**
 * The page's side of the planning worker. Where no worker can run (a test environment) or it
 * fails to load, the same handler runs on the page's thread.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { handlePlanRequest } from './handler';
import type { PlanRequest, PlanResponse, PlanResult } from './protocol';

function createPlanWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}

export class PlanClient {
	#worker: Worker | null;
	#nextId = 1;
	readonly #pending = new Map<
		number,
		{ request: PlanRequest; resolve: (r: PlanResponse) => void }
	>();
	readonly #db: ScorecraftDatabase;

	constructor(db: ScorecraftDatabase, create: () => Worker | null = createPlanWorker) {
		this.#db = db;
		this.#worker = create();
		this.#worker?.addEventListener('message', (event: MessageEvent<PlanResponse>) => {
			const pending = this.#pending.get(event.data.id);
			this.#pending.delete(event.data.id);
			pending?.resolve(event.data);
		});
		this.#worker?.addEventListener('error', (event) => {
			event.preventDefault();
			// The worker would not load: everything waiting runs here instead.
			this.#worker = null;
			for (const [id, pending] of this.#pending) {
				this.#pending.delete(id);
				void handlePlanRequest(this.#db, pending.request).then(pending.resolve);
			}
		});
	}

	async plan(request: Omit<PlanRequest, 'id'>): Promise<PlanResult> {
		const full: PlanRequest = { ...request, id: this.#nextId++ };
		// Svelte state proxies cannot cross to a worker: send plain data.
		const plain = JSON.parse(JSON.stringify(full)) as PlanRequest;
		const response = await new Promise<PlanResponse>((resolve) => {
			if (!this.#worker) return void handlePlanRequest(this.#db, plain).then(resolve);
			this.#pending.set(full.id, { request: plain, resolve });
			this.#worker.postMessage(plain);
		});
		if (!response.ok) throw new Error(response.message);
		return response.result;
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
