import { describe, expect, it } from 'vitest';
import type { Snapshot } from '$lib/engine';
import { addDays } from '$lib/engine/dates';
import { generateSample } from '$lib/engine/sample';
import { importRecords } from './import';
import { readMeta } from './meta';
import { canonical, testDatabase } from './testing';
import { exportWorkspace, replaceWorkspace } from './workspace';

const sample = generateSample({ accounts: 20, weeks: 6 });

describe('importRecords', () => {
	it('adds new records and merges existing ones', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const account = sample.accounts[0]!;
		const snapshot = sample.snapshots.find((s) => s.account_id === account.id)!;
		const contact = sample.contacts[0]!;
		const summary = await importRecords(db, {
			accounts: [
				{
					id: account.id,
					name: 'Renamed',
					segment: account.segment,
					facts: { plan: 'pro', tier: 2 }
				},
				{ id: 'new-1', name: 'New One', segment: 'scale', x_source: 'crm' }
			],
			contacts: [{ ...contact, role: 'admin', metrics: { logins_30d: 3 } }],
			snapshots: [
				{ account_id: snapshot.account_id, date: snapshot.date, metrics: { nps: 9, x_new: true } },
				{ account_id: 'new-1', date: '2026-11-23', metrics: { seats_active: 4 } }
			]
		});
		expect(summary).toEqual({
			accounts: { added: 1, updated: 1, unchanged: 0 },
			contacts: { added: 0, updated: 1, unchanged: 0 },
			snapshots: { added: 1, updated: 1, unchanged: 0 }
		});

		// Fields of the import overwrite; facts merge, the import winning a clash.
		expect(await db.accounts.get(account.id)).toEqual({
			...account,
			name: 'Renamed',
			facts: { ...account.facts, plan: 'pro', tier: 2 }
		});
		expect(await db.accounts.get('new-1')).toEqual({
			id: 'new-1',
			name: 'New One',
			segment: 'scale',
			x_source: 'crm'
		});
		expect(await db.contacts.get(contact.id)).toEqual({
			...contact,
			role: 'admin',
			metrics: { ...contact.metrics, logins_30d: 3 }
		});
		// Metrics of the import overwrite same-name metrics; the others stay.
		expect(await db.snapshots.get([snapshot.account_id, snapshot.date])).toEqual({
			...snapshot,
			metrics: { ...snapshot.metrics, nps: 9, x_new: true }
		});
		expect(await db.snapshots.count()).toBe(sample.snapshots.length + 1);
	});

	it('leaves a value alone where the import has none (an empty column)', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const account = sample.accounts[1]!;
		await importRecords(db, {
			accounts: [{ id: account.id, name: account.name, segment: account.segment, csm: undefined }]
		});
		expect(await db.accounts.get(account.id)).toEqual(account);
	});

	it('merges every record of a dense update, reading whole ranges', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const rows = sample.snapshots.map((s) => ({ ...s, metrics: { x_import: 7 } }));
		const summary = await importRecords(db, { snapshots: rows });
		expect(summary.snapshots).toEqual({ added: 0, updated: rows.length, unchanged: 0 });
		expect(canonical(await exportWorkspace(db)).snapshots).toEqual(
			canonical({
				...sample,
				snapshots: sample.snapshots.map((s) => ({ ...s, metrics: { ...s.metrics, x_import: 7 } }))
			}).snapshots
		);
	});

	it('counts records already stored as they are unchanged, and writes nothing then', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const summary = await importRecords(db, {
			accounts: sample.accounts,
			snapshots: sample.snapshots.slice(0, 7)
		});
		expect(summary.accounts).toEqual({ added: 0, updated: 0, unchanged: sample.accounts.length });
		expect(summary.snapshots).toEqual({ added: 0, updated: 0, unchanged: 7 });
		// Nothing changed, so the score caches stay valid.
		expect(await readMeta(db, 'dataVersion')).toBe(1);
	});

	it('merges a key given twice in order, and counts it once', async () => {
		const db = testDatabase();
		const rows: Snapshot[] = [
			{ account_id: 'a', date: '2026-01-05', metrics: { x: 1, y: 1 } },
			{ account_id: 'a', date: '2026-01-05', metrics: { y: 2 } }
		];
		const summary = await importRecords(db, { snapshots: rows });
		expect(summary.snapshots).toEqual({ added: 1, updated: 0, unchanged: 0 });
		expect(await db.snapshots.toArray()).toEqual([
			{ account_id: 'a', date: '2026-01-05', metrics: { x: 1, y: 2 } }
		]);
	});

	it('counts a key given twice once even where the two fall on either side of a chunk', async () => {
		const db = testDatabase();
		const rows: Snapshot[] = Array.from({ length: 5_000 }, (_, i) => ({
			account_id: `a-${String(i).padStart(5, '0')}`,
			date: '2026-01-05',
			metrics: { x: i }
		}));
		rows.push({ ...rows.at(-1)!, metrics: { y: 1 } });
		const summary = await importRecords(db, { snapshots: rows });
		expect(summary.snapshots).toEqual({ added: 5_000, updated: 0, unchanged: 0 });
		expect(await db.snapshots.get(['a-04999', '2026-01-05'])).toMatchObject({
			metrics: { x: 4999, y: 1 }
		});
	});

	it('does not change the records given', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const records = { snapshots: structuredClone(sample.snapshots.slice(0, 5)) };
		records.snapshots.forEach((s) => (s.metrics = { z: 1 }));
		const before = structuredClone(records);
		await importRecords(db, records);
		expect(records).toEqual(before);
	});

	it('keeps none of an import that fails, and leaves the data version alone', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const version = await readMeta(db, 'dataVersion');
		const bad = { account_id: 'acc-0001', date: '2026-11-23', metrics: { f: () => 1 } };
		await expect(
			importRecords(db, {
				accounts: [{ id: 'new-2', name: 'Two', segment: 'mid' }],
				snapshots: [
					{ account_id: 'acc-0001', date: '2030-01-01', metrics: { nps: 1 } },
					// A function cannot be stored: bulkPut throws inside the transaction.
					bad as unknown as Snapshot
				]
			})
		).rejects.toThrow();
		expect(canonical(await exportWorkspace(db))).toEqual(canonical(sample));
		expect(await readMeta(db, 'dataVersion')).toBe(version);
	});

	it('bumps the data version when it wrote, not when given nothing', async () => {
		const db = testDatabase();
		await importRecords(db, {});
		expect(await readMeta(db, 'dataVersion')).toBeUndefined();
		await importRecords(db, { accounts: [{ id: 'x', name: 'X', segment: 'mid' }] });
		expect(await readMeta(db, 'dataVersion')).toBe(1);
	});

	it('imports 100,000 snapshot rows in one call (time printed)', async () => {
		const db = testDatabase();
		const accounts = 2_000;
		const rows: Snapshot[] = [];
		for (let week = 0; week < 50; week++)
			for (let a = 0; a < accounts; a++)
				rows.push({
					account_id: `acc-${String(a).padStart(4, '0')}`,
					date: addDays('2026-01-05', 7 * week),
					metrics: { seats_active: a % 90, active_days_30d: week % 30, nps: null, qbr: true }
				});
		// A fifth of them update rows already there, so both the merge and the add path are timed.
		await db.snapshots.bulkPut(
			rows.slice(0, 20_000).map((row) => ({ ...row, metrics: { csat: 4 } }))
		);
		const started = performance.now();
		const summary = await importRecords(db, { snapshots: rows });
		const ms = performance.now() - started;
		console.log(
			`importRecords: ${rows.length} snapshot rows in ${Math.round(ms)} ms (fake-indexeddb)`
		);
		expect(summary.snapshots).toEqual({ added: 80_000, updated: 20_000, unchanged: 0 });
		expect(await db.snapshots.count()).toBe(100_000);
	}, 60_000);
});
