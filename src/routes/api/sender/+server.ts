/**
 * The sender identity the server sends as (Settings → Sender). GET: the saved identity, the
 * environment's defaults (`MAIL_FROM`, `PUBLIC_URL`), what messages carry now with every default
 * applied, and whether the server may send through SMTP with it. PUT (the identity as JSON):
 * checks and saves it; 422 with the problems by field when refused.
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { operatorOf, sendRefusal, senderOf } from '$lib/server/mail/service';

async function describe(event: RequestEvent) {
	const server = await mailServer();
	const sender = await senderOf(server, await server.store.published.current(), event.url.origin);
	return {
		identity: await server.store.sender.current(),
		mail_from: server.config.mailFrom,
		public_url: server.config.publicUrl,
		effective: sender,
		operator: operatorOf(server, sender),
		transport: server.config.smtpUrl ? 'smtp' : 'sink',
		refusal: sendRefusal(server, sender)
	};
}

export const GET: RequestHandler = async (event) => {
	signedIn(event);
	return json(await describe(event));
};

export const PUT: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const body = await readJson(event.request, 32 * 1024);
	if (!body.ok) return body.response;
	const saved = await server.store.sender.save(body.value, actorOf(caller));
	if (!saved.ok)
		return json(
			{
				error: saved.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
				errors: saved.errors
			},
			{ status: 422 }
		);
	await server.store.audit.record(actorOf(caller), 'settings.sender');
	return json(await describe(event));
};
