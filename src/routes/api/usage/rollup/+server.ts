/**
 * POST /api/usage/rollup: rolls the product events up into the workspace now (owner, leader, ops).
 * Body (optional) `{from, to}` (`YYYY-MM-DD`): roll up those days again, e.g. after a history of
 * events came in; at most a year at once. Answers `{days, accounts, people, added}`.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { isIsoDate } from '$lib/engine/dates';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';
import { daysBetween, MAX_DAYS, rollUpNow } from '$lib/server/events/usage-job';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const text = await event.request.text();
	let body: { from?: unknown; to?: unknown } = {};
	if (text.trim() !== '') {
		try {
			body = JSON.parse(text);
		} catch {
			return json({ error: 'the body is not JSON' }, { status: 400 });
		}
	}
	let days: string[] | undefined;
	if (body.from !== undefined || body.to !== undefined) {
		const { from } = body;
		const to = body.to ?? serverToday();
		if (
			typeof from !== 'string' ||
			typeof to !== 'string' ||
			!isIsoDate(from) ||
			!isIsoDate(to) ||
			from > to
		)
			return json(
				{ error: 'from and to: expected two dates (YYYY-MM-DD), from no later than to' },
				{ status: 400 }
			);
		days = daysBetween(from, to);
		if (days[0] !== from)
			return json({ error: `at most ${MAX_DAYS} days at once` }, { status: 400 });
	}
	const actor = actorOf(caller);
	const result = await rollUpNow({ days, actor });
	const { store } = await mailServer();
	await store.audit.record(actor, 'usage.rollup', null, {
		days: result.days.length,
		accounts: result.accounts,
		people: result.people
	});
	return json(result);
};
