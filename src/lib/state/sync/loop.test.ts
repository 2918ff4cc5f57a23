import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Play } from '$lib/engine';
import { ScorecraftDatabase } from '$lib/db/database';
import { resolveConflict } from '$lib/db/sync';
import {
	canonical,
	fakeIndexedDb,
	liveQueriesOnFakeIndexedDb,
	testDatabase,
	uniqueName
} from '$lib/db/testing';
import { exportWorkspace, replaceWorkspace } from '$lib/db/workspace';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { SyncLoop, type SyncLoopOptions, type SyncStatus } from './loop';
import { FakeLocks, FakeSyncServer, FakeTransport } from './testing';
import { SyncTransportError, type SyncTransport } from './transport';

liveQueriesOnFakeIndexedDb();

const fast: SyncLoopOptions = { pushDelayMs: 10, retryMs: 20, retryMaxMs: 100, locks: null };
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const eventually = (check: () => Promise<void> | void) =>
	vi.waitFor(check, { timeout: 5_000, interval: 10 });

/** A browser: its own database, a connection to `server`, and its sync loop started. */
function browser(
	server: FakeSyncServer,
	options: { db?: ScorecraftDatabase; transport?: SyncTransport } & SyncLoopOptions = {}
) {
	const db = options.db ?? testDatabase('replica');
	const transport = options.transport ?? new FakeTransport(server);
	const statuses: SyncStatus[] = [];
	const loop = new SyncLoop(db, transport, {
		...fast,
		...options,
		onStatus: (status) => statuses.push(status)
	});
	stops.push(loop.start());
	return { db, transport: transport as FakeTransport, loop, statuses };
}

const play = (name: string): Play => ({
	id: 'call',
	name,
	enabled: false,
	mode: 'approve',
	when: true,
	actions: [],
	cooldown_days: 7
});

/** Two browsers holding the same workspace, `call` among its plays. */
async function twoInSync(server = new FakeSyncServer()) {
	const a = browser(server);
	await replaceWorkspace(a.db, exampleWorkspace());
	await a.db.plays.put(play('Call'));
	const b = browser(server);
	await eventually(async () => expect((await b.db.plays.get('call'))?.name).toBe('Call'));
	await eventually(() => expect([a.loop.status.pending, b.loop.status.phase]).toEqual([0, 'live']));
	return { a, b };
}

describe('the sync loop', () => {
	it('loads a new replica in pages with its progress, and two replicas converge', async () => {
		const server = new FakeSyncServer(3);
		const a = browser(server);
		await replaceWorkspace(a.db, exampleWorkspace());
		await eventually(() => expect(a.loop.status).toMatchObject({ phase: 'live', pending: 0 }));
		const records = [...server.records.values()].filter((record) => record.body !== null).length;

		const b = browser(server);
		await eventually(() => expect(b.loop.status.phase).toBe('live'));
		expect(b.statuses.filter((s) => s.phase === 'loading').map((s) => s.loaded)).toContain(3);
		expect(b.loop.status).toMatchObject({ loaded: records, total: records, pending: 0 });
		expect(canonical(await exportWorkspace(b.db))).toEqual(canonical(await exportWorkspace(a.db)));

		await b.db.plays.delete('scale-training');
		await b.db.manualEntries.add({
			account_id: 'acme',
			measure_id: 'relationship',
			value: 4,
			entered_by: 'Kim',
			entered_at: '2026-11-24T09:00:00.000Z'
		});
		await eventually(async () => {
			expect(await a.db.plays.count()).toBe(0);
			expect((await a.db.manualEntries.toArray()).map((entry) => entry.value)).toEqual([4]);
		});
		expect(await a.db.manualEntries.toCollection().primaryKeys()).toEqual(
			await b.db.manualEntries.toCollection().primaryKeys()
		);
	});

	it('keeps the edits of a replica offline and pushes them when the connection comes back', async () => {
		const { a, b } = await twoInSync();
		a.transport.setOnline(false);
		await a.db.plays.put(play('Offline edit'));
		await eventually(() => expect(a.loop.status).toMatchObject({ phase: 'offline', pending: 1 }));
		const pushes = a.transport.pushes;
		expect((await b.db.plays.get('call'))?.name).toBe('Call');

		a.transport.setOnline(true);
		await eventually(async () => expect((await b.db.plays.get('call'))?.name).toBe('Offline edit'));
		expect(a.transport.pushes).toBe(pushes + 1);
		await eventually(() => expect(a.loop.status).toMatchObject({ phase: 'live', pending: 0 }));
	});

	it('lands a conflict on the replica that pushed second, and pushes its version if the person keeps it', async () => {
		const { a, b } = await twoInSync();
		a.transport.setOnline(false);
		await a.db.plays.put(play('From A'));
		await b.db.plays.put(play('From B'));
		await eventually(() =>
			expect(server(b).records.get('plays\u0000call')?.body).toEqual(play('From B'))
		);

		a.transport.setOnline(true);
		await eventually(() => expect(a.loop.status).toMatchObject({ conflicts: 1, pending: 0 }));
		expect((await a.db.plays.get('call'))?.name).toBe('From B');
		const [conflict] = await a.db.syncConflicts.toArray();
		expect(conflict).toMatchObject({ kind: 'plays', id: 'call', mine: play('From A') });
		expect(conflict!.theirs.body).toEqual(play('From B'));

		await resolveConflict(a.db, conflict!.seq!, 'mine');
		await eventually(async () => expect((await b.db.plays.get('call'))?.name).toBe('From A'));
		expect(a.loop.status.conflicts).toBe(0);
	});

	it('stops at a refusal of the server, with a notice, the records put back', async () => {
		const { a } = await twoInSync();
		server(a).refuse = (group) =>
			group.changes.some((change) => change.kind === 'plays') ? 'plays are for ops' : null;
		await a.db.plays.put(play('Renamed'));
		await eventually(() => expect(a.loop.status).toMatchObject({ notices: 1, pending: 0 }));
		expect((await a.db.plays.get('call'))?.name).toBe('Call');
	});

	it('says signed out and waits for the person rather than retrying', async () => {
		let pulls = 0;
		const transport: SyncTransport = {
			pull: async () => {
				pulls += 1;
				throw new SyncTransportError('signed-out', 'signed out');
			},
			push: async () => ({ results: [] }),
			subscribe: () => () => undefined
		};
		const { loop } = browser(new FakeSyncServer(), { transport });
		await eventually(() =>
			expect(loop.status).toMatchObject({ phase: 'error', error: 'signed out' })
		);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(pulls).toBe(1);
	});

	it('syncs a database from one tab at a time', async () => {
		const server = new FakeSyncServer();
		const locks = new FakeLocks();
		const name = uniqueName('tabs');
		const first = browser(server, { db: new ScorecraftDatabase(name, fakeIndexedDb), locks });
		const second = browser(server, { db: new ScorecraftDatabase(name, fakeIndexedDb), locks });
		await eventually(() => expect(first.loop.status.phase).toBe('live'));
		await second.db.plays.put(play('From the second tab'));
		await eventually(() => expect(server.records.size).toBe(1));
		await eventually(() => expect(second.loop.status).toMatchObject({ phase: 'live', pending: 0 }));
		expect([first.transport.pushes, second.transport.pushes, second.transport.pulls]).toEqual([
			1, 0, 0
		]);

		first.loop.stop();
		await eventually(() => expect(second.transport.pulls).toBeGreaterThan(0));
	});
});

const server = (side: { transport: FakeTransport }) => side.transport.server;
