/**
 * The sign-in, set-up and invitation forms' server side. Each goes through better-auth; its
 * cookies are copied onto SvelteKit's response. Sign-in passes through better-auth's router
 * (`auth.handler`), so its throttle counts every attempt per client address.
 */
import { t } from '$lib/i18n/messages';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { App } from '../app';
import { SYSTEM } from '../store/audit';
import type { Role } from '../store/people';
import { headersWithClientAddress, withClientAddress } from './session';

export type FormOutcome = { ok: true; role: Role } | { ok: false; status: number; message: string };

/** Copies the `Set-Cookie` headers of better-auth's answer onto SvelteKit's response. */
export function forwardCookies(response: Response, cookies: Cookies): void {
	for (const line of response.headers.getSetCookie()) {
		const [pair, ...attributes] = line.split(';').map((part) => part.trim());
		const at = pair!.indexOf('=');
		const name = pair!.slice(0, at);
		const value = decodeURIComponent(pair!.slice(at + 1));
		const options: Parameters<Cookies['set']>[2] = { path: '/', httpOnly: false };
		for (const attribute of attributes) {
			const [key, raw = ''] = attribute.split('=');
			switch (key!.toLowerCase()) {
				case 'path':
					options.path = raw;
					break;
				case 'max-age':
					options.maxAge = Number(raw);
					break;
				case 'expires':
					options.expires = new Date(raw);
					break;
				case 'httponly':
					options.httpOnly = true;
					break;
				case 'secure':
					options.secure = true;
					break;
				case 'samesite':
					options.sameSite = raw.toLowerCase() as 'lax' | 'strict' | 'none';
					break;
			}
		}
		cookies.set(name, value, { ...options, encode: (text) => encodeURIComponent(text) });
	}
}

async function messageOf(response: Response, fallback: string): Promise<string> {
	try {
		const body = (await response.json()) as { message?: string };
		return body.message || fallback;
	} catch {
		return fallback;
	}
}

/** Signs in with email and password; the session cookie is set on success. */
export async function signIn(
	app: App,
	event: RequestEvent,
	email: string,
	password: string
): Promise<FormOutcome> {
	const request = new Request(new URL('/api/auth/sign-in/email', event.url), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: event.url.origin,
			'user-agent': event.request.headers.get('user-agent') ?? ''
		},
		body: JSON.stringify({ email, password, rememberMe: true })
	});
	const response = await app.auth.handler(withClientAddress(request, event.getClientAddress()));
	if (response.status === 429) {
		await app.store.audit.record({ id: null, email }, 'signin.throttled');
		return { ok: false, status: 429, message: t('server.signin.throttled') };
	}
	if (!response.ok) {
		await app.store.audit.record({ id: null, email }, 'signin.failed');
		return { ok: false, status: 400, message: t('server.signin.wrong') };
	}
	const { user } = (await response.json()) as { user: { id: string } };
	const role = await app.store.people.roleOf(user.id);
	if (!role) {
		await app.auth.api.signOut({ headers: sessionHeaders(response) });
		return { ok: false, status: 403, message: t('server.signin.removed') };
	}
	forwardCookies(response, event.cookies);
	await app.store.audit.record({ id: user.id, email }, 'signin');
	return { ok: true, role };
}

/** A request's headers holding the session cookie better-auth just set (to act as that session). */
function sessionHeaders(response: Response): Headers {
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	return new Headers({ cookie });
}

/** Creates a user through better-auth (its hook lets only the first one, or one invited, through). */
async function signUp(
	app: App,
	event: RequestEvent,
	name: string,
	email: string,
	password: string
): Promise<{ response: Response; id: string } | { message: string }> {
	let response: Response;
	try {
		response = await app.auth.api.signUpEmail({
			body: { name, email, password },
			headers: headersWithClientAddress(event.request.headers, event.getClientAddress()),
			asResponse: true
		});
	} catch (error) {
		return { message: (error as Error).message };
	}
	if (!response.ok) return { message: await messageOf(response, t('server.signup.failed')) };
	const { user } = (await response.clone().json()) as { user: { id: string } };
	return { response, id: user.id };
}

/** The first start: creates the owner, signed in at once. */
export async function setUpOwner(
	app: App,
	event: RequestEvent,
	name: string,
	email: string,
	password: string
): Promise<FormOutcome> {
	if ((await app.store.people.count()) > 0)
		return { ok: false, status: 409, message: t('server.setup.ownerExists') };
	const created = await signUp(app, event, name, email, password);
	if ('message' in created) return { ok: false, status: 400, message: created.message };
	if (!(await app.store.people.makeOwner(created.id))) {
		// Someone else set up the team a moment before: this account takes no part.
		await app.store.database.query('delete from "auth_user" where id = $1', [created.id]);
		return { ok: false, status: 409, message: t('server.setup.ownerExists') };
	}
	forwardCookies(created.response, event.cookies);
	await app.store.audit.record({ id: created.id, email }, 'setup', email);
	return { ok: true, role: 'owner' };
}

/** Accepts an invitation: creates the person with the invitation's email and role, signed in. */
export async function acceptInvitation(
	app: App,
	event: RequestEvent,
	token: string,
	name: string,
	password: string
): Promise<FormOutcome> {
	const invitation = await app.store.people.invitation(token);
	if (!invitation)
		return {
			ok: false,
			status: 410,
			message: t('server.invite.invalid')
		};
	if (await app.store.people.byEmail(invitation.email))
		return { ok: false, status: 409, message: t('server.invite.accountExists') };
	const created = await signUp(app, event, name, invitation.email, password);
	if ('message' in created) return { ok: false, status: 400, message: created.message };
	const role = await app.store.people.accept(invitation.id, created.id);
	if (!role) {
		await app.store.database.query('delete from "auth_user" where id = $1', [created.id]);
		return {
			ok: false,
			status: 410,
			message: t('server.invite.invalid')
		};
	}
	forwardCookies(created.response, event.cookies);
	await app.store.audit.record(
		{ id: created.id, email: invitation.email },
		'invite.accept',
		invitation.email,
		{ role }
	);
	return { ok: true, role };
}

/** Signs out this session, or every session of the person (`everywhere`). */
export async function signOut(app: App, event: RequestEvent, everywhere: boolean): Promise<void> {
	const caller = event.locals.caller;
	const headers = event.request.headers;
	if (everywhere) await app.auth.api.revokeSessions({ headers });
	const response = await app.auth.api.signOut({ headers, asResponse: true });
	forwardCookies(response, event.cookies);
	await app.store.audit.record(
		caller ? { id: caller.id, email: caller.email } : SYSTEM,
		everywhere ? 'signout.everywhere' : 'signout'
	);
}
