/** The changes waiting to be pushed, as the groups of a push request. */
import {
	PUSH_MAX_BYTES,
	PUSH_MAX_CHANGES,
	type ChangeGroup,
	type LocalChange
} from '$lib/sync/protocol';
import type { ScorecraftDatabase } from '../database';
import type { PendingChange } from './types';

export interface PushLimits {
	maxChanges: number;
	maxBytes: number;
}

/** Rows read at a time: a large import waiting to be pushed is never read whole. */
const CHUNK = 2_000;

const encoder = new TextEncoder();

/**
 * The pending rows in seq order. A group's rows are consecutive: transactions that capture all
 * write `syncChanges`, so they never overlap, and a coalesced row keeps its place.
 */
async function* rowsInOrder(db: ScorecraftDatabase): AsyncGenerator<PendingChange> {
	let after = 0;
	for (;;) {
		const rows = await db.syncChanges.where(':id').above(after).limit(CHUNK).toArray();
		yield* rows;
		if (rows.length < CHUNK) return;
		after = rows.at(-1)!.seq!;
	}
}

interface Packed {
	group: ChangeGroup;
	bytes: number;
}

interface OpenGroup {
	id: string;
	base: number;
	changes: Map<string, LocalChange>;
}

/** The groups, each complete, in order. */
async function* groupsInOrder(db: ScorecraftDatabase): AsyncGenerator<Packed> {
	let open = null as OpenGroup | null;
	const close = (group: OpenGroup): Packed => {
		const changes = [...group.changes.values()];
		const bytes = changes.reduce((sum, c) => sum + encoder.encode(JSON.stringify(c)).length, 0);
		return { group: { id: group.id, base: group.base, changes }, bytes };
	};
	for await (const row of rowsInOrder(db)) {
		if (open?.id !== row.group) {
			if (open) yield close(open);
			open = { id: row.group, base: row.base, changes: new Map() };
		}
		// The rows of one transaction share their base; the lowest is the safe one if they ever do not.
		open.base = Math.min(open.base, row.base);
		// Two rows for one record (two writes of it at once in one transaction): the later one holds.
		const key = `${row.kind}\u0000${row.id}`;
		open.changes.delete(key);
		open.changes.set(key, { kind: row.kind, id: row.id, body: row.body });
	}
	if (open) yield close(open);
}

/**
 * The next push: whole groups in order, as many as fit the limits. A group is never split, and a
 * group larger than the limits goes alone.
 */
export async function pendingGroups(
	db: ScorecraftDatabase,
	limits: PushLimits = { maxChanges: PUSH_MAX_CHANGES, maxBytes: PUSH_MAX_BYTES }
): Promise<ChangeGroup[]> {
	const batch: ChangeGroup[] = [];
	let changes = 0;
	let bytes = 0;
	for await (const packed of groupsInOrder(db)) {
		changes += packed.group.changes.length;
		bytes += packed.bytes;
		const fits = changes <= limits.maxChanges && bytes <= limits.maxBytes;
		if (fits || batch.length === 0) batch.push(packed.group);
		if (!fits) break;
	}
	return batch;
}
