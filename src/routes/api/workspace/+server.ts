/**
 * The workspace published to the server. GET: what is published (its version, when, the daily
 * run hour) and how the server sends. PUT (the workspace JSON): publishes it, checked with the
 * same schema as an import, for the send API and the scheduled runs.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { apiRefusal } from '$lib/server/guard';
import { PublishError } from '$lib/server/mail/published';
import { mailServer } from '$lib/server/mail/server';
import { operatorOf, runHourOf, sendRefusal, senderOf } from '$lib/server/mail/service';

const MAX_WORKSPACE = 256 * 1024 * 1024;

function describe(origin: string) {
	const server = mailServer();
	const published = server.published.current();
	const sender = senderOf(server, published, origin);
	return {
		published: published && {
			version: published.version,
			published_at: published.published_at,
			accounts: published.workspace.accounts.length,
			plays: published.workspace.plays.length,
			daily_run_hour: runHourOf(published)
		},
		transport: server.config.smtpUrl ? 'smtp' : 'sink',
		from: sender.from,
		operator: operatorOf(server, sender),
		/** Why sending through SMTP is refused (the sender identity incomplete), or null. */
		refusal: sendRefusal(server, sender)
	};
}

export const GET: RequestHandler = async (event) => {
	const refusal = apiRefusal(event, mailServer().config.secret);
	if (refusal) return refusal;
	return json(describe(event.url.origin));
};

export const PUT: RequestHandler = async (event) => {
	const server = mailServer();
	const refusal = apiRefusal(event, server.config.secret);
	if (refusal) return refusal;
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_WORKSPACE) return json({ error: 'workspace too large' }, { status: 413 });
	const text = await event.request.text();
	try {
		server.published.publish(text);
	} catch (error) {
		if (error instanceof PublishError) return json({ error: error.message }, { status: 422 });
		throw error;
	}
	return json(describe(event.url.origin));
};
