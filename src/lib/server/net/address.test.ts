/** Every spelling of an internal address is refused, public ones pass; the IPv4 table agrees with Node's BlockList. */
import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { internalAddressReason, parseIp } from './address';

/** [address, the start of the reason, or null for public] */
const CASES: [string, string | null][] = [
	['127.0.0.1', 'loopback'],
	['127.255.255.254', 'loopback'],
	['0.0.0.0', '"this network"'],
	['0.1.2.3', '"this network"'],
	['10.0.0.1', 'private'],
	['172.16.0.1', 'private'],
	['172.31.255.255', 'private'],
	['192.168.1.1', 'private'],
	['169.254.169.254', 'link-local'],
	['100.64.0.1', 'shared address space'],
	['100.127.255.255', 'shared address space'],
	['192.0.0.8', 'IETF'],
	['192.0.2.10', 'documentation'],
	['198.51.100.7', 'documentation'],
	['203.0.113.9', 'documentation'],
	['198.18.0.1', 'benchmarking'],
	['198.19.255.255', 'benchmarking'],
	['192.88.99.1', '6to4 relay'],
	['224.0.0.251', 'multicast'],
	['239.255.255.250', 'multicast'],
	['240.0.0.1', 'reserved'],
	['255.255.255.255', 'broadcast'],
	['::', 'unspecified'],
	['::1', 'loopback'],
	['[::1]', 'loopback'],
	['0:0:0:0:0:0:0:1', 'loopback'],
	['::127.0.0.1', 'IPv4-compatible'],
	['::ffff:127.0.0.1', 'IPv4-mapped 127.0.0.1, loopback'],
	['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1, loopback'],
	['[::ffff:7f00:1]', 'IPv4-mapped 127.0.0.1, loopback'],
	['::ffff:a9fe:a9fe', 'IPv4-mapped 169.254.169.254'],
	['::ffff:0.0.0.0', 'IPv4-mapped 0.0.0.0'],
	['64:ff9b::7f00:1', 'NAT64 127.0.0.1'],
	['64:ff9b::10.0.0.1', 'NAT64 10.0.0.1'],
	['64:ff9b:1::1', 'local-use NAT64'],
	['2002:7f00:1::', '6to4 127.0.0.1'],
	['2002:c0a8:101::1', '6to4 192.168.1.1'],
	['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
	['2001:db8::1', 'documentation'],
	['3fff::1', 'documentation'],
	['fc00::1', 'unique-local'],
	['fd12:3456::1', 'unique-local'],
	['fe80::1', 'link-local'],
	['fe80::1%eth0', 'link-local'],
	['febf::1', 'link-local'],
	['fec0::1', 'site-local'],
	['ff02::1', 'multicast'],
	['100::1', 'discard-only'],
	['::ffff:0:7f00:1', 'not global unicast'],
	['4000::1', 'not global unicast'],
	['localhost', 'not an IP address'],
	['2130706433', 'not an IP address'],
	['0177.0.0.1', 'not an IP address'],
	['', 'not an IP address'],
	// public
	['8.8.8.8', null],
	['1.1.1.1', null],
	['172.15.255.255', null],
	['172.32.0.1', null],
	['100.63.255.255', null],
	['100.128.0.1', null],
	['169.253.255.255', null],
	['198.17.255.255', null],
	['198.20.0.1', null],
	['223.255.255.255', null],
	['2606:4700:4700::1111', null],
	['2a00:1450:4001:80b::200e', null],
	['::ffff:8.8.8.8', null],
	['64:ff9b::808:808', null],
	['2002:808:808::1', null]
];

describe('internalAddressReason', () => {
	it.each(CASES)('%s → %s', (address, reason) => {
		const found = internalAddressReason(address);
		if (reason === null) expect(found).toBeNull();
		else expect(found).toMatch(new RegExp(`^${reason.replace(/[.()*+?[\]]/g, '\\$&')}`));
	});

	it('agrees with Node’s BlockList on the IPv4 table, address by address across its edges', () => {
		const blocked = new BlockList();
		for (const [net, bits] of [
			['0.0.0.0', 8],
			['10.0.0.0', 8],
			['100.64.0.0', 10],
			['127.0.0.0', 8],
			['169.254.0.0', 16],
			['172.16.0.0', 12],
			['192.0.0.0', 24],
			['192.0.2.0', 24],
			['192.88.99.0', 24],
			['192.168.0.0', 16],
			['198.18.0.0', 15],
			['198.51.100.0', 24],
			['203.0.113.0', 24],
			['224.0.0.0', 4],
			['240.0.0.0', 4]
		] as const)
			blocked.addSubnet(net, bits, 'ipv4');
		// Every first octet, with second octets around each range's edge.
		for (let a = 0; a < 256; a++)
			for (const b of [0, 15, 16, 31, 32, 63, 64, 88, 127, 128, 168, 169, 254, 255])
				for (const c of [0, 2, 99, 100, 113, 255]) {
					const address = `${a}.${b}.${c}.1`;
					expect(internalAddressReason(address) !== null, address).toBe(blocked.check(address));
					// The mapped form is judged like the address inside.
					expect(internalAddressReason(`::ffff:${address}`) !== null, address).toBe(
						blocked.check(address)
					);
				}
	});
});

describe('parseIp', () => {
	it('gives the bytes of each form, and null for what is not an address', () => {
		expect(parseIp('127.0.0.1')).toEqual(Uint8Array.from([127, 0, 0, 1]));
		expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('[::ffff:7f00:1]'));
		expect(parseIp('1::')).toEqual(Uint8Array.from([0, 1, ...Array(14).fill(0)]));
		expect(parseIp('1:2:3:4:5:6:7:8')?.[15]).toBe(8);
		expect(parseIp('127.1')).toBeNull();
		expect(parseIp('example.com')).toBeNull();
	});
});
