/**
 * A browser's changes, committed: each group (one local transaction) on its own, whole or not at
 * all, checked for the caller's role, for conflicts (a record another replica changed after the
 * revision this one had seen) and for the schema, then written with the next revision.
 */
import {
	isRecordKind,
	PUSH_MAX_CHANGES,
	type ChangeGroup,
	type Conflict,
	type GroupResult,
	type PushRequest,
	type RecordKind,
	type ServerRecord
} from '../../sync/protocol';
import type { Actor } from '../store/audit';
import type { Role } from '../store/people';
import type { LockedRecords, RecordWrite, WorkspaceRecords } from '../store/records';
import { stampAuthors } from './authors';
import { bookAccounts, bookRefusal } from './book';
import { clientIdOf, serverIdOf } from './personal';
import { changeRefusal } from './rights';
import { accountsNamed, checkRecords } from './validate';

export interface Pusher {
	actor: Actor;
	role: Role;
}

/** JSON with its objects' keys sorted: two bodies that differ only in key order are the same record. */
function canonicalText(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner)
			? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: inner
	);
}

/** What the server holds for each record the group names (absent ones: no body, revision 0). */
function heldRecords(group: ChangeGroup, held: readonly ServerRecord[]): ServerRecord[] {
	const byKey = new Map(held.map((record) => [`${record.kind}\u0000${record.id}`, record]));
	return group.changes.map(
		({ kind, id }) =>
			byKey.get(`${kind}\u0000${id}`) ?? { kind, id, body: null, revision: 0, by: null, at: null }
	);
}

async function commitGroup(
	locked: LockedRecords,
	group: ChangeGroup,
	client: string,
	pusher: Pusher
): Promise<GroupResult> {
	const writes: RecordWrite[] = group.changes;
	// Read and written under the server's ids (a draft under its author's); answered under the browser's.
	const serverId = (write: { kind: RecordKind; id: string }) =>
		serverIdOf(write.kind, write.id, pusher.actor.id);
	const held = (await locked.read(writes.map((write) => ({ ...write, id: serverId(write) })))).map(
		(record) => ({ ...record, id: clientIdOf(record.kind, record.id) })
	);
	const records = heldRecords(group, held);
	const refusal = changeRefusal(pusher.role, new Set(writes.map((write) => write.kind)));
	if (refusal) return { group: group.id, status: 'refused', reason: refusal, records };

	const mine = new Map(writes.map((write) => [`${write.kind}\u0000${write.id}`, write.body]));
	const conflicts: Conflict[] = held
		.filter((record) => record.revision > group.base && record.client !== client)
		.map(({ client: _client, ...theirs }) => ({
			kind: theirs.kind,
			id: theirs.id,
			mine: mine.get(`${theirs.kind}\u0000${theirs.id}`) ?? null,
			theirs
		}))
		// Both made the same change: nothing to choose between.
		.filter((conflict) => canonicalText(conflict.mine) !== canonicalText(conflict.theirs.body));
	if (conflicts.length) return { group: group.id, status: 'conflict', conflicts, records };

	if (pusher.role === 'csm') {
		const ids = bookAccounts(writes, held);
		const csms = new Map(
			(await locked.read(ids.map((id) => ({ kind: 'accounts' as const, id })))).map((record) => [
				record.id,
				(record.body as { csm?: string } | null)?.csm
			])
		);
		const outside = bookRefusal(pusher, writes, held, (id) => csms.get(id));
		if (outside) return { group: group.id, status: 'refused', reason: outside, records };
	}

	const named = accountsNamed(writes);
	const accounts = named.length
		? (await locked.read(named.map((id) => ({ kind: 'accounts' as const, id }))))
				.filter((record) => record.body !== null)
				.map((record) => record.body)
		: [];
	const scorecards = writes.some((write) => write.kind === 'plays')
		? (await locked.list(['scorecards'])).map((record) => record.body)
		: [];
	const checked = checkRecords(stampAuthors(writes, held, pusher.actor.email), {
		accounts,
		scorecards
	});
	if (!checked.ok)
		return { group: group.id, status: 'refused', reason: checked.problems.join('; '), records };
	await locked.write(
		checked.writes.map((write) => ({ ...write, id: serverId(write) })),
		{ actor: pusher.actor, client }
	);
	return { group: group.id, status: 'applied', revision: await locked.finish() };
}

/** Commits each group in turn; `onApplied` hears of each commit (for the audit log and the live events). */
export async function pushChanges(
	records: WorkspaceRecords,
	request: PushRequest,
	pusher: Pusher,
	onApplied: (group: ChangeGroup, revision: number) => Promise<void>
): Promise<GroupResult[]> {
	const results: GroupResult[] = [];
	for (const group of request.groups) {
		const result = await records.locked((locked) =>
			commitGroup(locked, group, request.client, pusher)
		);
		if (result.status === 'applied') await onApplied(group, result.revision);
		results.push(result);
	}
	return results;
}

export class PushRequestError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A push request's shape, checked before anything is read: a named error for each thing wrong. */
export function parsePushRequest(input: unknown): PushRequest {
	if (!isObject(input)) throw new PushRequestError('expected a JSON object');
	const { client, groups } = input;
	if (typeof client !== 'string' || client.length === 0 || client.length > 100)
		throw new PushRequestError('client: expected the replica id, 1 to 100 characters');
	if (!Array.isArray(groups)) throw new PushRequestError('groups: expected an array');
	let total = 0;
	const parsed = groups.map((group, g): ChangeGroup => {
		const at = `groups[${g}]`;
		if (!isObject(group)) throw new PushRequestError(`${at}: expected an object`);
		if (typeof group.id !== 'string' || group.id.length === 0 || group.id.length > 100)
			throw new PushRequestError(`${at}.id: expected 1 to 100 characters`);
		if (!Number.isSafeInteger(group.base) || (group.base as number) < 0)
			throw new PushRequestError(`${at}.base: expected a revision (an integer >= 0)`);
		if (!Array.isArray(group.changes) || group.changes.length === 0)
			throw new PushRequestError(`${at}.changes: expected a non-empty array`);
		total += group.changes.length;
		if (total > PUSH_MAX_CHANGES)
			throw new PushRequestError(`more than ${PUSH_MAX_CHANGES} changes in one push`);
		const seen = new Set<string>();
		const changes = group.changes.map((change, c) => {
			if (!isObject(change) || !isRecordKind(change.kind) || typeof change.id !== 'string')
				throw new PushRequestError(`${at}.changes[${c}]: expected {kind, id, body}`);
			const key = `${change.kind}\u0000${change.id}`;
			if (seen.has(key))
				throw new PushRequestError(
					`${at}.changes[${c}]: ${change.kind} ${change.id} twice in one group`
				);
			seen.add(key);
			return { kind: change.kind as RecordKind, id: change.id, body: change.body ?? null };
		});
		return { id: group.id, base: group.base as number, changes };
	});
	return { client, groups: parsed };
}
