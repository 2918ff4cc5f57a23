// @vitest-environment node
/** People, roles and invitations (`./people.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { describeStore } from './fixture';

describeStore((store) => {
	const { fresh, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('People', () => {
		it('makes the first user the owner, once, even when two try at once', async () => {
			const { people } = await fresh();
			const [ana, bea, carl] = [
				await user('ana@acme.example'),
				await user('bea@acme.example'),
				await user('carl@acme.example')
			];
			expect(await people.mayCreate('anyone@acme.example')).toBe(true);
			const made = await Promise.all([people.makeOwner(ana.id), people.makeOwner(bea.id)]);
			expect([...made].sort()).toEqual([false, true]);
			expect(await people.makeOwner(carl.id)).toBe(false);
			expect(await people.list()).toMatchObject([{ role: 'owner' }]);
			expect(await people.mayCreate('anyone@acme.example')).toBe(false);
		});

		it('lets an invitation be accepted once, and a revoked one not at all', async () => {
			const { people } = await fresh();
			const owner = await user('owner@acme.example');
			await people.makeOwner(owner.id);
			const { token, invitation } = await people.invite('Bea@Acme.example', 'ops', owner.id);
			expect(invitation).toMatchObject({ email: 'bea@acme.example', role: 'ops' });
			expect(await people.invitation(token)).toEqual(invitation);
			expect(await people.invitation(`${token}x`)).toBeNull();
			expect(await people.mayCreate('BEA@acme.example')).toBe(true);

			const bea = await user('bea@acme.example');
			expect(await people.accept(invitation.id, bea.id)).toBe('ops');
			expect(await people.accept(invitation.id, bea.id)).toBeNull();
			expect(await people.invitation(token)).toBeNull();
			expect(await people.roleOf(bea.id)).toBe('ops');
			expect(await people.mayCreate('bea@acme.example')).toBe(false);

			const carl = await people.invite('carl@acme.example', 'viewer', owner.id);
			expect(await people.revokeInvitation(carl.invitation.id)).toBe(true);
			expect(await people.invitation(carl.token)).toBeNull();
			expect(await people.mayCreate('carl@acme.example')).toBe(false);
		});

		it('remembers the language each person chose, and refuses one the app does not have', async () => {
			const { people } = await fresh();
			const ana = await user('ana@acme.example');
			await people.makeOwner(ana.id);
			expect(await people.membershipOf(ana.id)).toEqual({ role: 'owner', locale: null });
			await people.setLocale(ana.id, 'ja');
			expect(await people.membershipOf(ana.id)).toEqual({ role: 'owner', locale: 'ja' });
			await expect(people.setLocale(ana.id, 'fr' as 'ja')).rejects.toThrow();
			expect((await people.membershipOf(ana.id))?.locale).toBe('ja');
		});

		it('never leaves the workspace without an owner', async () => {
			const { people } = await fresh();
			const [ana, bea] = [await user('ana@acme.example'), await user('bea@acme.example')];
			await people.makeOwner(ana.id);
			await db.query(`insert into member (user_id, role) values ($1, 'viewer')`, [bea.id]);
			expect(await people.setRole(ana.id, 'viewer')).toBe('last_owner');
			expect(await people.remove(ana.id)).toBe('last_owner');
			expect(await people.setRole('00000000-0000-4000-8000-000000000009', 'ops')).toBe('not_found');

			// A changed role ends the person's sessions.
			await db.query(
				`insert into "auth_session" ("expiresAt", token, "updatedAt", "userId")
				 values (now() + interval '1 day', 'a-session', now(), $1)`,
				[bea.id]
			);
			expect(await people.setRole(bea.id, 'owner')).toBe('ok');
			expect(await db.query('select 1 from "auth_session"')).toEqual([]);

			// Two owners demoting each other at once: one of them stays.
			const results = await Promise.all([
				people.setRole(ana.id, 'viewer'),
				people.setRole(bea.id, 'viewer')
			]);
			expect([...results].sort()).toEqual(['last_owner', 'ok']);
			const viewer = results[0] === 'ok' ? ana : bea;
			expect(await people.remove(viewer.id)).toBe('ok');
			expect(await people.byEmail(viewer.email)).toBeNull();
			expect(await people.remove(viewer.id)).toBe('not_found');
			expect(await people.list()).toMatchObject([{ role: 'owner' }]);
		});
	});
});
