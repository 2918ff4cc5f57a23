/**
 * A browser's replica of the team workspace in tests: a fake-indexeddb store synced with the app's
 * server in process (`appFetch`), through the real sync client, running: it pushes what changes
 * here within a moment. `sync()` runs a round now (push, then pull what the server has), as the
 * client does when the server announces a revision (no event stream in node).
 */
import type { ScorecraftDatabase } from '../../src/lib/db';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '../../src/lib/db/testing';
import { SyncLoop } from '../../src/lib/state/sync/loop';
import { HttpTransport } from '../../src/lib/state/sync/transport';

export interface TestReplica {
	db: ScorecraftDatabase;
	sync(): Promise<void>;
	/** Stops syncing (the browser offline, or closed); `start` goes on from where it was. */
	stop(): void;
	start(): void;
}

/** A replica brought up to date with the server behind `fetch`, and kept pushing. */
export async function replicaOf(fetch: typeof globalThis.fetch): Promise<TestReplica> {
	liveQueriesOnFakeIndexedDb();
	const db = testDatabase('replica');
	const loop = new SyncLoop(db, new HttpTransport({ fetch }), { locks: null, pushDelayMs: 20 });
	loop.start();
	await loop.sync();
	return { db, sync: () => loop.sync(), stop: () => loop.stop(), start: () => void loop.start() };
}

/** Publishes `workspace` to the server behind `fetch` (as its owner would restore a file). */
export async function publishTo(fetch: typeof globalThis.fetch, workspace: unknown): Promise<void> {
	const response = await fetch('/api/workspace', {
		method: 'PUT',
		body: JSON.stringify(workspace)
	});
	if (!response.ok) throw new Error(`publish: ${response.status} ${await response.text()}`);
}
