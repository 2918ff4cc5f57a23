/** GET /api/mailbox/<id>: one message the local sink kept, with its raw source. */
import { json } from '@sveltejs/kit';
import { apiRefusal } from '$lib/server/guard';
import { mailServer } from '$lib/server/mail/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const refusal = apiRefusal(event, mailServer().config.secret);
	if (refusal) return refusal;
	const message = mailServer().sink.get(event.params.id);
	if (!message) return json({ error: `no message ${event.params.id}` }, { status: 404 });
	return json(message);
};
