/**
 * The server decides what is sent: a request to send names plan entries, and each must be in the
 * server's own plan (its engine, on the workspace published to it, as of the run's date) with
 * exactly that key, as an email `planned` for that play, account, action and recipient — which
 * holds only when the play is enabled, its `when` and audience hold, the recipient rule picks that
 * contact, and no cooldown, cap or suppression stops it. An approve-mode entry also needs an
 * approval by a person with the ops role.
 */
import type { Plan, PlanEntry } from '$lib/engine';
import type { SendRequest } from '$lib/mail/request';

export type PlanVerdict = { ok: true; entry: PlanEntry } | { ok: false; error: string };

export function planIndex(plan: Plan): Map<string, PlanEntry> {
	return new Map(plan.entries.map((entry) => [entry.key, entry]));
}

/** What a request names of a plan entry; an email's request names its recipient too. */
export type PlanEntryRequest = Pick<
	SendRequest,
	'key' | 'play_id' | 'account_id' | 'action_index'
> &
	Partial<Pick<SendRequest, 'recipient'>>;

/**
 * Whether the server's plan holds `request` as a planned `action` (an email by default: then the
 * recipient must be the plan's too; a webhook's URL and body are the plan's own, never asked for).
 */
export function checkAgainstPlan(
	plan: Map<string, PlanEntry>,
	request: PlanEntryRequest,
	approved: (key: string) => boolean,
	action: 'email' | 'webhook' = 'email'
): PlanVerdict {
	const entry = plan.get(request.key);
	if (!entry) return { ok: false, error: "key: not in the server's plan for this date" };
	if (entry.status !== 'planned')
		return { ok: false, error: `key: the server's plan suppresses it (${entry.suppression})` };
	if (entry.action !== action) return { ok: false, error: `key: not ${article(action)}` };
	if (
		entry.play_id !== request.play_id ||
		entry.account_id !== request.account_id ||
		entry.action_index !== request.action_index ||
		(action === 'email' && entry.recipient.toLowerCase() !== request.recipient?.toLowerCase())
	)
		return {
			ok: false,
			error: "key: the server's plan has it for another play, account or recipient"
		};
	if (entry.mode === 'approve' && !approved(entry.key))
		return { ok: false, error: 'key: this play needs an approval by ops first' };
	return { ok: true, entry };
}

const article = (action: string) => (action === 'email' ? 'an email' : 'a webhook');

/** The dates a request may plan as of: the server's today, give or take a day (time zones). */
export function asOfProblem(asOf: string, today: string): string | null {
	const days = Math.round(
		(Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000
	);
	return Math.abs(days) <= 1
		? null
		: `as_of: ${asOf} is not today (${today}, UTC): the server sends only what today's plan holds`;
}
