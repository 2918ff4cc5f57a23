import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AccountHistory } from '$lib/engine';
import { generateSample } from '$lib/engine/sample';
import {
	SCHEMA_V1,
	SCHEMA_V2,
	SCHEMA_V3,
	SCHEMA_V4,
	SCHEMA_V5,
	SCHEMA_V6,
	SCHEMA_VERSION,
	ScorecraftDatabase
} from './database';
import { getDatabase } from './index';
import { readMeta } from './meta';
import { canonical, fakeIndexedDb, sortedBy, testDatabase, uniqueName } from './testing';
import type { ScoreRow } from './types';
import { setAsideOwnWorkspace } from './sync';
import { exportWorkspace } from './workspace';

const sample = generateSample({ accounts: 40, weeks: 8 });

describe('ScorecraftDatabase', () => {
	it('writes and reads every table', async () => {
		const db = testDatabase();
		const score: ScoreRow = {
			account_id: 'acc-0001',
			scorecard_id: 'scale',
			overall: 71.5,
			band: 'Yellow',
			groups: { deployment: 60, adoption: null },
			measures: { seats: { value: 0.7, score: 60, weight_share: 1 } },
			missing: ['active_days'],
			previous: 80,
			delta_30d: -8.5,
			drop_30d: 8.5,
			anomaly: 0
		};
		const history: AccountHistory = {
			account_id: 'acc-0001',
			dates: ['2026-11-16', '2026-11-23'],
			scorecard_id: ['scale', 'scale'],
			overall: [80, 71.5],
			band: ['Green', 'Yellow'],
			groups: { deployment: [70, 60] }
		};
		await db.accounts.bulkAdd(sample.accounts);
		await db.contacts.bulkAdd(sample.contacts);
		await db.snapshots.bulkAdd(sample.snapshots);
		await db.outcomes.bulkAdd(sample.outcomes);
		await db.scorecards.bulkAdd(sample.scorecards);
		await db.plays.add({
			id: 'p',
			name: 'P',
			enabled: false,
			mode: 'approve',
			when: true,
			actions: [],
			cooldown_days: 7
		});
		await db.templates.add({ id: 't', subject: 'Hi', mjml: '<mjml></mjml>' });
		await db.settings.put({ key: 'workspace', value: { currency: 'EUR' } });
		await db.meta.put({ key: 'scoresAsOf', value: '2026-11-23' });
		await db.scores.put(score);
		await db.histories.put(history);

		expect(await db.accounts.get('acc-0001')).toEqual(sample.accounts[0]);
		expect(await db.contacts.count()).toBe(sample.contacts.length);
		const first = sample.snapshots[0]!;
		expect(await db.snapshots.get([first.account_id, first.date])).toEqual(first);
		expect(await db.outcomes.toArray()).toEqual(sample.outcomes);
		expect((await db.scorecards.toArray()).map((s) => s.id).sort()).toEqual(
			sample.scorecards.map((s) => s.id).sort()
		);
		expect((await db.plays.get('p'))?.cooldown_days).toBe(7);
		expect((await db.templates.get('t'))?.subject).toBe('Hi');
		expect((await db.settings.get('workspace'))?.value).toEqual({ currency: 'EUR' });
		expect(await readMeta(db, 'scoresAsOf')).toBe('2026-11-23');
		expect(await db.scores.get('acc-0001')).toEqual(score);
		expect(await db.histories.get('acc-0001')).toEqual(history);
		expect(db.verno).toBe(SCHEMA_VERSION);
	});

	it('stores outcomes under a string key of its own, in the order written, leaving their fields as they are', async () => {
		const db = testDatabase();
		const outcome = { account_id: 'a', date: '2026-01-01', type: 'renewed' as const, id: 'own' };
		await db.outcomes.bulkAdd([outcome, outcome]);
		await db.outcomes.add({ ...outcome, id: 'third' });
		expect(await db.outcomes.toArray()).toEqual([outcome, outcome, { ...outcome, id: 'third' }]);
		const keys = await db.outcomes.toCollection().primaryKeys();
		expect(keys.every((key) => typeof key === 'string')).toBe(true);
		expect(new Set(keys).size).toBe(3);
	});
});

