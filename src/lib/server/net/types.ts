/** Types shared by the outbound-request helpers: looking a host up, checking it, posting to it. */
import type { LookupAddress } from 'node:dns';

/** Every address of a host name, as `dns.promises.lookup(name, { all: true })` gives them. */
export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

/**
 * A host's addresses, all checked, or why they may not be used. The reason names the address and
 * its range: it is for the server's log, never for whoever asked for the request.
 */
export type Resolution = { ok: true; addresses: LookupAddress[] } | { ok: false; reason: string };

/** What a request to pinned addresses came to: the host's answer, or why there was none (for the log). */
export type Delivery =
	| { answered: true; status: number; retryAfter: string | null; body: string }
	| { answered: false; reason: string };

export interface PinnedLimits {
	/** Until the connection is up (TCP, and TLS for https). */
	connectTimeoutMs: number;
	/** The whole request, from connecting to the last byte read. */
	timeoutMs: number;
	/** The most of the answer's body that is read; the rest is dropped unread. */
	maxResponseBytes: number;
}
