// @vitest-environment node
/**
 * The events API (`POST /api/v1/{call}`) and its sources (`/api/event-sources`): a source created by
 * the owner, its write key as Basic auth, a batch whose invalid events are named and whose resent
 * ones are stored once, the refusals (no key, a wrong or revoked key, a batch too large, a single
 * call that breaks the spec) and the rate a source is held to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingestion } from '$lib/server/events/ingest';
import type { Store } from '$lib/server/store/store';
import { call, freshServerEnv } from '../../../../tests/support/api';

let post: typeof import('./[call]/+server').POST;
let sources: typeof import('../event-sources/+server');
let revoke: typeof import('../event-sources/[id]/+server').DELETE;
let store: Store;

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

function send(callName: string, body: unknown, key: string | null) {
	return call(post, `/api/v1/${callName}`, {
		body: typeof body === 'string' ? body : JSON.stringify(body),
		origin: null,
		params: { call: callName },
		headers: key === null ? {} : { authorization: basic(key) }
	}).then(async (response) => ({
		status: response.status,
		headers: response.headers,
		body: await response.json()
	}));
}

async function newSource(name: string): Promise<{ id: string; key: string }> {
	const response = await call(sources.POST, '/api/event-sources', {
		body: JSON.stringify({ name })
	});
	expect(response.status).toBe(201);
	const answer = (await response.json()) as { source: { id: string }; write_key: string };
	return { id: answer.source.id, key: answer.write_key };
}

beforeAll(async () => {
	freshServerEnv();
	({ POST: post } = await import('./[call]/+server'));
	sources = await import('../event-sources/+server');
	({ DELETE: revoke } = await import('../event-sources/[id]/+server'));
	({ store } = await (await import('$lib/server/mail/server')).mailServer());
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

const track = (messageId: string, extra: Record<string, unknown> = {}) => ({
	type: 'track',
	messageId,
	userId: 'u-1',
	event: 'Report Exported',
	context: { groupId: 'acme' },
	timestamp: '2026-12-01T09:00:00.000Z',
	...extra
});

describe('/api/v1 and its sources', () => {
	it('stores a batch once, names the events it refused, and answers only after the commit', async () => {
		const { id, key } = await newSource('Segment (production)');
		const batch = {
			batch: [
				track('m-1'),
				{ type: 'track', messageId: 'm-2', event: 'Login' },
				{
					type: 'identify',
					messageId: 'm-3',
					userId: 'u-1',
					traits: { email: 'ana@acme.example' }
				},
				track('m-1')
			],
			sentAt: '2026-12-01T09:00:01.000Z'
		};
		const first = await send('batch', batch, key);
		expect(first).toMatchObject({
			status: 200,
			body: {
				success: true,
				accepted: 3,
				stored: 2,
				duplicates: 1,
				refused: [{ index: 1, messageId: 'm-2', reason: 'userId or anonymousId is required' }]
			}
		});
		expect(await store.productEvents.count(id)).toBe(2);
		// Sent again (a lost answer, a retry): nothing more is stored.
		expect((await send('batch', batch, key)).body).toMatchObject({ stored: 0, duplicates: 3 });
		expect(await store.productEvents.count(id)).toBe(2);
		const [row] = await store.database.query<{ group_id: string; event: string }>(
			"select group_id, event from product_event where message_id = 'm-1'"
		);
		expect(row).toEqual({ group_id: 'acme', event: 'Report Exported' });

		const listed = (await (await call(sources.GET, '/api/event-sources')).json()) as {
			sources: { id: string; name: string; events: number; key_hint: string }[];
		};
		expect(listed.sources).toContainEqual(
			expect.objectContaining({
				id,
				name: 'Segment (production)',
				events: 2,
				key_hint: key.slice(-4)
			})
		);
		expect(JSON.stringify(listed)).not.toContain(key);
	});

	it('refuses a request without a key, with a wrong or revoked key, too large, or a single event that breaks the spec', async () => {
		const { id, key } = await newSource('Backend');
		const none = await send('track', track('n-1'), null);
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toBe('Basic realm="Scorecraft events"');
		expect(await send('track', track('n-1'), 'sc_not-a-key')).toMatchObject({
			status: 401,
			body: {
				success: false,
				error: 'this write key is not a source of this server, or it was revoked'
			}
		});
		expect(await send('track', { ...track('n-1'), event: '' }, key)).toMatchObject({
			status: 400,
			body: { error: 'event is required for track' }
		});
		expect(await send('track', '{"userId":', key)).toMatchObject({
			status: 400,
			body: { error: 'the body is not JSON' }
		});
		const large = {
			batch: Array.from({ length: 600 }, (_, i) =>
				track(`big-${i}`, { properties: { note: 'x'.repeat(1000) } })
			)
		};
		expect(await send('batch', large, key)).toMatchObject({
			status: 400,
			body: { error: 'the request is larger than the 500 KB a batch may be' }
		});
		expect(await send('identify', { userId: 'u-9', messageId: 'n-2' }, key)).toMatchObject({
			status: 200,
			body: { stored: 1 }
		});
		expect(await send('purchase', track('n-3'), key)).toMatchObject({ status: 404 });

		const revoked = await call(revoke, `/api/event-sources/${id}`, {
			method: 'DELETE',
			params: { id }
		});
		expect(revoked.status).toBe(200);
		expect(await send('identify', { userId: 'u-9', messageId: 'n-4' }, key)).toMatchObject({
			status: 401
		});
		// Its events stay.
		expect(await store.productEvents.count(id)).toBe(1);
		const [entry] = await store.audit.list({ action: 'events.source_revoke' });
		expect(entry).toMatchObject({ subject: id, detail: { name: 'Backend' } });
	});

	it('holds a source to its rate, and says when to send again', async () => {
		const { key } = await newSource('Runaway');
		const slow = new Ingestion(store.eventSources, store.productEvents, { eventsPerSecond: 2 });
		const body = (...ids: string[]) =>
			new Response(JSON.stringify({ batch: ids.map((id) => track(id)) })).body;
		const request = (...ids: string[]) => ({
			call: 'batch',
			authorization: basic(key),
			contentLength: null,
			body: body(...ids)
		});
		const at = Date.parse('2026-12-03T12:00:00.000Z');
		expect((await slow.handle(request('r-1', 'r-2', 'r-3'), at)).status).toBe(200);
		const limited = await slow.handle(request('r-4', 'r-5'), at + 100);
		expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
		expect((await slow.handle(request('r-4', 'r-5'), at + 1_100)).status).toBe(200);
	});
});
