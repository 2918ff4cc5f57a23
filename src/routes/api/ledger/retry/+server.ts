/**
 * POST /api/ledger/retry `{ key }` (the owner's): forgets a failed or interrupted send so the next
 * run sends it again; 404 when the key is unknown or was sent, 409 while it is being sent.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { isObject, readJson } from '$lib/server/api';
import { app } from '$lib/server/app';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { retryDelivery, retryRefusal } from '$lib/server/deliveries';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = await readJson(event.request, 4096);
	if (!body.ok) return body.response;
	const key = isObject(body.value) ? body.value.key : undefined;
	if (typeof key !== 'string' || key === '')
		return json({ error: t('deliveries.problem.missing') }, { status: 400 });
	const { store } = await app();
	const outcome = await retryDelivery(store, key, actorOf(caller), new Date());
	if (!outcome.ok) {
		const refusal = retryRefusal(outcome, key);
		return json({ error: refusal.message }, { status: refusal.status });
	}
	return json({ retried: outcome.record });
};
