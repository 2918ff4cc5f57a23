/**
 * A CSM's book: the accounts they own (`account.csm`) and the tasks assigned to them. Reassigning
 * an account moves its open tasks with it; a task is new to its assignee until they have seen it
 * in their queue, on whichever browser (the mark is part of the task, so it syncs).
 */
import { sameAddress, type Task } from '$lib/engine';
import type { ScorecraftDatabase } from './database';

const isOpen = (task: Task) => task.status === 'open' || task.status === 'snoozed';

/**
 * Gives the account to `csm`, with the open and snoozed tasks of it that were assigned to its
 * previous CSM (tasks someone handed to another person stay theirs). Returns how many moved.
 */
export async function reassignAccount(
	db: ScorecraftDatabase,
	accountId: string,
	csm: string
): Promise<{ tasksMoved: number }> {
	const next = csm.trim();
	return db.transaction('rw', db.accounts, db.tasks, async () => {
		const account = await db.accounts.get(accountId);
		if (!account) throw new Error(`no account "${accountId}"`);
		const { csm: previous, ...rest } = account;
		await db.accounts.put(next ? { ...rest, csm: next } : rest);
		if (!previous || sameAddress(previous, next)) return { tasksMoved: 0 };
		const moving = (await db.tasks.where('account_id').equals(accountId).toArray()).filter(
			(task) => isOpen(task) && sameAddress(task.assignee, previous)
		);
		await db.tasks.bulkPut(
			moving.map(({ seen_at: _seen, ...task }) => ({ ...task, assignee: next || 'unassigned' }))
		);
		return { tasksMoved: moving.length };
	});
}

/** Open tasks assigned to `email` that they have not seen yet, by due date. */
export async function newTasksFor(db: ScorecraftDatabase, email: string): Promise<Task[]> {
	const open = await db.tasks.where('status').anyOf('open', 'snoozed').toArray();
	return open
		.filter((task) => !task.seen_at && sameAddress(task.assignee, email))
		.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id));
}

/** Marks these tasks seen by their assignee (once: an earlier mark is kept). */
export async function markTasksSeen(
	db: ScorecraftDatabase,
	ids: readonly string[],
	at: string
): Promise<void> {
	if (ids.length === 0) return;
	await db.transaction('rw', db.tasks, async () => {
		const tasks = (await db.tasks.bulkGet([...ids])).filter(
			(task): task is Task => task !== undefined && !task.seen_at
		);
		if (tasks.length) await db.tasks.bulkPut(tasks.map((task) => ({ ...task, seen_at: at })));
	});
}

/** Every CSM some account has, in order. */
export async function accountCsms(db: ScorecraftDatabase): Promise<string[]> {
	return (await db.accounts.orderBy('csm').uniqueKeys()).map(String);
}
