/** For tests only: a database of its own on fake-indexeddb, and small workspaces to fill it. */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Workspace } from '$lib/engine';
import { ScorecraftDatabase } from './database';

/** Options that point Dexie at fake-indexeddb instead of a browser's IndexedDB. */
export const fakeIndexedDb = { indexedDB, IDBKeyRange };

/**
 * `liveQuery` runs its querier only where Dexie found an IndexedDB when it loaded, which node has
 * not: give it fake-indexeddb for tests that subscribe.
 */
export function liveQueriesOnFakeIndexedDb(): void {
	Object.assign(Dexie.dependencies, fakeIndexedDb);
}

let databases = 0;

/** A database under a name no other test uses, so tests never see each other's data. */
export function uniqueName(label = 'test'): string {
	databases += 1;
	return `${label}-${databases}`;
}

export function testDatabase(label?: string): ScorecraftDatabase {
	return new ScorecraftDatabase(uniqueName(label), fakeIndexedDb);
}

/** Records sorted by a key, for comparing lists whose order the store does not keep. */
export function sortedBy<T>(records: readonly T[], key: (record: T) => string): T[] {
	return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A workspace's lists each in a canonical order: two workspaces equal up to record order compare equal. */
export function canonical(workspace: Workspace): Workspace {
	return {
		...workspace,
		accounts: sortedBy(workspace.accounts, (r) => r.id),
		contacts: sortedBy(workspace.contacts, (r) => r.id),
		snapshots: sortedBy(workspace.snapshots, (r) => `${r.account_id}\u0000${r.date}`),
		outcomes: sortedBy(workspace.outcomes, (r) => JSON.stringify(r)),
		scorecards: sortedBy(workspace.scorecards, (r) => r.id),
		plays: sortedBy(workspace.plays, (r) => r.id),
		templates: sortedBy(workspace.templates, (r) => r.id)
	};
}
