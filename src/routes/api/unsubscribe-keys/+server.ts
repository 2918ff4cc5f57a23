/** GET /api/unsubscribe-keys (the owner's): when the key that signs unsubscribe links was made. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/caller';
import { unsubscribeKeys } from '$lib/server/mail/unsubscribe-keys';
import { keyStatus } from '$lib/server/mail/key-status';

export const GET: RequestHandler = async (event) => {
	signedIn(event);
	return json(keyStatus(await unsubscribeKeys()));
};
