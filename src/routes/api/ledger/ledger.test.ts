// @vitest-environment node
/** The owner's ledger API over HTTP: the records by state, and the retry's answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';

let list: typeof import('./+server').GET;
let retry: typeof import('./retry/+server').POST;
let store: import('$lib/server/store/store').Store;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

beforeAll(async () => {
	freshServerEnv();
	({ store } = await (await import('$lib/server/app')).app());
	await store.ledger.importRecords([
		{
			key: 'k-sent',
			status: 'sent',
			recipient: 'ana@acme.example',
			attempts: 1,
			at: minutesAgo(3),
			message_id: '<k@app.example>'
		},
		{
			key: 'k-failed',
			status: 'failed',
			recipient: 'bo@acme.example',
			attempts: 1,
			at: minutesAgo(2),
			error: '550 mailbox unavailable'
		}
	]);
	await store.ledger.claim({ key: 'k-going', recipient: 'cy@acme.example' });
	({ GET: list } = await import('./+server'));
	({ POST: retry } = await import('./retry/+server'));
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

async function records(query = '') {
	const response = await call(list, `/api/ledger${query}`);
	expect(response.status).toBe(200);
	return ((await response.json()).records as { key: string; retryable: boolean }[]).map(
		(record) => [record.key, record.retryable]
	);
}

const retried = (body: unknown) => call(retry, '/api/ledger/retry', { body: JSON.stringify(body) });

describe('/api/ledger', () => {
	it('answers the records newest first, of one state when asked', async () => {
		expect(await records()).toEqual([
			['k-going', false],
			['k-failed', true],
			['k-sent', false]
		]);
		expect(await records('?state=failed')).toEqual([['k-failed', true]]);
		expect(await records('?state=sent')).toEqual([['k-sent', false]]);
		const bad = await call(list, '/api/ledger?state=bounced');
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toBe('state: expected failed, sending, sent');
	});

	it('retries a failed key once, as the caller, and refuses the rest with why', async () => {
		const response = await retried({ key: 'k-failed' });
		expect(response.status).toBe(200);
		expect((await response.json()).retried).toMatchObject({ key: 'k-failed', status: 'failed' });
		expect(await records('?state=failed')).toEqual([]);
		const [entry] = await store.audit.list({ action: 'retry' });
		expect(entry).toMatchObject({ actor_email: TEST_OWNER.email, subject: 'k-failed' });

		const answers = [];
		for (const body of [{ key: 'k-failed' }, { key: 'k-sent' }, { key: 'k-going' }, {}, []]) {
			const answer = await retried(body);
			answers.push([answer.status, (await answer.json()).error]);
		}
		expect(answers).toEqual([
			[404, 'No failed or interrupted send has the key k-failed.'],
			[404, 'k-sent was sent: a sent message is never sent again.'],
			[
				409,
				expect.stringMatching(/^k-going is being sent now \(claimed at .*\): retry it only if/)
			],
			[400, 'Say which send to retry: its key.'],
			[400, 'Say which send to retry: its key.']
		]);
		expect(await store.audit.list({ action: 'retry' })).toHaveLength(1);
		expect(await records()).toEqual([
			['k-going', false],
			['k-sent', false]
		]);
	});
});
