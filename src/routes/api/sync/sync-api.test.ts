// @vitest-environment node
/**
 * The sync endpoints as a browser calls them: pages of records from a revision, a push whose
 * groups are committed or refused one by one (and audited), the live stream that tells of each
 * new revision, and bad requests answered with what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullPage, PushResponse } from '$lib/sync/protocol';
import { call, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';
import { exampleWorkspace } from '../../../../tests/support/workspace';

let pull: typeof import('./+server').GET;
let push: typeof import('./+server').POST;
let events: typeof import('./events/+server').GET;
let publish: typeof import('../workspace/+server').PUT;

const leader = {
	...TEST_OWNER,
	id: '00000000-0000-4000-8000-000000000002',
	email: 'lea@app.example',
	role: 'leader' as const
};
const viewer = {
	...TEST_OWNER,
	id: '00000000-0000-4000-8000-000000000003',
	email: 'val@app.example',
	role: 'viewer' as const
};

beforeAll(async () => {
	freshServerEnv();
	({ GET: pull, POST: push } = await import('./+server'));
	({ GET: events } = await import('./events/+server'));
	({ PUT: publish } = await import('../workspace/+server'));
	const published = await call(publish, '/api/workspace', {
		method: 'PUT',
		body: JSON.stringify(exampleWorkspace())
	});
	expect(published.status).toBe(200);
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

async function pullFrom(query: string): Promise<PullPage> {
	const response = await call(pull, `/api/sync?${query}`);
	expect(response.status).toBe(200);
	return response.json();
}

describe('/api/sync', () => {
	it('pages the workspace for a new browser, then answers only what changed, and tells the live stream', async () => {
		const first = await pullFrom('since=0&limit=4');
		expect(first.changes).toHaveLength(4);
		expect(first.total).toBe(10);
		const rest = await pullFrom(`cursor=${first.cursor}&limit=100`);
		expect(rest.cursor).toBeNull();
		expect([...first.changes, ...rest.changes].map((c) => c.kind)).toContain('settings');

		// A live stream opens with the head, then hears of the leader's publish.
		const stream = await call(events, '/api/sync/events');
		expect(stream.headers.get('content-type')).toBe('text/event-stream');
		const reader = stream.body!.getReader();
		const next = async () => new TextDecoder().decode((await reader.read()).value);
		expect(await next()).toBe(`event: revision\ndata: {"revision":${rest.revision}}\n\n`);

		const card = { ...exampleWorkspace().scorecards[0]!, name: 'Scale, published by Lea' };
		const response = await call(push, '/api/sync', {
			caller: leader,
			body: JSON.stringify({
				client: 'lea-browser',
				groups: [
					{
						id: 'publish-1',
						base: rest.revision,
						changes: [
							{ kind: 'scorecards', id: card.id, body: card },
							{
								kind: 'scorecardVersions',
								id: JSON.stringify([card.id, 2]),
								body: {
									scorecard_id: card.id,
									version: 2,
									scorecard: card,
									published_at: '2026-03-01T09:00:00.000Z',
									published_by: 'Lea'
								}
							}
						]
					}
				]
			})
		});
		expect(response.status).toBe(200);
		const { results } = (await response.json()) as PushResponse;
		expect(results).toEqual([
			{ group: 'publish-1', status: 'applied', revision: rest.revision + 1 }
		]);
		expect(await next()).toBe(`event: revision\ndata: {"revision":${rest.revision + 1}}\n\n`);
		await reader.cancel();

		const after = await pullFrom(`since=${rest.revision}`);
		expect(after.changes.map((c) => `${c.kind} ${c.id}`)).toEqual([
			'scorecards scale',
			'scorecardVersions ["scale",2]'
		]);
		const { app } = await import('$lib/server/app');
		const [audit] = await (await app()).store.audit.list({ limit: 1 });
		expect(audit).toMatchObject({
			actor_email: 'lea@app.example',
			action: 'publish',
			subject: 'scorecard scale version 2'
		});
	});

	it("refuses a viewer's change with the reason and what the server holds, and changes nothing", async () => {
		const { revision } = await pullFrom('since=0&limit=1');
		const play = { ...exampleWorkspace().plays[0]!, enabled: false };
		const response = await call(push, '/api/sync', {
			caller: viewer,
			body: JSON.stringify({
				client: 'val-browser',
				groups: [{ id: 'g', base: revision, changes: [{ kind: 'plays', id: play.id, body: play }] }]
			})
		});
		const { results } = (await response.json()) as PushResponse;
		expect(results[0]).toMatchObject({
			status: 'refused',
			reason: 'changing plays takes the ops role (yours: viewer)',
			records: [{ kind: 'plays', id: play.id, body: { enabled: true } }]
		});
	});

	it('answers a bad request with what is wrong', async () => {
		const bad = async (body: string) => {
			const response = await call(push, '/api/sync', { body });
			expect(response.status).toBe(400);
			return (await response.json()).error;
		};
		expect(await bad('{')).toBe('not JSON');
		expect(await bad('{"client":"c","groups":[{"id":"g","base":-1,"changes":[]}]}')).toBe(
			'groups[0].base: expected a revision (an integer >= 0)'
		);
		expect(
			await bad(
				'{"client":"c","groups":[{"id":"g","base":0,"changes":[{"kind":"people","id":"x","body":{}}]}]}'
			)
		).toBe('groups[0].changes[0]: expected {kind, id, body}');
		expect((await call(pull, '/api/sync?since=-2')).status).toBe(400);
		expect(await (await call(pull, '/api/sync?cursor=nonsense')).json()).toEqual({
			error: 'not a cursor this server gave: "nonsense"'
		});
	});
});
