/**
 * The outbox and the CSM task queue: what runs of plays wrote, and what people decided. Every
 * write that touches more than one table is one transaction, so a run either lands whole or not
 * at all, and keys make running twice add nothing twice.
 */
import type {
	Account,
	ActionType,
	IsoDate,
	OutboxEntry,
	OutboxStatus,
	Plan,
	PlanEntry,
	Task
} from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { bumpDataVersion } from './meta';
import { keysInOutbox, playFigures, type PlayFigures } from './run-figures';

export interface RunResult {
	/** Entries new to the outbox. */
	added: number;
	/** Entries whose key the outbox already held (an earlier run in the same cooldown window). */
	alreadyThere: number;
	/** Tasks created and tags applied at once (auto plays). */
	performed: number;
	/** Entries of approve-mode plays, waiting for a person. */
	waiting: number;
	/** Emails and webhooks queued for delivery. */
	queued: number;
	/** Written as suppressed, with the reason. */
	suppressed: number;
	/** Per play, the figures the confirmation showed (`playFigures`), as the run found them. */
	plays: PlayFigures[];
}

/** Outbox entries created on or after a date (cooldowns, caps and conflicts read them). */
export async function outboxHistory(
	db: ScorecraftDatabase,
	since: IsoDate
): Promise<OutboxEntry[]> {
	return db.outbox.where('created_at').aboveOrEqual(since).toArray();
}

function outboxEntry(entry: PlanEntry, at: string): OutboxEntry {
	return { ...entry, created_at: at, updated_at: at, attempts: 0 };
}

/** What performing entries changes besides the entries: tasks to create, accounts retagged. */
class Effects {
	readonly tasks: Task[] = [];
	readonly accounts = new Map<string, Account>();

	constructor(accounts: readonly (Account | undefined)[]) {
		for (const account of accounts) if (account) this.accounts.set(account.id, account);
	}

	/** The changed accounts only. */
	changed = new Set<string>();

	/**
	 * Performs an entry a person approved or an auto play planned: a task is created and a tag
	 * applied at once (`sent`); an email or a webhook is queued for delivery (`approved`). In memory:
	 * the caller writes it all at the end, so the transaction never waits on anything but the store.
	 */
	perform(entry: OutboxEntry, at: string): void {
		const detail = entry.detail;
		if (detail.type === 'email' || detail.type === 'webhook') {
			entry.status = 'approved';
			return;
		}
		entry.status = 'sent';
		entry.attempts += 1;
		if (detail.type === 'task') {
			this.tasks.push({
				id: entry.key,
				account_id: entry.account_id,
				play_id: entry.play_id,
				title: detail.title,
				assignee: detail.assignee,
				due_date: detail.due_date,
				status: 'open',
				created_at: at
			});
			return;
		}
		const account = this.accounts.get(entry.account_id);
		if (!account) {
			entry.status = 'failed';
			entry.error = `no account "${entry.account_id}"`;
			return;
		}
		const before = account.tags ?? [];
		const tags = new Set(before);
		for (const tag of detail.add) tags.add(tag);
		for (const tag of detail.remove) tags.delete(tag);
		const after = [...tags];
		if (after.length === before.length && after.every((tag, i) => before[i] === tag)) return;
		this.accounts.set(account.id, { ...account, tags: after });
		this.changed.add(account.id);
	}

	/** Writes the tasks and the retagged accounts; tags are account fields a scorecard may read. */
	async write(db: ScorecraftDatabase): Promise<void> {
		await db.tasks.bulkPut(this.tasks);
		if (this.changed.size === 0) return;
		await db.accounts.bulkPut([...this.changed].map((id) => this.accounts.get(id)!));
		await bumpDataVersion(db);
	}
}

/** The accounts that tag entries would change, read up front. */
function accountsToTag(db: ScorecraftDatabase, entries: readonly OutboxEntry[]) {
	const ids = [...new Set(entries.filter((e) => e.action === 'tag').map((e) => e.account_id))];
	return db.accounts.bulkGet(ids);
}

/**
 * Writes a plan to the outbox and performs what auto plays planned. Idempotent: an entry whose key
 * is already in the outbox is left as it is. Suppressed entries are kept with their reason, except
 * cooldowns (the earlier entry is the record). `plays` lists plays to report even with no entry.
 */
