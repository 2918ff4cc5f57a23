/**
 * Unsubscribing: the signed token in every automated email's link, and the server's list of who
 * asked to stop. A token names one contact and carries an HMAC over that name, so it cannot be
 * guessed, nor changed to stop another contact's emails.
 *
 * Tokens are signed with keys of their own, kept in a ring (`unsubscribe-keys.ts` stores it): the
 * newest key not retired signs, and a retired key still verifies for a grace period, so rotating
 * breaks no link already in an inbox. Tokens of the first format (`<payload>.<signature>`, signed
 * with a key derived from the server's secret, which was also the API token) verify only when the
 * caller passes that secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { JsonLinesFile } from './ledger';

export interface UnsubscribeClaim {
	contact_id: string;
	account_id: string;
	email: string;
}

export interface Unsubscribe extends UnsubscribeClaim {
	at: string;
	via: 'link' | 'one-click';
}

export interface UnsubscribeKey {
	/** base64url; written into every token, so not secret. */
	id: string;
	/** base64url of 32 random bytes. */
	secret: string;
	created_at: string;
	retired_at: string | null;
}

/** Every key that may still verify; the current one (the newest not retired) signs. */
export type UnsubscribeKeyRing = UnsubscribeKey[];

/**
 * Longest token read or made. A valid send request bounds each field at 320 characters (up to
 * 3 bytes each in UTF-8): its claim's token stays under this, and still fits in any URL.
 */
export const MAX_UNSUBSCRIBE_TOKEN = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const DAY_MS = 86_400_000;

export function newUnsubscribeKey(now: Date): UnsubscribeKey {
	return {
		id: randomBytes(6).toString('base64url'),
		secret: randomBytes(32).toString('base64url'),
		created_at: now.toISOString(),
		retired_at: null
	};
}

/** The key that signs: the newest not retired (undefined in a ring with none). */
export function currentUnsubscribeKey(ring: UnsubscribeKeyRing): UnsubscribeKey | undefined {
	let current: UnsubscribeKey | undefined;
	for (const key of ring)
		if (
			key.retired_at === null &&
			(!current || Date.parse(key.created_at) >= Date.parse(current.created_at))
		)
			current = key;
	return current;
}

/** A new ring (the given one is not changed): a fresh current key, the old current retired `now`. */
export function rotateUnsubscribeKeys(ring: UnsubscribeKeyRing, now: Date): UnsubscribeKeyRing {
	const old = currentUnsubscribeKey(ring);
	let fresh = newUnsubscribeKey(now);
	while (ring.some((key) => key.id === fresh.id)) fresh = newUnsubscribeKey(now);
	return [
		...ring.map((key) => (key === old ? { ...key, retired_at: now.toISOString() } : { ...key })),
		fresh
	];
}

function signature(key: UnsubscribeKey, signed: string): string {
	return createHmac('sha256', Buffer.from(key.secret, 'base64url'))
		.update(signed)
		.digest('base64url');
}

/** `<keyId>.<payload>.<signature>`, all base64url: safe in a URL path without escaping. */
export function unsubscribeToken(ring: UnsubscribeKeyRing, claim: UnsubscribeClaim): string {
	const key = currentUnsubscribeKey(ring);
	if (!key) throw new Error('the unsubscribe key ring has no current key');
	const payload = Buffer.from(
		JSON.stringify([claim.contact_id, claim.account_id, claim.email])
	).toString('base64url');
	const token = `${key.id}.${payload}.${signature(key, `${key.id}.${payload}`)}`;
	// Not reachable from a valid send request (see MAX_UNSUBSCRIBE_TOKEN): a link that could never be read is a bug.
	if (token.length > MAX_UNSUBSCRIBE_TOKEN)
		throw new RangeError(`unsubscribe token longer than ${MAX_UNSUBSCRIBE_TOKEN} characters`);
	return token;
}

