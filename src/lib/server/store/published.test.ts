// @vitest-environment node
/** The published workspace (`./published.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Database } from './database';
import { describeStore, workspaceText } from './fixture';
import { PublishedStore, PublishError, versionOf } from './published';

describeStore((store) => {
	const { fresh, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('PublishedStore', () => {
		it('publishes, answers the current version from its cache, keeps 5 versions', async () => {
			const { published } = await fresh();
			const owner = await user('owner@acme.example');
			expect(await published.current()).toBeNull();
			const first = await published.publish(workspaceText(1), owner);
			expect(first).toMatchObject({
				version: versionOf(workspaceText(1)),
				published_by: 'owner@acme.example'
			});
			expect(first.workspace.accounts[0]!.name).toBe('Acme 1');
			expect(await published.current()).toBe(first);
			const [row] = await db.query('select published_by from published_workspace');
			expect(row).toEqual({ published_by: owner.id });

			// Another process (a new store on the same database) parses it once, then follows a new version.
			const other = new PublishedStore(db);
			const seen = await other.current();
			expect(seen).toEqual(first);
			expect(seen).not.toBe(first);
			expect(await other.current()).toBe(seen);
			const second = await published.publish(workspaceText(2), owner);
			expect(await other.current()).toEqual(second);

			for (let n = 3; n <= 8; n++) await published.publish(workspaceText(n), owner);
			const kept = await db.query<{ version: string }>(
				'select version from published_workspace order by published_at'
			);
			expect(kept.map((r) => r.version)).toEqual(
				[4, 5, 6, 7, 8].map((n) => versionOf(workspaceText(n)))
			);
			expect((await other.current())?.workspace.accounts[0]!.name).toBe('Acme 8');
		});

		it('refuses a bad workspace with a PublishError naming the path, and keeps the current one', async () => {
			const { published } = await fresh();
			const owner = await user('owner@acme.example');
			const current = await published.publish(workspaceText(1), owner);
			const bad = exampleWorkspace() as unknown as { accounts: Record<string, unknown>[] };
			delete bad.accounts[0]!.id;
			const refused = published.publish(JSON.stringify(bad), owner);
			await expect(refused).rejects.toThrow(PublishError);
			await expect(refused).rejects.toMatchObject({
				problems: ['accounts[0].id: required: expected string']
			});
			await expect(published.publish('{', owner)).rejects.toThrow(/not JSON/);
			expect(await new PublishedStore(db).current()).toEqual(current);
		});
	});
});
