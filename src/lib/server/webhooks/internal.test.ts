/**
 * Webhooks never reach inside: every spelling of this machine and of the other internal ranges,
 * as a literal or as a name resolving to one, is refused before connecting, with one error text;
 * the name is looked up once and the connection goes to the address checked; no redirect is followed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeHooks, counter, hook, redirecting } from '../../../../tests/support/hooks';
import type { Lookup } from '../net/types';
import { DELIVERY_FAILED, postWebhook, type WebhookOptions } from './post';

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
			expect(line).toMatch(
				/: refused before connecting: (.* resolves to .*: |.* is a name of this machine$)/
			);

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
		const { url } = await redirecting(`http://127.0.0.1:${target.port}/`);
		expect(await postWebhook(url, {}, quick)).toEqual({
			ok: false,
			error: 'HTTP 302',
			attempts: 1
		});
		expect(target.connections()).toBe(0);
	});
});
