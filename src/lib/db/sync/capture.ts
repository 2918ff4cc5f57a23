/**
 * Change capture: every write to a table of the team's workspace, whichever module makes it, is
 * also kept in `syncChanges` for the sync client to push. It is a DBCore middleware rather than a
 * call in each writer so that no writer can forget it, and it writes in the writer's own IndexedDB
 * transaction (whose scope it widens) so that a record and its pending change commit or fail
 * together.
 *
 * Coalescing: a record keeps one pending row. A later write replaces the row's body but keeps its
 * seq, group and base: the base must stay the revision the person first saw, or a change another
 * replica made in between (which the applier does not write over a pending record) would be
 * silently overwritten instead of coming back as a conflict.
 */
import Dexie, {
	type DBCore,
	type DBCoreKeyRange,
	type DBCoreMutateRequest,
	type DBCoreMutateResponse,
	type DBCoreTable,
	type DBCoreTransaction,
	type Middleware,
	type Table
} from 'dexie';
import {
	isRecordKind,
	newRecordId,
	OUTBOUND_KINDS,
	recordIdOf,
	type RecordKind
} from '$lib/sync/protocol';
import { same } from '$lib/import/merge';
import type { Snapshot } from '$lib/engine';
import { SNAPSHOT_TABLE, type SnapshotBundle } from '../snapshot-store';
import type { PendingChange } from './types';

/** What a captured write also needs in its transaction. */
const CAPTURE_SCOPE = ['syncChanges', 'meta'];

/** Transactions that write what the server sent (`asReplica`): nothing in them is captured. */
const replicaTransactions = new WeakSet<DBCoreTransaction>();

/**
 * Per transaction: its group, and its capture work so far. The work runs one step after another,
 * so two writes of one record in a transaction still leave one pending row.
 */
const groups = new WeakMap<DBCoreTransaction, { id: string; queue: Promise<unknown> }>();

/**
 * Runs `work` in a transaction over `tables` whose writes are the replica's, not the person's: they
 * are not captured. Never nested in another transaction, whose writes it would then hide too.
 */
export async function asReplica<T>(
	db: Dexie,
	tables: (Table | string)[],
	work: () => Promise<T>
): Promise<T> {
	if (Dexie.currentTransaction) throw new Error('asReplica: called inside another transaction');
	// An async scope, so that Dexie follows `work`'s native awaits as being in the transaction.
	return db.transaction('rw', tables, async (tx) => {
		replicaTransactions.add(tx.idbtrans as unknown as DBCoreTransaction);
		return work();
	});
}

let lastTime = 0;

/**
 * Keys for new outcomes or manual entries: one `newRecordId` per write, numbered within it, on a
 * clock that never goes back, so that key order stays the order they were written in.
 */
function newKeys(count: number): string[] {
	lastTime = Math.max(Date.now(), lastTime + 1);
	const base = newRecordId(lastTime);
	if (count === 1) return [base];
	const width = Math.max(1, (count - 1).toString(36).length);
	return Array.from({ length: count }, (_, i) => `${base}-${i.toString(36).padStart(width, '0')}`);
}

/**
 * The record id of a key, or null for a number key of an outbound kind: a row written before the
 * replica existed, which the server never had under that key.
 */
function idOf(kind: RecordKind, key: unknown): string | null {
	if (OUTBOUND_KINDS.has(kind) && typeof key === 'number') return null;
	return recordIdOf(kind, key);
}

const rangeOf = (lower: unknown, upper: unknown): DBCoreKeyRange => ({
	type: 2 as DBCoreKeyRange['type'],
	lower,
	upper
});

/** Records `changes` (id → body) as pending in `trans`: new rows, or new bodies for pending ones. */
async function writeChanges(
	core: DBCore,
	trans: DBCoreTransaction,
	group: string,
	kind: RecordKind,
	changes: Map<string, unknown>
): Promise<void> {
	const pending = core.table('syncChanges');
	const ids = [...changes.keys()].sort();
	const [{ result }, revision] = await Promise.all([
		pending.query({
			trans,
			values: true,
			query: {
				index: pending.schema.getIndexByKeyPath(['kind', 'id'])!,
				range: rangeOf([kind, ids[0]], [kind, ids.at(-1)])
			}
		}),
		core.table('meta').get({ trans, key: 'syncRevision' })
	]);
	const existing = new Map((result as PendingChange[]).map((row) => [row.id, row]));
	const at = new Date().toISOString();
	const base = (revision?.value as number | undefined) ?? 0;
	const rows = [...changes].map(([id, body]): PendingChange => {
		const row = existing.get(id);
		return row ? { ...row, body, at } : { group, base, kind, id, body, at };
	});
	const response = await pending.mutate({ type: 'put', trans, values: rows });
	if (response.numFailures > 0) throw Object.values(response.failures)[0];
}

/** The changes a write made, by record id (the last write of a key wins), failed operations left out. */
function changesOf(
	kind: RecordKind,
	keys: readonly unknown[],
	bodies: readonly unknown[] | null,
	failures: DBCoreMutateResponse['failures']
): Map<string, unknown> {
	const changes = new Map<string, unknown>();
	keys.forEach((key, i) => {
		if (failures[i]) return;
		const id = idOf(kind, key);
		if (id !== null) changes.set(id, bodies ? bodies[i] : null);
	});
	return changes;
}

