/**
 * GET /api/catalogue: the feature catalogue as the Product usage page shows it: the features, the
 * rules, the events seen (most frequent first, each mapped or not), the usage settings and the
 * last day rolled up (null before the first).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { latestRollup } from '$lib/server/events/rollup-days';
import { mailServer } from '$lib/server/mail/server';

export const GET: RequestHandler = async (event) => {
	signedIn(event);
	const { store } = await mailServer();
	const { catalogue } = store;
	const [features, rules, events, settings, last_rollup] = await Promise.all([
		catalogue.features(),
		catalogue.rules(),
		catalogue.seenEvents(),
		catalogue.settings(),
		latestRollup(store.database)
	]);
	return json(
		{ features, rules, events, settings, last_rollup },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
