/**
 * POST /api/webhooks `{ as_of, version, entries: [{ key, play_id, account_id, action_index }] }`:
 * posts the webhooks of these outbox entries from the server, exactly once each, and answers one
 * result per entry (`sent` with the host's `http_status`, `failed`, `retry`, `refused`). The
 * server posts an entry only when its own plan as of `as_of` holds that exact key as a planned
 * webhook (and an approve-mode one was approved by ops); the URL and the body are the plan's.
 * Hosts: those `WEBHOOK_HOSTS` lists when set, otherwise any public one; internal addresses never.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { isObject, readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { planIndex } from '$lib/server/mail/plan-check';
import { checkPlanRequest } from '$lib/server/mail/plan-request';
import { mailServer } from '$lib/server/mail/server';
import { serverPlan } from '$lib/server/mail/service';
import {
	deliverWebhooks,
	webhookRequestProblem,
	type WebhookRequest
} from '$lib/server/webhooks/deliver';
import { postWebhook } from '$lib/server/webhooks/post';

const MAX_ENTRIES = 50;
const SHAPE = 'expected { as_of, version, entries: [{ key, play_id, account_id, action_index }] }';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const server = await mailServer();
	const body = await readJson(event.request, 64 * 1024);
	if (!body.ok) return body.response;
	const input = body.value;
	if (!isObject(input) || !Array.isArray(input.entries))
		return json({ error: SHAPE }, { status: 400 });
	if (input.entries.length > MAX_ENTRIES)
		return json({ error: `entries: at most ${MAX_ENTRIES} per request` }, { status: 400 });
	for (const [i, entry] of input.entries.entries()) {
		const problem = webhookRequestProblem(entry);
		if (problem) return json({ error: `entries[${i}].${problem}` }, { status: 400 });
	}
	const checked = await checkPlanRequest(server, input);
	if (!checked.ok) return checked.response;
	const { asOf, published } = checked;
	const requests = (input.entries as WebhookRequest[]).map((e) => ({
		key: e.key,
		play_id: e.play_id,
		account_id: e.account_id,
		action_index: e.action_index
	}));
	const approved = await server.store.approvals.among(requests.map((r) => r.key));
	const results = await deliverWebhooks(requests, {
		plan: planIndex(await serverPlan(server, published, asOf)),
		approved: (key) => approved.has(key),
		ledger: server.store.ledger,
		post: (url, payload) => postWebhook(url, payload)
	});
	const counts: Record<string, number> = {};
	for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
	await server.store.audit.record(actorOf(caller), 'webhook', null, { as_of: asOf, ...counts });
	return json({ results });
};
