/**
 * Deliveries (owner only, as the hook's route table says): the sends that failed or were
 * interrupted, each to retry, and the recent ones sent. The retry is the API's
 * (`$lib/server/deliveries`), recorded in the audit log.
 */
import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { app } from '$lib/server/app';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { deliveries, retryDelivery, retryRefusal } from '$lib/server/deliveries';
import type { Actions, PageServerLoad } from './$types';

const RECENT_SENT = 50;

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const { store } = await app();
	const now = new Date();
	// Each state read on its own, so a busy day's sends never push a failure off the page.
	const [failed, sending, sent] = await Promise.all([
		deliveries(store, now, 'failed'),
		deliveries(store, now, 'sending'),
		deliveries(store, now, 'sent', RECENT_SENT)
	]);
	const pending = [...failed, ...sending].sort((a, b) => b.at.localeCompare(a.at));
	return { pending, sent };
};

export const actions: Actions = {
	retry: async (event) => {
		const caller = signedIn(event);
		const key = (await event.request.formData()).get('key');
		if (typeof key !== 'string' || key === '')
			return fail(400, { message: t('deliveries.problem.missing') });
		const outcome = await retryDelivery((await app()).store, key, actorOf(caller), new Date());
		if (!outcome.ok) {
			const refusal = retryRefusal(outcome, key);
			return fail(refusal.status, { message: refusal.message });
		}
		return { retried: key };
	}
};
