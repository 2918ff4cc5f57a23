/**
 * Delivers the webhooks the outbox holds as approved: each claimed as `sending` first (so two tabs
 * or a run and the page never post it twice), then named to the server (`/api/webhooks`), which
 * posts it from its own plan — the page sends keys, never a URL or a body — and recorded as sent
 * or failed with the server's answer. An entry the server is still posting elsewhere goes back to
 * approved.
 */
import {
	claimForSending,
	markWebhookResult,
	releaseEmails,
	type ScorecraftDatabase
} from '$lib/db';
import type { OutboxEntry } from '$lib/engine';
import { nowIso, todayUtc } from '../today';
import { ApiError, MailApi, type WebhookAnswer } from '../mail/api';
import { serverRevision } from '../sync/catch-up';

const BATCH = 50;

async function claimWebhooks(db: ScorecraftDatabase): Promise<OutboxEntry[]> {
	const keys = (await db.outbox.where('status').equals('approved').toArray())
		.filter((entry) => entry.action === 'webhook')
		.map((entry) => entry.key);
	const claimed: OutboxEntry[] = [];
	for (const key of keys) {
		const entry = await claimForSending(db, key, nowIso());
		if (entry) claimed.push(entry);
	}
	return claimed;
}

/** Asks the server to post one batch, publishing again when the workspace changed under it. */
async function ask(
	db: ScorecraftDatabase,
	api: MailApi,
	asOf: string,
	entries: OutboxEntry[]
): Promise<WebhookAnswer[]> {
	const requests = entries.map(({ key, play_id, account_id, action_index }) => ({
		key,
		play_id,
		account_id,
		action_index
	}));
	// Approve-mode entries reach here approved in the outbox; the server hears it from this person.
	const approving = entries.filter((e) => e.mode === 'approve').map((e) => e.key);
	const attempt = async (version: string) => {
		if (approving.length > 0) await api.approve(asOf, version, approving);
		return api.webhooks(asOf, version, requests);
	};
	try {
		return await attempt(await serverRevision(db));
	} catch (error) {
		if (!(error instanceof ApiError) || error.status !== 409) throw error;
		return attempt(await serverRevision(db));
	}
}

/** Posts every approved webhook entry; call it after `runPlan` or an approval. */
export async function postPendingWebhooks(
	db: ScorecraftDatabase,
	api: MailApi = new MailApi(),
	asOf = todayUtc()
): Promise<{ sent: number; failed: number }> {
	const claimed = await claimWebhooks(db);
	let sent = 0;
	let failed = 0;
	for (let start = 0; start < claimed.length; start += BATCH) {
		const batch = claimed.slice(start, start + BATCH);
		let answers: WebhookAnswer[];
		try {
			answers = await ask(db, api, asOf, batch);
		} catch (error) {
			// The server refused the request or could not be reached: nothing was posted.
			const message = (error as Error).message;
			for (const entry of claimed.slice(start))
				await markWebhookResult(
					db,
					entry.key,
					{ ok: false, error: message, attempts: 0 },
					nowIso()
				);
			return { sent, failed: failed + claimed.length - start };
		}
		for (const [i, answer] of answers.entries()) {
			const entry = batch[i]!;
			if (answer.status === 'retry') {
				await releaseEmails(db, [entry.key], answer.error, nowIso());
				continue;
			}
			const outcome =
				answer.status === 'sent'
					? { ok: true as const, status: answer.http_status, attempts: answer.attempts }
					: { ok: false as const, error: answer.error, attempts: answer.attempts ?? 0 };
			await markWebhookResult(
				db,
				entry.key,
				{ ...outcome, attempts: entry.attempts + outcome.attempts },
				nowIso()
			);
			if (answer.status === 'sent') sent++;
			else failed++;
		}
	}
	return { sent, failed };
}
