import { json, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { app } from '$lib/server/app';
import { authorize } from '$lib/server/auth/access';
import { AUTH_PATHS, callerOf, withClientAddress } from '$lib/server/auth/session';
import { startSchedule } from '$lib/server/mail/service';
import { startSlaChecks } from '$lib/server/sla/schedule';
import { startUsageRollups } from '$lib/server/events/usage-job';
import { inLocale, localeOfRequest } from '$lib/server/locale';

/**
 * The daily run of the published plays, the band playbooks' checks and the usage rollups start
 * with the server.
 */
export const init: ServerInit = () => {
	startSchedule();
	startSlaChecks();
	startUsageRollups();
};

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Requests that change something come from the app's own pages: browsers say where a request
 * comes from (`Origin`, `Sec-Fetch-Site`), and pages elsewhere cannot forge it. The exceptions are
 * RFC 8058's one-click unsubscribe, which mail providers post from their own servers, and the
 * events and tickets APIs, which sources call with a write key.
 */
function crossSite(event: RequestEvent): boolean {
	if (!CHANGES.has(event.request.method)) return false;
	if (event.route.id === '/unsubscribe/[token]') return false;
	// Events and tickets come from a source's servers, with its write key and no cookie of the app's.
	if (event.route.id === '/api/v1/[call]' || event.route.id === '/api/v1/tickets') return false;
	const origin = event.request.headers.get('origin');
	const site = event.request.headers.get('sec-fetch-site');
	if (site === 'cross-site' || site === 'same-site') return true;
	return origin !== null && origin !== event.url.origin;
}

const isApi = (event: RequestEvent) => event.url.pathname.startsWith('/api/');

/** Why a change from elsewhere is refused: a page opened under another address is told where the app is. */
function crossSiteReason(event: RequestEvent): string {
	const origin = event.request.headers.get('origin');
	if (!origin || origin === 'null' || origin === event.url.origin) return t('server.crossSite');
	return t('server.crossSiteOrigin', { origin, app: event.url.origin });
}

function refuse(event: RequestEvent, status: number, reason: string): Response {
	// A form of the app's own pages (SvelteKit's `enhance`) reads an action's result: the reason
	// then shows as the error page, where a bare refusal would leave the form without a word.
	if (event.request.headers.get('x-sveltekit-action') === 'true')
		return json(
			{ type: 'error', error: { message: reason } },
			{ status, headers: { 'cache-control': 'no-store' } }
		);
	if (isApi(event) || event.request.method !== 'GET')
		return json({ error: reason }, { status, headers: { 'cache-control': 'no-store' } });
	return new Response(reason, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Every request: who is calling (the session), then whether the route table lets them
 * (`access.ts`). Nothing else of the server's is handed to the browser.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const server = await app();
	const path = event.url.pathname;
	if (path.startsWith('/api/auth/')) {
		if (!AUTH_PATHS.has(path)) return json({ error: 'not found' }, { status: 404 });
		if (crossSite(event)) return json({ error: crossSiteReason(event) }, { status: 403 });
		return server.auth.handler(withClientAddress(event.request, event.getClientAddress()));
	}
	event.locals.caller = await callerOf(server, event.request.headers);
	return inLocale(localeOfRequest(event.request, event.locals.caller), () => admit(event, resolve));
};

/** The route table's decision for a caller known by now: the page or API, a sign-in, or a refusal. */
async function admit(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
	const path = event.url.pathname;
	if (crossSite(event)) return refuse(event, 403, crossSiteReason(event));
	const decision = authorize(event.request.method, event.route.id, event.locals.caller);
	if (decision.allowed) return resolve(event);
	if (decision.status === 401 && event.request.method === 'GET' && !isApi(event)) {
		const first = (await (await app()).store.people.count()) === 0;
		const to = first ? '/setup' : `/signin?next=${encodeURIComponent(path)}`;
		return new Response(null, { status: 303, headers: { location: to } });
	}
	return refuse(event, decision.status, decision.reason);
}
