// @vitest-environment node
/**
 * The team workspace on the server: records with revisions, pulled in pages, pushed in groups
 * (roles, conflicts, the schema), replaced by a file, on both databases (`../store/fixture.ts`).
 */
import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Play, Workspace } from '../../engine';
import { SYSTEM } from '../store/audit';
import { openPglite } from '../store/database';
import { describeStore, open, tempFolder } from '../store/fixture';
import { storeOn } from '../store/store';
import { markUnsubscribed } from './unsubscribed';
import { ids, pullAll, teamOf, withOutcomes } from './team-fixture';

describeStore((fixture) => {
	const { kind, empty } = fixture;
	const { team, push } = teamOf(fixture);

	const renamed = (workspace: Workspace, name: string): Play => ({
		...workspace.plays[0]!,
		name
	});

	describe('pulling', () => {
		it('gives a new replica every record in pages, in the workspace order, then nothing new', async () => {
			const { store } = await team();
			const head = (await store.published.records.head()).revision;
			const { pages, changes, revision } = await pullAll(store, 0);
			expect(pages[0]!.total).toBe(changes.length);
			expect(pages.length).toBeGreaterThan(2);
			expect(revision).toBe(head);
			expect(ids(changes)).toEqual([
				'accounts:acme',
				'accounts:globex',
				'contacts:c1',
				'contacts:c2',
				'snapshots:["acme","2026-11-01"]',
				'snapshots:["globex","2026-11-01"]',
				expect.stringMatching(/^outcomes:/),
				expect.stringMatching(/^outcomes:/),
				'scorecards:scale',
				'plays:scale-training',
				'templates:training-invitation',
				'settings:workspace'
			]);
			expect((await store.published.records.pull({ since: head }, 3)).changes).toEqual([]);
		});

		it('refuses a cursor it did not give', async () => {
			const { store } = await team();
			await expect(store.published.records.pull({ cursor: '1.x.2' }, 3)).rejects.toThrow(
				/not a cursor/
			);
		});
	});

	describe('pushing', () => {
		it('commits a group with the next revision, which others pull alone', async () => {
			const { store, ops } = await team();
			const base = (await store.published.records.head()).revision;
			const play = renamed(exampleWorkspace(), 'Training, renamed');
			const [result] = await push(store, 'ops-browser', ops, [
				{ id: 'g1', base, changes: [{ kind: 'plays', id: play.id, body: play }] }
			]);
			expect(result).toEqual({ group: 'g1', status: 'applied', revision: base + 1 });
			const { changes } = await pullAll(store, base);
			expect(changes).toEqual([
				{
					kind: 'plays',
					id: play.id,
					revision: base + 1,
					body: expect.objectContaining({ name: 'Training, renamed' })
				}
			]);
			expect((await store.published.current())!.workspace.plays[0]!.name).toBe('Training, renamed');
		});

		it('answers a conflict with both versions when another replica changed the record since', async () => {
			const { store, ops } = await team();
			const base = (await store.published.records.head()).revision;
			const ours = renamed(exampleWorkspace(), 'Ours');
			const theirs = renamed(exampleWorkspace(), 'Theirs');
			await push(store, 'a', ops, [
				{ id: 'a1', base, changes: [{ kind: 'plays', id: ours.id, body: ours }] }
			]);
			// The same replica goes on from its own change: no conflict with itself.
			const again = renamed(exampleWorkspace(), 'Ours again');
			const [own] = await push(store, 'a', ops, [
				{ id: 'a2', base, changes: [{ kind: 'plays', id: again.id, body: again }] }
			]);
			expect(own!.status).toBe('applied');
			const [result] = await push(store, 'b', ops, [
				{ id: 'b1', base, changes: [{ kind: 'plays', id: theirs.id, body: theirs }] }
			]);
			expect(result).toMatchObject({
				status: 'conflict',
				conflicts: [
					{
						kind: 'plays',
						id: 'scale-training',
						mine: { name: 'Theirs' },
						theirs: { body: { name: 'Ours again' }, by: 'ops@team.example', revision: base + 2 }
					}
				]
			});
			expect((await store.published.current())!.workspace.plays[0]!.name).toBe('Ours again');
		});

		it('refuses a group whole for a role that may not change one of its records, and says which role it takes', async () => {
			const { store, csm } = await team();
			const base = (await store.published.records.head()).revision;
			const task = {
				id: 't1',
				title: 'Call',
				status: 'open',
				account_id: 'acme',
				created_at: '2026-03-01T00:00:00.000Z'
			};
			const [result] = await push(store, 'c', csm, [
				{
					id: 'c1',
					base,
					changes: [
						{ kind: 'tasks', id: 't1', body: task },
						{ kind: 'plays', id: 'scale-training', body: renamed(exampleWorkspace(), 'Mine') }
					]
				}
			]);
			expect(result).toMatchObject({
				status: 'refused',
				reason: 'changing plays takes the ops role (yours: csm)',
				records: [
					{ kind: 'tasks', id: 't1', body: null, revision: 0 },
					{ kind: 'plays', id: 'scale-training', body: { name: exampleWorkspace().plays[0]!.name } }
				]
			});
			expect((await store.published.records.head()).revision).toBe(base);
		});

		it('refuses records the schema refuses, naming the record and the field', async () => {
			const { store, ops, leader } = await team();
			const base = (await store.published.records.head()).revision;
			const bad = { ...renamed(exampleWorkspace(), 'Bad'), when: { nope: [1] } };
			const [play] = await push(store, 'o', ops, [
				{ id: 'o1', base, changes: [{ kind: 'plays', id: 'scale-training', body: bad }] }
			]);
			expect(play).toMatchObject({
				status: 'refused',
				reason: expect.stringMatching(/^plays scale-training: when/)
			});
			const [orphan] = await push(store, 'l', leader, [
				{
					id: 'l1',
					base,
					changes: [
						{
							kind: 'snapshots',
							id: '["nobody","2026-03-01"]',
							body: { account_id: 'nobody', date: '2026-03-01', metrics: {} }
						}
					]
				}
			]);
			expect(orphan).toMatchObject({
				status: 'refused',
				reason: 'snapshots ["nobody","2026-03-01"]: account_id: unknown account "nobody"'
			});
			const [mislabelled] = await push(store, 'l', leader, [
				{
					id: 'l2',
					base,
					changes: [{ kind: 'accounts', id: 'acme', body: { ...exampleWorkspace().accounts[1] } }]
				}
			]);
			expect(mislabelled).toMatchObject({
				status: 'refused',
				reason: "accounts acme: the record's own key (globex) differs from its id"
			});
		});
	});

	describe('replacing the workspace with a file', () => {
		it('gives back the same file, deletes what the file leaves out, and changes nothing when given it again', async () => {
			const { store, owner } = await team();
			expect((await store.published.current())!.workspace).toEqual(withOutcomes());
			const before = (await store.published.records.head()).revision;
			await store.published.publish(JSON.stringify(withOutcomes()), owner);
			expect((await store.published.records.head()).revision).toBe(before);

			const smaller = withOutcomes();
			smaller.accounts = smaller.accounts.filter((a) => a.id === 'acme');
			smaller.contacts = smaller.contacts.filter((c) => c.account_id === 'acme');
			smaller.snapshots = smaller.snapshots.filter((s) => s.account_id === 'acme');
			await store.published.publish(JSON.stringify(smaller), owner);
			expect((await store.published.current())!.workspace).toEqual(smaller);
			// A replica from before the restore starts over: the live records only, from nothing.
			const { pages, changes } = await pullAll(store, before);
			expect(pages[0]!.reset).toBe(true);
			expect(changes.every((c) => c.body !== null)).toBe(true);
			expect(ids(changes)).not.toContain('accounts:globex');
			expect(changes).toHaveLength((await pullAll(store, 0)).changes.length);
			// One from after it goes on with what changed since.
			const after = (await store.published.records.head()).revision;
			expect((await store.published.records.pull({ since: after }, 10)).reset).toBeUndefined();
			expect(ids((await pullAll(store, 0)).changes)).not.toContain('accounts:globex');
		});

		it('refuses a file that changes what the role may not change, and keeps the workspace', async () => {
			const { store, ops } = await team();
			const changed = withOutcomes();
			changed.scorecards[0]!.name = 'Changed by ops';
			await expect(
				store.published.publish(JSON.stringify(changed), ops.actor, 'ops')
			).rejects.toThrow('changing scorecards takes the leader role (yours: ops)');
			expect((await store.published.current())!.workspace).toEqual(withOutcomes());
		});
	});

	describe('unsubscribes', () => {
		it("marks the contacts of an address that unsubscribed, once, in every replica's workspace", async () => {
			const { store } = await team();
			const contact = exampleWorkspace().contacts[0]!;
			const before = (await store.published.records.head()).revision;
			const at = '2026-03-02T10:00:00.000Z';
			const revision = await markUnsubscribed(store.published.records, [
				{ email: ` ${contact.email.toUpperCase()} `, at }
			]);
			expect(revision).toBe(before + 1);
			const { changes } = await pullAll(store, before);
			expect(changes).toEqual([
				{
					kind: 'contacts',
					id: contact.id,
					revision: before + 1,
					body: { ...contact, unsubscribed_at: at }
				}
			]);
			expect(
				await markUnsubscribed(store.published.records, [{ email: contact.email, at }])
			).toBeNull();
		});
	});

	describe('drafts', () => {
		it("keeps each person's draft of a scorecard their own, under the scorecard's id in their browser", async () => {
			const { store, leader, owner } = await team();
			const base = (await store.published.records.head()).revision;
			const card = exampleWorkspace().scorecards[0]!;
			const draft = (name: string) => ({
				scorecard_id: card.id,
				updated_at: '2026-03-01T09:00:00.000Z',
				based_on: 1,
				scorecard: { ...card, name, status: 'draft' }
			});
			const lea = await push(store, 'lea', leader, [
				{ id: 'l', base, changes: [{ kind: 'scorecardDrafts', id: card.id, body: draft('Lea’s') }] }
			]);
			const olivia = await push(store, 'olivia', { actor: owner, role: 'owner' }, [
				{
					id: 'o',
					base,
					changes: [{ kind: 'scorecardDrafts', id: card.id, body: draft('Olivia’s') }]
				}
			]);
			// Two drafts of one scorecard: no conflict, each kept.
			expect([lea[0]!.status, olivia[0]!.status]).toEqual(['applied', 'applied']);
			const seen = async (person: { id: string | null }) => {
				const page = await store.published.records.pull({ since: base }, 100, person);
				return page.changes
					.filter((c) => c.kind === 'scorecardDrafts')
					.map((c) => [c.id, (c.body as { scorecard: { name: string } }).scorecard.name]);
			};
			expect(await seen(leader.actor)).toEqual([[card.id, 'Lea’s']]);
			expect(await seen(owner)).toEqual([[card.id, 'Olivia’s']]);
			expect(await store.published.personalDrafts(owner)).toEqual([draft('Olivia’s')]);
			// The server's own view (plans) holds none.
			expect((await store.published.current())!.workspace.scorecard_drafts).toBeUndefined();
			// A restore by the owner keeps Lea's draft.
			await store.published.publish(JSON.stringify(withOutcomes()), owner);
			expect(await seen(leader.actor)).toEqual([[card.id, 'Lea’s']]);
			expect(await store.published.personalDrafts(owner)).toEqual([]);
		});
	});

	describe('a restart', () => {
		it('keeps every record with its revision, and the workspace they make', async () => {
			await empty();
			const folder = tempFolder();
			const database = () => (kind === 'pglite' ? openPglite(folder) : open.postgres());
			const store = await storeOn(await database());
			await store.published.publish(JSON.stringify(withOutcomes()), SYSTEM);
			const base = (await store.published.records.head()).revision;
			const play = renamed(exampleWorkspace(), 'Changed before the restart');
			await push(store, 'ops-browser', { actor: SYSTEM, role: 'ops' }, [
				{ id: 'g', base, changes: [{ kind: 'plays', id: play.id, body: play }] }
			]);
			const before = {
				workspace: (await store.published.current())!.workspace,
				changes: (await pullAll(store, 0)).changes
			};
			await store.close();

			const again = await storeOn(await database());
			expect((await again.published.records.head()).revision).toBe(base + 1);
			expect((await again.published.current())!.workspace).toEqual(before.workspace);
			expect((await pullAll(again, 0)).changes).toEqual(before.changes);
			await again.close();
		});
	});
});
