import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Play, Workspace } from '$lib/engine';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, ScorecraftDatabase } from '../database';
import { publishDraft, saveDraft } from '../drafts';
import { addManualEntry } from '../manual';
import { writeMeta } from '../meta';
import { savePlay, setPlayEnabled } from '../plays';
import { fakeIndexedDb, testDatabase, uniqueName } from '../testing';
import { replaceWorkspace } from '../workspace';
import { asReplica } from './capture';

const play: Play = {
	id: 'red-call',
	name: 'Call Red accounts',
	enabled: false,
	mode: 'approve',
	when: { '==': [{ var: 'score.band' }, 'Red'] },
	actions: [{ type: 'task', title: 'Call', due_in_days: 2 }],
	cooldown_days: 14
};

/** A store holding the example workspace, with nothing pending yet. */
async function store(workspace: Workspace = exampleWorkspace()): Promise<ScorecraftDatabase> {
	const db = testDatabase('capture');
	await replaceWorkspace(db, workspace);
	await db.syncChanges.clear();
	return db;
}

const pending = (db: ScorecraftDatabase) => db.syncChanges.toArray();
const summary = async (db: ScorecraftDatabase) =>
	(await pending(db)).map(({ kind, id, body }) => ({ kind, id, deleted: body === null }));

describe('change capture', () => {
	it('records a saved play, in one group, based on the revision the replica holds', async () => {
		const db = await store();
		await writeMeta(db, 'syncRevision', 7);
		expect((await savePlay(db, play)).ok).toBe(true);
		const rows = await pending(db);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ base: 7, kind: 'plays', id: 'red-call', body: play });
	});

	it('gives each transaction its own group, every write in it sharing that group', async () => {
		const db = await store();
		const scale = (await db.scorecards.get('scale'))!;
		await saveDraft(db, { ...scale, name: 'Scale (new)' }, { at: '2026-11-24T09:00:00Z' });
		await db.syncChanges.clear();
		await publishDraft(db, 'scale', { by: 'kim@vendor.example', at: '2026-11-24T10:00:00Z' });
		const rows = await pending(db);
		expect(await summary(db)).toEqual([
			{ kind: 'scorecardVersions', id: '["scale",1]', deleted: false },
			{ kind: 'scorecards', id: 'scale', deleted: false },
			{ kind: 'scorecardDrafts', id: 'scale', deleted: true }
		]);
		expect(new Set(rows.map((row) => row.group)).size).toBe(1);
		expect(rows[1]!.body).toEqual(await db.scorecards.get('scale'));

		await setPlayEnabled(db, 'scale-training', false);
		const after = await pending(db);
		expect(after).toHaveLength(4);
		expect(after[3]!.group).not.toBe(rows[0]!.group);
		expect(after[3]!.body).toMatchObject({ id: 'scale-training', enabled: false });
	});

	it('gives a manual entry a string key of its own, the same as its record id', async () => {
		const db = await store();
		const entry = {
			account_id: 'acme',
			measure_id: 'relationship',
			value: 7,
			entered_by: 'Kim',
			entered_at: '2026-11-01T09:00:00.000Z'
		};
		await addManualEntry(db, entry);
		const [key] = await db.manualEntries.toCollection().primaryKeys();
		expect(typeof key).toBe('string');
		expect(await pending(db)).toMatchObject([{ kind: 'manualEntries', id: key, body: entry }]);
	});

	it('records a whole replaced workspace as one group: the old records deleted, the new ones put', async () => {
		const db = await store();
		const next = exampleWorkspace();
		next.accounts = next.accounts.filter((account) => account.id === 'acme');
		next.accounts[0]!.name = 'Acme (renamed)';
		next.contacts = [];
		next.snapshots = [];
		await replaceWorkspace(db, next);
		const rows = await pending(db);
		const byId = new Map(rows.map((row) => [`${row.kind}/${row.id}`, row]));
		// One row per record: acme, cleared and then added again, is pending with its new body.
		expect(rows).toHaveLength(byId.size);
		expect(byId.get('accounts/acme')?.body).toMatchObject({ name: 'Acme (renamed)' });
		expect(byId.get('accounts/globex')?.body).toBeNull();
		expect(byId.get('snapshots/["acme","2026-11-01"]')?.body).toBeNull();
		expect(byId.get('settings/workspace')?.body).toEqual({ key: 'workspace', value: {} });
		expect(new Set(rows.map((row) => row.group)).size).toBe(1);
	});

	it('records nothing when the transaction fails', async () => {
		const db = await store();
		const broken = exampleWorkspace();
		broken.accounts.push(broken.accounts[0]!);
		await expect(replaceWorkspace(db, broken)).rejects.toThrow();
		await expect(
			db.transaction('rw', db.plays, async () => {
				await db.plays.put(play);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await pending(db)).toEqual([]);
		expect(await db.accounts.count()).toBe(2);
		expect(await db.plays.get('red-call')).toBeUndefined();
	});

	it('records nothing for what the replica writes', async () => {
		const db = await store();
		await asReplica(db, [db.plays, db.tasks], async () => {
			await db.plays.put(play);
			await db.plays.delete('scale-training');
			await db.tasks.clear();
		});
		expect(await db.plays.get('red-call')).toEqual(play);
		expect(await pending(db)).toEqual([]);
		// The replica's mark stays on its own transaction: the next write is captured again.
		await db.plays.delete('red-call');
		expect(await summary(db)).toEqual([{ kind: 'plays', id: 'red-call', deleted: true }]);
	});

	it('refuses to run as the replica inside another transaction', async () => {
		const db = await store();
		await expect(
			db.transaction('rw', db.plays, () => asReplica(db, [db.plays], async () => undefined))
		).rejects.toThrow(/inside another transaction/);
	});

	it('records a deletion for each record a clear() removes', async () => {
		const db = await store();
		await db.snapshots.clear();
		expect(await summary(db)).toEqual([
			{ kind: 'snapshots', id: '["acme","2026-11-01"]', deleted: true },
			{ kind: 'snapshots', id: '["globex","2026-11-01"]', deleted: true }
		]);
	});

	it('keeps one row per record: a later write replaces the body and keeps seq, group and base', async () => {
		const db = await store();
		await db.plays.put(play);
		const [first] = await pending(db);
		await writeMeta(db, 'syncRevision', 12);
		await db.transaction('rw', db.plays, async () => {
			await db.plays.put({ ...play, name: 'Call them' });
			await db.plays.put({ ...play, name: 'Call them now' });
		});
		await db.plays.update('red-call', { cooldown_days: 3 });
		const rows = await pending(db);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ seq: first!.seq, group: first!.group, base: 0 });
		expect(rows[0]!.body).toEqual({ ...play, name: 'Call them now', cooldown_days: 3 });
	});

	it('numbers the keys of a bulk add in order, and leaves rows from before version 5 unrecorded', async () => {
		const name = uniqueName('v4');
		const v4 = new Dexie(name, fakeIndexedDb);
		[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4].forEach((s, i) => v4.version(i + 1).stores(s));
		const outcome = { account_id: 'acme', date: '2026-01-01', type: 'renewed' as const };
		await v4.table('outcomes').add(outcome);
		v4.close();
		const db = new ScorecraftDatabase(name, fakeIndexedDb);
		await db.outcomes.bulkAdd([1, 2, 3].map((n) => ({ ...outcome, date: `2026-0${n}-02` })));
		const keys = await db.outcomes.toCollection().primaryKeys();
		expect((await db.outcomes.toArray()).map((o) => o.date)).toEqual([
			'2026-01-01',
			'2026-01-02',
			'2026-02-02',
			'2026-03-02'
		]);
		expect((await pending(db)).map((row) => row.id)).toEqual(keys.slice(1));
		await db.syncChanges.clear();
		await db.outcomes.clear();
		expect((await pending(db)).map((row) => row.id)).toEqual(keys.slice(1));
	});
});
