import { expect, it } from 'vitest';
import { runPlan } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { replaceWorkspace } from '$lib/db/workspace';
import { planPlays, type Workspace } from '$lib/engine';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { postPendingWebhooks } from './webhooks';

it('posts queued webhooks through the server endpoint and records sent or failed, once', async () => {
	const db = testDatabase();
	const workspace: Workspace = {
		...exampleWorkspace(),
		plays: [
			{
				id: 'alert',
				name: 'Alert',
				enabled: true,
				mode: 'auto',
				when: true,
				actions: [
					{ type: 'webhook', url: 'https://hooks.example/x', body: { text: '{{ account.name }}' } }
				],
				cooldown_days: 7
			}
		]
	};
	await replaceWorkspace(db, workspace);
	await runPlan(db, planPlays({ workspace, asOf: '2026-11-02' }), {
		at: '2026-11-02T08:00:00Z',
		by: 'kim'
	});
	const requests: unknown[] = [];
	const send = (async (path: string, init: RequestInit) => {
		const body = JSON.parse(String(init.body));
		requests.push([path, body]);
		// Acme's hook succeeds after a retry on the server; Globex's is refused.
		return Response.json(
			body.body.text === 'Acme Ltd'
				? { ok: true, status: 200, attempts: 2 }
				: { ok: false, error: 'HTTP 404', attempts: 1 }
		);
	}) as typeof fetch;
	expect(await postPendingWebhooks(db, send)).toEqual({ sent: 1, failed: 1 });
	expect(requests).toEqual([
		['/api/webhooks', { url: 'https://hooks.example/x', body: { text: 'Acme Ltd' } }],
		['/api/webhooks', { url: 'https://hooks.example/x', body: { text: 'Globex' } }]
	]);
	const entries = await db.outbox.orderBy('account_id').toArray();
	expect(entries.map((e) => [e.account_id, e.status, e.attempts, e.error])).toEqual([
		['acme', 'sent', 2, undefined],
		['globex', 'failed', 1, 'HTTP 404']
	]);
	// Nothing is posted twice.
	expect(await postPendingWebhooks(db, send)).toEqual({ sent: 0, failed: 0 });
	expect(requests).toHaveLength(2);
});

it('records a refusal by the app server or a network failure as failed, never throwing', async () => {
	const db = testDatabase();
	const workspace: Workspace = {
		...exampleWorkspace(),
		plays: [
			{
				id: 'alert',
				name: 'Alert',
				enabled: true,
				mode: 'auto',
				when: true,
				actions: [{ type: 'webhook', url: 'https://hooks.example/x', body: {} }],
				cooldown_days: 7
			}
		]
	};
	await replaceWorkspace(db, workspace);
	await runPlan(db, planPlays({ workspace, asOf: '2026-11-02' }), {
		at: '2026-11-02T08:00:00Z',
		by: 'kim'
	});
	let calls = 0;
	const send = (async () => {
		calls += 1;
		if (calls === 1)
			return Response.json({ error: 'only the app itself may post webhooks' }, { status: 403 });
		throw new TypeError('Failed to fetch');
	}) as typeof fetch;
	expect(await postPendingWebhooks(db, send)).toEqual({ sent: 0, failed: 2 });
	const entries = await db.outbox.orderBy('account_id').toArray();
	expect(entries.map((e) => [e.status, e.attempts, e.error])).toEqual([
		['failed', 0, 'only the app itself may post webhooks'],
		['failed', 0, 'Failed to fetch']
	]);
});
