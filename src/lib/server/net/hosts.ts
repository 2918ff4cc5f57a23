/**
 * Host names as the allow-list compares them, and the allow-list itself: exact names and
 * `*.example.com` patterns set by the owner. Both sides go through the URL parser first, so
 * `0177.0.0.1` in a list means 127.0.0.1, case and a trailing dot do not matter, and a Unicode name
 * matches its punycode form.
 */
import { isIP } from 'node:net';

/** A URL's `hostname` as compared: lower case, no brackets around IPv6, no trailing dot. */
export function bareHost(hostname: string): string {
	return hostname
		.toLowerCase()
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/\.$/, '');
}

/** One allow-list entry in the form `bareHost` gives, or null when it is no host name. */
function normaliseEntry(entry: string): string | null {
	const wildcard = entry.startsWith('*.');
	const name = wildcard ? entry.slice(2) : entry;
	const ipv6 = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
	try {
		const host = bareHost(new URL(`http://${ipv6}/`).hostname);
		if (!host) return null;
		if (!wildcard) return host;
		return isIP(host) ? null : `*.${host}`; // a pattern over an address means nothing
	} catch {
		return null;
	}
}

/** The entries of a comma-separated list (the `WEBHOOK_HOSTS` setting), or null when it names none. */
export function hostList(text: string | undefined): string[] | null {
	const entries = (text ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	return entries.length ? entries : null;
}

/**
 * Whether `hostname` is on the list: equal to an entry, or under a `*.example.com` entry (which
 * matches `a.example.com` and `a.b.example.com`, not `example.com` itself). A null or empty list
 * allows every host.
 */
export function hostAllowed(hostname: string, allowed: readonly string[] | null): boolean {
	if (!allowed?.length) return true;
	const host = bareHost(hostname);
	return allowed.some((entry) => {
		const pattern = normaliseEntry(entry.trim());
		if (!pattern) return false;
		if (!pattern.startsWith('*.')) return host === pattern;
		return !isIP(host) && host.endsWith(pattern.slice(1));
	});
}

/** Names that always mean this machine (RFC 6761), whatever a resolver says. */
export function isLocalName(hostname: string): boolean {
	const host = bareHost(hostname);
	return host === 'localhost' || host.endsWith('.localhost');
}
