// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRecord } from './mail/ledger';
import { deliveries, INTERRUPTED_AFTER_MS, retryDelivery, retryRefusal } from './deliveries';
import { openPglite } from './store/database';
import { storeOn, type Store } from './store/store';

const OWNER = { id: '00000000-0000-4000-8000-000000000001', email: 'olivia@team.example' };
const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

let store: Store;

const record = (key: string, over: Partial<LedgerRecord>): LedgerRecord => ({
	key,
	status: 'sent',
	recipient: `${key}@acme.example`,
	play_id: 'scale-training',
	account_id: 'acme',
	attempts: 1,
	at: ago(60_000),
	...over
});

beforeAll(async () => {
	store = await storeOn(await openPglite(null));
	// As a crash, a bounced address and a sent message leave the ledger; then a claim of this minute.
	await store.ledger.importRecords([
		record('sent', { message_id: '<sent@app.example>', at: ago(3 * 60_000) }),
		record('bounced', { status: 'failed', error: '550 no such user', at: ago(2 * 60_000) }),
		record('crashed', { status: 'sending', attempts: 0, at: ago(INTERRUPTED_AFTER_MS + 1000) })
	]);
	await store.ledger.claim({ key: 'going', recipient: 'going@acme.example' });
});

afterAll(() => store.close());

describe('the owner’s deliveries', () => {
	it('lists the ledger newest first, saying which sends may be retried', async () => {
		const all = await deliveries(store, NOW);
		expect(all.map((d) => [d.key, d.status, d.retryable])).toEqual([
			['going', 'sending', false],
			['bounced', 'failed', true],
			['sent', 'sent', false],
			['crashed', 'sending', true]
		]);
		expect(all[1]).toMatchObject({ error: '550 no such user', recipient: 'bounced@acme.example' });
		expect((await deliveries(store, NOW, 'sending')).map((d) => d.key)).toEqual([
			'going',
			'crashed'
		]);
	});

	it('retries a failed and an interrupted send: the next run may claim them again, and the audit log says who', async () => {
		for (const key of ['bounced', 'crashed']) {
			const outcome = await retryDelivery(store, key, OWNER, NOW);
			expect(outcome).toMatchObject({ ok: true, record: { key } });
			expect(await store.ledger.get(key)).toBeUndefined();
			expect(await store.ledger.claim({ key, recipient: `${key}@acme.example` })).toEqual({
				claimed: true
			});
		}
		const [crashed, bounced] = await store.audit.list({ action: 'retry' });
		expect(bounced).toMatchObject({
			actor_email: OWNER.email,
			subject: 'bounced',
			detail: { recipient: 'bounced@acme.example', was: 'failed', error: '550 no such user' }
		});
		expect(crashed).toMatchObject({ subject: 'crashed', detail: { was: 'sending' } });
	});

	it('never forgets a sent message, one being sent now, or a key it does not know', async () => {
		const sent = await retryDelivery(store, 'sent', OWNER, NOW);
		expect(sent).toEqual({ ok: false, reason: 'sent' });
		expect(retryRefusal(sent as Extract<typeof sent, { ok: false }>, 'sent')).toEqual({
			status: 404,
			message: 'sent was sent: a sent message is never sent again.'
		});
		const going = await retryDelivery(store, 'going', OWNER, NOW);
		expect(going).toMatchObject({ ok: false, reason: 'in_flight' });
		expect(retryRefusal(going as Extract<typeof going, { ok: false }>, 'going').status).toBe(409);
		expect(await retryDelivery(store, 'nothing', OWNER, NOW)).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect((await store.ledger.get('sent'))?.status).toBe('sent');
		expect((await store.ledger.get('going'))?.status).toBe('sending');
		// Once older than any send takes, the claim counts as interrupted.
		const later = new Date(NOW.getTime() + INTERRUPTED_AFTER_MS + 60_000);
		expect(await retryDelivery(store, 'going', OWNER, later)).toMatchObject({ ok: true });
		expect((await store.audit.list({ action: 'retry' })).map((e) => e.subject)).toEqual([
			'going',
			'crashed',
			'bounced'
		]);
	});
});
