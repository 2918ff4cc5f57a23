// @vitest-environment node
/** The sender identity setting (`./sender.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SENDER } from '../../mail/sender';
import type { Database } from './database';
import { describeStore } from './fixture';
import { SenderSetting } from './sender';

const IDENTITY = {
	...EMPTY_SENDER,
	from_name: 'Acme Customer Success',
	from_address: 'cs@acme-vendor.example',
	postal_address: 'Acme Vendor Inc. · 1 Main Street · Springfield',
	public_url: 'https://cs.acme-vendor.example'
};

describeStore((store) => {
	const { fresh, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('SenderSetting', () => {
		it('replaces the identity whole, and refuses a bad one without touching it', async () => {
			const { sender } = await fresh();
			const owner = await user('owner@acme.example');
			expect(await sender.current()).toEqual(EMPTY_SENDER);
			expect(
				await sender.save({ ...IDENTITY, public_url: 'https://cs.acme-vendor.example/' }, owner)
			).toEqual({
				ok: true,
				value: IDENTITY
			});
			expect(await new SenderSetting(db).current()).toEqual(IDENTITY);
			const [row] = await db.query(`select updated_by from setting where name = 'sender'`);
			expect(row).toEqual({ updated_by: owner.id });

			const refused = await sender.save({ ...IDENTITY, training_url: 'javascript:alert(1)' });
			expect(refused).toMatchObject({
				ok: false,
				errors: [{ field: 'training_url', code: 'link' }]
			});
			expect(await sender.current()).toEqual(IDENTITY);
			expect(await sender.save({ postal_address: 'elsewhere' })).toMatchObject({ ok: true });
			expect(await sender.current()).toEqual({ ...EMPTY_SENDER, postal_address: 'elsewhere' });
		});

		it('distrusts a stored field that does not pass the checks (a hand edit)', async () => {
			const { sender } = await fresh();
			await db.query(`insert into setting (name, value) values ('sender', $1)`, [
				JSON.stringify({ ...IDENTITY, from_address: 'cs@x.example\r\nBcc: y@z.example' })
			]);
			expect(await sender.current()).toEqual({ ...IDENTITY, from_address: '' });
		});

		it("imports an older folder's identity unless one was saved", async () => {
			const { sender } = await fresh();
			expect(await sender.importIdentity(IDENTITY)).toBe(true);
			expect(await sender.current()).toEqual(IDENTITY);
			await sender.save({ postal_address: 'saved on the Settings page' });
			expect(await sender.importIdentity(IDENTITY)).toBe(false);
			expect(await sender.current()).toMatchObject({
				postal_address: 'saved on the Settings page'
			});
		});
	});
});
