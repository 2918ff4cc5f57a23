/**
 * The server's runs of the published plays. GET `?after=<run id>`: the runs since (with their
 * entries), for the app to bring into its outbox. POST `{ as_of? }`: runs them now.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { isIsoDate } from '$lib/engine/dates';
import { isObject, readJson } from '$lib/server/api';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { asOfProblem } from '$lib/server/mail/plan-check';
import { runPublished, serverToday } from '$lib/server/mail/service';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	signedIn(event);
	const after = event.url.searchParams.get('after');
	return json({
		runs: await server.store.runs.after(after && /^[\w-]+$/.test(after) ? after : null)
	});
};

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const body = await readJson(event.request, 4096);
	if (!body.ok) return body.response;
	const asOf = isObject(body.value) ? body.value.as_of : undefined;
	if (asOf !== undefined && (typeof asOf !== 'string' || !isIsoDate(asOf)))
		return json({ error: 'as_of: expected a date as YYYY-MM-DD' }, { status: 400 });
	// A run sends what today's plan holds: a past date's plan would send what no longer holds.
	const today = serverToday();
	const dateProblem = asOf === undefined ? null : asOfProblem(asOf as string, today);
	if (dateProblem) return json({ error: dateProblem }, { status: 400 });
	try {
		const run = await runPublished(
			'settings',
			event.url.origin,
			(asOf as string | undefined) ?? today
		);
		await server.store.audit.record(actorOf(caller), 'run', run.id, {
			as_of: run.as_of,
			counts: run.counts
		});
		return json({ id: run.id, as_of: run.as_of, counts: run.counts, finished_at: run.finished_at });
	} catch (error) {
		return json({ error: (error as Error).message }, { status: 409 });
	}
};
