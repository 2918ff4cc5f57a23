// @vitest-environment node
/** The unsubscribe list (`./unsubscribes.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Unsubscribe } from '../mail/unsubscribe';
import type { Database } from './database';
import { describeStore } from './fixture';
import { Unsubscribes } from './unsubscribes';

const ana: Unsubscribe = {
	contact_id: 'c1',
	account_id: 'acme',
	email: 'Ana@Acme.example',
	at: '2026-02-20T09:00:00.000Z',
	via: 'link'
};
const bo: Unsubscribe = {
	...ana,
	contact_id: 'c2',
	email: 'bo@globex.example',
	at: '2026-02-21T10:00:00.000Z',
	via: 'one-click'
};

describeStore((store) => {
	const { fresh } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('Unsubscribes', () => {
		it('records an address once, whatever its case, and answers for it in any case', async () => {
			const { unsubscribes } = await fresh();
			expect(await unsubscribes.add(bo)).toBe(true);
			expect(await unsubscribes.add(ana)).toBe(true);
			expect(
				await unsubscribes.add({ ...ana, email: ' ana@acme.EXAMPLE ', via: 'one-click' })
			).toBe(false);
			expect(await unsubscribes.has('ANA@acme.example')).toBe(true);
			expect(await unsubscribes.has('carl@acme.example')).toBe(false);
			// In the order they asked, the address as it was given.
			expect(await new Unsubscribes(db).all()).toEqual([ana, bo]);
		});

		it('takes one of many concurrent unsubscribes of an address', async () => {
			const { unsubscribes } = await fresh();
			const added = await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					new Unsubscribes(db).add({ ...ana, email: i % 2 ? ana.email : ana.email.toLowerCase() })
				)
			);
			expect(added.filter(Boolean)).toHaveLength(1);
			expect(await unsubscribes.all()).toHaveLength(1);
		});

		it('refuses a malformed entry', async () => {
			const { unsubscribes } = await fresh();
			for (const bad of [
				{ ...ana, email: '' },
				{ ...ana, at: 'yesterday' },
				{ ...ana, via: 'email' }
			])
				await expect(unsubscribes.add(bad as Unsubscribe)).rejects.toThrow(TypeError);
			expect(await unsubscribes.all()).toEqual([]);
		});

		it('imports an older list once', async () => {
			const { unsubscribes } = await fresh();
			expect(await unsubscribes.importEntries([ana, bo])).toBe(2);
			expect(await unsubscribes.importEntries([ana, bo])).toBe(0);
			expect(await unsubscribes.all()).toEqual([ana, bo]);
		});
	});
});
