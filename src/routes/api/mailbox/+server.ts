/**
 * GET /api/mailbox: the messages the local sink kept, newest first, and how the server sends
 * (through SMTP nothing new lands here).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { apiRefusal } from '$lib/server/guard';
import { mailServer } from '$lib/server/mail/server';

export const GET: RequestHandler = (event) => {
	const refusal = apiRefusal(event, mailServer().config.secret);
	if (refusal) return refusal;
	const { config, sink } = mailServer();
	const messages = sink.list();
	return json({
		transport: config.smtpUrl ? 'smtp' : 'sink',
		count: messages.length,
		messages
	});
};
