import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScorecraftDatabase } from '$lib/db/database';
import { testDatabase } from '$lib/db/testing';
import { ImportCancelled, ImportWorkerClient } from './client';
import { ImportHandler } from '$lib/import/handler';
import type { WorkerRequest } from '$lib/import/protocol';
import type { CheckProgress } from '$lib/import/types';

/**
 * A stand-in for the module worker: the same handler in this process, every message cloned both
 * ways as `postMessage` clones it, so the client gets exactly what a worker would send.
 */
class InProcessWorker extends EventTarget {
	terminated = false;
	readonly #handler: ImportHandler;
	constructor(database: ScorecraftDatabase) {
		super();
		this.#handler = new ImportHandler({ database: () => database, chunkSize: 64 });
	}
	postMessage(request: WorkerRequest): void {
		void this.#handler.handle(structuredClone(request), (message) => {
			if (this.terminated) return;
			setTimeout(() =>
				this.dispatchEvent(new MessageEvent('message', { data: structuredClone(message) }))
			);
		});
	}
	terminate(): void {
		this.terminated = true;
	}
}

async function setup() {
	const db = testDatabase('import-client');
	await db.accounts.bulkPut(
		['acme', 'globex', 'initech'].map((id) => ({ id, name: id, segment: 'scale' }))
	);
	const workers: InProcessWorker[] = [];
	const client = new ImportWorkerClient(() => {
		const worker = new InProcessWorker(db);
		workers.push(worker);
		return worker as unknown as Worker;
	});
	return { db, client, workers };
}

const file = new Blob([
	readFileSync(new URL('../../../../tests/fixtures/csv/snapshots-bad-rows.csv', import.meta.url))
]);

describe('ImportWorkerClient', () => {
	it('inspects, then checks with progress against the accounts this browser holds, writing nothing', async () => {
		const { db, client } = await setup();
		const inspected = await client.inspect(file, 'snapshots');
		if (!inspected.ok) throw new Error(inspected.problem);
		const progress: CheckProgress[] = [];
		const checked = await client.check({
			file,
			kind: 'snapshots',
			mapping: inspected.value.mapping,
			format: inspected.value.format,
			onProgress: (step) => progress.push(step)
		});
		if (!checked.ok) throw new Error(checked.problem);
		expect(checked.summary).toMatchObject({ rows: 8, validRows: 2, invalidRows: 6 });
		// The accounts were read from the store by the worker: "nobody" is unknown.
		expect(checked.errors.map((error) => [error.row, error.problem])).toEqual([
			[3, 'not_a_date'],
			[4, 'not_a_metric'],
			[5, 'unknown_account'],
			[6, 'required'],
			[7, 'duplicate'],
			[9, 'not_a_date'],
			[9, 'not_a_metric']
		]);
		expect(progress.length).toBeGreaterThan(1);
		expect(progress.at(-1)).toEqual({ rows: 8, bytesRead: file.size, totalBytes: file.size });
		expect(await db.snapshots.count()).toBe(0);
	});

	it('reports a file problem as a value', async () => {
		const { client } = await setup();
		expect(await client.inspect(new Blob(['']), 'accounts')).toEqual({
			ok: false,
			problem: 'empty'
		});
	});

	it('cancels by ending the worker, and starts a new one for the next request', async () => {
		const { client, workers } = await setup();
		const inspected = await client.inspect(file, 'snapshots');
		if (!inspected.ok) throw new Error(inspected.problem);
		const checking = client.check({
			file,
			kind: 'snapshots',
			mapping: inspected.value.mapping,
			format: inspected.value.format
		});
		client.cancel();
		await expect(checking).rejects.toBeInstanceOf(ImportCancelled);
		expect(workers[0]!.terminated).toBe(true);
		expect(await client.inspect(file, 'snapshots')).toMatchObject({ ok: true });
		expect(workers).toHaveLength(2);
	});
});
