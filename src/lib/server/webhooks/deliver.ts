/**
 * Posting the webhooks of plays, exactly once, from the server's own plan. A request names plan
 * entries (key, play, account, action); the URL and the body are the plan's — the published
 * workspace's play, its placeholders filled for that account as of the run's date — never the
 * caller's. Each key is claimed in the send ledger before the first byte goes out, so concurrent
 * requests and runs post it once; the host's answer is recorded there (the owner's Deliveries).
 */
import type { PlanEntry } from '$lib/engine';
import type { Ledger, LedgerRecord } from '../mail/ledger';
import { checkAgainstPlan, type PlanEntryRequest } from '../mail/plan-check';
import type { WebhookResult } from './post';

export type WebhookRequest = Pick<
	PlanEntryRequest,
	'key' | 'play_id' | 'account_id' | 'action_index'
>;

export type WebhookDeliveryResult =
	| { key: string; status: 'sent'; http_status: number; attempts: number; replayed: boolean }
	| { key: string; status: 'failed'; error: string; attempts: number; replayed: boolean }
	/** Claimed by another request or run, not settled yet (or interrupted): not posted again. */
	| { key: string; status: 'retry'; error: string; attempts: number }
	/** Not an entry the server's plan holds as a planned webhook: nothing was posted. */
	| { key: string; status: 'refused'; error: string };

export interface WebhookDeliveryOptions {
	/** The server's plan as of the request's date, by key (`planIndex`). */
	plan: Map<string, PlanEntry>;
	approved: (key: string) => boolean;
	ledger: Ledger;
	/** Posts one webhook (`postWebhook` with the owner's policy). */
	post: (url: string, body: unknown) => Promise<WebhookResult>;
	/** Webhooks posted at once. */
	concurrency?: number;
}

const MAX_FIELD = 320;

/** Why a request is malformed, or null. */
export function webhookRequestProblem(input: unknown): string | null {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return 'expected an object { key, play_id, account_id, action_index }';
	const request = input as Record<string, unknown>;
	for (const field of ['key', 'play_id', 'account_id'] as const) {
		const value = request[field];
		if (typeof value !== 'string' || value.length === 0) return `${field}: expected text`;
		if (value.length > MAX_FIELD) return `${field}: longer than ${MAX_FIELD} characters`;
	}
	if (!Number.isInteger(request.action_index) || (request.action_index as number) < 0)
		return 'action_index: expected a whole number';
	return null;
}

function replay(record: LedgerRecord): WebhookDeliveryResult {
	if (record.status === 'sending')
		return {
			key: record.key,
			status: 'retry',
			error: `claimed for posting at ${record.at} and not settled: being posted by another run, or interrupted (not posted again by itself)`,
			attempts: record.attempts
		};
	return record.status === 'sent'
		? {
				key: record.key,
				status: 'sent',
				http_status: record.http_status ?? 200,
				attempts: record.attempts,
				replayed: true
			}
		: {
				key: record.key,
				status: 'failed',
				error: record.error ?? 'failed',
				attempts: record.attempts,
				replayed: true
			};
}

async function deliverOne(
	request: WebhookRequest,
	options: WebhookDeliveryOptions
): Promise<WebhookDeliveryResult> {
	const { ledger } = options;
	const recorded = await ledger.get(request.key);
	if (recorded) return replay(recorded);
	const verdict = checkAgainstPlan(options.plan, request, options.approved, 'webhook');
	if (!verdict.ok) return { key: request.key, status: 'refused', error: verdict.error };
	const { entry } = verdict;
	if (entry.detail.type !== 'webhook')
		return { key: request.key, status: 'refused', error: 'key: not a webhook' };
	const { url, body } = entry.detail;
	const claim = await ledger.claim({
		key: entry.key,
		recipient: hostOf(url),
		play_id: entry.play_id,
		account_id: entry.account_id,
		action: 'webhook'
	});
	if (!claim.claimed) return replay(claim.record);
	let result: WebhookResult;
	try {
		result = await options.post(url, body);
	} catch (error) {
		await ledger.release(entry.key);
		throw error;
	}
	if (!result.ok && result.attempts === 0) {
		// Refused before connecting (the allow-list, an internal address, a name that does not
		// resolve): nothing went out, so the key stays free for when the owner fixes it.
		await ledger.release(entry.key);
		return { key: entry.key, status: 'failed', error: result.error, attempts: 0, replayed: false };
	}
	const base = { key: entry.key, recipient: hostOf(url), play_id: entry.play_id };
	const settled = { ...base, account_id: entry.account_id, action: 'webhook' as const };
	const at = new Date().toISOString();
	if (result.ok) {
		await ledger.settle({
			...settled,
			status: 'sent',
			http_status: result.status,
			attempts: result.attempts,
			at
		});
		return {
			key: entry.key,
			status: 'sent',
			http_status: result.status,
			attempts: result.attempts,
			replayed: false
		};
	}
	// The host may have had it (a 5xx after reading it): recorded as failed, for the owner to retry.
	await ledger.settle({
		...settled,
		status: 'failed',
		error: result.error,
		attempts: result.attempts,
		at
	});
	return {
		key: entry.key,
		status: 'failed',
		error: result.error,
		attempts: result.attempts,
		replayed: false
	};
}

/** The host a webhook goes to: what the ledger shows as its recipient (the path is its secret). */
function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'invalid URL';
	}
}

/** Posts each request's webhook once, `concurrency` at a time; one result per request, in order. */
export async function deliverWebhooks(
	requests: readonly WebhookRequest[],
	options: WebhookDeliveryOptions
): Promise<WebhookDeliveryResult[]> {
	const results: WebhookDeliveryResult[] = new Array(requests.length);
	// One request naming a key twice posts it once: the second waits for the first's answer.
	const byKey = new Map<string, Promise<WebhookDeliveryResult>>();
	let next = 0;
	const worker = async () => {
		while (next < requests.length) {
			const i = next++;
			const request = requests[i]!;
			let running = byKey.get(request.key);
			if (!running) {
				running = deliverOne(request, options);
				byKey.set(request.key, running);
			}
			results[i] = await running;
		}
	};
	await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
	return results;
}
