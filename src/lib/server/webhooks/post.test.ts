/**
 * Webhooks posted to real HTTP servers on this machine: retried when it may help, never thrown,
 * with what went wrong told to the log and not to the caller.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeHooks, hook } from '../../../../tests/support/hooks';
import { DELIVERY_FAILED, postWebhook, webhookPolicy, type WebhookOptions } from './post';

/** What `postWebhook` logged since the last test. */
const logged: string[] = [];
afterEach(async () => {
	logged.length = 0;
	await closeHooks();
});

/** Short waits, the test listeners on 127.0.0.1 allowed, the log kept. */
const quick: WebhookOptions = {
	backoffMs: 10,
	timeoutMs: 300,
	allowInternal: true,
	allowedHosts: null,
	log: (line) => logged.push(line)
};

describe('postWebhook', () => {
	it('retries a 500 and succeeds, with the JSON body each time', async () => {
		const { url, bodies } = await hook([500, 200]);
		expect(await postWebhook(url, { text: 'Acme is Red' }, quick)).toEqual({
			ok: true,
			status: 200,
			attempts: 2
		});
		expect(bodies).toEqual([{ text: 'Acme is Red' }, { text: 'Acme is Red' }]);
	});

	it('does not retry a 400, and says what the server answered', async () => {
		const { url, bodies } = await hook([400, 200]);
		expect(await postWebhook(url, {}, quick)).toEqual({
			ok: false,
			error: 'HTTP 400',
			attempts: 1
		});
		expect(bodies).toHaveLength(1);
		expect(logged).toEqual([expect.stringMatching(/try 1: HTTP 400 ok$/)]);
	});

	it('gives up on a server that never answers, after its retries', async () => {
		const { url } = await hook([null, null]);
		expect(await postWebhook(url, {}, { ...quick, retries: 1 })).toEqual({
			ok: false,
			error: DELIVERY_FAILED,
			attempts: 2
		});
		expect(logged[1]).toMatch(/try 2: no answer within 300 ms$/);
	});

	it('retries a 429 and a 503, and gives up after its retries with the last answer', async () => {
		const { url, bodies } = await hook([429, 503, 503]);
		expect(await postWebhook(url, { text: 'x' }, { ...quick, retries: 2 })).toEqual({
			ok: false,
			error: 'HTTP 503',
			attempts: 3
		});
		expect(bodies).toHaveLength(3);
	});

	it('retries a refused connection, and tells why to the log only', async () => {
		const { url, close } = await hook([]);
		await close();
		expect(await postWebhook(url, {}, { ...quick, retries: 1 })).toEqual({
			ok: false,
			error: DELIVERY_FAILED,
			attempts: 2
		});
		expect(logged).toEqual([
			expect.stringMatching(/^webhook to 127\.0\.0\.1:\d+: try 1: connect ECONNREFUSED/),
			expect.stringMatching(/try 2: connect ECONNREFUSED/)
		]);
	});

	it('refuses what is not an http(s) URL, or carries credentials', async () => {
		expect(await postWebhook('file:///etc/passwd', {})).toMatchObject({ ok: false, attempts: 0 });
		expect(await postWebhook('https://user:pw@hooks.example/x', {})).toEqual({
			ok: false,
			error: 'url: credentials in the URL are refused',
			attempts: 0
		});
	});
});

describe('webhookPolicy', () => {
	it('takes the owner’s settings from the environment', () => {
		expect(webhookPolicy({})).toEqual({ allowedHosts: null, allowInternal: false });
		expect(
			webhookPolicy({
				WEBHOOK_HOSTS: 'hooks.slack.com, *.example.com',
				WEBHOOK_ALLOW_INTERNAL: 'true'
			})
		).toEqual({ allowedHosts: ['hooks.slack.com', '*.example.com'], allowInternal: true });
		expect(webhookPolicy({ WEBHOOK_ALLOW_INTERNAL: 'yes please' }).allowInternal).toBe(false);
	});
});