// Compared as text, not decoded bytes: base64url decoding ignores a last character's spare bits.
function sameText(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a key may still verify on `now`: current, or retired less than `graceDays` ago. */
function verifies(key: UnsubscribeKey, now: Date, graceDays: number): boolean {
	if (key.retired_at === null) return true;
	return now.getTime() - Date.parse(key.retired_at) < graceDays * DAY_MS;
}

/**
 * The claim a token makes when a key of the ring that still verifies signed it; null for anything
 * else. Links of the first format (signed with a secret every browser received) are refused: anyone
 * could have forged them.
 */
export function readUnsubscribeToken(
	ring: UnsubscribeKeyRing,
	token: string,
	now: Date,
	graceDays = 90
): UnsubscribeClaim | null {
	if (typeof token !== 'string' || token.length > MAX_UNSUBSCRIBE_TOKEN) return null;
	const parts = token.split('.');
	if (!parts.every((part) => BASE64URL.test(part))) return null;
	if (parts.length === 3) {
		const [keyId, payload, given] = parts as [string, string, string];
		const key = ring.find((candidate) => candidate.id === keyId);
		if (!key || !verifies(key, now, graceDays)) return null;
		return sameText(given, signature(key, `${keyId}.${payload}`)) ? readClaim(payload) : null;
	}
	return null;
}

function readClaim(payload: string): UnsubscribeClaim | null {
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	if (!Array.isArray(value) || value.length !== 3) return null;
	if (!value.every((part) => typeof part === 'string')) return null;
	const [contact_id, account_id, email] = value as [string, string, string];
	// contact_id is empty in a message to the account's CSM, who is no contact.
	if (account_id === '' || email === '') return null;
	return { contact_id, account_id, email };
}

/** An unsubscribe as written (a line of the list's file, a row to store), or null when malformed. */
export function readUnsubscribe(value: unknown): Unsubscribe | null {
	if (typeof value !== 'object' || value === null) return null;
	const { contact_id, account_id, email, at, via } = value as Record<string, unknown>;
	if (typeof contact_id !== 'string' || typeof account_id !== 'string') return null;
	if (typeof email !== 'string' || email === '' || typeof at !== 'string') return null;
	if (Number.isNaN(Date.parse(at))) return null;
	if (via !== 'link' && via !== 'one-click') return null;
	return Object.freeze({ contact_id, account_id, email, at, via });
}

/** How an address is matched: the same person whatever its case and surrounding spaces. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Who asked to stop, as a run and a delivery read it: the server's table (`../store/unsubscribes.ts`)
 * or, for `engine run` without the server's database, the file below.
 */
export interface UnsubscribeSource {
	has(email: string): boolean | Promise<boolean>;
	all(): readonly Unsubscribe[] | Promise<readonly Unsubscribe[]>;
}

/**
 * Who asked to stop, by email address (case-insensitive), kept in an append-only file: the
 * server's list before its database, still read by `engine run` without one.
 */
export class UnsubscribeList implements UnsubscribeSource {
	readonly #log: JsonLinesFile<Unsubscribe>;
	readonly #byEmail = new Map<string, Unsubscribe>();

	private constructor(log: JsonLinesFile<Unsubscribe>, entries: Unsubscribe[]) {
		this.#log = log;
		for (const entry of entries)
			if (!this.#byEmail.has(emailKey(entry.email)))
				this.#byEmail.set(emailKey(entry.email), entry);
	}

	static open(file: string): UnsubscribeList {
		const { log, records } = JsonLinesFile.open(file, readUnsubscribe);
		return new UnsubscribeList(log, records);
	}

	has(email: string): boolean {
		return this.#byEmail.has(emailKey(email));
	}

	get(email: string): Unsubscribe | undefined {
		return this.#byEmail.get(emailKey(email));
	}

	/** Records an unsubscribe durably; false (and nothing written) when the address already is. */
	add(entry: Unsubscribe): boolean {
		if (this.has(entry.email)) return false;
		const checked = readUnsubscribe(entry);
		if (!checked) throw new TypeError(`not an unsubscribe: ${JSON.stringify(entry)}`);
		this.#log.append(checked);
		this.#log.syncNow();
		this.#byEmail.set(emailKey(checked.email), checked);
		return true;
	}

	all(): Unsubscribe[] {
		return [...this.#byEmail.values()];
	}

	close(): void {
		this.#log.close();
	}
}
