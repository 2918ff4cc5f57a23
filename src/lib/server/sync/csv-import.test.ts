// @vitest-environment node
/**
 * CSV files imported on the server, on both databases: the columns mapped as the Data page maps
 * them, every row checked against the accounts the server holds, the valid rows merged into the
 * records in one commit (none of it when the commit fails), the same file twice a change of
 * nothing, and a role that may not change the kind refused before the file is read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wideSnapshots } from '../../../../tests/fixtures/csv/wide-snapshots';
import { inspectCsv } from '../../import/pipeline';
import type { ImportKind } from '../../import/types';
import type { RecordKind } from '../../sync/protocol';
import type { Database } from '../store/database';
import { describeStore } from '../store/fixture';
import { WorkspaceRecords } from '../store/records';
import type { Store } from '../store/store';
import { importCsv } from './csv-import';
import type { Pusher } from './push';
import { pullAll, teamOf, withOutcomes } from './team-fixture';
import { manualScorecard } from '../../../../tests/support/manual-scorecard';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/csv/${name}`, import.meta.url));

/** `csv` as the page sends it: mapped as its first look guessed, the body a stream of bytes. */
async function request(kind: ImportKind, csv: string | Buffer) {
	const blob = new Blob([csv as BlobPart]);
	const inspected = await inspectCsv(blob, kind);
	if (!inspected.ok) throw new Error(inspected.problem);
	const { mapping, format } = inspected.value;
	return { kind, body: new Response(blob).body!, mapping, format, totalBytes: blob.size };
}

async function imported(
	records: WorkspaceRecords,
	importer: Pusher,
	kind: ImportKind,
	csv: string | Buffer
) {
	const result = await importCsv(records, await request(kind, csv), importer);
	if (!result.ok) throw new Error(`${result.problem}: ${result.error}`);
	return result.answer;
}

const held = (store: Store, kind: RecordKind, ids: string[]) =>
	store.published.records.locked((locked) => locked.bodies(kind, ids));

