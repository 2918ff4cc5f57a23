import { describe, expect, it } from 'vitest';
import type { Snapshot } from '$lib/engine';
import { asReplica } from './sync/capture';
import { testDatabase } from './testing';

const snapshot = (account: string, date: string, logins: number): Snapshot => ({
	account_id: account,
	date,
	metrics: { logins }
});

const pendingSummary = async (db: ReturnType<typeof testDatabase>) =>
	(await db.syncChanges.toArray()).map(({ kind, id, body }) => ({ kind, id, body }));

describe('snapshots stored one record per account', () => {
	it('keeps each account in one record, in date order, one snapshot per date, and reads by key', async () => {
		const db = testDatabase('snapshots');
		await db.snapshots.bulkPut([
			snapshot('b', '2026-02-01', 1),
			snapshot('a', '2026-03-01', 2),
			snapshot('a', '2026-01-01', 3),
			snapshot('a', '2026-03-01', 4)
		]);
		await db.snapshots.put(snapshot('a', '2026-02-01', 5));
		expect(await db.snapshotBundles.count()).toBe(2);
		expect(await db.snapshots.count()).toBe(4);
		expect(await db.snapshots.toArray()).toEqual([
			snapshot('a', '2026-01-01', 3),
			snapshot('a', '2026-02-01', 5),
			snapshot('a', '2026-03-01', 4),
			snapshot('b', '2026-02-01', 1)
		]);
		expect(
			await db.snapshots.bulkGet([
				['b', '2026-02-01'],
				['a', '2026-03-01'],
				['c', '2026-03-01'],
				['a', '2026-04-01']
			])
		).toEqual([
			snapshot('b', '2026-02-01', 1),
			snapshot('a', '2026-03-01', 4),
			undefined,
			undefined
		]);
		expect(await db.snapshots.accounts()).toEqual(['a', 'b']);

		await db.snapshots.bulkDelete([
			['b', '2026-02-01'],
			['a', '2026-02-01'],
			['c', '2026-02-01']
		]);
		// An account left with none has no record.
		expect(await db.snapshotBundles.toCollection().primaryKeys()).toEqual(['a']);
		expect(await db.snapshots.ofAccount('a')).toEqual([
			snapshot('a', '2026-01-01', 3),
			snapshot('a', '2026-03-01', 4)
		]);
	});

	it('adds nothing when one snapshot added is held already, or given twice', async () => {
		const db = testDatabase('snapshots');
		await db.snapshots.bulkAdd([snapshot('a', '2026-01-01', 1)]);
		await expect(
			db.snapshots.bulkAdd([snapshot('b', '2026-01-01', 2), snapshot('a', '2026-01-01', 3)])
		).rejects.toThrow(/\["a", "2026-01-01"\] is held already/);
		await expect(
			db.snapshots.bulkAdd([snapshot('c', '2026-01-01', 2), snapshot('c', '2026-01-01', 3)])
		).rejects.toThrow(/held already/);
		expect(await db.snapshots.toArray()).toEqual([snapshot('a', '2026-01-01', 1)]);
	});

	it('takes a person’s write as the changes of the snapshots it changed, and the server’s writes as none', async () => {
		const db = testDatabase('snapshots');
		await asReplica(db, [db.snapshotBundles], () =>
			db.snapshots.bulkPut([
				snapshot('a', '2026-01-01', 1),
				snapshot('a', '2026-02-01', 2),
				snapshot('b', '2026-01-01', 3)
			])
		);
		expect(await db.syncChanges.count()).toBe(0);

		// Rewriting an account's record changes one of its snapshots and adds another.
		await db.snapshots.bulkPut([
			snapshot('a', '2026-01-01', 1),
			snapshot('a', '2026-02-01', 20),
			snapshot('a', '2026-03-01', 30)
		]);
		expect(await pendingSummary(db)).toEqual([
			{ kind: 'snapshots', id: '["a","2026-02-01"]', body: snapshot('a', '2026-02-01', 20) },
			{ kind: 'snapshots', id: '["a","2026-03-01"]', body: snapshot('a', '2026-03-01', 30) }
		]);

		await db.syncChanges.clear();
		await db.snapshots.delete(['a', '2026-01-01']);
		await db.snapshots.bulkDelete([['b', '2026-01-01']]);
		expect(await pendingSummary(db)).toEqual([
			{ kind: 'snapshots', id: '["a","2026-01-01"]', body: null },
			{ kind: 'snapshots', id: '["b","2026-01-01"]', body: null }
		]);
	});
});
