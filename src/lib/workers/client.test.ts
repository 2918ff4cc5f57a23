import { describe, expect, it } from 'vitest';
import { WorkerClient, WorkerFailed, type WorkerClientOptions, type WorkerPort } from './client';

interface Ask {
	id: number;
	n: number;
}
type Reply =
	{ id: number; type: 'progress'; done: number } | { id: number; type: 'done'; n: number };
type Done = Extract<Reply, { type: 'done' }>;

/** A worker that keeps what it is sent and answers, or fails, when the test says. */
class FakeWorker extends EventTarget implements WorkerPort {
	readonly posted: Ask[] = [];
	terminated = false;

	postMessage(message: unknown): void {
		this.posted.push(message as Ask);
	}

	terminate(): void {
		this.terminated = true;
	}

	send(reply: Reply): void {
		this.dispatchEvent(new MessageEvent('message', { data: reply }));
	}

	/** As a browser reports a script that would not load (no message) or an uncaught throw. */
	fail(message = ''): Event {
		const event = Object.assign(new Event('error', { cancelable: true }), { message });
		this.dispatchEvent(event);
		return event;
	}
}

/** The worker's work on this thread: one progress message, then `n` doubled. */
async function double(request: Ask, post: (reply: Reply) => void): Promise<void> {
	post({ id: request.id, type: 'progress', done: 1 });
	post({ id: request.id, type: 'done', n: request.n * 2 });
}

function setup(options: Partial<WorkerClientOptions<Ask, Reply, Done>> = {}) {
	const workers: FakeWorker[] = [];
	const client = new WorkerClient<Ask, Reply, Done>({
		name: 'test',
		create: () => {
			const worker = new FakeWorker();
			workers.push(worker);
			return worker;
		},
		isAnswer: (reply): reply is Done => reply.type === 'done',
		...options
	});
	return { client, workers, worker: workers[0]! };
}

