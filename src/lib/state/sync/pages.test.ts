import { describe, expect, it } from 'vitest';
import type { PullPage } from '$lib/sync/protocol';
import { pullPages } from './pages';
import { SyncTransportError, type PullRequest, type SyncTransport } from './transport';

/** A server of `count` pages whose answers the test releases one by one. */
function pagedServer(count: number, failAt = -1) {
	const asked: PullRequest[] = [];
	const answers: (() => void)[] = [];
	const transport: SyncTransport = {
		pull(request) {
			asked.push(request);
			const n = asked.length;
			return new Promise<PullPage>((resolve, reject) => {
				answers.push(() =>
					n - 1 === failAt
						? reject(new SyncTransportError('offline', 'gone'))
						: resolve({
								head: count,
								changes: [{ kind: 'plays', id: `p${n}`, revision: n, body: null }],
								revision: n,
								cursor: n < count ? `c${n}` : null
							})
				);
			});
		},
		push: () => Promise.reject(new Error('not here')),
		subscribe: () => () => undefined
	};
	const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
	/** Answers the next request; resolves once the stream has taken the answer in. */
	const answer = async () => {
		answers.shift()!();
		await settle();
	};
	return { transport, asked, answer, settle };
}

const ids = (pages: PullPage[]) => pages.map((page) => page.changes[0]!.id);

describe('the pages of one pull', () => {
	it('asks for each page as soon as the one before arrives, and hands over those that arrived', async () => {
		const server = pagedServer(4);
		const stream = pullPages(server.transport, { since: 7 }, { ahead: 4, join: 4 });
		await server.answer();
		expect(ids(await stream.take())).toEqual(['p1']);
		// Two more arrive while the caller is busy: the next take has both, in order.
		await server.answer();
		await server.answer();
		expect(server.asked).toEqual([
			{ since: 7 },
			{ cursor: 'c1' },
			{ cursor: 'c2' },
			{ cursor: 'c3' }
		]);
		expect(ids(await stream.take())).toEqual(['p2', 'p3']);
		const last = stream.take();
		await server.answer();
		expect(ids(await last)).toEqual(['p4']);
		expect(await stream.take()).toEqual([]);
		expect(server.asked).toHaveLength(4);
	});

	it('holds at most `ahead` pages not taken, and asks for no more once stopped', async () => {
		const server = pagedServer(10);
		const stream = pullPages(server.transport, { cursor: 'c0' }, { ahead: 2 });
		await server.answer();
		await server.answer();
		await server.settle();
		expect(server.asked).toHaveLength(2);
		expect(ids(await stream.take())).toEqual(['p1', 'p2']);
		await server.settle();
		expect(server.asked).toHaveLength(3);
		stream.stop();
		await server.answer();
		expect(server.asked).toHaveLength(3);
	});

	it('hands over at most `join` pages at once, the others at the next take', async () => {
		const server = pagedServer(5);
		const stream = pullPages(server.transport, { since: 0 }, { ahead: 4, join: 2 });
		for (let i = 0; i < 3; i++) await server.answer();
		expect(ids(await stream.take())).toEqual(['p1', 'p2']);
		expect(ids(await stream.take())).toEqual(['p3']);
	});

	it('gives the pages that arrived before a failure, then the failure', async () => {
		const server = pagedServer(5, 2);
		const stream = pullPages(server.transport, { since: 0 }, { ahead: 4 });
		await server.answer();
		await server.answer();
		await server.answer();
		expect(ids(await stream.take())).toEqual(['p1', 'p2']);
		await expect(stream.take()).rejects.toThrow('gone');
	});
});