/** Records `changes` of `kind` as pending, one step after the transaction's earlier captures. */
function capture(
	core: DBCore,
	trans: DBCoreTransaction,
	kind: RecordKind,
	changes: Map<string, unknown>
): Promise<unknown> {
	if (changes.size === 0) return Promise.resolve();
	let state = groups.get(trans);
	if (!state) groups.set(trans, (state = { id: newRecordId(), queue: Promise.resolve() }));
	const { id } = state;
	const step = state.queue.then(() => writeChanges(core, trans, id, kind, changes));
	state.queue = step.catch(() => undefined);
	return step;
}

/** Writes the server sent, and schema upgrades: neither is the person's edit. */
const uncaptured = (trans: DBCoreTransaction): boolean =>
	replicaTransactions.has(trans) || (trans as unknown as IDBTransaction).mode === 'versionchange';

function captureTable(core: DBCore, table: DBCoreTable, kind: RecordKind): DBCoreTable {
	const { primaryKey } = table.schema;

	async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
		if (uncaptured(req.trans)) return table.mutate(req);
		if (req.type === 'deleteRange') {
			// Deleted by range, the keys are never named: read them first, in the same transaction.
			const { result: keys } = await table.query({
				trans: req.trans,
				query: { index: primaryKey, range: req.range }
			});
			const response = await table.mutate(req);
			if (response.numFailures === 0)
				await capture(core, req.trans, kind, changesOf(kind, keys, null, {}));
			return response;
		}
		if (req.type === 'delete') {
			const response = await table.mutate(req);
			await capture(core, req.trans, kind, changesOf(kind, req.keys, null, response.failures));
			return response;
		}
		// Outbound kinds get string keys here, so a record's id is the same in every browser.
		const keyed =
			OUTBOUND_KINDS.has(kind) && !req.keys?.every((key) => key != null)
				? { ...req, keys: newKeys(req.values.length).map((key, i) => req.keys?.[i] ?? key) }
				: req;
		const keys = keyed.keys ?? keyed.values.map((value) => primaryKey.extractKey!(value));
		const response = await table.mutate(keyed);
		await capture(core, req.trans, kind, changesOf(kind, keys, keyed.values, response.failures));
		return response;
	}

	return { ...table, mutate };
}

/**
 * Snapshots are stored one record per account (`SnapshotStore`): a write of an account's record
 * is captured as the changes of the snapshots in it, each compared with what the record held.
 */
function captureSnapshotBundles(core: DBCore, table: DBCoreTable): DBCoreTable {
	const { primaryKey } = table.schema;

	/** The accounts a write touches, with the bundles they held before it. */
	async function heldBefore(req: DBCoreMutateRequest): Promise<Map<string, Snapshot[]>> {
		const { trans } = req;
		let keys: unknown[];
		let bundles: (SnapshotBundle | undefined)[];
		if (req.type === 'deleteRange') {
			const { result } = await table.query({
				trans,
				values: true,
				query: { index: primaryKey, range: req.range }
			});
			const held = result as SnapshotBundle[];
			bundles = held;
			keys = held.map((bundle) => bundle.account_id);
		} else {
			keys =
				req.type === 'delete'
					? req.keys
					: (req.keys ?? req.values.map((value) => primaryKey.extractKey!(value)));
			bundles = (await table.getMany({ trans, keys })) as (SnapshotBundle | undefined)[];
		}
		return new Map(keys.map((key, i) => [key as string, bundles[i]?.snapshots ?? []]));
	}

	async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
		if (uncaptured(req.trans)) return table.mutate(req);
		const before = await heldBefore(req);
		const response = await table.mutate(req);
		const after = new Map<string, Snapshot[]>();
		if (req.type === 'add' || req.type === 'put')
			req.values.forEach((value, i) => {
				if (!response.failures[i]) {
					const bundle = value as SnapshotBundle;
					after.set(bundle.account_id, bundle.snapshots);
				}
			});
		const changes = new Map<string, unknown>();
		for (const [account, held] of before) {
			if (req.type !== 'deleteRange' && req.type !== 'delete' && !after.has(account)) continue;
			const now = new Map((after.get(account) ?? []).map((s) => [s.date, s]));
			const was = new Map(held.map((s) => [s.date, s]));
			for (const date of was.keys())
				if (!now.has(date)) changes.set(recordIdOf('snapshots', [account, date]), null);
			for (const [date, snapshot] of now)
				if (!same(was.get(date), snapshot))
					changes.set(recordIdOf('snapshots', [account, date]), snapshot);
		}
		await capture(core, req.trans, 'snapshots', changes);
		return response;
	}

	return { ...table, mutate };
}

export const captureMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'SyncCapture',
	create: (down) => ({
		...down,
		transaction: (stores, mode, options) => {
			const captured =
				mode === 'readwrite' &&
				stores.some((name) => isRecordKind(name) || name === SNAPSHOT_TABLE);
			const scope = captured ? [...new Set([...stores, ...CAPTURE_SCOPE])] : stores;
			return down.transaction(scope, mode, options);
		},
		table: (name) => {
			const table = down.table(name);
			if (name === SNAPSHOT_TABLE) return captureSnapshotBundles(down, table);
			return isRecordKind(name) ? captureTable(down, table, name) : table;
		}
	})
};
