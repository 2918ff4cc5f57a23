/**
 * Who may call the app's API: its own pages. A request must come from the app's origin (the
 * browser's `Origin`, or `Sec-Fetch-Site: same-origin`) and carry the session cookie
 * the server sets on its pages, holding the server's secret. Other sites cannot forge either;
 * a script elsewhere on the machine would need the secret file.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'scorecraft_token';

function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** Sets the session cookie on a page response (never readable by scripts, never sent cross-site). */
export function setTokenCookie(cookies: Cookies, secret: string, secure: boolean): void {
	if (cookies.get(TOKEN_COOKIE) === secret) return;
	cookies.set(TOKEN_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

/** null when the request may go on; otherwise the refusal to answer with. */
export function apiRefusal(
	event: Pick<RequestEvent, 'request' | 'url' | 'cookies'>,
	secret: string
): Response | null {
	const { request, url } = event;
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	// `Sec-Fetch-Site` is set by the browser itself (a page cannot forge it): it vouches for the
	// app's own pages even when the server is reached under another name than its ORIGIN.
	const sameOrigin = origin === url.origin || site === 'same-origin';
	if (!sameOrigin)
		return Response.json({ error: 'only the app itself may call this' }, { status: 403 });
	const token = event.cookies.get(TOKEN_COOKIE) ?? request.headers.get('x-scorecraft-token') ?? '';
	if (!sameSecret(token, secret))
		return Response.json(
			{ error: 'missing or wrong session token: reload the app' },
			{ status: 403 }
		);
	return null;
}
