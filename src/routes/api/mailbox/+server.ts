/**
 * GET /api/mailbox: the messages the local sink kept, newest first, how the server sends (through
 * SMTP nothing new lands here), and the public URL messages' links are made with now (the page
 * shows links to it at its own address).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { senderOf } from '$lib/server/mail/service';
import { mayRead } from '$lib/server/people/invite-mail';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const messages = (await server.store.mailbox.list()).filter((message) =>
		mayRead(caller, message)
	);
	const sender = await senderOf(server, await server.store.published.current(), event.url.origin);
	return json({
		transport: server.config.smtpUrl ? 'smtp' : 'sink',
		public_url: sender.public_url,
		count: messages.length,
		messages
	});
};
