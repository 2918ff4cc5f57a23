/** Webhooks posted to a real HTTP server on 127.0.0.1: retried when it may help, never thrown. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call as callEndpoint, freshServerEnv } from '../../../tests/support/api';
import { POST } from '../../routes/api/webhooks/+server';
import { postWebhook, webhookHostProblem } from './webhook';

let server: Server | null = null;

afterEach(async () => {
	await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
	server = null;
});

/** A server answering each request with the next status (or never, for null); it keeps the bodies. */
async function hook(statuses: (number | null)[]): Promise<{ url: string; bodies: unknown[] }> {
	const bodies: unknown[] = [];
	server = createServer((request: IncomingMessage, response) => {
		let text = '';
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			bodies.push(JSON.parse(text));
			const status = statuses.shift();
			if (status === null || status === undefined) return; // never answers
			response.writeHead(status).end('ok');
		});
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, bodies };
}

const quick = { backoffMs: 10, timeoutMs: 300 };

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
	});

	it('gives up on a server that never answers, after its retries', async () => {
		const { url } = await hook([null, null]);
		expect(await postWebhook(url, {}, { ...quick, retries: 1 })).toEqual({
			ok: false,
			error: 'no answer within 300 ms',
			attempts: 2
		});
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

	it('retries a refused connection and says why it failed', async () => {
		const { url } = await hook([]);
		await new Promise((resolve) => server!.close(resolve));
		server = null;
		const result = await postWebhook(url, {}, { ...quick, retries: 1 });
		expect(result).toMatchObject({ ok: false, attempts: 2 });
		expect((result as { error: string }).error).toMatch(/fetch failed|ECONNREFUSED/);
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

describe('POST /api/webhooks', () => {
	const call = (body: string, origin: string | null) =>
		callEndpoint(POST, '/api/webhooks', { body, origin });
	beforeAll(() => freshServerEnv());

	it('posts for the app itself, and refuses other origins and bad input with a reason', async () => {
		const { url, bodies } = await hook([200]);
		// A local address only when the operator lists it.
		delete process.env.WEBHOOK_HOSTS;
		const local = await call(JSON.stringify({ url, body: {} }), 'http://app.local');
		expect(local.status).toBe(400);
		expect(await local.json()).toEqual({
			error: 'url: local and private addresses need WEBHOOK_HOSTS'
		});
		process.env.WEBHOOK_HOSTS = 'hooks.slack.com';
		expect(
			await (await call(JSON.stringify({ url, body: {} }), 'http://app.local')).json()
		).toEqual({
			error: 'url: host "127.0.0.1" is not in WEBHOOK_HOSTS'
		});
		process.env.WEBHOOK_HOSTS = 'hooks.slack.com, 127.0.0.1';
		const ok = await call(JSON.stringify({ url, body: { text: 'hi' } }), 'http://app.local');
		expect(await ok.json()).toEqual({ ok: true, status: 200, attempts: 1 });
		expect(bodies).toEqual([{ text: 'hi' }]);

		const foreign = await call(JSON.stringify({ url, body: {} }), 'https://evil.example');
		expect(foreign.status).toBe(403);
		expect((await call(JSON.stringify({ url, body: {} }), null)).status).toBe(403);
		const noToken = await callEndpoint(POST, '/api/webhooks', {
			body: JSON.stringify({ url, body: {} }),
			token: null
		});
		expect(noToken.status).toBe(403);
		const bad = await call(JSON.stringify({ url: 'ftp://x', body: {} }), 'http://app.local');
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: 'url: expected an http or https URL' });
		expect((await call('not json', 'http://app.local')).status).toBe(400);
		const credentials = await call(
			JSON.stringify({ url: 'https://user:pw@hooks.example/x', body: {} }),
			'http://app.local'
		);
		expect(credentials.status).toBe(400);
		expect(await credentials.json()).toEqual({ error: 'url: credentials in the URL are refused' });
		const noBody = await call(JSON.stringify({ url }), 'http://app.local');
		expect(noBody.status).toBe(400);
		expect(await noBody.json()).toEqual({ error: 'body: expected a JSON value' });
		const noUrl = await call(JSON.stringify({ body: {} }), 'http://app.local');
		expect(await noUrl.json()).toEqual({ error: 'url: expected a URL' });
		expect(bodies).toHaveLength(1);
		delete process.env.WEBHOOK_HOSTS;
	});
});

describe('webhookHostProblem', () => {
	it('refuses local and private addresses unless listed, and anything unlisted once a list is set', () => {
		for (const host of [
			'localhost',
			'127.0.0.1',
			'10.1.2.3',
			'192.168.0.9',
			'172.20.0.1',
			'169.254.169.254',
			'[::1]',
			'[fd00::1]'
		])
			expect(webhookHostProblem(`http://${host}/x`, undefined), host).not.toBeNull();
		for (const host of ['hooks.slack.com', '8.8.8.8', '172.32.0.1'])
			expect(webhookHostProblem(`https://${host}/x`, undefined), host).toBeNull();
		expect(webhookHostProblem('https://hooks.slack.com/x', 'hooks.slack.com')).toBeNull();
		expect(webhookHostProblem('https://evil.example/x', 'hooks.slack.com')).not.toBeNull();
	});
});