/** Whether `promise` has settled once everything queued so far has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	promise.then(
		() => (done = true),
		() => (done = true)
	);
	await new Promise((resolve) => setTimeout(resolve));
	return done;
}

describe('WorkerClient', () => {
	it('answers each request by its id, whatever order the answers come in', async () => {
		const { client, worker } = setup();
		const asked = [1, 2, 3].map((n) => client.request({ n }));
		expect(worker.posted).toEqual([
			{ id: 1, n: 1 },
			{ id: 2, n: 2 },
			{ id: 3, n: 3 }
		]);
		for (const { id, n } of [...worker.posted].reverse()) worker.send({ id, type: 'done', n: -n });
		expect(await Promise.all(asked)).toEqual([
			{ id: 1, type: 'done', n: -1 },
			{ id: 2, type: 'done', n: -2 },
			{ id: 3, type: 'done', n: -3 }
		]);
	});

	it('passes the news before an answer to the request it is about', async () => {
		const { client, worker } = setup();
		const heard: Record<number, number[]> = { 1: [], 2: [] };
		const first = client.request({ n: 1 }, (update) => heard[1]!.push(update.done));
		const second = client.request({ n: 2 }, (update) => heard[2]!.push(update.done));
		worker.send({ id: 2, type: 'progress', done: 20 });
		worker.send({ id: 1, type: 'progress', done: 10 });
		worker.send({ id: 2, type: 'progress', done: 21 });
		worker.send({ id: 2, type: 'done', n: 2 });
		worker.send({ id: 1, type: 'done', n: 1 });
		expect(await Promise.all([first, second])).toMatchObject([{ n: 1 }, { n: 2 }]);
		expect(heard).toEqual({ 1: [10], 2: [20, 21] });
	});

	it('ignores messages about requests it did not send or has answered', async () => {
		const { client, worker } = setup();
		const asked = client.request({ n: 1 });
		worker.send({ id: 99, type: 'done', n: 99 });
		worker.send({ id: 1, type: 'done', n: 1 });
		worker.send({ id: 1, type: 'done', n: 2 });
		expect(await asked).toMatchObject({ n: 1 });
	});

	it('rejects what waited on a failed worker with its error, and starts a new one next', async () => {
		const { client, workers, worker } = setup();
		const asked = [client.request({ n: 1 }), client.request({ n: 2 })];
		const event = worker.fail('Uncaught TypeError: x is undefined');
		expect(event.defaultPrevented).toBe(true);
		expect(worker.terminated).toBe(true);
		for (const request of asked) {
			await expect(request).rejects.toBeInstanceOf(WorkerFailed);
			await expect(request).rejects.toThrow('Uncaught TypeError: x is undefined');
		}

		const next = client.request({ n: 3 });
		expect(workers).toHaveLength(2);
		expect(workers[1]!.posted).toEqual([{ id: 3, n: 3 }]);
		// A script that would not load says nothing of why: the error names the worker.
		workers[1]!.fail();
		await expect(next).rejects.toThrow('The test worker failed to start');
	});

	it('counts a message that cannot be read as a failure', async () => {
		const { client, worker } = setup();
		const asked = client.request({ n: 1 });
		worker.dispatchEvent(new MessageEvent('messageerror'));
		await expect(asked).rejects.toThrow('A message from the test worker could not be read');
		expect(worker.terminated).toBe(true);
	});

	it('hands what waited on a failed worker, and every later request, to the fallback', async () => {
		const { client, workers, worker } = setup({ fallback: double });
		const heard: number[] = [];
		const asked = [
			client.request({ n: 1 }, (update) => heard.push(update.done)),
			client.request({ n: 2 })
		];
		worker.fail();
		expect(await Promise.all(asked)).toMatchObject([{ n: 2 }, { n: 4 }]);
		expect(heard).toEqual([1]);
		expect(worker.terminated).toBe(true);
		expect(client.inWorker).toBe(false);

		expect(await client.request({ n: 3 })).toMatchObject({ n: 6 });
		expect(workers).toHaveLength(1);
		expect(worker.posted).toHaveLength(2);
	});

	it('uses the fallback from the start where no worker can be made, or rejects without one', async () => {
		const noWorkers = () => {
			throw new ReferenceError('Worker is not defined');
		};
		for (const create of [() => null, noWorkers]) {
			const withFallback = new WorkerClient<Ask, Reply, Done>({
				name: 'test',
				create,
				fallback: double,
				isAnswer: (reply): reply is Done => reply.type === 'done'
			});
			expect(withFallback.inWorker).toBe(false);
			expect(await withFallback.request({ n: 5 })).toEqual({ id: 1, type: 'done', n: 10 });

			const without = new WorkerClient<Ask, Reply>({ name: 'test', create });
			await expect(without.request({ n: 5 })).rejects.toThrow('The test worker could not start');
		}
	});

	it('rejects a request whose fallback throws', async () => {
		const { client } = setup({
			create: () => null,
			fallback: async () => {
				throw new Error('no database');
			}
		});
		await expect(client.request({ n: 1 })).rejects.toThrow('no database');
	});

	it('on terminate rejects what waited with the reason given, or drops it, and starts anew next', async () => {
		const { client, workers, worker } = setup();
		const cancelled = client.request({ n: 1 });
		client.terminate(new Error('cancelled'));
		await expect(cancelled).rejects.toThrow('cancelled');
		expect(worker.terminated).toBe(true);

		const closed = client.request({ n: 2 });
		expect(workers).toHaveLength(2);
		client.terminate();
		// Late news from an ended worker reaches nobody, and its failure harms no other worker.
		workers[1]!.send({ id: 2, type: 'done', n: 2 });
		workers[1]!.fail();
		expect(await settled(closed)).toBe(false);

		const next = client.request({ n: 3 });
		worker.fail();
		workers[1]!.fail();
		workers[2]!.send({ id: 3, type: 'done', n: 3 });
		expect(await next).toMatchObject({ n: 3 });
		expect(workers[2]!.terminated).toBe(false);
	});
});
