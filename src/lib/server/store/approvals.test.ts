// @vitest-environment node
/** Approvals (`./approvals.ts`) and the audit log (`./audit.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import { Approvals } from './approvals';
import type { Database } from './database';
import { describeStore } from './fixture';

describeStore((store) => {
	const { fresh, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('Approvals and the audit log', () => {
		it('approves a key once, by its first approver', async () => {
			const { approvals } = await fresh();
			const [ana, bea] = [await user('ana@acme.example'), await user('bea@acme.example')];
			await approvals.approve(['k1', 'k2'], ana);
			await approvals.approve(['k2', 'k3'], bea);
			expect(await approvals.among(['k1', 'k2', 'k3', 'k4'])).toEqual(new Set(['k1', 'k2', 'k3']));
			expect(await approvals.among([])).toEqual(new Set());
			const [row] = await db.query(`select approved_by_email from approval where key = 'k2'`);
			expect(row).toEqual({ approved_by_email: 'ana@acme.example' });
			expect(await new Approvals(db).among(['k3'])).toEqual(new Set(['k3']));
		});

		it('lists the audit log newest first, paged by `before` and filtered by action', async () => {
			const { audit } = await fresh();
			const owner = await user('owner@acme.example');
			const actions = ['sign_in', 'publish', 'run', 'publish', 'approve'];
			for (const [n, action] of actions.entries())
				await audit.record(owner, action, `subject ${n}`, { n });
			const all = await audit.list();
			expect(all.map((entry) => entry.action)).toEqual([...actions].reverse());
			expect(all[0]).toMatchObject({
				actor_email: 'owner@acme.example',
				subject: 'subject 4',
				detail: { n: 4 }
			});
			expect(new Date(all[0]!.at).toISOString()).toBe(all[0]!.at);

			const page = await audit.list({ limit: 2 });
			expect(page.map((entry) => entry.detail.n)).toEqual([4, 3]);
			const next = await audit.list({ limit: 2, before: page[1]!.id });
			expect(next.map((entry) => entry.detail.n)).toEqual([2, 1]);
			const publishes = await audit.list({ action: 'publish' });
			expect(publishes.map((entry) => entry.detail.n)).toEqual([3, 1]);
			const older = await audit.list({ action: 'publish', before: publishes[0]!.id });
			expect(older.map((entry) => entry.detail.n)).toEqual([1]);
		});
	});
});
