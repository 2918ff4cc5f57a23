/**
 * Starts the team workspace over with the sample (2,000 fictional accounts, a year of weekly
 * history ending the server's today), for the owner: every browser's replica follows.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { generateSample } from '$lib/engine/sample';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';
import { sampleAccounts } from '$lib/server/sync/seed';

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const sample = generateSample({ end: serverToday(), accounts: sampleAccounts() });
	const revision = await server.store.published.replace(sample, actorOf(caller), caller.role);
	server.store.feed.announce(revision);
	await server.store.audit.record(actorOf(caller), 'workspace.sample', null, {
		revision,
		accounts: sample.accounts.length
	});
	return json({ revision, accounts: sample.accounts.length });
};
