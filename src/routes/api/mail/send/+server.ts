/**
 * POST /api/mail/send `{ as_of, version, entries: [{ key, play_id, account_id, action_index,
 * recipient, contact_id }] }`: sends the emails of these outbox entries, exactly once each, and
 * answers one result per entry (`sent`, `failed`, `retry`, `suppressed`, `refused`). The server
 * sends an entry only when its own plan as of `as_of` (today, give or take a day) holds that exact
 * key as a planned email (`plan-check.ts`); it renders the message itself.
 * 409 when the app's workspace is not the published one (publish, then ask again); 412 when the
 * server sends through SMTP and the sender identity is incomplete (the answer says what to set).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { isObject, readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import {
	Deliverer,
	requestProblem,
	type DeliveryRequest,
	type DeliveryResult
} from '$lib/server/mail/deliver';
import { checkAgainstPlan, planIndex } from '$lib/server/mail/plan-check';
import { checkPlanRequest } from '$lib/server/mail/plan-request';
import { mailServer } from '$lib/server/mail/server';
import { deliveryOptions, sendRefusal, senderOf, serverPlan } from '$lib/server/mail/service';

const MAX_ENTRIES = 200;

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const body = await readJson(event.request, 512 * 1024);
	if (!body.ok) return body.response;
	const input = body.value;
	if (!isObject(input) || !Array.isArray(input.entries))
		return json({ error: 'expected { as_of, version, entries: [...] }' }, { status: 400 });
	if (input.entries.length > MAX_ENTRIES)
		return json({ error: `entries: at most ${MAX_ENTRIES} per request` }, { status: 400 });
	for (const [i, entry] of input.entries.entries()) {
		const problem = requestProblem(entry);
		if (problem) return json({ error: `entries[${i}].${problem}` }, { status: 400 });
	}
	const checked = await checkPlanRequest(server, input);
	if (!checked.ok) return checked.response;
	const { asOf, published } = checked;
	const sender = await senderOf(server, published, event.url.origin);
	const incomplete = sendRefusal(server, sender);
	if (incomplete)
		return json(
			{ error: incomplete, code: 'sender_incomplete', missing: sender.missing },
			{ status: 412 }
		);
	const deliverer = new Deliverer({
		...deliveryOptions(server, published, sender),
		asOf
	});
	const requests = (input.entries as DeliveryRequest[]).map((e) => ({
		key: e.key,
		play_id: e.play_id,
		account_id: e.account_id,
		action_index: e.action_index,
		recipient: e.recipient,
		...(e.contact_id ? { contact_id: e.contact_id } : {})
	}));
	const plan = planIndex(await serverPlan(server, published, asOf));
	const approved = await server.store.approvals.among(requests.map((r) => r.key));
	const results: DeliveryResult[] = new Array(requests.length);
	const accepted: number[] = [];
	for (const [i, request] of requests.entries()) {
		// A key the ledger settled already is answered from it (nothing is sent again).
		const recorded = await server.store.ledger.get(request.key);
		const verdict = recorded ? null : checkAgainstPlan(plan, request, (key) => approved.has(key));
		if (verdict && !verdict.ok)
			results[i] = { key: request.key, status: 'refused', error: verdict.error };
		else accepted.push(i);
	}
	const delivered = await deliverer.deliverAll(accepted.map((i) => requests[i]!));
	accepted.forEach((i, n) => (results[i] = delivered[n]!));
	const counts: Record<string, number> = {};
	for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
	await server.store.audit.record(actorOf(caller), 'send', null, { as_of: asOf, ...counts });
	return json({ results });
};
