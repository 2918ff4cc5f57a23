/** DELETE /api/event-sources/{id}: revokes a source's write key (the owner's); its events stay. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DELETE: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const id = event.params.id ?? '';
	const { store } = await mailServer();
	const source = UUID.test(id) ? await store.eventSources.revoke(id) : null;
	if (!source) return json({ error: 'no such source' }, { status: 404 });
	await store.audit.record(actorOf(caller), 'events.source_revoke', source.id, {
		name: source.name
	});
	return json({ source });
};
