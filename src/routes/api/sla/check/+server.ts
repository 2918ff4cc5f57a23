/**
 * Checks the band playbooks now (the server also does every few minutes): the response tasks of
 * accounts that entered a band, and the escalations of overdue ones. Answers what it did.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { checkSlaNow } from '$lib/server/sla/schedule';

export const POST: RequestHandler = async (event) => {
	return json(await checkSlaNow(event.url.origin), { headers: { 'cache-control': 'no-store' } });
};
