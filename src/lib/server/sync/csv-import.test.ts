// @vitest-environment node
/**
 * CSV files imported on the server, on both databases: the columns mapped as the Data page maps
 * them, every row checked against the accounts the server holds, the valid rows merged into the
 * records in one commit (none of it when the commit fails), the same file twice a change of
 * nothing, and a role that may not change the kind refused before the file is read. Each kind
 * with rules of its own has its file beside this one (`csv-import-*.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import { wideSnapshots } from '../../../../tests/fixtures/csv/wide-snapshots';
import { expectRowErrors } from '../../import/testing';
import type { Database } from '../store/database';
import { describeStore } from '../store/fixture';
import { WorkspaceRecords } from '../store/records';
import { importCsv } from './csv-import';
import { fixture, held, imported, request, snapshotId } from './csv-import-fixture';
import type { Pusher } from './push';
import { pullAll, teamOf } from './team-fixture';

describeStore((fixture_) => {
	const { team } = teamOf(fixture_);

	describe('a CSV file imported on the server', () => {
		it('maps the columns and merges the rows into the records it holds, in one new revision', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const before = (await records.head()).revision;
			const answer = await imported(records, ops, 'accounts', fixture('accounts.csv'));
			expect(answer.revision).toBe(before + 1);
			expect(answer.summary).toEqual({
				accounts: { added: 8, updated: 2, unchanged: 0 },
				contacts: { added: 0, updated: 0, unchanged: 0 },
				snapshots: { added: 0, updated: 0, unchanged: 0 },
				outcomes: { added: 0, updated: 0, unchanged: 0 },
				manual_entries: { added: 0, updated: 0, unchanged: 0 },
				survey_answers: { added: 0, updated: 0, unchanged: 0 }
			});
			expect(answer.check).toMatchObject({ rows: 10, validRows: 10, invalidRows: 0 });
			expect(answer.errors).toEqual([]);
			// Fields from the file's columns overwrite; facts merge with the ones held.
			const accounts = await held(store, 'accounts', ['acme', 'umbrella']);
			expect(accounts.get('acme')).toEqual({
				id: 'acme',
				name: 'Acme Ltd',
				segment: 'scale',
				arr: 12000,
				renewal_date: '2027-03-01',
				csm: 'kim@vendor.example',
				tags: ['pilot', 'emea'],
				do_not_contact: false,
				facts: { seats_purchased: 20, region: 'EMEA' }
			});
			expect(accounts.get('umbrella')).toMatchObject({
				renewal_date: '2027-01-31',
				tags: ['regulated', 'health'],
				do_not_contact: true
			});
			// A replica that held the revision before pulls the ten accounts, and nothing else.
			const { changes, revision } = await pullAll(store, before, 100);
			expect(revision).toBe(answer.revision);
			expect(changes).toHaveLength(10);
			expect(new Set(changes.map((change) => change.kind))).toEqual(new Set(['accounts']));

			// A snapshot's metrics merge with the ones held; a column the file lacks erases nothing.
			await imported(records, ops, 'snapshots', 'Account ID,Date,NPS\nacme,2026-11-01,40\n');
			expect(
				(await held(store, 'snapshots', [snapshotId('acme', '2026-11-01')])).get(
					snapshotId('acme', '2026-11-01')
				)
			).toEqual({
				account_id: 'acme',
				date: '2026-11-01',
				metrics: { seats_active: 18, active_days_30d: 16, nps: 40 }
			});
		});

		it('leaves out the rows with problems, naming row and column, checked against the accounts the server holds', async () => {
			const { store, leader } = await team();
			const { records } = store.published;
			const answer = await imported(
				records,
				leader,
				'snapshots',
				fixture('snapshots-bad-rows.csv')
			);
			// initech is an account of the file's world, not of this server's: its row is refused too.
			expectRowErrors(answer.errors, [
				[3, 'date', 'not_a_date'],
				[4, 'seats_active', 'not_a_metric'],
				[5, 'account_id', 'unknown_account'],
				[6, 'account_id', 'required'],
				[7, 'account_id + date', 'duplicate'],
				[9, 'date', 'not_a_date'],
				[9, 'logins_30d', 'not_a_metric'],
				[9, 'account_id', 'unknown_account']
			]);
			expect(answer.check).toMatchObject({ rows: 8, validRows: 2, invalidRows: 6, errors: 8 });
			expect(answer.summary.snapshots).toEqual({ added: 2, updated: 0, unchanged: 0 });
			const written = await held(store, 'snapshots', [
				snapshotId('acme', '2026-01-05'),
				snapshotId('globex', '2026-01-12'),
				snapshotId('nobody', '2026-01-05'),
				snapshotId('globex', '2026-01-05')
			]);
			expect([...written.keys()].sort()).toEqual([
				snapshotId('acme', '2026-01-05'),
				snapshotId('globex', '2026-01-12')
			]);

			const bad = await imported(
				records,
				leader,
				'accounts',
				'id,name,segment,arr\nnew-1,New One,scale,12k\nnew-2,New Two,mid,100\n'
			);
			expect(bad.errors).toEqual([
				{ row: 2, column: 'arr', value: '12k', problem: 'not_a_number' }
			]);
			expect([...(await held(store, 'accounts', ['new-1', 'new-2'])).keys()]).toEqual(['new-2']);
		});

		it('writes nothing when the commit fails part way', async () => {
			const { store, ops } = await team();
			const { csv, accountIds } = wideSnapshots(12_000, 1_000);
			await imported(
				store.published.records,
				ops,
				'accounts',
				['id,name,segment', ...accountIds.map((id) => `${id},${id},scale`)].join('\n')
			);
			// Some rows are held already, with other values: the failed import must not touch them.
			const first = csv.split('\n').slice(0, 101).join('\n').replace(/,\d+,/g, ',1,');
			await imported(store.published.records, ops, 'snapshots', first);
			const ids = csv
				.split('\n')
				.slice(1, -1)
				.map((line) => {
					const [account, date] = line.split(',');
					return snapshotId(account!, date!);
				});
			const before = await held(store, 'snapshots', ids);
			expect(before.size).toBe(100);
			const head = await store.published.records.head();

			// The records go in statements of a few thousand: the second fails.
			const db = fixture_.db;
			let statements = 0;
			const failing: Database = {
				...db,
				transaction: (work) =>
					db.transaction((tx) =>
						work({
							...tx,
							write: async (text, params) => {
								if (++statements === 2) throw new Error('disk full (simulated)');
								return tx.write(text, params);
							}
						})
					)
			};
			await expect(
				importCsv(new WorkspaceRecords(failing), await request('snapshots', csv), ops)
			).rejects.toThrow(/simulated/);
			expect(statements).toBe(2);
			expect(await store.published.records.head()).toEqual(head);
			expect(await held(store, 'snapshots', ids)).toEqual(before);
		});

		it('changes nothing, and makes no revision, when the same file comes again', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const file = fixture('snapshots-wide.csv');
			const first = await imported(records, ops, 'snapshots', file);
			// Initech's four rows name an account this server does not hold.
			expect(first.summary.snapshots).toEqual({ added: 8, updated: 0, unchanged: 0 });
			const again = await imported(records, ops, 'snapshots', file);
			expect(again.summary.snapshots).toEqual({ added: 0, updated: 0, unchanged: 8 });
			expect(again.revision).toBe(first.revision);
			expect((await records.head()).revision).toBe(first.revision);
			expect((await pullAll(store, first.revision)).changes).toEqual([]);

			// A record deleted since comes back: added again, under its id, with a new revision.
			const deleted = snapshotId('acme', '2026-10-05');
			await records.locked(async (locked) => {
				await locked.write([{ kind: 'snapshots', id: deleted, body: null }], {
					actor: ops.actor,
					client: null
				});
				return locked.finish();
			});
			const back = await imported(records, ops, 'snapshots', file);
			expect(back.summary.snapshots).toEqual({ added: 1, updated: 0, unchanged: 7 });
			expect((await held(store, 'snapshots', [deleted])).get(deleted)).toMatchObject({
				metrics: { seats_active: 15 }
			});
		});

		it('writes the snapshots of a file sorted by week account by account, so replicas pull each account together', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const before = (await records.head()).revision;
			const byWeek = [
				'account_id,date,seats_active',
				'globex,2026-10-05,1',
				'acme,2026-10-05,2',
				'globex,2026-10-12,3',
				'acme,2026-10-12,4'
			].join('\n');
			const answer = await imported(records, ops, 'snapshots', byWeek);
			expect(answer.summary.snapshots).toEqual({ added: 4, updated: 0, unchanged: 0 });
			expect((await pullAll(store, before)).changes.map((change) => change.id)).toEqual([
				snapshotId('acme', '2026-10-05'),
				snapshotId('acme', '2026-10-12'),
				snapshotId('globex', '2026-10-05'),
				snapshotId('globex', '2026-10-12')
			]);
		});

		it('refuses a role that may not change the kind, before reading the file', async () => {
			const { store, csm } = await team();
			const viewer: Pusher = { actor: await fixture_.user('val@team.example'), role: 'viewer' };
			const head = await store.published.records.head();
			for (const [who, role] of [
				[csm, 'csm'],
				[viewer, 'viewer']
			] as const) {
				const sent = await request('snapshots', fixture('snapshots-wide.csv'));
				const result = await importCsv(store.published.records, sent, who);
				expect(result).toEqual({
					ok: false,
					problem: 'role',
					error: `changing snapshots takes the leader or ops role (yours: ${role})`
				});
				expect(sent.body.locked).toBe(false);
			}
			expect(await store.published.records.head()).toEqual(head);
		});

		it('refuses a file too large, one not mapped as sent, and rows naming accounts deleted meanwhile', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const head = await records.head();
			const file = fixture('accounts.csv');
			expect(
				await importCsv(records, await request('accounts', file), ops, { maxBytes: 100 })
			).toMatchObject({ ok: false, problem: 'too_large' });
			// The length a request says is not needed: the bytes are counted as they come.
			const unsaid = { ...(await request('accounts', file)), totalBytes: undefined };
			expect(await importCsv(records, unsaid, ops, { maxBytes: 100 })).toMatchObject({
				ok: false,
				problem: 'too_large'
			});

			const other = { ...(await request('accounts', file)), body: new Blob(['id,name,segment\n']) };
			expect(await importCsv(records, other, ops)).toEqual({
				ok: false,
				problem: 'file',
				error: 'the heading row of the file is not the one the mapping was made for'
			});
			const unmapped = await request('accounts', file);
			unmapped.mapping = unmapped.mapping.map((column) =>
				column.target === 'segment' ? { ...column, target: 'ignore' } : column
			);
			expect(await importCsv(records, unmapped, ops)).toMatchObject({
				ok: false,
				problem: 'mapping',
				error: 'mapping: no column for the required field segment'
			});

			// The accounts were read before the file, as it arrived; the commit finds one gone.
			class Stale extends WorkspaceRecords {
				override async idsOf(...args: Parameters<WorkspaceRecords['idsOf']>) {
					return new Set([...(await super.idsOf(...args)), 'ghost']);
				}
			}
			const ghost = await importCsv(
				new Stale(fixture_.db),
				await request('snapshots', 'account_id,date,nps\nacme,2026-01-05,1\nghost,2026-01-05,2\n'),
				ops
			);
			expect(ghost).toMatchObject({ ok: false, problem: 'accounts_changed' });
			expect(await records.head()).toEqual(head);
		});
	});
});
