/**
 * Who is calling, in a handler: the server's hook has set it and checked the route's roles
 * (`access.ts`); a handler reached without a caller (a hook bypassed) refuses rather than guess.
 */
import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import type { Actor } from '../store/audit';
import type { Caller } from './access';

export function signedIn(event: { locals: App.Locals }): Caller {
	const caller = event.locals.caller;
	if (!caller) error(401, t('server.signIn'));
	return caller;
}

export const actorOf = (caller: Caller): Actor => ({ id: caller.id, email: caller.email });
