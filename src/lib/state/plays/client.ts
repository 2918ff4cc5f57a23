/**
 * The page's side of the planning worker. Where no worker can run (a test environment) or it
 * fails to load, the same handler runs on the page's thread.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { WorkerClient, type WorkerPort } from '$lib/workers/client';
import { handlePlanRequest } from './handler';
import type { PlanRequest, PlanResponse, PlanResult } from './protocol';

const createPlanWorker = () =>
	new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });

export class PlanClient {
	readonly #worker: WorkerClient<PlanRequest, PlanResponse>;

	constructor(db: ScorecraftDatabase, create: () => WorkerPort | null = createPlanWorker) {
		this.#worker = new WorkerClient({
			name: 'planning',
			create,
			fallback: (request, post) => handlePlanRequest(db, request).then(post)
		});
	}

	async plan(request: Omit<PlanRequest, 'id'>): Promise<PlanResult> {
		// Svelte state proxies cannot cross to a worker: send plain data.
		const plain = JSON.parse(JSON.stringify(request)) as Omit<PlanRequest, 'id'>;
		const response = await this.#worker.request(plain);
		if (!response.ok) throw new Error(response.message);
		return response.result;
	}

	close(): void {
		this.#worker.terminate();
	}
}
