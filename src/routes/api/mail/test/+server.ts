/**
 * POST /api/mail/test `{ template: { id, subject, mjml }, context }`: renders a template being
 * edited for the recipient chosen on the template page and sends it to the operator
 * (`OPERATOR_EMAIL`, else the sender's From address), never anywhere else: the body may be
 * anything, the address is not the request's to choose. The sender's part of the context (name,
 * postal address, links, logo) is the server's own, as in the messages customers get.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import {
	compileTemplate,
	renderMail,
	senderContext,
	TemplateError,
	type MailContext
} from '$lib/mail';
import { isObject, readJson } from '$lib/server/api';
import { signedIn } from '$lib/server/auth/caller';
import { renderMjml } from '$lib/server/mail/mjml';
import { mailServer } from '$lib/server/mail/server';
import { operatorOf, sendRefusal, senderOf, transportOf } from '$lib/server/mail/service';
import { SendFailure } from '$lib/server/mail/transport';

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	signedIn(event);
	const body = await readJson(event.request, 256 * 1024);
	if (!body.ok) return body.response;
	const input = body.value;
	if (!isObject(input) || !isObject(input.template) || !isObject(input.context))
		return json(
			{ error: 'expected { template: { id, subject, mjml }, context }' },
			{ status: 400 }
		);
	const { id, subject, mjml } = input.template;
	if (typeof id !== 'string' || typeof subject !== 'string' || typeof mjml !== 'string')
		return json({ error: 'template: expected id, subject and mjml as text' }, { status: 400 });
	const sender = await senderOf(server, await server.store.published.current(), event.url.origin);
	const incomplete = sendRefusal(server, sender);
	if (incomplete)
		return json(
			{ error: incomplete, code: 'sender_incomplete', missing: sender.missing },
			{ status: 412 }
		);
	const compiled = compileTemplate({ id, subject, mjml });
	if (!compiled.ok)
		return json({ error: new TemplateError(id, compiled.problems).message }, { status: 422 });
	const context = {
		...(input.context as unknown as MailContext),
		...senderContext(sender)
	};
	let rendered;
	try {
		rendered = await renderMail(compiled.compiled, context, renderMjml);
	} catch (error) {
		return json({ error: (error as Error).message }, { status: 422 });
	}
	const operator = operatorOf(server, sender);
	const domain = operator.split('@')[1] ?? 'localhost';
	try {
		const sent = await transportOf(server).send({
			key: null,
			from: sender.from,
			to: operator,
			replyTo: sender.reply_to,
			subject: `[Test] ${rendered.subject}`,
			html: rendered.html,
			text: rendered.text,
			messageId: `<test-${randomBytes(12).toString('hex')}@${domain}>`,
			headers: { 'Auto-Submitted': 'auto-generated', 'X-Scorecraft-Test': 'yes' },
			test: true,
			publicUrl: sender.public_url
		});
		return json({ to: operator, message_id: sent.messageId });
	} catch (error) {
		const message = error instanceof SendFailure ? error.message : String(error);
		return json({ error: `the test did not go out: ${message}` }, { status: 502 });
	}
};
