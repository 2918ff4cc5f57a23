/**
 * A CSM's book: the accounts whose `csm` is their email. A CSM changes the tasks and manual
 * measures of their book only, and tasks assigned to them (which they may hand to someone else);
 * the other roles that may change these records are not limited to a book.
 */
import { sameAddress } from '../../engine/plays/recipients';
import type { RecordKind } from '../../sync/protocol';
import type { Pusher } from './push';

interface Record {
	kind: RecordKind;
	id: string;
	body: unknown;
}

const BOOK_KINDS: ReadonlySet<RecordKind> = new Set(['tasks', 'manualEntries']);

const field = (body: unknown, name: string): string | undefined => {
	const value = (body as { [key: string]: unknown } | null)?.[name];
	return typeof value === 'string' ? value : undefined;
};

/** The accounts the book's records name, before and after the changes. */
export function bookAccounts(writes: readonly Record[], held: readonly Record[]): string[] {
	const ids = new Set<string>();
	for (const record of [...writes, ...held]) {
		const id = BOOK_KINDS.has(record.kind) ? field(record.body, 'account_id') : undefined;
		if (id !== undefined) ids.add(id);
	}
	return [...ids];
}

/**
 * Why the CSM `pusher` may not make these changes (the first record outside their book), or null.
 * `held` is what the server holds for the records; `csmOf` the CSM of an account, if it is known.
 */
export function bookRefusal(
	pusher: Pusher,
	writes: readonly Record[],
	held: readonly Record[],
	csmOf: (accountId: string) => string | undefined
): string | null {
	if (pusher.role !== 'csm') return null;
	const me = pusher.actor.email;
	const before = new Map(held.map((record) => [`${record.kind}\u0000${record.id}`, record.body]));
	for (const write of writes) {
		if (!BOOK_KINDS.has(write.kind)) continue;
		const previous = before.get(`${write.kind}\u0000${write.id}`) ?? null;
		const bodies = [previous, write.body].filter((body) => body !== null);
		const accounts = [...new Set(bodies.map((body) => field(body, 'account_id')))].filter(
			(id): id is string => id !== undefined
		);
		const ownsAccounts = accounts.length > 0 && accounts.every((id) => sameAddress(csmOf(id), me));
		// A task assigned to this CSM is theirs to work on or hand on, whichever account it is for.
		const assignedToMe =
			write.kind === 'tasks' && sameAddress(field(previous ?? write.body, 'assignee'), me);
		if (ownsAccounts || assignedToMe) continue;
		const account = accounts[0] ?? '?';
		const csm = csmOf(account);
		return `${write.kind} ${write.id}: account ${account} is not in your book (its CSM: ${csm ?? 'nobody'})`;
	}
	return null;
}
