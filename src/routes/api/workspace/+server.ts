/**
 * The team workspace as one file. GET: its revision, when and by whom it last changed, the daily
 * run hour, and how the server sends. PUT (a workspace file): replaces the workspace with it (a
 * restore, or a script's publish), checked with the same schema as an import and refused whole
 * when it changes records the caller's role may not change.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { PublishError, PublishRefused, type Published } from '$lib/server/store/published';
import { mailServer, type MailServer } from '$lib/server/mail/server';
import { operatorOf, runHourOf, sendRefusal, senderOf } from '$lib/server/mail/service';

const MAX_WORKSPACE = 256 * 1024 * 1024;

async function describe(server: MailServer, published: Published | null, origin: string) {
	const sender = await senderOf(server, published, origin);
	return {
		published: published && {
			version: published.version,
			published_at: published.published_at,
			published_by: published.published_by,
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
	const server = await mailServer();
	signedIn(event);
	return json(await describe(server, await server.store.published.current(), event.url.origin));
};

export const PUT: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_WORKSPACE) return json({ error: 'workspace too large' }, { status: 413 });
	const text = await event.request.text();
	let published: Published;
	try {
		published = await server.store.published.publish(text, actorOf(caller), caller.role);
	} catch (error) {
		if (error instanceof PublishError) return json({ error: error.message }, { status: 422 });
		if (error instanceof PublishRefused) return json({ error: error.message }, { status: 403 });
		throw error;
	}
	server.store.feed.announce(Number(published.version));
	await server.store.audit.record(actorOf(caller), 'publish', published.version, {
		accounts: published.workspace.accounts.length,
		plays: published.workspace.plays.length
	});
	return json(await describe(server, published, event.url.origin));
};
