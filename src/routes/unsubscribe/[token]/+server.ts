/**
 * /unsubscribe/<token>: where a customer lands from an email's unsubscribe link. Public (no API
 * guard): the signed token is the permission. Reading the page never unsubscribes, since mail
 * scanners fetch links; the page's button posts, and so do mail programs' one-click buttons
 * (RFC 8058: `List-Unsubscribe=One-Click` in the body). The page speaks the customer's browser's
 * language (the server's hook: `Accept-Language`).
 */
import { getLocale, t } from '$lib/i18n/messages';
import { mailServer } from '$lib/server/mail/server';
import { SYSTEM } from '$lib/server/store/audit';
import { readUnsubscribeToken, type UnsubscribeClaim } from '$lib/server/mail/unsubscribe';
import { unsubscribeKeys } from '$lib/server/mail/unsubscribe-keys';
import type { RequestHandler } from './$types';
import { markUnsubscribed } from '$lib/server/sync/unsubscribed';
import { BODY_FONTS, escapeHtml } from '$lib/server/mail/html';

/** How long a retired key's links keep working (RFC 8058 and CAN-SPAM ask for at least 30). */
const GRACE_DAYS = 90;

/** The token's claim, or null. */
async function claimOf(token: string): Promise<UnsubscribeClaim | null> {
	return readUnsubscribeToken(await unsubscribeKeys(), token, new Date(), GRACE_DAYS);
}

const HEADERS = {
	'cache-control': 'no-store',
	// The token is in the address: keep it out of other sites' logs.
	'referrer-policy': 'no-referrer',
	'x-robots-tag': 'noindex',
	'content-security-policy':
		"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
};

const STYLE = `body{margin:0;font:16px/1.5 ${BODY_FONTS};color:#1f2328;background:#f6f8fa}
main{max-width:32rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d1d9e0;border-radius:6px}
h1{font-size:1.4rem;margin:0 0 1rem}strong{word-break:break-all}
button{font:inherit;padding:.5rem 1.25rem;border:1px solid #0b5cad;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}`;

/** A standalone page: `body` is trusted markup; every value in it was escaped by the caller. */
function page(body: string, status = 200): Response {
	const html = `<!doctype html>
<html lang="${getLocale()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('unsubscribe.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t('unsubscribe.title'))}</h1>
${body}
</main>
</body>
</html>
`;
	return new Response(html, {
		status,
		headers: { ...HEADERS, 'content-type': 'text/html; charset=utf-8' }
	});
}

const email = (claim: UnsubscribeClaim) => `<strong>${escapeHtml(claim.email)}</strong>`;

function invalid(): Response {
	return page(
		`<p>${escapeHtml(t('unsubscribe.invalid'))}</p>\n<p>${escapeHtml(t('unsubscribe.invalidHint'))}</p>`,
		400
	);
}

function alreadyUnsubscribed(claim: UnsubscribeClaim): Response {
	return page(`<p>${t('unsubscribe.already', { email: email(claim) })}</p>`);
}

export const GET: RequestHandler = async ({ params }) => {
	const claim = await claimOf(params.token);
	const { unsubscribes } = (await mailServer()).store;
	if (!claim) return invalid();
	if (await unsubscribes.has(claim.email)) return alreadyUnsubscribed(claim);
	return page(`<p>${t('unsubscribe.confirm', { email: email(claim) })}</p>
<form method="post">
<button type="submit">${escapeHtml(t('unsubscribe.button'))}</button>
</form>`);
};

/** Whether the body is RFC 8058's `List-Unsubscribe=One-Click` (form-encoded or multipart). */
async function isOneClick(request: Request): Promise<boolean> {
	try {
		return (await request.formData()).get('List-Unsubscribe') === 'One-Click';
	} catch {
		return false;
	}
}

export const POST: RequestHandler = async ({ params, request }) => {
	const claim = await claimOf(params.token);
	const { store } = await mailServer();
	const oneClick = await isOneClick(request);
	if (!claim)
		return oneClick
			? new Response(t('unsubscribe.invalid'), {
					status: 400,
					headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }
				})
			: invalid();
	const at = new Date().toISOString();
	const added = await store.unsubscribes.add({
		contact_id: claim.contact_id,
		account_id: claim.account_id,
		email: claim.email,
		at,
		via: oneClick ? 'one-click' : 'link'
	});
	if (added) {
		await store.audit.record(SYSTEM, 'unsubscribe', claim.email, {
			account_id: claim.account_id,
			via: oneClick ? 'one-click' : 'link'
		});
		const revision = await markUnsubscribed(store.published.records, [{ email: claim.email, at }]);
		if (revision !== null) store.feed.announce(revision);
	}
	if (oneClick)
		return new Response(t('unsubscribe.oneClickDone'), {
			headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }
		});
	if (!added) return alreadyUnsubscribed(claim);
	return page(`<p>${t('unsubscribe.done', { email: email(claim) })}</p>`);
};
