/**
 * What every request that names entries of the server's plan carries (`/api/mail/send`,
 * `/api/approvals`, `/api/webhooks`): `as_of`, the server's today give or take a day, and
 * `version`, the revision of the team workspace the browser planned on. Checked the same way for
 * all of them. The server plans again on the workspace as it is now and sends only what that
 * plan holds, so a browser a few revisions behind (someone else's edit since) is no reason to
 * refuse; a revision the server never had is.
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
	const version = typeof input.version === 'string' ? Number(input.version) : NaN;
	if (!Number.isSafeInteger(version) || version < 1 || version > Number(published.version))
		return refuse(409, {
			error:
				'the workspace revision is not one this server had: bring the browser up to date first',
			version: published.version
		});
	return { ok: true, asOf: input.as_of, published };
}
