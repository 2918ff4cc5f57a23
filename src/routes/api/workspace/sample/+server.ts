/**
 * Starts the team workspace over with the sample (2,000 fictional accounts, a year of weekly
 * history ending the server's today, its usage rolled up from the product events the store holds,
 * the sample's own when it holds none), for the owner: every browser's replica follows. The body
 * may ask for the sample told for a Japanese team: `{ "language": "ja" }` (default `en`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import { generateSample, isSampleLanguage, SAMPLE_LANGUAGES } from '$lib/engine/sample';
import { readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';
import { seedSampleUsage } from '$lib/server/sync/sample-events';
import { sampleAccounts } from '$lib/server/sync/seed';

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const language = await languageAsked(event.request);
	if (language === null)
		return json(
			{ error: t('data.sample.unknownLanguage', { languages: SAMPLE_LANGUAGES.join(', ') }) },
			{ status: 422 }
		);
	const today = serverToday();
	const sample = generateSample({ end: today, accounts: sampleAccounts(), language });
	const actor = actorOf(caller);
	let revision = await server.store.published.replace(sample, actor, caller.role);
	server.store.feed.announce(revision);
	const usage = await seedSampleUsage(server.store, sample, { today, actor });
	revision = (await server.store.published.records.head()).revision;
	server.store.feed.announce(revision);
	await server.store.audit.record(actor, 'workspace.sample', null, {
		revision,
		language,
		accounts: sample.accounts.length,
		events: usage.events
	});
	return json({ revision, accounts: sample.accounts.length });
};

/** The language the body asks for: `en` without a body, null for one the sample is not told in. */
async function languageAsked(request: Request) {
	if (!request.headers.get('content-type')?.includes('json')) return 'en';
	const body = await readJson(request, 1024);
	const asked = body.ok ? (body.value as { language?: unknown } | null)?.language : undefined;
	if (asked === undefined) return 'en';
	return isSampleLanguage(asked) ? asked : null;
}
