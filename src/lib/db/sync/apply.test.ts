import { describe, expect, it, vi } from 'vitest';
import type { Play } from '$lib/engine';
import type { ChangeGroup, PullPage, ServerRecord } from '$lib/sync/protocol';
import { readMeta, writeMeta } from '../meta';
import { testDatabase } from '../testing';
import { applyPage, applyResults } from './apply';
import { HeldIds } from './records';
import { resolveConflict } from './conflicts';
import { pendingGroups } from './pending';

const play = (id: string, name = id): Play => ({
	id,
	name,
	enabled: false,
	mode: 'approve',
	when: true,
	actions: [],
	cooldown_days: 7
});

const page = (changes: PullPage['changes'], revision: number, cursor: string | null = null) => ({
	head: revision,
	changes,
	revision,
	cursor
});

const server = (record: Omit<ServerRecord, 'by' | 'at'>): ServerRecord => ({
	...record,
	by: 'other',
	at: '2026-11-24T10:00:00Z'
});

describe('applying a pulled page', () => {
	it('writes records of every key shape, deletes, keeps the order and the replica’s facts', async () => {
		const db = testDatabase('apply');
		const outcome = { account_id: 'acme', date: '2026-01-01', type: 'renewed' };
		const snapshot = { account_id: 'acme', date: '2026-11-01', metrics: { seats_active: 3 } };
		await applyPage(
			db,
			page(
				[
					{ kind: 'plays', id: 'a', revision: 1, body: play('a') },
					{ kind: 'plays', id: 'b', revision: 2, body: play('b') },
					{ kind: 'outcomes', id: '0mx-1', revision: 2, body: outcome },
					{ kind: 'snapshots', id: '["acme","2026-11-01"]', revision: 3, body: snapshot }
				],
				3,
				'next'
			)
		);
		expect(await db.plays.count()).toBe(2);
		expect(await db.outcomes.get('0mx-1')).toEqual(outcome);
		expect(await db.snapshots.get(['acme', '2026-11-01'])).toEqual(snapshot);
		expect(await readMeta(db, 'order')).toEqual({
			scorecards: [],
			plays: ['a', 'b'],
			templates: []
		});
		expect(await readMeta(db, 'syncRevision')).toBe(3);
		expect(await readMeta(db, 'syncCursor')).toBe('next');
		expect(await readMeta(db, 'dataVersion')).toBe(1);
		expect(await readMeta(db, 'initialised')).toBe(true);
		expect(await db.syncChanges.count()).toBe(0);

		await applyPage(
			db,
			page(
				[
					{ kind: 'plays', id: 'a', revision: 4, body: null },
					{ kind: 'plays', id: 'c', revision: 4, body: play('c') }
				],
				4
			)
		);
		expect((await db.plays.toArray()).map((p) => p.id)).toEqual(['b', 'c']);
		expect((await readMeta(db, 'order'))?.plays).toEqual(['b', 'c']);
		expect(await readMeta(db, 'syncCursor')).toBeNull();
		expect(await readMeta(db, 'dataVersion')).toBe(2);

		// Records the replica already holds exactly so change nothing: the caches stay current.
		await applyPage(db, page([{ kind: 'plays', id: 'b', revision: 5, body: play('b') }], 5));
		expect(await readMeta(db, 'dataVersion')).toBe(2);
		expect(await readMeta(db, 'syncRevision')).toBe(5);
	});

	it('leaves a record with a pending change as the person made it', async () => {
		const db = testDatabase('apply');
		await db.plays.put(play('a', 'Mine'));
		await applyPage(
			db,
			page(
				[
					{ kind: 'plays', id: 'a', revision: 1, body: play('a', 'Theirs') },
					{ kind: 'plays', id: 'b', revision: 1, body: play('b') }
				],
				1
			)
		);
		expect((await db.plays.get('a'))?.name).toBe('Mine');
		expect(await db.plays.get('b')).toEqual(play('b'));
		expect(await db.syncChanges.count()).toBe(1);
	});

	it('reads what it holds once for the pages of a large pull, and writes what a look-up per record would', async () => {
		const db = testDatabase('apply');
		const snapshot = (account: string, seats: number) => ({
			account_id: account,
			date: '2026-11-02',
			metrics: { seats_active: seats }
		});
		const change = (account: string, seats: number | null, revision: number) => ({
			kind: 'snapshots' as const,
			id: JSON.stringify([account, '2026-11-02']),
			revision,
			body: seats === null ? null : snapshot(account, seats)
		});
		const accounts = Array.from({ length: 3000 }, (_, i) => `acct-${String(i).padStart(4, '0')}`);
		// Held before the pull: most of them, and one the person changed since (pending).
		await applyPage(
			db,
			page(
				accounts.slice(0, 2500).map((a) => change(a, 1, 1)),
				1
			)
		);
		await db.snapshots.put(snapshot('acct-0002', 99));
		expect(await readMeta(db, 'dataVersion')).toBe(1);

		const held = new HeldIds();
		// The same records again, unchanged: nothing is written, the caches stay current.
		expect(
			await applyPage(
				db,
				page(
					accounts.slice(0, 2500).map((a) => change(a, 1, 2)),
					2,
					'c'
				),
				held
			)
		).toBe(0);
		expect(await readMeta(db, 'dataVersion')).toBe(1);
		// Then new ones, changed ones and deleted ones, over two pages sharing what was read: only
		// records held are looked up (the pending one is left out before).
		const lookUps = vi.spyOn(db.snapshots, 'bulkGet');
		const changed = await applyPage(
			db,
			page(
				accounts.map((a, i) => change(a, i < 10 ? 2 : i < 20 ? null : 1, 3)),
				3,
				'd'
			),
			held
		);
		expect(changed).toBe(10 - 1 + 10 + 500);
		expect(lookUps.mock.calls.flatMap(([keys]) => keys)).toHaveLength(2500 - 1);
		lookUps.mockRestore();
		expect(
			await applyPage(db, page([change('acct-0010', 5, 4), change('acct-2999', null, 4)], 4), held)
		).toBe(2);
		expect(await db.snapshots.count()).toBe(3000 - 10);
		expect(await db.snapshots.get(['acct-0002', '2026-11-02'])).toEqual(snapshot('acct-0002', 99));
		expect(await db.snapshots.get(['acct-0003', '2026-11-02'])).toEqual(snapshot('acct-0003', 2));
		expect(await db.snapshots.get(['acct-0010', '2026-11-02'])).toEqual(snapshot('acct-0010', 5));
		expect(await db.snapshots.get(['acct-0015', '2026-11-02'])).toBeUndefined();
		expect(await db.snapshots.get(['acct-2998', '2026-11-02'])).toEqual(snapshot('acct-2998', 1));
		expect(await readMeta(db, 'dataVersion')).toBe(3);
		expect(await readMeta(db, 'syncRevision')).toBe(4);
	});
});

