/** Lookups are checked whole: one internal address among public ones refuses the host. */
import { describe, expect, it } from 'vitest';
import { resolveChecked } from './resolve';
import type { Lookup } from './types';

const answering =
	(...addresses: string[]): Lookup =>
	async () =>
		addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('resolveChecked', () => {
	it('gives back public addresses, with their families', async () => {
		expect(
			await resolveChecked('hooks.example.com', {
				lookup: answering('93.184.216.34', '2606:2800::1')
			})
		).toEqual({
			ok: true,
			addresses: [
				{ address: '93.184.216.34', family: 4 },
				{ address: '2606:2800::1', family: 6 }
			]
		});
	});

	it('refuses a public-looking name when any of its addresses is internal, and says which', async () => {
		for (const internal of ['127.0.0.1', '10.0.0.5', '::ffff:127.0.0.1', '::1', '169.254.169.254'])
			expect(
				await resolveChecked('hooks.example.com', { lookup: answering('93.184.216.34', internal) })
			).toEqual({ ok: false, reason: expect.stringContaining(`resolves to ${internal}:`) });
	});

	it('refuses the names of this machine without asking a resolver, whatever it would say', async () => {
		let calls = 0;
		const lookup: Lookup = async (name) => {
			calls++;
			return answering('93.184.216.34')(name);
		};
		for (const name of ['localhost', 'LOCALHOST.', 'api.localhost'])
			expect(await resolveChecked(name, { lookup }), name).toEqual({
				ok: false,
				reason: expect.stringMatching(/^(api\.)?localhost is a name of this machine$/)
			});
		expect(calls).toBe(0);
	});

	it('judges an address literal as it is, without a lookup', async () => {
		const never: Lookup = () => Promise.reject(new Error('looked up'));
		expect(await resolveChecked('[::ffff:7f00:1]', { lookup: never })).toMatchObject({ ok: false });
		expect(await resolveChecked('8.8.8.8', { lookup: never })).toEqual({
			ok: true,
			addresses: [{ address: '8.8.8.8', family: 4 }]
		});
	});

	it('lets internal addresses through with allowInternal, but never what is no address', async () => {
		expect(
			await resolveChecked('hooks.test', { lookup: answering('127.0.0.1'), allowInternal: true })
		).toMatchObject({ ok: true });
		expect(
			await resolveChecked('hooks.test', { lookup: answering('not-an-ip'), allowInternal: true })
		).toMatchObject({ ok: false });
	});

	it('turns a failed, slow or empty lookup into a reason', async () => {
		const failing: Lookup = () =>
			Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }));
		expect(await resolveChecked('nowhere.test', { lookup: failing })).toEqual({
			ok: false,
			reason: 'lookup of nowhere.test failed: ENOTFOUND'
		});
		const never: Lookup = () => new Promise(() => undefined);
		expect(await resolveChecked('slow.test', { lookup: never, timeoutMs: 50 })).toEqual({
			ok: false,
			reason: 'lookup of slow.test failed: no answer within 50 ms'
		});
		expect(await resolveChecked('nowhere.test', { lookup: answering() })).toEqual({
			ok: false,
			reason: 'lookup of nowhere.test found no address'
		});
	});
});
