import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScorecraftDatabase } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { wideSnapshots } from '../../../tests/fixtures/csv/wide-snapshots';
import { checkCsv, inspectCsv } from './pipeline';
import { storedAccountIds, writeRecords } from './store';
import type { ImportKind } from './types';

function fixture(name: string): Blob {
	return new Blob([readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url))]);
}

/** A file checked as the Data page checks it: against the accounts in the store. */
async function check<K extends ImportKind>(db: ScorecraftDatabase, blob: Blob, kind: K) {
	const inspected = await inspectCsv(blob, kind);
	if (!inspected.ok) throw new Error(inspected.problem);
	const checked = await checkCsv(blob, kind, inspected.value.mapping, {
		format: inspected.value.format,
		knownAccounts: await storedAccountIds(db)
	});
	if (!checked.ok) throw new Error(checked.problem);
	return checked;
}

describe('importing checked rows into the store', () => {
	it('writes the valid rows of a file, and updates them on a second import', async () => {
		const db = testDatabase('csv');
		const accounts = await check(db, fixture('accounts.csv'), 'accounts');
		expect(await writeRecords(db, 'accounts', accounts.records)).toMatchObject({
			accounts: { added: 10, updated: 0 }
		});

		const bad = await check(db, fixture('snapshots-bad-rows.csv'), 'snapshots');
		expect(bad.errors.map((error) => error.problem)).toContain('unknown_account');
		expect(await writeRecords(db, 'snapshots', bad.records)).toMatchObject({
			snapshots: { added: 2, updated: 0 }
		});
		expect(await db.snapshots.count()).toBe(2);

		const wide = await check(db, fixture('snapshots-wide.csv'), 'snapshots');
		expect(await writeRecords(db, 'snapshots', wide.records)).toMatchObject({
			snapshots: { added: 12, updated: 0 }
		});
		expect(await db.snapshots.get(['acme', '2026-10-19'])).toEqual(wide.records[2]);
		expect(await writeRecords(db, 'snapshots', wide.records)).toMatchObject({
			snapshots: { added: 0, updated: 0, unchanged: 12 }
		});
		const changed = wide.records.map((record, i) =>
			i < 3 ? { ...record, metrics: { ...record.metrics, nps: 99 } } : record
		);
		expect(await writeRecords(db, 'snapshots', changed)).toMatchObject({
			snapshots: { added: 0, updated: 3, unchanged: 9 }
		});
		expect(await db.snapshots.get(['acme', '2026-10-19'])).toEqual(changed[2]);

		const contacts = await check(db, fixture('contacts.csv'), 'contacts');
		expect(contacts.errors).toEqual([]);
		await writeRecords(db, 'contacts', contacts.records);
		expect(await db.contacts.get('c6')).toMatchObject({ name: '深田 文', account_id: 'umbrella' });
	});

	it('writes nothing at all when the write fails part way', async () => {
		const db = testDatabase('csv-fail');
		const { csv, accountIds } = wideSnapshots(12_000, 1_000);
		await writeRecords(
			db,
			'accounts',
			accountIds.map((id) => ({ id, name: id, segment: 'scale' }))
		);
		const checked = await check(db, new Blob([csv]), 'snapshots');
		expect(checked.records).toHaveLength(12_000);
		// Some rows are already stored, with other values: the failed import must not touch them.
		const stored = checked.records.slice(0, 100).map((record) => ({
			...record,
			metrics: { seats_active: -1 }
		}));
		await writeRecords(db, 'snapshots', stored);

		// The store writes in rounds of a few thousand rows; fail well after the first round.
		let created = 0;
		db.snapshots.hook('creating', () => {
			created += 1;
			if (created === 9_000) throw new Error('QuotaExceededError (simulated)');
		});
		await expect(writeRecords(db, 'snapshots', checked.records)).rejects.toThrow(/simulated/);
		expect(created).toBeGreaterThanOrEqual(9_000);
		expect(await db.snapshots.count()).toBe(100);
		expect(await db.snapshots.toArray()).toEqual(
			[...stored].sort((a, b) => (a.account_id < b.account_id ? -1 : 1))
		);
	});
});
