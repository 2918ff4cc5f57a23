/**
 * Delivers the webhooks the outbox holds as approved: each claimed as `sending` first (so two tabs
 * or a run and the page never post it twice), posted through the app's server (`/api/webhooks`),
 * then recorded as sent or failed with its attempts and error.
 */
import {
	claimForSending,
	markWebhookResult,
	type ScorecraftDatabase,
	type WebhookOutcome
} from '$lib/db';
import { nowIso } from '../today';

/** What the endpoint answers: the server's outcome, or `{ error }` when it refused the request. */
type Answer = Partial<{ ok: boolean; status: number; error: string; attempts: number }>;

async function post(send: typeof fetch, url: string, body: unknown): Promise<WebhookOutcome> {
	try {
		const response = await send('/api/webhooks', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url, body })
		});
		const answer = (await response.json().catch(() => ({}))) as Answer;
		if (response.ok && answer.ok === true)
			return { ok: true, status: answer.status ?? response.status, attempts: answer.attempts ?? 1 };
		return {
			ok: false,
			error: answer.error ?? `HTTP ${response.status}`,
			// A refusal by the app's own server (400, 403) never reached the webhook's host.
			attempts: answer.attempts ?? (response.ok ? 1 : 0)
		};
	} catch (error) {
		return { ok: false, error: (error as Error).message, attempts: 0 };
	}
}

/** Posts every approved webhook entry, one at a time; call it after `runPlan` or an approval. */
export async function postPendingWebhooks(
	db: ScorecraftDatabase,
	fetchFn: typeof fetch = fetch
): Promise<{ sent: number; failed: number }> {
	const keys = (await db.outbox.where('status').equals('approved').toArray())
		.filter((entry) => entry.action === 'webhook')
		.map((entry) => entry.key);
	let sent = 0;
	let failed = 0;
	for (const key of keys) {
		const entry = await claimForSending(db, key, nowIso());
		if (!entry) continue;
		const result: WebhookOutcome =
			entry.detail.type === 'webhook'
				? await post(fetchFn, entry.detail.url, entry.detail.body)
				: { ok: false, error: 'not a webhook', attempts: 0 };
		await markWebhookResult(
			db,
			key,
			{ ...result, attempts: entry.attempts + result.attempts },
			nowIso()
		);
		if (result.ok) sent++;
		else failed++;
	}
	return { sent, failed };
}
