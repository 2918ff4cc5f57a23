/**
 * POST /api/webhooks `{ url, body }`: posts a play's webhook from the server (pages cannot reach
 * most webhook hosts across origins) and answers with the outcome. Ops and the owner may ask
 * (`access.ts`). Hosts: those `WEBHOOK_HOSTS` lists when set, otherwise any public one; internal
 * addresses never (`webhook.ts`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { postWebhook, webhookHostProblem, webhookUrlProblem } from '$lib/server/webhook';

const MAX_BODY = 64 * 1024;

export const POST: RequestHandler = async (event) => {
	const { request } = event;
	signedIn(event);
	const text = await request.text();
	if (text.length > MAX_BODY) return json({ error: 'request too large' }, { status: 413 });
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch {
		return json({ error: 'expected a JSON object { url, body }' }, { status: 400 });
	}
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return json({ error: 'expected a JSON object { url, body }' }, { status: 400 });
	const { url: target, body } = input as { url?: unknown; body?: unknown };
	const problem =
		webhookUrlProblem(target) ?? webhookHostProblem(target as string, process.env.WEBHOOK_HOSTS);
	if (problem) return json({ error: problem }, { status: 400 });
	if (body === undefined) return json({ error: 'body: expected a JSON value' }, { status: 400 });
	return json(await postWebhook(target as string, body));
};
