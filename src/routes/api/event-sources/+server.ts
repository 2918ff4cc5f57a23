/**
 * GET /api/event-sources: the sources of product events, with their counts (the owner's).
 * POST /api/event-sources `{name}`: a new source; the answer holds its write key, shown this once.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { MAX_SOURCE_NAME } from '$lib/server/store/event-sources';

export const GET: RequestHandler = async (event) => {
	signedIn(event);
	const { store } = await mailServer();
	return json(
		{ sources: await store.eventSources.list() },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = (await event.request.json().catch(() => null)) as { name?: unknown } | null;
	const name = typeof body?.name === 'string' ? body.name.trim() : '';
	// eslint-disable-next-line no-control-regex
	if (name === '' || name.length > MAX_SOURCE_NAME || /[\u0000-\u001f\u007f]/.test(name))
		return json(
			{
				error: `name: expected one line of 1 to ${MAX_SOURCE_NAME} characters, e.g. "Segment (production)"`
			},
			{ status: 400 }
		);
	const { store } = await mailServer();
	const actor = actorOf(caller);
	const { source, writeKey } = await store.eventSources.create(name, actor);
	await store.audit.record(actor, 'events.source_create', source.id, { name });
	return json(
		{ source, write_key: writeKey },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
};
