/** GET /api/unsubscribes: everyone who asked to stop automated emails, for the app to suppress. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { apiRefusal } from '$lib/server/guard';
import { mailServer } from '$lib/server/mail/server';

export const GET: RequestHandler = (event) => {
	const refusal = apiRefusal(event, mailServer().config.secret);
	if (refusal) return refusal;
	return json({ unsubscribes: mailServer().unsubscribes.all() });
};
