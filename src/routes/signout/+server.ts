/**
 * POST /signout (a form): ends this session, or with `everywhere=1` every session of the person
 * (other browsers and devices too), then goes to the sign-in page.
 */
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { signOut } from '$lib/server/auth/forms';

export const POST: RequestHandler = async (event) => {
	const form = await event.request.formData().catch(() => new FormData());
	await signOut(await app(), event, form.get('everywhere') === '1');
	redirect(303, '/signin');
};