export async function runPlan(
	db: ScorecraftDatabase,
	plan: Plan,
	options: { at: string; by: string; plays?: readonly string[] }
): Promise<RunResult> {
	const result: RunResult = {
		added: 0,
		alreadyThere: 0,
		performed: 0,
		waiting: 0,
		queued: 0,
		suppressed: 0,
		plays: []
	};
	await db.transaction('rw', [db.outbox, db.tasks, db.accounts, db.meta], async () => {
		result.plays = playFigures(plan, await keysInOutbox(db, plan), options.plays);
		const candidates = plan.entries.filter((entry) => entry.suppression !== 'cooldown');
		const existing = await db.outbox.bulkGet(candidates.map((entry) => entry.key));
		const fresh: OutboxEntry[] = [];
		const seen = new Set<string>();
		candidates.forEach((planned, i) => {
			if (existing[i] || seen.has(planned.key)) result.alreadyThere++;
			else {
				seen.add(planned.key);
				fresh.push(outboxEntry(planned, options.at));
			}
		});
		const effects = new Effects(await accountsToTag(db, fresh));
		for (const entry of fresh) {
			if (entry.status === 'suppressed') result.suppressed++;
			else if (entry.mode === 'approve') result.waiting++;
			else {
				effects.perform(entry, options.at);
				if (entry.status === 'approved') result.queued++;
				else result.performed++;
			}
		}
		result.added = fresh.length;
		await db.outbox.bulkAdd(fresh);
		await effects.write(db);
	});
	return result;
}

async function decide(
	db: ScorecraftDatabase,
	keys: readonly string[],
	options: { at: string; by: string },
	approve: boolean
): Promise<{ changed: number; skipped: number }> {
	let changed = 0;
	await db.transaction('rw', [db.outbox, db.tasks, db.accounts, db.meta], async () => {
		const waiting = (await db.outbox.bulkGet([...keys])).filter(
			(entry): entry is OutboxEntry => entry?.status === 'planned'
		);
		const effects = new Effects(approve ? await accountsToTag(db, waiting) : []);
		for (const entry of waiting) {
			entry.decided_by = options.by;
			entry.decided_at = options.at;
			entry.updated_at = options.at;
			if (approve) effects.perform(entry, options.at);
			else entry.status = 'rejected';
		}
		changed = waiting.length;
		await db.outbox.bulkPut(waiting);
		await effects.write(db);
	});
	return { changed, skipped: keys.length - changed };
}

/** Approves planned entries (approve-mode plays) and performs them; others are left and counted. */
export function approveEntries(
	db: ScorecraftDatabase,
	keys: readonly string[],
	options: { at: string; by: string }
): Promise<{ changed: number; skipped: number }> {
	return decide(db, keys, options, true);
}

/** Rejects planned entries: they are never performed, and do not hold a cooldown. */
export function rejectEntries(
	db: ScorecraftDatabase,
	keys: readonly string[],
	options: { at: string; by: string }
): Promise<{ changed: number; skipped: number }> {
	return decide(db, keys, options, false);
}

/** Records what delivery did with an entry: sent (with its message id), or failed with the answer. */
export async function markDelivery(
	db: ScorecraftDatabase,
	key: string,
	result:
		| { ok: true; messageId?: string; attempts: number }
		| { ok: false; error: string; attempts: number },
	at: string
): Promise<void> {
	await db.outbox.update(key, {
		status: result.ok ? 'sent' : 'failed',
		attempts: result.attempts,
		updated_at: at,
		...(result.ok ? { message_id: result.messageId, error: undefined } : { error: result.error })
	});
}

/** What the server answered for a webhook (see `postWebhook`), as `markWebhookResult` records it. */
export type WebhookOutcome =
	{ ok: true; status: number; attempts: number } | { ok: false; error: string; attempts: number };

/** Records a webhook's outcome on its entry: `sent`, or `failed` with the error; attempts as counted. */
export function markWebhookResult(
	db: ScorecraftDatabase,
	key: string,
	result: WebhookOutcome,
	at: string
): Promise<void> {
	return markDelivery(db, key, result.ok ? { ok: true, attempts: result.attempts } : result, at);
}