/** The store after the person changed `a` and `b` in one transaction, and the push of it. */
async function pushed() {
	const db = testDatabase('results');
	await writeMeta(db, 'syncRevision', 4);
	await db.transaction('rw', db.plays, async () => {
		await db.plays.put(play('a', 'Mine'));
		await db.plays.put(play('b', 'Mine too'));
	});
	const sent = await pendingGroups(db);
	return { db, sent, group: sent[0]!.id };
}

describe('applying the answer to a push', () => {
	it('drops applied changes, except one changed again while the push was on its way', async () => {
		const { db, sent, group } = await pushed();
		expect(sent).toEqual([
			{
				id: group,
				base: 4,
				changes: [
					{ kind: 'plays', id: 'a', body: play('a', 'Mine') },
					{ kind: 'plays', id: 'b', body: play('b', 'Mine too') }
				]
			}
		]);
		await db.plays.put(play('b', 'Changed again'));
		await applyResults(db, [{ group, status: 'applied', revision: 5 }], sent);
		expect(await db.syncChanges.toArray()).toMatchObject([
			{ kind: 'plays', id: 'b', base: 4, body: play('b', 'Changed again') }
		]);
	});

	it('keeps conflicts for the person and puts the server’s versions in place', async () => {
		const { db, sent, group } = await pushed();
		const theirs = server({ kind: 'plays', id: 'a', revision: 5, body: play('a', 'Theirs') });
		const b = server({ kind: 'plays', id: 'b', revision: 2, body: play('b') });
		await applyResults(
			db,
			[
				{
					group,
					status: 'conflict',
					conflicts: [{ kind: 'plays', id: 'a', mine: play('a', 'Mine'), theirs }],
					records: [theirs, b]
				}
			],
			sent
		);
		expect(await db.syncChanges.count()).toBe(0);
		expect((await db.plays.get('a'))?.name).toBe('Theirs');
		expect((await db.plays.get('b'))?.name).toBe('b');
		expect(await db.syncConflicts.toArray()).toMatchObject([
			{ kind: 'plays', id: 'a', mine: play('a', 'Mine'), theirs }
		]);
	});

	it('puts back what the server holds for a refused group, with a notice saying why', async () => {
		const { db, sent, group } = await pushed();
		const records = [
			server({ kind: 'plays', id: 'a', revision: 3, body: play('a') }),
			server({ kind: 'plays', id: 'b', revision: 0, body: null })
		];
		await applyResults(db, [{ group, status: 'refused', reason: 'ops only', records }], sent);
		expect(await db.syncChanges.count()).toBe(0);
		expect(await db.plays.toArray()).toEqual([play('a')]);
		expect(await db.syncNotices.toArray()).toMatchObject([
			{
				reason: 'ops only',
				records: [
					{ kind: 'plays', id: 'a' },
					{ kind: 'plays', id: 'b' }
				]
			}
		]);
	});
});

