// @vitest-environment node
/** The send ledger's table (`./ledger.ts`), on both databases (`./fixture.ts`). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimOf, describeStore, ledgerFile, settled, tempFolder } from './fixture';

describeStore(({ fresh }) => {
	describe('DatabaseLedger', () => {
		it('gives a key to exactly one of 50 concurrent claims', async () => {
			const { ledger } = await fresh();
			const results = await Promise.all(
				Array.from({ length: 50 }, () => ledger.claim(claimOf('k1')))
			);
			expect(results.filter((result) => result.claimed)).toHaveLength(1);
			for (const result of results)
				if (!result.claimed) expect(result.record).toMatchObject({ key: 'k1', status: 'sending' });
		});

		it('answers a settled key with its record; a second settle changes nothing', async () => {
			const { ledger } = await fresh();
			expect(await ledger.claim(claimOf('k1'))).toEqual({ claimed: true });
			const sent = settled('k1', { status: 'sent', message_id: '<k1@acme.example>' });
			await ledger.settle(sent);
			await ledger.settle(settled('k1', { status: 'failed', error: 'late' }));
			const again = await ledger.claim(claimOf('k1'));
			expect(again).toEqual({ claimed: false, record: { ...sent, at: expect.any(String) } });
			expect(await ledger.sent()).toEqual([await ledger.get('k1')]);
		});

		it('frees a released claim, and only a claim', async () => {
			const { ledger } = await fresh();
			await ledger.claim(claimOf('k1'));
			await ledger.release('k1');
			expect(await ledger.get('k1')).toBeUndefined();
			expect(await ledger.claim(claimOf('k1'))).toEqual({ claimed: true });
			await ledger.settle(settled('k1', { status: 'sent', message_id: '<k1@acme.example>' }));
			await ledger.release('k1');
			expect(await ledger.get('k1')).toMatchObject({ status: 'sent' });
		});

		it('forgets failed and interrupted keys, never a sent one', async () => {
			const { ledger } = await fresh();
			for (const key of ['sent', 'failed', 'sending']) await ledger.claim(claimOf(key));
			await ledger.settle(settled('sent', { status: 'sent', message_id: '<sent@acme.example>' }));
			await ledger.settle(settled('failed', { status: 'failed', error: '550 no such user' }));
			expect(await ledger.forget('sent')).toBe(false);
			expect(await ledger.forget('failed')).toBe(true);
			expect(await ledger.forget('sending')).toBe(true);
			expect(await ledger.forget('unknown')).toBe(false);
			expect((await ledger.list()).map((record) => record.key)).toEqual(['sent']);
		});

		it("imports a ledger file's records as they are, once", async () => {
			const file = await ledgerFile(join(tempFolder(), 'ledger.jsonl'), ['k1']);
			await file.claim(claimOf('k2'));
			await file.settle(settled('k2', { status: 'failed', error: '550 no such user' }));
			await file.claim(claimOf('k3')); // interrupted: left claimed
			const records = file.entries();
			file.close();
			const { ledger } = await fresh();

			expect(await ledger.importRecords(records)).toBe(3);
			for (const record of records) expect(await ledger.get(record.key)).toEqual(record);
			expect(await ledger.importRecords(records)).toBe(0);
			expect(await ledger.list()).toHaveLength(3);
			expect((await ledger.list({ state: 'failed' })).map((record) => record.key)).toEqual(['k2']);
			expect((await ledger.list({ state: 'sending', limit: 1 })).map((r) => r.key)).toEqual(['k3']);
			expect(await ledger.claim(claimOf('k3'))).toMatchObject({ claimed: false });
		});
	});
});
