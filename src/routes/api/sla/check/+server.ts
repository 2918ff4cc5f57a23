/**
 * Checks the band playbooks now (the server also does every few minutes): the response tasks of
 * accounts that entered a band, and the escalations of overdue ones. Answers what it did. Ops and
 * the owner only (`access.ts`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { checkSlaNow } from '$lib/server/sla/schedule';

export const POST: RequestHandler = async (event) => {
	signedIn(event);
	return json(await checkSlaNow(event.url.origin), { headers: { 'cache-control': 'no-store' } });
};