describe('settling a conflict', () => {
	async function conflicted() {
		const { db, sent, group } = await pushed();
		const theirs = server({ kind: 'plays', id: 'a', revision: 9, body: play('a', 'Theirs') });
		await applyResults(
			db,
			[
				{
					group,
					status: 'conflict',
					conflicts: [{ kind: 'plays', id: 'a', mine: play('a', 'Mine'), theirs }],
					records: [theirs, server({ kind: 'plays', id: 'b', revision: 0, body: null })]
				}
			],
			sent
		);
		const [conflict] = await db.syncConflicts.toArray();
		return { db, seq: conflict!.seq! };
	}

	it('keeps theirs: the conflict goes, nothing is pushed', async () => {
		const { db, seq } = await conflicted();
		expect(await resolveConflict(db, seq, 'theirs')).toBe(true);
		expect(await db.syncConflicts.count()).toBe(0);
		expect(await db.syncChanges.count()).toBe(0);
		expect((await db.plays.get('a'))?.name).toBe('Theirs');
		expect(await resolveConflict(db, seq, 'theirs')).toBe(false);
	});

	it('keeps mine: written again and pushed, based on the revision of theirs', async () => {
		const { db, seq } = await conflicted();
		const before = await readMeta(db, 'dataVersion');
		expect(await resolveConflict(db, seq, 'mine')).toBe(true);
		expect(await db.syncConflicts.count()).toBe(0);
		expect((await db.plays.get('a'))?.name).toBe('Mine');
		expect(await readMeta(db, 'dataVersion')).toBe(before! + 1);
		const groups = await pendingGroups(db);
		expect(groups).toMatchObject([
			{ base: 9, changes: [{ kind: 'plays', id: 'a', body: play('a', 'Mine') }] }
		]);
	});
});

describe('packing pending changes into a push', () => {
	/** Three transactions: one change, three changes, one change. */
	async function threeGroups() {
		const db = testDatabase('pack');
		await db.plays.put(play('a'));
		await db.plays.bulkPut([play('b'), play('c'), play('d')]);
		await db.plays.put(play('e'));
		return db;
	}
	const ids = (groups: ChangeGroup[]) => groups.map((g) => g.changes.map((c) => c.id).join(''));

	it('takes whole groups in order while they fit', async () => {
		const db = await threeGroups();
		expect(ids(await pendingGroups(db))).toEqual(['a', 'bcd', 'e']);
		expect(ids(await pendingGroups(db, { maxChanges: 4, maxBytes: 1e6 }))).toEqual(['a', 'bcd']);
		expect(ids(await pendingGroups(db, { maxChanges: 3, maxBytes: 1e6 }))).toEqual(['a']);
		const one = JSON.stringify({ kind: 'plays', id: 'a', body: play('a') }).length;
		expect(ids(await pendingGroups(db, { maxChanges: 10, maxBytes: one * 3 }))).toEqual(['a']);
	});

	it('sends a group larger than the limits alone, never split', async () => {
		const db = await threeGroups();
		await db.syncChanges.where('[kind+id]').equals(['plays', 'a']).delete();
		expect(ids(await pendingGroups(db, { maxChanges: 2, maxBytes: 1e6 }))).toEqual(['bcd']);
		expect(await pendingGroups(testDatabase('pack'))).toEqual([]);
	});
});
