/**
 * GET /api/mailbox: the messages the local sink kept, newest first, how the server sends (through
 * SMTP nothing new lands here), and the public URL messages' links are made with now (the page
 * shows links to it at its own address).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { apiRefusal } from '$lib/server/guard';
import { mailServer } from '$lib/server/mail/server';
import { senderOf } from '$lib/server/mail/service';

export const GET: RequestHandler = (event) => {
	const refusal = apiRefusal(event, mailServer().config.secret);
	if (refusal) return refusal;
	const { config, sink } = mailServer();
	const messages = sink.list();
	return json({
		transport: config.smtpUrl ? 'smtp' : 'sink',
		public_url: senderOf(mailServer(), undefined, event.url.origin).public_url,
		count: messages.length,
		messages
	});
};
