/**
 * POST /api/unsubscribe-keys/rotate (the owner's): new links are signed with a fresh key; links
 * already in inboxes keep working through the old key's grace period. Answers as the GET does.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { rotate } from '$lib/server/mail/unsubscribe-keys';
import { keyStatus } from '$lib/server/mail/key-status';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const { config, store } = await app();
	const ring = rotate(config.dataDir);
	await store.audit.record(actorOf(caller), 'settings.unsubscribe_key', null, { rotated: true });
	return json(keyStatus(ring));
};
