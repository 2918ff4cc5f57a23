/**
 * POST /api/approvals `{ as_of, version, keys: [...] }`: the caller (ops or the owner) approves
 * these approve-mode entries of the server's plan, so the send API may send them. Answers the keys
 * approved, and each refused key with why (not in today's plan, not planned, not approve-mode).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { isObject, readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { planIndex } from '$lib/server/mail/plan-check';
import { checkPlanRequest } from '$lib/server/mail/plan-request';
import { mailServer } from '$lib/server/mail/server';
import { serverPlan } from '$lib/server/mail/service';

const MAX_KEYS = 1000;

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const server = await mailServer();
	const body = await readJson(event.request, 256 * 1024);
	if (!body.ok) return body.response;
	const input = body.value;
	if (
		!isObject(input) ||
		!Array.isArray(input.keys) ||
		!input.keys.every((k) => typeof k === 'string')
	)
		return json({ error: 'expected { as_of, version, keys: [...] }' }, { status: 400 });
	if (input.keys.length > MAX_KEYS)
		return json({ error: `keys: at most ${MAX_KEYS} per request` }, { status: 400 });
	const checked = await checkPlanRequest(server, input);
	if (!checked.ok) return checked.response;
	const { asOf, published } = checked;
	const plan = planIndex(await serverPlan(server, published, asOf));
	const approved: string[] = [];
	const refused: { key: string; error: string }[] = [];
	for (const key of input.keys as string[]) {
		const entry = plan.get(key);
		if (!entry) refused.push({ key, error: "not in the server's plan for this date" });
		else if (entry.status !== 'planned')
			refused.push({ key, error: `suppressed (${entry.suppression})` });
		else if (entry.mode !== 'approve')
			refused.push({ key, error: 'its play does not ask for approval' });
		else approved.push(key);
	}
	await server.store.approvals.approve(approved, actorOf(caller));
	if (approved.length > 0)
		await server.store.audit.record(actorOf(caller), 'approve', null, {
			keys: approved.length,
			as_of: asOf
		});
	return json({ approved, refused });
};
