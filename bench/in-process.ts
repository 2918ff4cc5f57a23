/**
 * What the team benchmarks share: the server's store on PGlite in memory with its owner, and
 * replicas that are the real sync client on fake-indexeddb, reaching the server through the sync
 * functions in this process. Every request and answer goes through JSON as the wire would (no
 * HTTP: a browser's figure adds its network and real IndexedDB, which the journeys in Chromium
 * print).
 */
import type { ScorecraftDatabase } from '../src/lib/db/database';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '../src/lib/db/testing';
import { openPglite, openPostgres, type Database } from '../src/lib/server/store/database';
import { storeOn, type Store } from '../src/lib/server/store/store';
import { pushChanges, type Pusher } from '../src/lib/server/sync/push';
import { SyncLoop } from '../src/lib/state/sync/loop';
import type { PullRequest, SyncTransport } from '../src/lib/state/sync/transport';
import { PULL_PAGE_LIMIT, type PushRequest } from '../src/lib/sync/protocol';

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The sync endpoints, in process; `announce` tells every replica of a commit, as the event stream does. */
export class InProcessTransport implements SyncTransport {
	static readonly listeners = new Set<(revision: number) => void>();

	static announce(revision: number): void {
		for (const listener of InProcessTransport.listeners) listener(revision);
	}

	constructor(
		private readonly store: Store,
		private readonly pusher: Pusher
	) {}

	async pull(request: PullRequest) {
		const from = 'cursor' in request ? { cursor: request.cursor } : { since: request.since };
		const limit = Math.min(
			'limit' in request ? (request.limit ?? PULL_PAGE_LIMIT) : PULL_PAGE_LIMIT,
			PULL_PAGE_LIMIT
		);
		return wire(await this.store.published.records.pull(from, limit, this.pusher.actor));
	}

	async push(request: PushRequest) {
		const results = await pushChanges(
			this.store.published.records,
			wire(request),
			this.pusher,
			async (_group, revision) => InProcessTransport.announce(revision)
		);
		return wire({ results });
	}

	subscribe(onRevision: (revision: number) => void, onState: (open: boolean) => void) {
		InProcessTransport.listeners.add(onRevision);
		onState(true);
		return () => InProcessTransport.listeners.delete(onRevision);
	}
}

/**
 * The server's store on PGlite in memory (or on the empty PostgreSQL database at `url`), and its
 * owner as the one who pushes.
 */
export async function benchServer(url?: string): Promise<{
	database: Database;
	store: Store;
	owner: Pusher;
}> {
	liveQueriesOnFakeIndexedDb();
	const database = url ? await openPostgres(url) : await openPglite(null);
	const store = await storeOn(database);
	const [row] = await database.query<{ id: string }>(
		`insert into "auth_user" (name, email, "emailVerified") values ('Owner', 'owner@bench.example', true) returning id`
	);
	const owner: Pusher = { actor: { id: row!.id, email: 'owner@bench.example' }, role: 'owner' };
	return { database, store, owner };
}

export interface BenchReplica {
	db: ScorecraftDatabase;
	loop: SyncLoop;
	/** The first load's time, from start to holding the server's head. */
	loadMs: number;
}

/** A new browser's replica, started and loaded. */
export async function benchReplica(
	label: string,
	store: Store,
	pusher: Pusher
): Promise<BenchReplica> {
	const db = testDatabase(label);
	const loop = new SyncLoop(db, new InProcessTransport(store, pusher), {
		locks: null,
		pushDelayMs: 0
	});
	const began = performance.now();
	loop.start();
	await loop.sync();
	return { db, loop, loadMs: performance.now() - began };
}
