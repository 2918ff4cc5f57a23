/**
 * A host's addresses, looked up once and checked before anything connects: refused when any of
 * them is internal (`address.ts`), since the connection could go to any of them. The caller then
 * connects to these addresses only (`pinned.ts`), so a name cannot answer one address to the check
 * and another to the connection.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { internalAddressReason } from './address';
import { bareHost, isLocalName } from './hosts';
import type { Lookup, Resolution } from './types';

export const systemLookup: Lookup = (hostname) =>
	dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The checked addresses of a URL's `hostname` (an address literal stands for itself), within
 * `timeoutMs`. With `allowInternal`, internal addresses pass: for tests and a hook on the owner's
 * own network.
 */
export async function resolveChecked(
	hostname: string,
	options: { lookup?: Lookup; allowInternal?: boolean; timeoutMs?: number } = {}
): Promise<Resolution> {
	const { lookup = systemLookup, allowInternal = false, timeoutMs = 5000 } = options;
	const host = bareHost(hostname);
	// Whatever a resolver (or /etc/hosts) says of them, these names mean this machine.
	if (!allowInternal && isLocalName(host))
		return { ok: false, reason: `${host} is a name of this machine` };
	let found: string[];
	if (isIP(host)) found = [host];
	else {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
		});
		try {
			found = (await Promise.race([lookup(host), late])).map((entry) => entry.address);
		} catch (error) {
			const { code, message } = error as NodeJS.ErrnoException;
			return { ok: false, reason: `lookup of ${host} failed: ${code ?? message}` };
		} finally {
			clearTimeout(timer);
		}
	}
	if (!found.length) return { ok: false, reason: `lookup of ${host} found no address` };
	for (const address of found) {
		const reason = internalAddressReason(address);
		// What is no IP address at all cannot be connected to, whatever `allowInternal` says.
		if (reason && (!allowInternal || !isIP(address)))
			return { ok: false, reason: `${host} resolves to ${address}: ${reason}` };
	}
	return { ok: true, addresses: found.map((address) => ({ address, family: isIP(address) })) };
}
