// @vitest-environment node
/** The team workspace as one file (`./published.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Database } from './database';
import { describeStore, workspaceText } from './fixture';
import { migrate } from './migrations';
import { PublishedStore, PublishError } from './published';
import { storeOn } from './store';

describeStore((store) => {
	const { fresh, empty, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('PublishedStore', () => {
		it('puts the workspace together from its records, and follows the changes another process makes', async () => {
			const { published } = await fresh();
			const owner = await user('owner@acme.example');
			expect(await published.current()).toBeNull();
			const first = await published.publish(workspaceText(1), owner);
			expect(first).toMatchObject({ version: '1', published_by: 'owner@acme.example' });
			expect(first.workspace).toEqual(JSON.parse(workspaceText(1)));
			expect(await published.current()).toBe(first);

			// Another process (a new store on the same database) reads it, then catches up with a change.
			const other = new PublishedStore(db);
			expect(await other.current()).toEqual(first);
			const second = await published.publish(workspaceText(2), owner);
			expect(second.version).toBe('2');
			const followed = await other.current();
			expect(followed?.workspace).toEqual(JSON.parse(workspaceText(2)));
			expect(followed?.workspace.accounts.map((a) => a.id)).toEqual(['acme', 'globex']);
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

		it('takes in the file a store from before the team workspace had published, on its first start after the upgrade', async () => {
			await empty();
			await migrate(db, 4);
			await db.query(
				`insert into published_workspace (version, body, published_by_email, current) values ('v', $1, 'lea@acme.example', true)`,
				[workspaceText(7)]
			);
			const upgraded = await storeOn(db);
			expect(await upgraded.published.current()).toMatchObject({
				workspace: JSON.parse(workspaceText(7)),
				published_by: 'lea@acme.example'
			});
			// Once: a second start leaves the records as they are.
			await storeOn(db);
			expect((await upgraded.published.records.head()).revision).toBe(1);
		});
	});
});
