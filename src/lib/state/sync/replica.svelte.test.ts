// Dexie's live queries watch the global IndexedDB (as in a browser), not only a database's own.
import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { expect, it } from 'vitest';
import { testDatabase } from '$lib/db/testing';
import { Replica } from './replica.svelte';
import { FakeSyncServer, FakeTransport } from './testing';

it('gives the pages the sync status as state that follows the loop', async () => {
	const db = testDatabase('replica');
	const replica = new Replica(db, new FakeTransport(new FakeSyncServer()), {
		locks: null,
		pushDelayMs: 100
	});
	const seen: string[] = [];
	const cleanup = $effect.root(() => {
		$effect(() => {
			seen.push(`${replica.status.phase}:${replica.status.pending}`);
		});
	});
	const stop = replica.start();
	try {
		await waitFor(() => expect(replica.status.phase).toBe('live'));
		await db.templates.put({ id: 'hello', subject: 'Hi', mjml: '<mjml></mjml>' });
		await waitFor(() => expect(seen).toContain('live:1'));
		await waitFor(() => expect(replica.status).toMatchObject({ phase: 'live', pending: 0 }));
		flushSync();
		expect(seen.at(-1)).toBe('live:0');
	} finally {
		stop();
		cleanup();
	}
});
