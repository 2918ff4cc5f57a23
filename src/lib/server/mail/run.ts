/**
 * A run of plays without a browser: the server's daily run and `engine run` on the command line.
 * The same engine plans (unsubscribes from the server's list applied first), auto plays' emails
 * are sent through the `Deliverer` (so the ledger keeps them exactly once), and everything else
 * is reported for the app to perform when it syncs (tasks, tags, webhooks, approvals).
 */
import { planPlays, type OutboxEntry, type PlanEntry, type Workspace } from '../../engine';
import { sendRequestOf } from '../../mail/request';
import { Deliverer, type DeliveryOptions, type DeliveryResult } from './deliver';
import { emailKey, type Unsubscribe } from './unsubscribe';

/** One planned entry and what this run did with it. */
export interface RunEntry {
	entry: PlanEntry;
	/**
	 * `sent` (now), `already_sent` (the ledger had it), `failed`, `retry` (a transient failure
	 * outlasted the tries), `suppressed` (by the plan or the unsubscribe list), `refused`, or
	 * `for_the_app` (not an auto email: a task, a tag, a webhook, or an approval).
	 */
	outcome: 'sent' | 'already_sent' | 'failed' | 'retry' | 'suppressed' | 'refused' | 'for_the_app';
	message_id?: string;
	error?: string;
	attempts?: number;
}

export interface RunReport {
	as_of: string;
	started_at: string;
	finished_at: string;
	entries: RunEntry[];
	counts: Record<RunEntry['outcome'], number>;
}

/** The workspace with the server's unsubscribes marked on its contacts, so the plan suppresses them. */
export function withUnsubscribes(
	workspace: Workspace,
	unsubscribes: readonly Unsubscribe[]
): Workspace {
	const byEmail = new Map(unsubscribes.map((entry) => [emailKey(entry.email), entry]));
	const contacts = workspace.contacts.map((contact) => {
		const unsubscribe = byEmail.get(emailKey(contact.email));
		if (contact.unsubscribed_at || !unsubscribe) return contact;
		return { ...contact, unsubscribed_at: unsubscribe.at };
	});
	return { ...workspace, contacts };
}

export interface RunOptions extends Omit<DeliveryOptions, 'workspace'> {
	workspace: Workspace;
	/** Earlier entries (the workspace's outbox, earlier server runs): cooldowns and caps count them. */
	history?: readonly OutboxEntry[];
	onProgress?: (done: number, total: number) => void;
}

function outcomeOf(
	result: DeliveryResult
): Pick<RunEntry, 'outcome' | 'message_id' | 'error' | 'attempts'> {
	switch (result.status) {
		case 'sent':
			return {
				outcome: result.replayed ? 'already_sent' : 'sent',
				message_id: result.message_id,
				attempts: result.attempts
			};
		case 'failed':
			return { outcome: 'failed', error: result.error, attempts: result.attempts };
		case 'retry':
			return { outcome: 'retry', error: result.error, attempts: result.attempts };
		case 'suppressed':
			return { outcome: 'suppressed', error: result.reason };
		case 'refused':
			return { outcome: 'refused', error: result.error };
	}
}

export async function runPlays(options: RunOptions): Promise<RunReport> {
	const started_at = new Date().toISOString();
	const workspace = withUnsubscribes(options.workspace, await options.unsubscribes.all());
	const history = options.history ?? ((workspace.outbox ?? []) as unknown as OutboxEntry[]);
	const plan = planPlays({ workspace, asOf: options.asOf, history });
	const done = new Set(history.map((entry) => entry.key));
	// Cooldown suppressions are the earlier entry's record; keys an earlier run wrote are its own.
	const fresh = plan.entries.filter((e) => e.suppression !== 'cooldown' && !done.has(e.key));
	const entries: RunEntry[] = fresh.map((entry) => ({
		entry,
		outcome: entry.status === 'suppressed' ? 'suppressed' : 'for_the_app',
		...(entry.suppression ? { error: entry.suppression } : {})
	}));
	const toSend = entries.filter(
		(e) => e.outcome === 'for_the_app' && e.entry.action === 'email' && e.entry.mode === 'auto'
	);
	const deliverer = new Deliverer({ ...options, workspace });
	let sent = 0;
	const results = await deliverer.deliverAll(
		toSend.map(({ entry }) => sendRequestOf(entry)),
		() => options.onProgress?.(++sent, toSend.length)
	);
	results.forEach((result, i) => Object.assign(toSend[i]!, outcomeOf(result)));
	const counts = {
		sent: 0,
		already_sent: 0,
		failed: 0,
		retry: 0,
		suppressed: 0,
		refused: 0,
		for_the_app: 0
	};
	for (const entry of entries) counts[entry.outcome]++;
	return {
		as_of: options.asOf,
		started_at,
		finished_at: new Date().toISOString(),
		entries,
		counts
	};
}
