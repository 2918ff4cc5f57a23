/**
 * Webhooks posted to real HTTP servers on this machine: retried when it may help, never thrown, and
 * never sent to an internal address unless the options allow it, whatever the URL's spelling.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call as callEndpoint, freshServerEnv } from '../../../tests/support/api';
import { POST } from '../../routes/api/webhooks/+server';
import type { Lookup } from './net/types';
import {
	DELIVERY_FAILED,
	postWebhook,
	webhookHostProblem,
	webhookPolicy,
	type WebhookOptions
} from './webhook';

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

/** What `postWebhook` logged since the last test. */
const logged: string[] = [];
afterEach(() => {
	logged.length = 0;
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
		const { url } = await hook([]);
		await new Promise((resolve) => server!.close(resolve));
		server = null;
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

/** A listener on every local address (IPv4 and IPv6) that counts connections and answers 200. */
async function counter(): Promise<{ port: number; connections: () => number; hosts: string[] }> {
	let connections = 0;
	const hosts: string[] = [];
	server = createServer((request, response) => {
		hosts.push(request.headers.host ?? '');
		request.resume();
		request.on('end', () => response.writeHead(200).end('ok'));
	});
	server.on('connection', () => connections++);
	await new Promise<void>((resolve) =>
		server!.listen({ port: 0, host: '::', ipv6Only: false }, resolve)
	);
	return { port: (server!.address() as AddressInfo).port, connections: () => connections, hosts };
}

/** A lookup that answers every name with `addresses`, and counts its calls. */
function answering(...addresses: string[]): Lookup & { calls: number } {
	const lookup = async () => {
		lookup.calls++;
		return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
	};
	lookup.calls = 0;
	return lookup;
}

describe('postWebhook and internal addresses', () => {
	const guarded: WebhookOptions = { ...quick, allowInternal: false, retries: 0 };

	/** Each spelling of this machine an attacker might try, with the lookup it needs (none for literals). */
	const LOCAL: [string, Lookup | undefined][] = [
		['127.0.0.1', undefined],
		['2130706433', undefined],
		['0177.0.0.1', undefined],
		['0x7f.1', undefined],
		['0x7f000001', undefined],
		['127.1', undefined],
		['0.0.0.0', undefined],
		['0', undefined],
		['[::]', undefined],
		['[::1]', undefined],
		['[::ffff:127.0.0.1]', undefined],
		['[::ffff:7f00:1]', undefined],
		['[0:0:0:0:0:ffff:7f00:1]', undefined],
		['localhost', undefined],
		['LOCALHOST.', undefined],
		['hooks.example.com', answering('127.0.0.1')],
		['hooks.example.com', answering('::ffff:127.0.0.1')],
		['hooks.example.com', answering('::1')],
		['hooks.example.com', answering('0.0.0.0')],
		// One public address among them is no excuse: the connection could take any.
		['hooks.example.com', answering('93.184.216.34', '127.0.0.1')]
	];

	it('the URL parser turns decimal, octal, hex and short IPv4 into the dotted form that is judged', () => {
		for (const host of ['2130706433', '0177.0.0.1', '0x7f.1', '0x7f000001', '127.1'])
			expect(new URL(`http://${host}/`).hostname).toBe('127.0.0.1');
		expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
	});

	it('refuses every spelling of this machine before connecting, all with one text', async () => {
		const { port, connections } = await counter();
		for (const [host, lookup] of LOCAL)
			expect(
				await postWebhook(`http://${host}:${port}/hook`, {}, { ...guarded, lookup }),
				host
			).toEqual({
				ok: false,
				error: DELIVERY_FAILED,
				attempts: 0
			});
		expect(connections()).toBe(0);
		expect(logged).toHaveLength(LOCAL.length);
		for (const line of logged)
			expect(line).toMatch(/: refused before connecting: .* resolves to .*: /);

		// The same URLs do reach the listener when internal addresses are allowed: the check is what
		// stopped them, not a wrong port.
		for (const [host, lookup] of LOCAL) {
			const before = connections();
			const result = await postWebhook(
				`http://${host}:${port}/hook`,
				{},
				{ ...guarded, lookup, allowInternal: true }
			);
			expect(result, host).toEqual({ ok: true, status: 200, attempts: 1 });
			expect(connections(), host).toBe(before + 1);
		}
	});

	it('refuses the other internal ranges, and IPv6 forms carrying them, without a connection', async () => {
		const { port, connections } = await counter();
		for (const address of [
			'10.0.0.1',
			'172.16.5.4',
			'192.168.1.1',
			'169.254.169.254',
			'100.64.0.1',
			'198.18.0.1',
			'192.0.2.1',
			'224.0.0.1',
			'240.0.0.1',
			'255.255.255.255',
			'fe80::1',
			'fd00::1',
			'ff02::1',
			'64:ff9b::a9fe:a9fe',
			'2002:a00:1::1',
			'2001:db8::1'
		]) {
			const literal = address.includes(':') ? `[${address}]` : address;
			for (const [url, lookup] of [
				[`http://${literal}:${port}/`, undefined],
				[`http://hooks.example.com:${port}/`, answering(address)]
			] as const)
				expect(await postWebhook(url, {}, { ...guarded, lookup }), url).toMatchObject({
					error: DELIVERY_FAILED,
					attempts: 0
				});
		}
		expect(connections()).toBe(0);
	});

	it('still refuses an allow-listed host that resolves inside, unless allowInternal', async () => {
		const { port, connections, hosts } = await counter();
		const url = `http://hooks.example.com:${port}/services/T0/SECRET`;
		const options = { ...guarded, allowedHosts: ['*.example.com'], lookup: answering('127.0.0.1') };
		expect(await postWebhook(url, {}, options)).toEqual({
			ok: false,
			error: DELIVERY_FAILED,
			attempts: 0
		});
		expect(connections()).toBe(0);
		expect(await postWebhook(url, {}, { ...options, allowInternal: true })).toEqual({
			ok: true,
			status: 200,
			attempts: 1
		});
		// The name, not the address, is what the host was asked for.
		expect(hosts).toEqual([`hooks.example.com:${port}`]);
		expect(
			await postWebhook(`http://evil.test:${port}/`, {}, { ...options, allowInternal: true })
		).toEqual({ ok: false, error: 'url: host "evil.test" is not in WEBHOOK_HOSTS', attempts: 0 });
		// The log names the host, never the path that holds the hook's secret.
		expect(logged.join('\n')).not.toContain('SECRET');
		expect(logged).toEqual([expect.stringContaining('webhook to hooks.example.com:')]);
	});

	it('looks the name up once and posts every try to what it checked', async () => {
		const { url, bodies } = await hook([500, 500, 200]);
		const lookup = answering('127.0.0.1');
		const named = url.replace('127.0.0.1', 'hooks.example.com');
		expect(await postWebhook(named, { n: 1 }, { ...quick, retries: 2, lookup })).toEqual({
			ok: true,
			status: 200,
			attempts: 3
		});
		expect(lookup.calls).toBe(1);
		expect(bodies).toHaveLength(3);
	});

	it('says the same for a refused address, a closed port, a timeout and an unknown name', async () => {
		const options = { ...quick, retries: 0, timeoutMs: 200 };
		const { url: silent } = await hook([null]);
		const closedPort = await (async () => {
			const probe = createServer();
			await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
			const { port } = probe.address() as AddressInfo;
			await new Promise((resolve) => probe.close(resolve));
			return `http://127.0.0.1:${port}/`;
		})();
		const unknown: Lookup = () =>
			Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
		const results = [
			await postWebhook(
				silent.replace('127.0.0.1', '[::ffff:7f00:1]'),
				{},
				{ ...options, allowInternal: false }
			),
			await postWebhook(closedPort, {}, options),
			await postWebhook(silent, {}, options),
			await postWebhook('http://nowhere.example/', {}, { ...options, lookup: unknown })
		];
		expect(results.map((result) => (result as { error: string }).error)).toEqual(
			Array(4).fill(DELIVERY_FAILED)
		);
		// The reasons differ, and are the owner's to read.
		expect(logged).toEqual([
			expect.stringMatching(/IPv4-mapped 127\.0\.0\.1, loopback/),
			expect.stringMatching(/ECONNREFUSED/),
			expect.stringMatching(/no answer within 200 ms/),
			expect.stringMatching(/lookup of nowhere\.example failed: ENOTFOUND/)
		]);
	});

	it('follows no redirect: a 3xx is the answer, and its target never hears from us', async () => {
		const target = await counter();
		const targetServer = server;
		const redirecting = createServer((request, response) => {
			request.resume();
			response.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end();
		});
		await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
		const { port } = redirecting.address() as AddressInfo;
		expect(await postWebhook(`http://127.0.0.1:${port}/`, {}, quick)).toEqual({
			ok: false,
			error: 'HTTP 302',
			attempts: 1
		});
		expect(target.connections()).toBe(0);
		await new Promise((resolve) => redirecting.close(resolve));
		server = targetServer;
	});
});

describe('POST /api/webhooks', () => {
	const call = (body: string, origin: string | null) =>
		callEndpoint(POST, '/api/webhooks', { body, origin });
	beforeAll(() => freshServerEnv());

	it('posts for a caller the hook let in, and refuses bad input with a reason', async () => {
		const { url, bodies } = await hook([200]);
		// A local address only when the operator allows internal addresses, listed or not.
		delete process.env.WEBHOOK_HOSTS;
		delete process.env.WEBHOOK_ALLOW_INTERNAL;
		const local = await call(JSON.stringify({ url, body: {} }), 'http://app.local');
		expect(local.status).toBe(400);
		expect(await local.json()).toEqual({ error: 'url: local and private addresses are refused' });
		process.env.WEBHOOK_HOSTS = '127.0.0.1';
		expect(
			await (await call(JSON.stringify({ url, body: {} }), 'http://app.local')).json()
		).toEqual({ error: 'url: local and private addresses are refused' });
		process.env.WEBHOOK_ALLOW_INTERNAL = '1';
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
		delete process.env.WEBHOOK_ALLOW_INTERNAL;
	});
});

describe('webhookHostProblem', () => {
	it('refuses local names and internal address literals, and anything unlisted once a list is set', () => {
		for (const host of [
			'localhost',
			'api.localhost',
			'127.0.0.1',
			'2130706433',
			'0177.0.0.1',
			'0x7f.1',
			'127.1',
			'0.0.0.0',
			'10.1.2.3',
			'192.168.0.9',
			'172.20.0.1',
			'100.64.0.1',
			'169.254.169.254',
			'[::]',
			'[::1]',
			'[::ffff:7f00:1]',
			'[fd00::1]'
		])
			expect(webhookHostProblem(`http://${host}/x`, null, false), host).toBe(
				'url: local and private addresses are refused'
			);
		for (const host of ['hooks.slack.com', '8.8.8.8', '172.32.0.1'])
			expect(webhookHostProblem(`https://${host}/x`, null, false), host).toBeNull();
		expect(webhookHostProblem('https://hooks.slack.com/x', 'hooks.slack.com', false)).toBeNull();
		expect(webhookHostProblem('https://a.hooks.example/x', ['*.hooks.example'], false)).toBeNull();
		expect(webhookHostProblem('https://evil.example/x', 'hooks.slack.com', false)).toBe(
			'url: host "evil.example" is not in WEBHOOK_HOSTS'
		);
		// Listed is not enough for an internal address; allowInternal is.
		expect(webhookHostProblem('http://127.0.0.1/x', '127.0.0.1', false)).not.toBeNull();
		expect(webhookHostProblem('http://127.0.0.1/x', '127.0.0.1', true)).toBeNull();
	});

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