const snapshotId = (account: string, date: string) => JSON.stringify([account, date]);

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
			expect(answer.errors.map((e) => [e.row, e.column, e.problem])).toEqual([
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

		it('imports a CRM’s outcomes: its words read, bad rows named, the same file twice a change of nothing', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const sent = await request('outcomes', fixture('outcomes-crm.csv'));
			const first = await importCsv(records, { ...sent, latestDate: '2026-12-04' }, ops);
			if (!first.ok) throw new Error(first.error);
			// Acme's renewal of 2026-01-10 was held already: the file says it was an upsell.
			expect(first.answer.summary.outcomes).toEqual({ added: 2, updated: 1, unchanged: 0 });
			expect(first.answer.errors.map(({ row, column, problem }) => [row, column, problem])).toEqual(
				[
					[5, 'Account ID', 'unknown_account'],
					[6, 'Close Date', 'not_a_date'],
					[7, 'Stage', 'not_an_outcome'],
					[8, 'Close Date', 'after_as_of']
				]
			);
			const outcomes = async () =>
				(await records.locked((locked) => locked.list(['outcomes']))).map(({ body }) => body);
			expect(await outcomes()).toEqual(
				expect.arrayContaining([
					{ account_id: 'acme', date: '2026-01-10', type: 'renewed' },
					{
						account_id: 'acme',
						date: '2026-01-10',
						type: 'expanded',
						arr_before: 12000,
						arr_after: 18000
					},
					{
						account_id: 'acme',
						date: '2025-09-01',
						type: 'churned',
						arr_before: 12000,
						arr_after: 0,
						reason: 'Budget cut, moved to a competitor'
					},
					{
						account_id: 'globex',
						date: '2026-02-15',
						type: 'renewed',
						arr_before: 240000,
						arr_after: 240000
					}
				])
			);
			expect(await outcomes()).toHaveLength(4);

			const again = await importCsv(
				records,
				{ ...(await request('outcomes', fixture('outcomes-crm.csv'))), latestDate: '2026-12-04' },
				ops
			);
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.outcomes).toEqual({ added: 0, updated: 0, unchanged: 3 });
			expect(again.answer.revision).toBe(first.answer.revision);
			expect(await outcomes()).toHaveLength(4);
		});

		it('imports manual entries: measures named by id or name, values on their scale, unsigned ones the importer’s', async () => {
			const { store, owner, leader } = await team();
			const { records } = store.published;
			const base = withOutcomes();
			const workspace = { ...base, scorecards: [...base.scorecards, manualScorecard()] };
			await store.published.publish(JSON.stringify(workspace), owner);
			const send = async () =>
				importCsv(
					records,
					{
						...(await request('manual_entries', fixture('manual-entries.csv'))),
						latestDate: '2026-12-04'
					},
					leader
				);
			const first = await send();
			if (!first.ok) throw new Error(first.error);
			expect(first.answer.summary.manual_entries).toEqual({ added: 3, updated: 0, unchanged: 0 });
			expect(first.answer.errors.map(({ row, column, problem }) => [row, column, problem])).toEqual(
				[
					[5, 'Score', 'not_on_scale'],
					[6, 'Measure', 'unknown_measure'],
					[7, 'Date', 'after_as_of']
				]
			);
			const entries = (await records.locked((locked) => locked.list(['manualEntries']))).map(
				({ body }) => body
			);
			expect(entries).toEqual([
				{
					account_id: 'acme',
					measure_id: 'relationship',
					value: 4,
					entered_at: '2026-10-01T00:00:00.000Z',
					entered_by: 'kim@vendor.example',
					comment: 'QBR went well'
				},
				{
					account_id: 'globex',
					measure_id: 'relationship',
					value: 2,
					entered_at: '2026-10-01T09:30',
					entered_by: 'lee@vendor.example',
					comment: 'Sponsor left; new one not engaged'
				},
				{
					account_id: 'acme',
					measure_id: 'sponsor',
					value: 'yes',
					entered_at: '2026-10-01T00:00:00.000Z',
					entered_by: 'lea@team.example'
				}
			]);
			const again = await send();
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.manual_entries).toEqual({ added: 0, updated: 0, unchanged: 3 });
			expect(again.answer.revision).toBe(first.answer.revision);
		});

		it('rolls survey answers into the accounts’ metrics and the people’s, the same file twice a change of nothing', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const send = async () =>
				importCsv(
					records,
					{
						...(await request('survey_answers', fixture('survey-answers.csv'))),
						latestDate: '2026-12-04'
					},
					ops
				);
			const first = await send();
			if (!first.ok) throw new Error(first.error);
			expect(first.answer.errors.map(({ row, column, problem }) => [row, column, problem])).toEqual(
				[
					[6, 'Respondent Email', 'unknown_contact'],
					[7, 'NPS', 'not_on_scale'],
					[8, '', 'no_answer']
				]
			);
			// Four answers: one day each, and the held snapshot of 2026-11-01 of both accounts after.
			expect(first.answer.summary.survey_answers).toEqual({ added: 4, updated: 2, unchanged: 0 });
			expect(first.answer.summary.contacts).toEqual({ added: 0, updated: 2, unchanged: 0 });
			const snapshots = await held(store, 'snapshots', [
				snapshotId('acme', '2026-11-01'),
				snapshotId('acme', '2026-11-10'),
				snapshotId('globex', '2026-11-15')
			]);
			expect(snapshots.get(snapshotId('acme', '2026-11-01'))).toEqual({
				account_id: 'acme',
				date: '2026-11-01',
				metrics: {
					seats_active: 18,
					active_days_30d: 16,
					nps: 9,
					nps_detractors: 0,
					nps_responses: 1,
					csat: 5,
					csat_responses: 1
				}
			});
			expect(snapshots.get(snapshotId('acme', '2026-11-10'))).toMatchObject({
				metrics: { seats_active: 18, nps: 6, nps_detractors: 1, csat: 4 }
			});
			expect(snapshots.get(snapshotId('globex', '2026-11-15'))).toMatchObject({
				metrics: { seats_active: 8, nps: 4, nps_detractors: 1, csat: 2, csat_responses: 1 }
			});
			const people = await held(store, 'contacts', ['c1', 'c2']);
			expect(people.get('c1')).toMatchObject({ metrics: { nps: 6, csat: 4 } });
			expect(people.get('c2')).toMatchObject({ metrics: { nps: 4, csat: 2 } });

			const again = await send();
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.survey_answers).toEqual({ added: 0, updated: 0, unchanged: 6 });
			expect(again.answer.revision).toBe(first.answer.revision);
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
