/**
 * `npm run bench:team [-- --accounts 20000 --weeks 50]`: the team workspace at scale, the server
 * and two replicas in one process. The server store is PGlite in memory; each replica is the real
 * sync client on fake-indexeddb, with a transport that calls the server's sync functions and sends
 * every request and answer through JSON as the wire would (no HTTP: a browser's figure adds its
 * network and real IndexedDB, which the team journey in Chromium prints). Prints the server's write
 * of the workspace, a new replica's first load, a change pushed by one replica reaching the other,
 * and the process's memory.
 */
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '../src/lib/db/testing';
import { openPglite } from '../src/lib/server/store/database';
import { storeOn, type Store } from '../src/lib/server/store/store';
import { pushChanges, type Pusher } from '../src/lib/server/sync/push';
import { SyncLoop } from '../src/lib/state/sync/loop';
import type { PullRequest, SyncTransport } from '../src/lib/state/sync/transport';
import { PULL_PAGE_LIMIT, type PushRequest } from '../src/lib/sync/protocol';

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '2000' },
		weeks: { type: 'string', default: '52' }
	}
});
const accounts = Number(values.accounts);
const weeks = Number(values.weeks);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The sync endpoints, in process; announces each commit to every subscriber, as the event stream does. */
class InProcessTransport implements SyncTransport {
	static readonly listeners = new Set<(revision: number) => void>();
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
			async (_g, revision) => {
				for (const listener of InProcessTransport.listeners) listener(revision);
			}
		);
		return wire({ results });
	}

	subscribe(onRevision: (revision: number) => void, onState: (open: boolean) => void) {
		InProcessTransport.listeners.add(onRevision);
		onState(true);
		return () => InProcessTransport.listeners.delete(onRevision);
	}
}

liveQueriesOnFakeIndexedDb();
const database = await openPglite(null);
const store = await storeOn(database);
const [owner] = await database.query<{ id: string }>(
	`insert into "auth_user" (name, email, "emailVerified") values ('Owner', 'owner@bench.example', true) returning id`
);
const pusher: Pusher = { actor: { id: owner!.id, email: 'owner@bench.example' }, role: 'owner' };

const workspace = generateSample({ accounts, weeks, end: SAMPLE_END });
const records =
	workspace.accounts.length +
	workspace.contacts.length +
	workspace.snapshots.length +
	workspace.outcomes.length;
console.log(
	`workspace: ${accounts.toLocaleString('en-US')} accounts × ${weeks} weeks: ${workspace.snapshots.length.toLocaleString('en-US')} snapshots, ${records.toLocaleString('en-US')} records in all`
);

let started = performance.now();
await store.published.replace(workspace, pusher.actor);
console.log(`server: write the workspace: ${seconds(performance.now() - started)}`);
started = performance.now();
await store.published.current();
const server = process.memoryUsage();
console.log(
	`server: read it for its plan: ${seconds(performance.now() - started)}; memory then: rss ${megabytes(server.rss)}, heap ${megabytes(server.heapUsed)}`
);

async function replica(label: string) {
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

const first = await replica('first');
console.log(
	`new replica: first load of ${(await first.db.snapshots.count()).toLocaleString('en-US')} snapshots: ${seconds(first.loadMs)}`
);
const second = await replica('second');
console.log(`a second new replica: first load: ${seconds(second.loadMs)}`);

// One change in the first replica reaching the second: pushed at once, announced, pulled.
const account = workspace.accounts[0]!;
const arrived = new Promise<number>((resolve) => {
	const poll = setInterval(async () => {
		if ((await second.db.accounts.get(account.id))?.csm === 'new-csm@bench.example') {
			clearInterval(poll);
			resolve(performance.now());
		}
	}, 5);
});
started = performance.now();
await first.db.accounts.put({ ...account, csm: 'new-csm@bench.example' });
console.log(`a change reaching another replica: ${seconds((await arrived) - started)}`);

first.loop.stop();
second.loop.stop();
const memory = process.memoryUsage();
console.log(
	`process memory (server, two replicas in fake-indexeddb): rss ${megabytes(memory.rss)}, heap ${megabytes(memory.heapUsed)}`
);
await database.close();
