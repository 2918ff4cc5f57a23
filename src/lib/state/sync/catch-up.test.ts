import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { writeMeta } from '$lib/db/meta';
import { testDatabase } from '$lib/db/testing';
import { replicaAt } from './catch-up';

const db = testDatabase('catch-up');
afterEach(async () => {
	await writeMeta(db, 'syncRevision', 0);
	await writeMeta(db, 'syncCursor', null);
});

describe('replicaAt', () => {
	it('waits as long as pages of a large change keep arriving, past the wait without one', async () => {
		await writeMeta(db, 'syncRevision', 2);
		let page = 0;
		// A page every 80 ms for 400 ms: longer than the 150 ms allowed without a page.
		const arriving = setInterval(() => {
			page += 1;
			void (page < 5
				? writeMeta(db, 'syncCursor', `page-${page}`)
				: writeMeta(db, 'syncRevision', 3).then(() => writeMeta(db, 'syncCursor', null)));
			if (page >= 5) clearInterval(arriving);
		}, 80);
		await expect(replicaAt(db, 3, 150)).resolves.toBeUndefined();
		expect(page).toBe(5);
	});

	it('gives up, naming the revision, once no page has arrived for the wait', async () => {
		await writeMeta(db, 'syncRevision', 2);
		await writeMeta(db, 'syncCursor', 'page-1');
		await expect(replicaAt(db, 3, 150)).rejects.toThrow(
			'this browser has not received revision 3 of the workspace yet (offline?)'
		);
	});
});
