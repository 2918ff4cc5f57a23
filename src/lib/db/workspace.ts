/**
 * The whole workspace in and out of the store: replace, export, empty. Each write is one
 * transaction, so a failure leaves the store as it was.
 */
import {
	emptyWorkspace,
	WORKSPACE_KEYS,
	type OutboxEntry,
	type Task,
	type Workspace
} from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { bumpDataVersion, readMeta, writeMeta } from './meta';

function recordTables(db: ScorecraftDatabase) {
	return [
		db.accounts,
		db.contacts,
		db.snapshotBundles,
		db.outcomes,
		db.scorecards,
		db.plays,
		db.templates,
		db.settings,
		db.manualEntries,
		db.scorecardVersions,
		db.scorecardDrafts,
		db.outbox,
		db.tasks
	];
}

/** Everything a whole-workspace write touches: the records, the store's facts and the caches. */
function workspaceTables(db: ScorecraftDatabase) {
	return [...recordTables(db), db.meta, db.scoreChunks, db.historyChunks];
}

/** Inside a transaction over `workspaceTables`: the store then holds `workspace` and nothing else. */
async function writeWorkspace(db: ScorecraftDatabase, workspace: Workspace): Promise<void> {
	await Promise.all(
		[...recordTables(db), db.scoreChunks, db.historyChunks].map((table) => table.clear())
	);
	// The caches described the old records; their as-of date goes with them.
	await db.meta.bulkDelete(['scoresAsOf', 'scoresDataVersion']);
	// bulkAdd, not bulkPut: a duplicate key must fail the write rather than silently drop a record.
	await Promise.all([
		db.accounts.bulkAdd(workspace.accounts),
		db.contacts.bulkAdd(workspace.contacts),
		db.snapshots.bulkAdd(workspace.snapshots),
		db.outcomes.bulkAdd(workspace.outcomes),
		db.scorecards.bulkAdd(workspace.scorecards),
		db.plays.bulkAdd(workspace.plays),
		db.templates.bulkAdd(workspace.templates),
		db.settings.put({ key: 'workspace', value: workspace.settings }),
		db.manualEntries.bulkAdd(workspace.manual_entries ?? []),
		db.scorecardVersions.bulkAdd(workspace.scorecard_versions ?? []),
		db.scorecardDrafts.bulkAdd(workspace.scorecard_drafts ?? []),
		// The schema's loose records and the engine's interfaces describe the same objects.
		db.outbox.bulkAdd((workspace.outbox ?? []) as unknown as OutboxEntry[]),
		db.tasks.bulkAdd((workspace.tasks ?? []) as unknown as Task[])
	]);
	const extra = Object.fromEntries(
		Object.entries(workspace).filter(([key]) => !WORKSPACE_KEYS.has(key))
	);
	await Promise.all([
		writeMeta(db, 'order', {
			scorecards: workspace.scorecards.map((record) => record.id),
			plays: workspace.plays.map((record) => record.id),
			templates: workspace.templates.map((record) => record.id)
		}),
		writeMeta(db, 'workspaceExtra', extra),
		// Any workspace written means the store is in use: the sample must never replace it.
		writeMeta(db, 'initialised', true),
		bumpDataVersion(db)
	]);
}

/** Replaces everything in the store with `workspace`, all or nothing. */
export async function replaceWorkspace(
	db: ScorecraftDatabase,
	workspace: Workspace
): Promise<void> {
	await db.transaction('rw', workspaceTables(db), () => writeWorkspace(db, workspace));
}

/** Records in the order of `ids`, then any the order does not name, as they came. */
export function inOrder<T extends { id: string }>(
	records: T[],
	ids: readonly string[] | undefined
): T[] {
	if (!ids) return records;
	const byId = new Map(records.map((record) => [record.id, record]));
	const ordered: T[] = [];
	for (const id of ids) {
		const record = byId.get(id);
		if (record) ordered.push(record);
		byId.delete(id);
	}
	return [...ordered, ...byId.values()];
}

/**
 * The workspace as stored, and the data version it was read at, in one read transaction: a cache
 * built from it is stamped with the version of exactly that data.
 */
export async function readWorkspace(
	db: ScorecraftDatabase
): Promise<{ workspace: Workspace; dataVersion: number }> {
	return db.transaction('r', [...recordTables(db), db.meta], async () => {
		const [accounts, contacts, snapshots, outcomes, scorecards, plays, templates, settings] =
			await Promise.all([
				db.accounts.toArray(),
				db.contacts.toArray(),
				db.snapshots.toArray(),
				db.outcomes.toArray(),
				db.scorecards.toArray(),
				db.plays.toArray(),
				db.templates.toArray(),
				db.settings.get('workspace')
			]);
		const [manualEntries, versions, drafts, outbox, tasks] = await Promise.all([
			db.manualEntries.toArray(),
			db.scorecardVersions.toArray(),
			db.scorecardDrafts.toArray(),
			db.outbox.orderBy('created_at').toArray(),
			db.tasks.toArray()
		]);
		const [order, extra, dataVersion] = await Promise.all([
			readMeta(db, 'order'),
			readMeta(db, 'workspaceExtra'),
			readMeta(db, 'dataVersion')
		]);
		const workspace: Workspace = {
			...emptyWorkspace(),
			accounts,
			contacts,
			snapshots,
			outcomes,
			scorecards: inOrder(scorecards, order?.scorecards),
			plays: inOrder(plays, order?.plays),
			templates: inOrder(templates, order?.templates),
			settings: settings?.value ?? {},
			// The later, optional lists appear only when they hold something, so a file without
			// them comes back without them.
			...(manualEntries.length ? { manual_entries: manualEntries } : {}),
			...(versions.length ? { scorecard_versions: versions } : {}),
			...(drafts.length ? { scorecard_drafts: drafts } : {}),
			...(outbox.length ? { outbox: outbox as unknown as Workspace['outbox'] } : {}),
			...(tasks.length ? { tasks: tasks as unknown as Workspace['tasks'] } : {}),
			...extra
		};
		return { workspace, dataVersion: dataVersion ?? 0 };
	});
}

/**
 * The store as a version-1 workspace document. Accounts, contacts and snapshots come in key order,
 * outcomes in the order they were written, scorecards, plays and templates in the order last given.
 */
export async function exportWorkspace(db: ScorecraftDatabase): Promise<Workspace> {
	return (await readWorkspace(db)).workspace;
}
