// @vitest-environment node
/** The Deliveries page's data and its Retry action, on the server's own store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '$lib/server/deliveries';
import { freshServerEnv, TEST_OWNER } from '../../../tests/support/api';

let page: typeof import('./+page.server');

beforeAll(async () => {
	freshServerEnv();
	const { store } = await (await import('$lib/server/app')).app();
	const at = new Date(Date.now() - 60_000).toISOString();
	await store.ledger.importRecords([
		{ key: 'k-sent', status: 'sent', recipient: 'ana@acme.example', attempts: 1, at },
		{
			key: 'k-failed',
			status: 'failed',
			recipient: 'bo@acme.example',
			attempts: 1,
			at,
			error: '550'
		}
	]);
	await store.ledger.claim({ key: 'k-going', recipient: 'cy@acme.example' });
	page = await import('./+page.server');
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

const event = (key?: string) => {
	const body = new FormData();
	if (key !== undefined) body.set('key', key);
	const url = new URL('http://app.local/deliveries');
	return {
		url,
		locals: { caller: TEST_OWNER },
		request: new Request(url, { method: 'POST', body })
	} as never;
};

const retry = (key?: string) => page.actions.retry!(event(key));

const shown = async () => {
	const data = (await page.load(event())) as { pending: Delivery[]; sent: Delivery[] };
	return { pending: data.pending.map((d) => d.key), sent: data.sent.map((d) => d.key) };
};

describe('/deliveries', () => {
	it('lists the failed and interrupted sends apart from the sent ones', async () => {
		expect(await shown()).toEqual({ pending: ['k-going', 'k-failed'], sent: ['k-sent'] });
	});

	it('retries a failed send, which leaves the list; refuses a sent one and one being sent', async () => {
		expect(await retry('k-failed')).toEqual({ retried: 'k-failed' });
		expect(await shown()).toEqual({ pending: ['k-going'], sent: ['k-sent'] });
		expect(await retry('k-sent')).toMatchObject({
			status: 404,
			data: { message: 'k-sent was sent: a sent message is never sent again.' }
		});
		expect(await retry('k-going')).toMatchObject({ status: 409 });
		expect(await retry()).toMatchObject({ status: 400 });
		expect(await shown()).toEqual({ pending: ['k-going'], sent: ['k-sent'] });
	});
});
