// @vitest-environment node
/**
 * The app posting its outbox's webhooks through its server, in one process: a browser's replica
 * of the team workspace on fake-indexeddb, the real endpoints, a real HTTP host on 127.0.0.1. The page names entries; the
 * server posts what its own plan says, once; each entry records the answer.
 */
import { afterAll, afterEach, beforeAll, expect, it, onTestFinished } from 'vitest';
import { runPlan, type ScorecraftDatabase } from '$lib/db';
import { planPlays, type Workspace } from '$lib/engine';
import { appFetch, freshServerEnv } from '../../../../tests/support/api';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { closeHooks, hook } from '../../../../tests/support/hooks';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { MailApi } from '../mail/api';
import { postPendingWebhooks } from './webhooks';

const AS_OF = '2026-03-01';
let api: MailApi;
let serverFetch: typeof fetch;

beforeAll(async () => {
	freshServerEnv({ WEBHOOK_ALLOW_INTERNAL: '1' });
	serverFetch = await appFetch();
	api = new MailApi(serverFetch);
});

afterEach(closeHooks);

afterAll(async () => {
	delete process.env.WEBHOOK_ALLOW_INTERNAL;
	await (await import('$lib/server/mail/service')).resetMailService();
});

/** The team's workspace with one webhook play, and a browser whose run of it queued its entries. */
async function queued(url: string): Promise<ScorecraftDatabase> {
	const workspace: Workspace = {
		...exampleWorkspace(),
		plays: [
			{
				id: 'alert',
				name: 'Alert',
				enabled: true,
				mode: 'auto',
				when: true,
				actions: [{ type: 'webhook', url, body: { text: '{{ account.name }}' } }],
				cooldown_days: 7
			}
		]
	};
	await publishTo(serverFetch, workspace);
	const replica = await replicaOf(serverFetch);
	onTestFinished(() => replica.stop());
	const db = replica.db;
	await runPlan(db, planPlays({ workspace, asOf: AS_OF }), { at: `${AS_OF}T08:00:00Z`, by: 'kim' });
	return db;
}

it('posts queued webhooks through the server from its plan, records sent or failed, once', async () => {
	// Acme's first try meets a 500 (the server tries again); Globex's, a 404.
	let acmeTries = 0;
	const target = await hook((body) =>
		(body as { text: string }).text === 'Globex' ? 404 : ++acmeTries === 1 ? 500 : 200
	);
	const db = await queued(target.url);
	// What the page holds is not what is posted: the server posts its own plan's URL and body.
	await db.outbox.toCollection().modify((entry) => {
		if (entry.detail.type === 'webhook') entry.detail.url = 'http://127.0.0.1:1/elsewhere';
	});
	expect(await postPendingWebhooks(db, api, AS_OF)).toEqual({ sent: 1, failed: 1 });
	expect(target.bodies).toHaveLength(3);
	expect(target.bodies).toEqual(
		expect.arrayContaining([{ text: 'Acme Ltd' }, { text: 'Acme Ltd' }, { text: 'Globex' }])
	);
	const entries = await db.outbox.orderBy('account_id').toArray();
	expect(entries.map((e) => [e.account_id, e.status, e.attempts, e.error])).toEqual([
		['acme', 'sent', 2, undefined],
		['globex', 'failed', 1, 'HTTP 404']
	]);
	// Nothing is posted twice.
	expect(await postPendingWebhooks(db, api, AS_OF)).toEqual({ sent: 0, failed: 0 });
	expect(target.bodies).toHaveLength(3);
});

it('records a server that cannot be reached as failed, never throwing', async () => {
	const target = await hook();
	const db = await queued(target.url);
	const offline = new MailApi((async () => {
		throw new TypeError('Failed to fetch');
	}) as typeof fetch);
	expect(await postPendingWebhooks(db, offline, AS_OF)).toEqual({ sent: 0, failed: 2 });
	const entries = await db.outbox.orderBy('account_id').toArray();
	expect(entries.map((e) => [e.status, e.attempts, e.error])).toEqual([
		['failed', 0, 'the server cannot be reached: Failed to fetch'],
		['failed', 0, 'the server cannot be reached: Failed to fetch']
	]);
	expect(target.bodies).toEqual([]);
});
