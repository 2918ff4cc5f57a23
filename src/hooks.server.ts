import type { Handle, ServerInit } from '@sveltejs/kit';
import { setTokenCookie } from '$lib/server/guard';
import { mailServer } from '$lib/server/mail/server';
import { startSchedule } from '$lib/server/mail/service';

/** The daily run of the published plays starts with the server. */
export const init: ServerInit = () => {
	startSchedule();
};

/** Pages get the session cookie that the API asks for (see `guard.ts`). */
export const handle: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	if (!path.startsWith('/api/') && !path.startsWith('/unsubscribe/'))
		setTokenCookie(event.cookies, mailServer().config.secret, event.url.protocol === 'https:');
	return resolve(event);
};
