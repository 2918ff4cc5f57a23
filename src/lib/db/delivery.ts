/**
 * Email delivery as the store sees it: queued emails claimed as `sending` before the server is
 * asked (so a closed tab leaves them `sending`, and the next delivery asks again: the server's
 * ledger answers what it already sent), the server's answers recorded, its unsubscribes applied to
 * contacts, and its scheduled runs brought into the outbox.
 */
import type { OutboxEntry, Plan, PlanEntry } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { runPlan, type RunResult } from './outbox';

/** What the server answered for one entry (see `DeliveryResult` in `$lib/server/mail/deliver`). */
export type DeliveryAnswer =
	| { key: string; status: 'sent'; message_id: string; attempts: number }
	| { key: string; status: 'failed'; error: string; attempts: number }
	| { key: string; status: 'retry'; error: string; attempts: number }
	| { key: string; status: 'suppressed'; reason: 'unsubscribed' | 'do_not_contact' }
	| { key: string; status: 'refused'; error: string };

/**
 * Claims the emails waiting for delivery: `approved` ones become `sending`, and `sending` ones (a
 * delivery that a closed tab or a crash interrupted) are taken again. One transaction.
 */
export async function claimEmails(db: ScorecraftDatabase, at: string): Promise<OutboxEntry[]> {
	return db.transaction('rw', db.outbox, async () => {
		const waiting = await db.outbox.where('status').anyOf('approved', 'sending').toArray();
		const emails = waiting.filter((entry) => entry.action === 'email');
		for (const entry of emails) {
			entry.status = 'sending';
			entry.updated_at = at;
		}
		await db.outbox.bulkPut(emails);
		return emails;
	});
}

/** Writes the server's answers onto the entries it concerned. */
export async function recordDeliveries(
	db: ScorecraftDatabase,
	answers: readonly DeliveryAnswer[],
	at: string
): Promise<void> {
	await db.transaction('rw', db.outbox, async () => {
		const entries = await db.outbox.bulkGet(answers.map((a) => a.key));
		const changed: OutboxEntry[] = [];
		answers.forEach((answer, i) => {
			const entry = entries[i];
			if (!entry) return;
			entry.updated_at = at;
			switch (answer.status) {
				case 'sent':
					entry.status = 'sent';
					entry.message_id = answer.message_id;
					entry.attempts = Math.max(entry.attempts, answer.attempts);
					delete entry.error;
					break;
				case 'failed':
					entry.status = 'failed';
					entry.error = answer.error;
					entry.attempts = Math.max(entry.attempts, answer.attempts);
					break;
				case 'retry':
					// Queued again: the next delivery tries it.
					entry.status = 'approved';
					entry.error = answer.error;
					entry.attempts += answer.attempts;
					break;
				case 'suppressed':
					entry.status = 'suppressed';
					entry.suppression = answer.reason;
					break;
				case 'refused':
					entry.status = 'failed';
					entry.error = `refused by the server: ${answer.error}`;
					break;
			}
			changed.push(entry);
		});
		await db.outbox.bulkPut(changed);
	});
}

/** Puts entries that were claimed but never answered (the server could not be reached) back in the queue. */
export async function releaseEmails(
	db: ScorecraftDatabase,
	keys: readonly string[],
	error: string,
	at: string
) {
	await db.transaction('rw', db.outbox, async () => {
		const entries = (await db.outbox.bulkGet([...keys])).filter(
			(entry): entry is OutboxEntry => entry?.status === 'sending'
		);
		for (const entry of entries) {
			entry.status = 'approved';
			entry.error = error;
			entry.updated_at = at;
		}
		await db.outbox.bulkPut(entries);
	});
}

/** A run the server made (see `StoredRun`): its entries, each with what the server did with it. */
export interface ServerRun {
	id: string;
	as_of: string;
	started_at: string;
	entries: { entry: PlanEntry; outcome: string; message_id?: string; error?: string }[];
}

/**
 * Brings a server run into the outbox like a run made here: new keys are written and auto plays
 * performed (tasks, tags; webhooks and emails queued). Emails the server sent are queued too and
 * the next delivery asks the server about them: its ledger answers `sent` without sending again.
 */
export function importServerRun(db: ScorecraftDatabase, run: ServerRun): Promise<RunResult> {
	const plan: Plan = {
		as_of: run.as_of,
		entries: run.entries.map((item) => item.entry),
		counts: [],
		conflicts: [],
		unresolved: []
	};
	return runPlan(db, plan, { at: run.started_at, by: 'server' });
}
