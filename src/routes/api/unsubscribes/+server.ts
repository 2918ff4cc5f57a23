/** GET /api/unsubscribes: everyone who asked to stop automated emails, for the app to suppress. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	signedIn(event);
	return json({ unsubscribes: await server.store.unsubscribes.all() });
};
