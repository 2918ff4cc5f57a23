/**
 * The owner's view of the send ledger (the Deliveries page and `/api/ledger`) and the owner's
 * retry. A `sending` record is a claim not settled: a send in progress, or one a crash
 * interrupted. Only a claim older than any send takes counts as interrupted, so a retry never
 * lets a message that is going out right now go out twice.
 */
import { t } from '$lib/i18n/messages';
import type { LedgerRecord } from './mail/ledger';
import type { Actor } from './store/audit';
import type { Store } from './store/store';

export const LEDGER_STATES = ['failed', 'sending', 'sent'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export const isLedgerState = (value: string): value is LedgerState =>
	(LEDGER_STATES as readonly string[]).includes(value);

/**
 * A send settles well within this: four tries, each bounded by the SMTP socket timeout (30 s) or
 * the webhook timeout (5 s), with backoff between them.
 */
export const INTERRUPTED_AFTER_MS = 15 * 60_000;

export interface Delivery extends LedgerRecord {
	/** Failed, or interrupted: the owner may have the next run send it again. */
	retryable: boolean;
}

function retryable(record: LedgerRecord, now: Date): boolean {
	if (record.status === 'failed') return true;
	return (
		record.status === 'sending' && now.getTime() - Date.parse(record.at) >= INTERRUPTED_AFTER_MS
	);
}

/** The ledger's newest records (500 unless `limit` says), only those in `state` when given. */
export async function deliveries(
	store: Pick<Store, 'ledger'>,
	now: Date,
	state?: LedgerState,
	limit?: number
): Promise<Delivery[]> {
	const records = await store.ledger.list({ state, limit });
	return records.map((record) => ({ ...record, retryable: retryable(record, now) }));
}

export type RetryOutcome =
	| { ok: true; record: LedgerRecord }
	| { ok: false; reason: 'unknown' | 'sent' }
	| { ok: false; reason: 'in_flight'; record: LedgerRecord; after: string };

/**
 * Forgets a failed or interrupted key, so the next run sends it again, and records who did it.
 * A sent key is never forgotten (the ledger's own condition, whatever happens meanwhile).
 */
export async function retryDelivery(
	store: Pick<Store, 'ledger' | 'audit'>,
	key: string,
	actor: Actor,
	now: Date
): Promise<RetryOutcome> {
	const record = await store.ledger.get(key);
	if (!record) return { ok: false, reason: 'unknown' };
	if (record.status === 'sent') return { ok: false, reason: 'sent' };
	if (!retryable(record, now))
		return {
			ok: false,
			reason: 'in_flight',
			record,
			after: new Date(Date.parse(record.at) + INTERRUPTED_AFTER_MS).toISOString()
		};
	if (!(await store.ledger.forget(key))) {
		// Changed since it was read: settled as sent (the ledger keeps it), or retried by someone else.
		const changed = await store.ledger.get(key);
		return { ok: false, reason: changed?.status === 'sent' ? 'sent' : 'unknown' };
	}
	await store.audit.record(actor, 'retry', key, {
		recipient: record.recipient,
		was: record.status,
		...(record.error ? { error: record.error } : {})
	});
	return { ok: true, record };
}

/** Why a retry was refused, in words, and the HTTP status that says it. */
export function retryRefusal(outcome: Exclude<RetryOutcome, { ok: true }>, key: string) {
	switch (outcome.reason) {
		case 'unknown':
			return { status: 404, message: t('deliveries.problem.unknown', { key }) } as const;
		case 'sent':
			return { status: 404, message: t('deliveries.problem.sent', { key }) } as const;
		case 'in_flight':
			return {
				status: 409,
				message: t('deliveries.problem.inFlight', {
					key,
					at: outcome.record.at,
					after: outcome.after
				})
			} as const;
	}
}
