/**
 * What every request that names entries of the server's plan carries (`/api/mail/send`,
 * `/api/approvals`, `/api/webhooks`): `as_of`, the server's today give or take a day, and
 * `version`, the published workspace it was planned on. Checked the same way for all of them.
 */
import { json } from '@sveltejs/kit';
import { isIsoDate } from '$lib/engine/dates';
import type { Published } from '../store/published';
import { asOfProblem } from './plan-check';
import type { MailServer } from './server';
import { serverToday } from './service';

export type PlanRequestCheck =
	{ ok: true; asOf: string; published: Published } | { ok: false; response: Response };

export async function checkPlanRequest(
	server: MailServer,
	input: Record<string, unknown>
): Promise<PlanRequestCheck> {
	const refuse = (status: number, body: Record<string, unknown>) => ({
		ok: false as const,
		response: json(body, { status })
	});
	if (typeof input.as_of !== 'string' || !isIsoDate(input.as_of))
		return refuse(400, { error: 'as_of: expected a date as YYYY-MM-DD' });
	const dateProblem = asOfProblem(input.as_of, serverToday());
	if (dateProblem) return refuse(400, { error: dateProblem });
	const published = await server.store.published.current();
	if (!published) return refuse(409, { error: 'no workspace is published', version: null });
	if (input.version !== published.version)
		return refuse(409, {
			error: 'the published workspace is not this one: publish it again',
			version: published.version
		});
	return { ok: true, asOf: input.as_of, published };
}
