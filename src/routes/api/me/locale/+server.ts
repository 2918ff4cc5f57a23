/**
 * The caller's own language. PUT `{ "locale": "ja" }`: remembered for every browser they sign in
 * from, and used for what the server writes to them (errors, invitations, notifications).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { readJson } from '$lib/server/api';
import { app } from '$lib/server/app';
import { signedIn } from '$lib/server/auth/caller';
import { isLocale, locales, t } from '$lib/i18n/messages';

export const PUT: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = await readJson(event.request, 1024);
	if (!body.ok) return body.response;
	const locale = (body.value as { locale?: unknown } | null)?.locale;
	if (!isLocale(locale))
		return json(
			{ error: t('settings.language.unknown', { locales: locales.join(', ') }) },
			{ status: 422 }
		);
	await (await app()).store.people.setLocale(caller.id, locale);
	return json({ locale });
};
