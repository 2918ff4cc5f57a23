/**
 * From a request to who is calling: the session cookie, checked by better-auth against the
 * database, and the person's role. A session of someone without a role (removed from the team)
 * counts as nobody.
 */
import type { App } from '../app';
import type { Caller } from './access';
import { CLIENT_ADDRESS_HEADER } from './auth';

export async function callerOf(app: App, headers: Headers): Promise<Caller | null> {
	const session = await app.auth.api.getSession({ headers });
	if (!session) return null;
	const membership = await app.store.people.membershipOf(session.user.id);
	if (!membership) return null;
	const { id, email, name } = session.user;
	return { id, email, name, role: membership.role, locale: membership.locale };
}

/**
 * The request as better-auth should see it: the connecting address in our own header (sign-in
 * attempts are throttled per address), any copy a client sent dropped first.
 */
export function withClientAddress(request: Request, address: string): Request {
	return new Request(request, { headers: headersWithClientAddress(request.headers, address) });
}

/** The same, for a request whose body was read already (a form): its headers only. */
export function headersWithClientAddress(headers: Headers, address: string): Headers {
	const copy = new Headers(headers);
	copy.set(CLIENT_ADDRESS_HEADER, address);
	return copy;
}

/** The better-auth endpoints a browser may reach; everything else of it answers 404. */
export const AUTH_PATHS = new Set([
	'/api/auth/sign-in/email',
	'/api/auth/sign-out',
	'/api/auth/get-session',
	'/api/auth/revoke-sessions',
	'/api/auth/change-password'
]);