describe('migration from version 1', () => {
	/** A store as version 1 of the app left it: the records, no meta, no caches. */
	async function versionOneStore(write: boolean): Promise<string> {
		const name = uniqueName('v1');
		const v1 = new Dexie(name, fakeIndexedDb);
		v1.version(1).stores(SCHEMA_V1);
		if (write) {
			await v1.transaction('rw', v1.tables, async () => {
				await v1.table('accounts').bulkAdd(sample.accounts);
				await v1.table('contacts').bulkAdd(sample.contacts);
				await v1.table('snapshots').bulkAdd(sample.snapshots);
				await v1.table('outcomes').bulkAdd(sample.outcomes);
				await v1.table('scorecards').bulkAdd(sample.scorecards);
				await v1.table('plays').bulkAdd(sample.plays);
				await v1.table('settings').put({ key: 'workspace', value: { currency: 'JPY' } });
			});
		} else {
			await v1.open();
		}
		v1.close();
		return name;
	}

	it('keeps every record and adds the caches', async () => {
		const db = new ScorecraftDatabase(await versionOneStore(true), fakeIndexedDb);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(db.tables.map((table) => table.name).sort()).toEqual(
			[
				...Object.keys(SCHEMA_V1),
				...Object.keys(SCHEMA_V2),
				...Object.keys(SCHEMA_V3),
				...Object.keys(SCHEMA_V4),
				...Object.keys(SCHEMA_V5),
				...Object.keys(SCHEMA_V6),
				'scoreChunks',
				'historyChunks'
			]
				// Version 7 drops the tables of one row per snapshot (once version 6 bundled them), per
				// score and per history.
				.filter((table) => !['snapshots', 'scores', 'histories'].includes(table))
				.sort()
		);
		expect(canonical(await exportWorkspace(db))).toEqual(
			canonical({ ...sample, settings: { currency: 'JPY' } })
		);
		// Each account's snapshots in one record, in date order; none taken for a person's edit.
		expect(await db.snapshotBundles.count()).toBe(sample.accounts.length);
		const first = sample.accounts[0]!.id;
		expect(await db.snapshots.ofAccount(first)).toEqual(
			sortedBy(
				sample.snapshots.filter((snapshot) => snapshot.account_id === first),
				(snapshot) => snapshot.date
			)
		);
		expect(await db.syncChanges.count()).toBe(0);
		expect(await db.scores.count()).toBe(0);
		expect(await readMeta(db, 'dataVersion')).toBe(1);
	});

	it('marks a store that held records as started, and its first sync sets them aside whole for the person, pushing none', async () => {
		const db = new ScorecraftDatabase(await versionOneStore(true), fakeIndexedDb);
		expect(await readMeta(db, 'initialised')).toBe(true);
		const held = await exportWorkspace(db);
		expect(await setAsideOwnWorkspace(db)).toBe(true);
		expect(await readMeta(db, 'ownWorkspace')).toEqual(held);
		expect(canonical(held)).toEqual(canonical({ ...sample, settings: { currency: 'JPY' } }));
		expect(await db.accounts.count()).toBe(0);
		expect(await db.syncChanges.count()).toBe(0);
		expect(await readMeta(db, 'syncRevision')).toBe(0);
		// Once: the next start syncs on from where it is.
		expect(await setAsideOwnWorkspace(db)).toBe(false);
		expect(await readMeta(db, 'ownWorkspace')).toEqual(held);
	});

	it('keeps every record a version-2 store held, and marks its caches to be computed again', async () => {
		const name = uniqueName('v2');
		const v2 = new Dexie(name, fakeIndexedDb);
		v2.version(1).stores(SCHEMA_V1);
		v2.version(2).stores(SCHEMA_V2);
		await v2.transaction('rw', v2.tables, async () => {
			await v2.table('accounts').bulkAdd(sample.accounts);
			await v2.table('snapshots').bulkAdd(sample.snapshots);
			await v2.table('scorecards').bulkAdd(sample.scorecards);
			await v2.table('meta').bulkPut([
				{ key: 'initialised', value: true },
				{ key: 'dataVersion', value: 7 },
				{ key: 'scoresDataVersion', value: 7 }
			]);
			await v2.table('histories').put({
				account_id: sample.accounts[0]!.id,
				dates: [],
				scorecard_id: [],
				overall: [],
				band: [],
				groups: {}
			});
		});
		v2.close();
		const db = new ScorecraftDatabase(name, fakeIndexedDb);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.accounts.count()).toBe(sample.accounts.length);
		expect(await db.snapshots.count()).toBe(sample.snapshots.length);
		// Version 7 keeps histories another way: the old rows go, and the caches are stale.
		expect(await db.histories.count()).toBe(0);
		expect(await readMeta(db, 'scoresDataVersion')).toBeUndefined();
		expect(await readMeta(db, 'dataVersion')).toBe(7);
		expect(await db.scorecardVersions.count()).toBe(0);
	});

	it('keeps everything a version-3 store held when version 4 opens it, with an empty outbox and task queue', async () => {
		const name = uniqueName('v3');
		const v3 = new Dexie(name, fakeIndexedDb);
		v3.version(1).stores(SCHEMA_V1);
		v3.version(2).stores(SCHEMA_V2);
		v3.version(3).stores(SCHEMA_V3);
		const entry = {
			account_id: sample.accounts[0]!.id,
			measure_id: 'relationship',
			value: 7,
			entered_by: 'Kim',
			entered_at: '2026-11-01T09:00:00.000Z'
		};
		await v3.transaction('rw', v3.tables, async () => {
			await v3.table('accounts').bulkAdd(sample.accounts);
			await v3.table('contacts').bulkAdd(sample.contacts);
			await v3.table('snapshots').bulkAdd(sample.snapshots);
			await v3.table('scorecards').bulkAdd(sample.scorecards);
			await v3.table('plays').bulkAdd(sample.plays);
			await v3.table('meta').bulkPut([
				{ key: 'initialised', value: true },
				{ key: 'dataVersion', value: 12 }
			]);
			await v3.table('manualEntries').add(entry);
			await v3.table('scorecardVersions').add({
				scorecard_id: sample.scorecards[0]!.id,
				version: 1,
				scorecard: sample.scorecards[0]
			});
			await v3.table('scorecardDrafts').put({ scorecard_id: 'draft-card', scorecard: {} });
		});
		v3.close();
		const db = new ScorecraftDatabase(name, fakeIndexedDb);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.accounts.toArray()).toEqual(sortedBy(sample.accounts, (a) => a.id));
		expect(await db.contacts.count()).toBe(sample.contacts.length);
		expect(await db.snapshots.count()).toBe(sample.snapshots.length);
		expect(await db.plays.count()).toBe(sample.plays.length);
		expect(await readMeta(db, 'dataVersion')).toBe(12);
		expect(await db.manualEntries.toArray()).toEqual([entry]);
		expect(await db.scorecardVersions.count()).toBe(1);
		expect(await db.scorecardDrafts.get('draft-card')).toBeDefined();
		expect(await db.outbox.count()).toBe(0);
		expect(await db.tasks.count()).toBe(0);
		// The new tables answer the queries the pages make.
		expect(await db.outbox.where('status').equals('planned').count()).toBe(0);
		expect(await db.tasks.where('due_date').below('2027-01-01').count()).toBe(0);
	});

	it('keeps the number keys of a version-4 store’s outcomes and manual entries, and adds string-keyed ones after them', async () => {
		const name = uniqueName('v4');
		const v4 = new Dexie(name, fakeIndexedDb);
		v4.version(1).stores(SCHEMA_V1);
		v4.version(2).stores(SCHEMA_V2);
		v4.version(3).stores(SCHEMA_V3);
		v4.version(4).stores(SCHEMA_V4);
		const [first, second, third] = sample.outcomes;
		const entry = {
			account_id: sample.accounts[0]!.id,
			measure_id: 'relationship',
			value: 7,
			entered_by: 'Kim',
			entered_at: '2026-11-01T09:00:00.000Z'
		};
		await v4.table('outcomes').bulkAdd([first, second]);
		await v4.table('manualEntries').add(entry);
		v4.close();
		const db = new ScorecraftDatabase(name, fakeIndexedDb);
		expect(await db.outcomes.get(1)).toEqual(first);
		expect(await db.manualEntries.get(1)).toEqual(entry);
		await db.outcomes.add(third!);
		await db.manualEntries.add({ ...entry, value: 8 });
		expect(await db.outcomes.toArray()).toEqual([first, second, third]);
		const keys = await db.outcomes.toCollection().primaryKeys();
		expect(keys.slice(0, 2)).toEqual([1, 2]);
		expect(typeof keys[2]).toBe('string');
		expect((await db.manualEntries.toArray()).map((e) => e.value)).toEqual([7, 8]);
	});

	it('leaves an empty version-1 store to its first start', async () => {
		const db = new ScorecraftDatabase(await versionOneStore(false), fakeIndexedDb);
		expect(await readMeta(db, 'initialised')).toBeUndefined();
	});
});

describe('getDatabase', () => {
	it('creates the one instance on first use without opening IndexedDB', () => {
		// There is no IndexedDB in node: importing the module and getting the instance must not need it.
		const db = getDatabase();
		expect(getDatabase()).toBe(db);
		expect(db.isOpen()).toBe(false);
		expect(db.name).toBe('scorecraft');
	});
});
