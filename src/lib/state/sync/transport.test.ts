import { describe, expect, it, vi } from 'vitest';
import { HttpTransport, SyncTransportError } from './transport';

const page = { head: 3, changes: [], revision: 3, cursor: null };

function answering(response: () => Response | Promise<Response>) {
	const calls: { url: string; init: RequestInit }[] = [];
	const fetch = (async (url: string, init: RequestInit) => {
		calls.push({ url, init });
		return response();
	}) as typeof globalThis.fetch;
	return { calls, transport: new HttpTransport({ base: 'http://app.test', fetch }) };
}

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HttpTransport', () => {
	it('pulls since a revision or from a cursor, and pushes JSON, with the session’s cookies', async () => {
		const { calls, transport } = answering(() => json(page));
		expect(await transport.pull({ since: 5, limit: 100 })).toEqual(page);
		await transport.pull({ cursor: 'a b&c' });
		await transport.push({ client: 'me', groups: [] });
		expect(calls.map((call) => [call.init.method, call.url])).toEqual([
			['GET', 'http://app.test/api/sync?since=5&limit=100'],
			['GET', 'http://app.test/api/sync?cursor=a+b%26c'],
			['POST', 'http://app.test/api/sync']
		]);
		expect(calls.every((call) => call.init.credentials === 'same-origin')).toBe(true);
		expect(JSON.parse(calls[2]!.init.body as string)).toEqual({ client: 'me', groups: [] });
	});

	it('tells signed out, a failing server and no network apart', async () => {
		const failure = async (response: () => Response | Promise<Response>) => {
			const error = await answering(response)
				.transport.pull({ since: 0 })
				.catch((e: unknown) => e);
			expect(error).toBeInstanceOf(SyncTransportError);
			return { reason: (error as SyncTransportError).reason, message: (error as Error).message };
		};
		expect(await failure(() => new Response('', { status: 401 }))).toEqual({
			reason: 'signed-out',
			message: 'signed out'
		});
		expect(await failure(() => new Response('database down', { status: 503 }))).toEqual({
			reason: 'failed',
			message: '503 database down'
		});
		expect(
			await failure(() => {
				throw new TypeError('Failed to fetch');
			})
		).toEqual({ reason: 'offline', message: 'Failed to fetch' });
	});

	it('follows revisions from the event stream, and opens it again once the browser gave up', async () => {
		vi.useFakeTimers();
		try {
			const sources: FakeEventSource[] = [];
			class FakeEventSource extends EventTarget {
				readyState = 0;
				closed = false;
				constructor(readonly url: string) {
					super();
					sources.push(this);
				}
				close() {
					this.closed = true;
				}
			}
			const transport = new HttpTransport({
				EventSource: FakeEventSource as unknown as typeof EventSource,
				reconnectMs: 1_000
			});
			const revisions: number[] = [];
			const states: boolean[] = [];
			const stop = transport.subscribe(
				(revision) => revisions.push(revision),
				(open) => states.push(open)
			);
			const [source] = sources;
			expect(source!.url).toBe('/api/sync/events');
			source!.dispatchEvent(new Event('open'));
			source!.dispatchEvent(new MessageEvent('revision', { data: '{"revision":7}' }));
			source!.dispatchEvent(new MessageEvent('revision', { data: 'not json' }));
			source!.readyState = 2;
			source!.dispatchEvent(new Event('error'));
			expect([revisions, states, source!.closed]).toEqual([[7], [true, false], true]);
			vi.advanceTimersByTime(1_000);
			expect(sources).toHaveLength(2);
			stop();
			expect(sources[1]!.closed).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});
});
