/** GET /api/mailbox/<id>: one message the local sink kept, with its raw source. */
import { json } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { mayRead } from '$lib/server/people/invite-mail';
import { mailServer } from '$lib/server/mail/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const message = await server.store.mailbox.get(event.params.id);
	if (!message || !mayRead(caller, message))
		return json({ error: `no message ${event.params.id}` }, { status: 404 });
	return json(message);
};
