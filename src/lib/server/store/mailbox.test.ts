// @vitest-environment node
/** The local sink's messages (`./mailbox.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { describeStore, message } from './fixture';
import { Mailbox } from './mailbox';

describeStore((store) => {
	const { fresh } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('Mailbox', () => {
		it('keeps a message with its raw source, read back by id, listed newest first', async () => {
			const { mailbox } = await fresh();
			const raw = Buffer.from('Subject: Grüße\r\n\r\nHello', 'utf8');
			const first = await mailbox.store(raw, message('ana@example.com', 'Grüße'));
			const second = await mailbox.store('x', {
				...message('bo@example.com', 'Test', true),
				public_url: 'https://app.example'
			});
			expect(first.id < second.id).toBe(true);
			expect(await mailbox.get(first.id)).toEqual({ ...first, raw: raw.toString('utf8') });
			expect(await mailbox.get(second.id)).toEqual({ ...second, raw: 'x' });
			expect(await mailbox.get('nope')).toBeNull();
			expect(await mailbox.list()).toEqual(
				[second, first].map(({ id, key, date, from, to, subject, test }) => ({
					id,
					key,
					date,
					from,
					to,
					subject,
					test
				}))
			);
		});

		it('lists what another process stored, each message once when they store at once', async () => {
			const { mailbox } = await fresh();
			const other = new Mailbox(db);
			const stored = await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					(i % 2 ? mailbox : other).store('x', message(`u${i}@example.com`, `n${i}`))
				)
			);
			const listed = await mailbox.list();
			expect(listed.map((summary) => summary.id).sort()).toEqual(
				stored.map((each) => each.id).sort()
			);
			expect(listed.map((summary) => summary.id)).toEqual(
				[...listed.map((summary) => summary.id)].sort().reverse()
			);
		});

		it('keeps a message whose text holds U+0000, which PostgreSQL text refuses', async () => {
			const { mailbox } = await fresh();
			const stored = await mailbox.store(Buffer.from('a\u0000b'), {
				...message('ana@example.com', 'Hi'),
				html: '<p>a\u0000b</p>',
				text: 'a\u0000b'
			});
			const read = await mailbox.get(stored.id);
			expect(read?.html).toBe('<p>a\uFFFDb</p>');
			expect(read?.text).toBe('a\uFFFDb');
			expect(read?.raw).toBe('a\u0000b');
		});

		it('imports messages with their ids, once', async () => {
			const { mailbox } = await fresh();
			const messages = [
				{ ...message('ana@example.com', 'a'), id: '00000000a-1', raw: Buffer.from('a') },
				{ ...message('bo@example.com', 'b'), id: '00000000b-2', raw: Buffer.from('b') }
			];
			expect(await mailbox.importMessages(messages)).toBe(2);
			expect(await mailbox.importMessages(messages)).toBe(0);
			expect(await mailbox.get('00000000b-2')).toEqual({ ...messages[1], raw: 'b' });
			expect((await mailbox.list()).map((summary) => summary.id)).toEqual([
				'00000000b-2',
				'00000000a-1'
			]);
		});
	});
});
