/**
 * GET /api/ledger `?state=failed|sending|sent`: the send ledger's records (the owner's), newest
 * first, each saying whether it may be retried (`POST /api/ledger/retry`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { signedIn } from '$lib/server/auth/caller';
import { deliveries, isLedgerState, LEDGER_STATES } from '$lib/server/deliveries';

export const GET: RequestHandler = async (event) => {
	signedIn(event);
	const state = event.url.searchParams.get('state');
	if (state !== null && !isLedgerState(state))
		return json({ error: `state: expected ${LEDGER_STATES.join(', ')}` }, { status: 400 });
	const { store } = await app();
	return json({ records: await deliveries(store, new Date(), state ?? undefined) });
};
