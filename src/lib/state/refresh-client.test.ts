import { describe, expect, it } from 'vitest';
import { replaceWorkspace, scoreCacheState, type ScorecraftDatabase } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { RefreshClient } from './refresh-client';
import { handleRefreshRequest } from './refresh-handler';
import type { RefreshRequest } from './refresh-protocol';

const AS_OF = '2026-11-24';

/** A worker that runs the handler in this process, as the real one does in its own thread. */
class InProcessWorker extends EventTarget {
	readonly requests: RefreshRequest[] = [];
	terminated = false;

	constructor(
		private readonly db: ScorecraftDatabase,
		private readonly broken = false
	) {
		super();
	}

	postMessage(request: RefreshRequest): void {
		this.requests.push(request);
		// A worker whose script failed to load answers nothing and reports an error.
		if (this.broken) {
			queueMicrotask(() => this.dispatchEvent(new Event('error', { cancelable: true })));
			return;
		}
		void handleRefreshRequest(this.db, request).then((response) =>
			this.dispatchEvent(new MessageEvent('message', { data: response }))
		);
	}

	terminate(): void {
		this.terminated = true;
	}
}

async function exampleStore(): Promise<ScorecraftDatabase> {
	const db = testDatabase('refresh');
	await replaceWorkspace(db, exampleWorkspace());
	return db;
}

describe('RefreshClient', () => {
	it('starts the store and refreshes its scores through the worker', async () => {
		const db = await exampleStore();
		const worker = new InProcessWorker(db);
		const client = new RefreshClient(
			() => db,
			() => worker as unknown as Worker
		);
		expect(client.inWorker).toBe(true);

		const started = await client.start(AS_OF);
		expect(started).toMatchObject({ refresh: { status: 'computed' } });
		expect(started.totalMs).toBeGreaterThanOrEqual(0);
		expect(await db.scores.count()).toBe(2);
		expect(await scoreCacheState(db)).toMatchObject({ asOf: AS_OF, current: true });

		expect(await client.refresh(AS_OF)).toMatchObject({ status: 'fresh' });
		expect(worker.requests.map((request) => request.type)).toEqual(['start', 'refresh']);
		client.close();
		expect(worker.terminated).toBe(true);
	});

	it("runs on the page's thread when the worker cannot load, or there is none", async () => {
		const db = await exampleStore();
		const broken = new InProcessWorker(db, true);
		const client = new RefreshClient(
			() => db,
			() => broken as unknown as Worker
		);
		expect(await client.refresh(AS_OF)).toMatchObject({ status: 'computed', accounts: 2 });
		expect(broken.terminated).toBe(true);
		expect(client.inWorker).toBe(false);

		const none = new RefreshClient(
			() => db,
			() => null
		);
		expect(await none.refresh(AS_OF)).toMatchObject({ status: 'fresh' });
	});

	it('rejects with the message of a failure', async () => {
		const db = await exampleStore();
		const client = new RefreshClient(
			() => db,
			() => null
		);
		await expect(client.refresh('not a date')).rejects.toThrow();
	});
});