/**
 * Marks an approved entry `sending` and gives it back, or null when it is no longer approved (another
 * tab or run took it): checked and written in one transaction, so an entry is posted once.
 */
export async function claimForSending(
	db: ScorecraftDatabase,
	key: string,
	at: string
): Promise<OutboxEntry | null> {
	return db.transaction('rw', db.outbox, async () => {
		const entry = await db.outbox.get(key);
		if (entry?.status !== 'approved') return null;
		const claimed: OutboxEntry = { ...entry, status: 'sending', updated_at: at };
		await db.outbox.put(claimed);
		return claimed;
	});
}

export async function completeTask(db: ScorecraftDatabase, id: string, at: string): Promise<void> {
	await db.tasks.update(id, { status: 'done', completed_at: at });
}

export async function reopenTask(db: ScorecraftDatabase, id: string): Promise<void> {
	await db.tasks.update(id, { status: 'open', completed_at: undefined, snoozed_until: undefined });
}

export async function snoozeTask(
	db: ScorecraftDatabase,
	id: string,
	until: IsoDate
): Promise<void> {
	await db.tasks.update(id, { status: 'snoozed', snoozed_until: until });
}

export async function assignTask(
	db: ScorecraftDatabase,
	id: string,
	assignee: string
): Promise<void> {
	// Handed on: new to the person it goes to.
	await db.tasks.update(id, { assignee, seen_at: undefined });
}

/** The task queue as of a date: open tasks, and snoozed ones whose date has come, by due date. */
export async function taskQueue(db: ScorecraftDatabase, today: IsoDate): Promise<Task[]> {
	const tasks = await db.tasks.where('status').anyOf('open', 'snoozed').toArray();
	return tasks
		.filter((task) => task.status === 'open' || (task.snoozed_until ?? '') <= today)
		.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id));
}

/** Which outbox entries to list: each given field must match. */
export interface OutboxFilter {
	status?: OutboxStatus;
	play_id?: string;
	action?: ActionType;
	account_id?: string;
}

const newestFirst = (a: OutboxEntry, b: OutboxEntry) =>
	b.created_at.localeCompare(a.created_at) || a.key.localeCompare(b.key);

/** The outbox, newest first, filtered by status, play, action and account (all when none given). */
export async function outboxEntries(
	db: ScorecraftDatabase,
	filter: OutboxFilter = {}
): Promise<OutboxEntry[]> {
	const { status, play_id, action, account_id } = filter;
	// Start from the narrowest index given; the other fields filter in memory.
	const collection = account_id
		? db.outbox.where('account_id').equals(account_id)
		: play_id
			? db.outbox.where('play_id').equals(play_id)
			: status
				? db.outbox.where('status').equals(status)
				: action
					? db.outbox.where('action').equals(action)
					: db.outbox.toCollection();
	const entries = await collection
		.filter(
			(entry) =>
				(!status || entry.status === status) &&
				(!play_id || entry.play_id === play_id) &&
				(!action || entry.action === action) &&
				(!account_id || entry.account_id === account_id)
		)
		.toArray();
	return entries.sort(newestFirst);
}

export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
	'planned',
	'approved',
	'sending',
	'sent',
	'failed',
	'suppressed',
	'rejected'
];

/** An account's latest outbox entries, newest first. */
export async function accountOutbox(
	db: ScorecraftDatabase,
	accountId: string,
	limit = 10
): Promise<OutboxEntry[]> {
	return (await outboxEntries(db, { account_id: accountId })).slice(0, limit);
}

/** An account's tasks not done (open or snoozed), by due date. */
export async function accountTasks(db: ScorecraftDatabase, accountId: string): Promise<Task[]> {
	const tasks = await db.tasks.where('account_id').equals(accountId).toArray();
	return tasks
		.filter((task) => task.status !== 'done')
		.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id));
}

/** Done tasks, most recently completed first. */
export async function doneTasks(db: ScorecraftDatabase): Promise<Task[]> {
	const tasks = await db.tasks.where('status').equals('done').toArray();
	return tasks.sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
}
