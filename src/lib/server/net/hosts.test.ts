/** The owner's allow-list: exact names and `*.suffix` patterns, compared as the URL parser spells hosts. */
import { describe, expect, it } from 'vitest';
import { bareHost, hostAllowed, hostList, isLocalName } from './hosts';

describe('hostAllowed', () => {
	const list = ['hooks.slack.com', '*.example.com', '127.0.0.1', '::1'];

	it.each([
		['hooks.slack.com', true],
		['HOOKS.Slack.com.', true],
		['a.example.com', true],
		['a.b.example.com', true],
		['example.com', false],
		['badexample.com', false],
		['example.com.evil.test', false],
		['slack.com', false],
		['127.0.0.1', true],
		['[::1]', true],
		['127.0.0.2', false]
	])('%s → %s', (host, allowed) => expect(hostAllowed(host, list)).toBe(allowed));

	it('allows any host with no list, and normalises the entries as URLs do', () => {
		expect(hostAllowed('anything.test', null)).toBe(true);
		expect(hostAllowed('anything.test', [])).toBe(true);
		expect(hostAllowed('127.0.0.1', ['0177.0.0.1'])).toBe(true);
		expect(hostAllowed('xn--bcher-kva.example', ['bücher.example'])).toBe(true);
		expect(hostAllowed('[::ffff:7f00:1]', ['[::ffff:127.0.0.1]'])).toBe(true);
	});

	it('never lets a pattern match an address, nor a broken entry match anything', () => {
		expect(hostAllowed('10.0.0.1', ['*.0.0.1'])).toBe(false);
		expect(hostAllowed('1.0.0.1', ['*.0.1'])).toBe(false);
		expect(hostAllowed('x', ['http://[', '*.'])).toBe(false);
	});
});

describe('the rest', () => {
	it('splits the setting, strips what URLs add, and knows the names of this machine', () => {
		expect(hostList(' hooks.slack.com, ,*.example.com ')).toEqual([
			'hooks.slack.com',
			'*.example.com'
		]);
		expect(hostList('')).toBeNull();
		expect(hostList(undefined)).toBeNull();
		expect(bareHost('[::1]')).toBe('::1');
		expect(bareHost('Hooks.Example.')).toBe('hooks.example');
		for (const name of ['localhost', 'LOCALHOST.', 'api.localhost'])
			expect(isLocalName(name)).toBe(true);
		expect(isLocalName('localhost.example.com')).toBe(false);
	});
});
