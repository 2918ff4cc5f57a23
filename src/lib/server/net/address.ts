/**
 * Whether an IP address is one the server may be made to connect to on someone else's behalf: a
 * public unicast address, or not. Addresses are judged as bytes against the special-purpose ranges
 * (RFC 6890 and its IANA registries), so every spelling of one address is judged alike, and IPv6
 * forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by the IPv4 address inside.
 */
import { isIP } from 'node:net';

interface Range {
	prefix: Uint8Array;
	bits: number;
	reason: string;
}

/** An address as its bytes (4 or 16), or null when it is not an IP address. Brackets and a zone are dropped. */
export function parseIp(text: string): Uint8Array | null {
	const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	const version = isIP(bare);
	if (version === 4) return Uint8Array.from(bare.split('.'), Number);
	if (version === 6) return ipv6Bytes(bare);
	return null;
}

/** `isIP` has vouched for the text; this only expands `::` and a trailing dotted IPv4 part. */
function ipv6Bytes(text: string): Uint8Array {
	let groups = text;
	const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(groups);
	if (dotted) {
		const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
		groups =
			groups.slice(0, dotted.index) +
			((a << 8) | b).toString(16) +
			':' +
			((c << 8) | d).toString(16);
	}
	const [head, tail] = groups.split('::');
	const words = (part: string | undefined) =>
		part ? part.split(':').map((word) => parseInt(word, 16)) : [];
	const front = words(head);
	const back = words(tail);
	const all =
		tail === undefined
			? front
			: [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
	const bytes = new Uint8Array(16);
	all.forEach((word, i) => {
		bytes[2 * i] = word >> 8;
		bytes[2 * i + 1] = word & 0xff;
	});
	return bytes;
}

function range(address: string, bits: number, reason: string): Range {
	return { prefix: parseIp(address)!, bits, reason };
}

function inRange(bytes: Uint8Array, { prefix, bits }: Range): boolean {
	if (bytes.length !== prefix.length) return false;
	return prefix.every((byte, i) => {
		const left = bits - 8 * i; // bits of the prefix still to compare from this byte on
		const mask = left >= 8 ? 0xff : left > 0 ? (0xff << (8 - left)) & 0xff : 0;
		return ((bytes[i] ?? 0) & mask) === (byte & mask);
	});
}

/** IPv4 ranges that are not public unicast; the more specific first where they nest. */
const IPV4: Range[] = [
	range('0.0.0.0', 8, '"this network" (0/8)'),
	range('10.0.0.0', 8, 'private (10/8)'),
	range('100.64.0.0', 10, 'shared address space (CGNAT, 100.64/10)'),
	range('127.0.0.0', 8, 'loopback (127/8)'),
	range('169.254.0.0', 16, 'link-local (169.254/16)'),
	range('172.16.0.0', 12, 'private (172.16/12)'),
	range('192.0.0.0', 24, 'IETF protocol assignments (192.0.0/24)'),
	range('192.0.2.0', 24, 'documentation (192.0.2/24)'),
	range('192.88.99.0', 24, '6to4 relay anycast (192.88.99/24)'),
	range('192.168.0.0', 16, 'private (192.168/16)'),
	range('198.18.0.0', 15, 'benchmarking (198.18/15)'),
	range('198.51.100.0', 24, 'documentation (198.51.100/24)'),
	range('203.0.113.0', 24, 'documentation (203.0.113/24)'),
	range('224.0.0.0', 4, 'multicast (224/4)'),
	range('255.255.255.255', 32, 'broadcast'),
	range('240.0.0.0', 4, 'reserved (240/4)')
];

/** IPv6 forms with an IPv4 address inside, at the byte offset given: judged by that address. */
const IPV6_CARRYING_IPV4: (Range & { at: number })[] = [
	{ ...range('::ffff:0:0', 96, 'IPv4-mapped'), at: 12 },
	{ ...range('64:ff9b::', 96, 'NAT64'), at: 12 },
	{ ...range('2002::', 16, '6to4'), at: 2 }
];

/** IPv6 ranges refused whatever they hold. Past these, only global unicast (2000::/3) passes. */
const IPV6: Range[] = [
	range('::', 128, 'unspecified (::)'),
	range('::1', 128, 'loopback (::1)'),
	range('::', 96, 'IPv4-compatible (::/96)'),
	range('64:ff9b:1::', 48, 'local-use NAT64 (64:ff9b:1::/48)'),
	range('100::', 64, 'discard-only (100::/64)'),
	range('2001::', 32, 'Teredo (2001::/32)'),
	range('2001::', 23, 'IETF protocol assignments (2001::/23)'),
	range('2001:db8::', 32, 'documentation (2001:db8::/32)'),
	range('3fff::', 20, 'documentation (3fff::/20)'),
	range('fc00::', 7, 'unique-local (fc00::/7)'),
	range('fe80::', 10, 'link-local (fe80::/10)'),
	range('fec0::', 10, 'site-local (fec0::/10)'),
	range('ff00::', 8, 'multicast (ff00::/8)')
];

const GLOBAL_UNICAST = range('2000::', 3, '');

/**
 * Why an address is not public, e.g. "loopback (127/8)", or null when it is a public unicast
 * address. What is not an IP address at all is refused too.
 */
export function internalAddressReason(address: string): string | null {
	const bytes = parseIp(address);
	if (!bytes) return 'not an IP address';
	if (bytes.length === 4) return IPV4.find((r) => inRange(bytes, r))?.reason ?? null;
	for (const form of IPV6_CARRYING_IPV4)
		if (inRange(bytes, form)) {
			const inner = bytes.slice(form.at, form.at + 4).join('.');
			const reason = internalAddressReason(inner);
			return reason && `${form.reason} ${inner}, ${reason}`;
		}
	const refused = IPV6.find((r) => inRange(bytes, r));
	if (refused) return refused.reason;
	return inRange(bytes, GLOBAL_UNICAST) ? null : 'not global unicast (outside 2000::/3)';
}
