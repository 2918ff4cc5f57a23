/**
 * Starts the team workspace over with the sample (2,000 fictional accounts, a year of weekly
 * history ending the server's today, its usage rolled up from the product events the store holds,
 * the sample's own when it holds none), for the owner: every browser's replica follows.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { generateSample } from '$lib/engine/sample';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';
import { seedSampleUsage } from '$lib/server/sync/sample-events';
import { sampleAccounts } from '$lib/server/sync/seed';

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const today = serverToday();
	const sample = generateSample({ end: today, accounts: sampleAccounts() });
	const actor = actorOf(caller);
	let revision = await server.store.published.replace(sample, actor, caller.role);
	server.store.feed.announce(revision);
	const usage = await seedSampleUsage(server.store, sample, { today, actor });
	revision = (await server.store.published.records.head()).revision;
	server.store.feed.announce(revision);
	await server.store.audit.record(actor, 'workspace.sample', null, {
		revision,
		accounts: sample.accounts.length,
		events: usage.events
	});
	return json({ revision, accounts: sample.accounts.length });
};
