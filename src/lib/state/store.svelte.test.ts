// Dexie's live queries watch the global IndexedDB (as in a browser), not only a database's own.
import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { importRecords, replaceWorkspace, scoreCacheState, type ScorecraftDatabase } from '$lib/db';
import { writeMeta } from '$lib/db/meta';
import { testDatabase } from '$lib/db/testing';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { LiveQuery } from './live-query.svelte';
import { RefreshClient } from './refresh-client';
import { Store } from './store.svelte';

const AS_OF = '2026-11-24';

async function exampleStore(): Promise<ScorecraftDatabase> {
	const db = testDatabase('store');
	await replaceWorkspace(db, exampleWorkspace());
	return db;
}

/** A store on `db`, working on this thread (jsdom has no workers). */
function startedStore(db: ScorecraftDatabase, today = () => AS_OF) {
	const store = new Store(today);
	const stop = store.start(
		db,
		new RefreshClient(
			() => db,
			() => null
		)
	);
	return { store, stop };
}

describe('Store', () => {
	it('starts, scores the data, and says as of when', async () => {
		const db = await exampleStore();
		const { store, stop } = startedStore(db);
		expect(store.status).toEqual({ kind: 'starting' });
		await waitFor(() => expect(store.status).toEqual({ kind: 'ready', asOf: AS_OF }));
		expect(store.asOf).toBe(AS_OF);
		expect(store.started).toMatchObject({ refresh: { status: 'computed' } });
		expect(store.lastRefresh).toMatchObject({ status: 'computed', accounts: 2 });
		expect(await db.scores.count()).toBe(2);
		stop();
	});

	it('scores with the client made ready before it started, and ends one it never took', async () => {
		const db = await exampleStore();
		const store = new Store(() => AS_OF);
		const onPage = () => new RefreshClient(() => db, () => null); // prettier-ignore
		const prepared = onPage();
		const closed = vi.spyOn(prepared, 'close');
		store.prepare(db, () => prepared);
		const stop = store.start(db);
		await waitFor(() => expect(store.status).toEqual({ kind: 'ready', asOf: AS_OF }));
		expect(closed).not.toHaveBeenCalled();
		stop();
		expect(closed).toHaveBeenCalledOnce();

		const unused = onPage();
		const unusedClosed = vi.spyOn(unused, 'close');
		new Store(() => AS_OF).prepare(db, () => unused)();
		expect(unusedClosed).toHaveBeenCalledOnce();
	});

	it('scores again when the data changes behind it, as an import elsewhere does', async () => {
		const db = await exampleStore();
		const { store, stop } = startedStore(db);
		await waitFor(() => expect(store.status.kind).toBe('ready'));

		await importRecords(db, { accounts: [{ id: 'initech', name: 'Initech', segment: 'scale' }] });
		await waitFor(async () => {
			expect(await db.scores.count()).toBe(3);
			expect(store.status).toEqual({ kind: 'ready', asOf: AS_OF });
		});
		expect((await scoreCacheState(db)).current).toBe(true);
		stop();
	});

	it('waits for the last page of a change that comes in several pages before scoring it', async () => {
		const db = await exampleStore();
		const { store, stop } = startedStore(db);
		await waitFor(() => expect(store.status.kind).toBe('ready'));
		// The first page of a large change: written, more to come.
		await writeMeta(db, 'syncCursor', 'page-2');
		await importRecords(db, { accounts: [{ id: 'initech', name: 'Initech', segment: 'scale' }] });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(await db.scores.count()).toBe(2);
		expect(store.status.kind).toBe('scoring');
		// The last page: scored once, with everything.
		await importRecords(db, { accounts: [{ id: 'hooli', name: 'Hooli', segment: 'scale' }] });
		await writeMeta(db, 'syncCursor', null);
		await waitFor(async () => {
			expect(await db.scores.count()).toBe(4);
			expect(store.status).toEqual({ kind: 'ready', asOf: AS_OF });
		});
		stop();
	});

	it('scores again on a new day', async () => {
		const db = await exampleStore();
		let today = AS_OF;
		const { store, stop } = startedStore(db, () => today);
		await waitFor(() => expect(store.asOf).toBe(AS_OF));
		today = '2026-11-25';
		// Any change to the caches' state makes the store look again; a new day is found then.
		await importRecords(db, { accounts: [{ id: 'initech', name: 'Initech', segment: 'scale' }] });
		await waitFor(() => expect(store.status).toEqual({ kind: 'ready', asOf: '2026-11-25' }));
		stop();
	});

	it('shows an error when scoring fails, and does not retry the same data in a loop', async () => {
		const db = await exampleStore();
		const { store, stop } = startedStore(db, () => 'not a date');
		await waitFor(() => expect(store.status.kind).toBe('error'));
		stop();
	});
});

describe('LiveQuery', () => {
	it('follows the store as it changes, and stops on teardown', async () => {
		const db = await exampleStore();
		let count!: LiveQuery<number>;
		const destroy = $effect.root(() => {
			count = new LiveQuery(() => db.accounts.count());
		});
		expect(count.loading).toBe(true);
		await waitFor(() => expect(count.current).toBe(2));
		await importRecords(db, { accounts: [{ id: 'initech', name: 'Initech', segment: 'scale' }] });
		await waitFor(() => expect(count.current).toBe(3));
		destroy();
		await importRecords(db, { accounts: [{ id: 'hooli', name: 'Hooli', segment: 'scale' }] });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(count.current).toBe(3);
	});

	it('starts over when its parameters change, and reports errors', async () => {
		const db = await exampleStore();
		const params = $state({ id: 'acme' });
		let name!: LiveQuery<string | undefined>;
		let failing!: LiveQuery<number>;
		const destroy = $effect.root(() => {
			name = new LiveQuery(
				async () => (await db.accounts.get(params.id))?.name,
				() => params.id
			);
			failing = new LiveQuery(() => Promise.reject(new Error('no such table')));
		});
		await waitFor(() => expect(name.current).toBe('Acme Ltd'));
		params.id = 'globex';
		await waitFor(() => expect(name.current).toBe('Globex'));
		await waitFor(() => expect(failing.error).toBe('no such table'));
		expect(failing.loading).toBe(false);
		destroy();
	});
});
