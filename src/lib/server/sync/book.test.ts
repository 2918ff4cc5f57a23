// @vitest-environment node
/**
 * A CSM's book on the server, on both databases: a CSM changes the tasks and manual measures of
 * their own accounts and the tasks handed to them, nothing else; what a person enters is signed
 * with their own email.
 */
import { describe, expect, it } from 'vitest';
import { describeStore } from '../store/fixture';
import { pullAll, teamOf } from './team-fixture';

describeStore((fixture) => {
	const { team, push } = teamOf(fixture);

	describe("a CSM's book", () => {
		const task = (id: string, account_id: string, assignee: string) => ({
			id,
			account_id,
			play_id: 'call',
			title: `Call ${account_id}`,
			assignee,
			due_date: '2026-03-08',
			status: 'open',
			created_at: '2026-03-01T08:00:00.000Z'
		});

		it('lets a CSM work on the tasks and measures of their accounts and the tasks handed to them, nothing else', async () => {
			const { store, ops, csm } = await team();
			const tasks = [
				task('acme-call', 'acme', 'cam@team.example'),
				task('globex-call', 'globex', 'kim@vendor.example'),
				task('globex-handed', 'globex', 'cam@team.example')
			];
			const base = (await store.published.records.head()).revision;
			const [made] = await push(store, 'o', ops, [
				{
					id: 'o1',
					base,
					changes: tasks.map((t) => ({ kind: 'tasks' as const, id: t.id, body: t }))
				}
			]);
			expect(made).toMatchObject({ status: 'applied' });
			const done = (t: ReturnType<typeof task>) => ({
				kind: 'tasks' as const,
				id: t.id,
				body: { ...t, status: 'done', completed_at: '2026-03-02T09:00:00.000Z' }
			});
			const revision = (await store.published.records.head()).revision;
			const results = await push(store, 'c', csm, [
				{ id: 'mine', base: revision, changes: [done(tasks[0]!)] },
				{ id: 'kims', base: revision, changes: [done(tasks[1]!)] },
				{ id: 'handed', base: revision, changes: [done(tasks[2]!)] },
				{
					id: 'measure',
					base: revision,
					changes: [
						{
							kind: 'manualEntries',
							id: 'e-globex',
							body: {
								account_id: 'globex',
								measure_id: 'exec_sponsor',
								value: true,
								entered_by: 'cam@team.example',
								entered_at: '2026-03-02T09:00:00.000Z'
							}
						}
					]
				}
			]);
			expect(results.map((r) => [r.group, r.status])).toEqual([
				['mine', 'applied'],
				['kims', 'refused'],
				['handed', 'applied'],
				['measure', 'refused']
			]);
			expect(results[1]).toMatchObject({
				reason:
					'tasks globex-call: account globex is not in your book (its CSM: kim@vendor.example)'
			});
			// Ops is not limited to a book.
			const [opsDone] = await push(store, 'o', ops, [
				{
					id: 'o2',
					base: (await store.published.records.head()).revision,
					changes: [done(tasks[1]!)]
				}
			]);
			expect(opsDone).toMatchObject({ status: 'applied' });
		});

		it('signs what a person enters with their own email, whatever name the browser wrote', async () => {
			const { store, csm } = await team();
			const base = (await store.published.records.head()).revision;
			const entry = {
				account_id: 'acme',
				measure_id: 'exec_sponsor',
				value: true,
				entered_by: 'Someone Else',
				entered_at: '2026-03-02T09:00:00.000Z'
			};
			const [result] = await push(store, 'c', csm, [
				{ id: 'c1', base, changes: [{ kind: 'manualEntries', id: 'e1', body: entry }] }
			]);
			expect(result).toMatchObject({ status: 'applied' });
			const { changes } = await pullAll(store, base);
			expect(changes).toEqual([
				expect.objectContaining({
					kind: 'manualEntries',
					body: { ...entry, entered_by: 'cam@team.example' }
				})
			]);
		});
	});
});
