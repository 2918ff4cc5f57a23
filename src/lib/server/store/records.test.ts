// @vitest-environment node
/**
 * The records' own writes and reads, on both databases: bodies kept exactly as written whatever
 * text they hold, deletions among them (alone or not), and reads by kind and id or by account.
 */
import { describe, expect, it } from 'vitest';
import { describeStore } from './fixture';

describeStore(({ fresh, user }) => {
	describe('workspace records', () => {
		it('keeps bodies as written, deletions among them, and reads back the live ones', async () => {
			const store = await fresh();
			const author = { actor: await user('owner@team.example'), client: null };
			const { records } = store.published;
			// Text the statement itself splits or quotes on, inside the values.
			const odd = {
				id: 'odd',
				name: 'Record \u001e separator, tab\t, "quotes", back\\slash, 深田 文, 🙂',
				segment: 'scale'
			};
			await records.locked(async (locked) => {
				await locked.write(
					[
						{ kind: 'accounts', id: 'odd', body: odd },
						{ kind: 'accounts', id: 'gone', body: { id: 'gone', name: 'Gone', segment: 'mid' } },
						{ kind: 'accounts', id: 'later', body: { id: 'later', name: 'Later', segment: 'mid' } },
						{ kind: 'tasks', id: 't1', body: { id: 't1' } }
					],
					author
				);
				return locked.finish();
			});
			// One deletion alone, then a deletion after a body in one statement.
			for (const writes of [
				[{ kind: 'tasks' as const, id: 't1', body: null }],
				[
					{
						kind: 'accounts' as const,
						id: 'later',
						body: { id: 'later', name: 'Later', segment: 'scale' }
					},
					{ kind: 'accounts' as const, id: 'gone', body: null }
				]
			])
				await records.locked(async (locked) => {
					expect(await locked.write(writes, author)).toEqual(new Set([writes[0]!.kind]));
					return locked.finish();
				});

			// The page as JSON text, the bodies put in as kept: what JSON.stringify makes of the page,
			// byte for byte, for a load (a page, then its cursor's), and for changes, deletions among them.
			const first = await records.pull({ since: 0 }, 1);
			for (const [from, limit] of [
				[{ since: 0 }, 1],
				[{ cursor: first.cursor! }, 1],
				[{ since: 1 }, 100]
			] as const)
				expect(await records.pullJson(from, limit)).toBe(
					JSON.stringify(await records.pull(from, limit))
				);

			const { changes } = await records.pull({ since: 0 }, 100);
			expect(changes.map(({ kind, id, body }) => ({ kind, id, body }))).toEqual([
				{ kind: 'accounts', id: 'odd', body: odd },
				{ kind: 'accounts', id: 'later', body: { id: 'later', name: 'Later', segment: 'scale' } }
			]);
			await records.locked(async (locked) => {
				expect(await locked.bodies('accounts', ['odd', 'gone', 'nobody'])).toEqual(
					new Map<string, unknown>([
						['odd', odd],
						['gone', null]
					])
				);
				const read = await locked.read([
					{ kind: 'tasks', id: 't1' },
					{ kind: 'accounts', id: 'gone' },
					{ kind: 'accounts', id: 'odd' }
				]);
				expect(
					read
						.map(({ kind, id, body }) => ({ kind, id, body }))
						.sort((a, b) => (a.id < b.id ? -1 : 1))
				).toEqual([
					{ kind: 'accounts', id: 'gone', body: null },
					{ kind: 'accounts', id: 'odd', body: odd },
					{ kind: 'tasks', id: 't1', body: null }
				]);
				return locked.finish();
			});
			expect(await records.idsOf('accounts')).toEqual(new Set(['odd', 'later']));

			// Records said to be new are inserted as they are: one held after all (even deleted)
			// fails the commit, and nothing of it is kept.
			const head = await records.head();
			await expect(
				records.locked(async (locked) => {
					await locked.write(
						[
							{ kind: 'accounts', id: 'new', body: { id: 'new', name: 'New', segment: 'mid' } },
							{ kind: 'accounts', id: 'gone', body: { id: 'gone', name: 'Back', segment: 'mid' } }
						],
						author,
						{ fresh: true }
					);
					return locked.finish();
				})
			).rejects.toThrow(/duplicate key/);
			expect(await records.head()).toEqual(head);
			expect(await records.idsOf('accounts')).toEqual(new Set(['odd', 'later']));
		});

		it('reads the live records of one kind that name some accounts, and no others', async () => {
			const store = await fresh();
			const author = { actor: await user('owner@team.example'), client: null };
			const { records } = store.published;
			const snapshot = (account: string, date: string) => ({
				kind: 'snapshots' as const,
				id: JSON.stringify([account, date]),
				body: { account_id: account, date, metrics: {} }
			});
			await records.locked(async (locked) => {
				await locked.write(
					[
						snapshot('acme', '2026-01-05'),
						snapshot('acme', '2026-01-12'),
						snapshot('globex', '2026-01-05'),
						snapshot('o\'brien "co"', '2026-01-05'),
						snapshot('initech', '2026-01-05'),
						{ kind: 'outcomes', id: 'o1', body: { account_id: 'acme', date: '2026-01-05' } }
					],
					author
				);
				await locked.write([{ ...snapshot('acme', '2026-01-12'), body: null }], author);
				return locked.finish();
			});
			const read = await records.locked((locked) =>
				locked.ofAccounts('snapshots', ['acme', 'o\'brien "co"', 'nobody'])
			);
			expect(read.map(({ id }) => id).sort()).toEqual([
				JSON.stringify(['acme', '2026-01-05']),
				JSON.stringify(['o\'brien "co"', '2026-01-05'])
			]);
			expect(read.find(({ id }) => id === JSON.stringify(['acme', '2026-01-05']))?.body).toEqual({
				account_id: 'acme',
				date: '2026-01-05',
				metrics: {}
			});
			expect(await records.locked((locked) => locked.ofAccounts('snapshots', []))).toEqual([]);
		});
	});
});
