/**
 * Unsubscribing: the signed token in every automated email's link, and the server's list of who
 * asked to stop. A token names one contact and carries an HMAC over that name, so it cannot be
 * guessed, nor changed to stop another contact's emails.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
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

const MAX_TOKEN = 1000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Derived, so the raw secret (also the API token) never signs anything a customer sees. */
function signingKey(secret: string): Buffer {
	return createHmac('sha256', secret).update('scorecraft-unsubscribe').digest();
}

function signature(secret: string, payload: string): string {
	return createHmac('sha256', signingKey(secret)).update(payload).digest('base64url');
}

/** `<payload>.<signature>`, both base64url: safe in a URL path without escaping. */
export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
	const payload = Buffer.from(
		JSON.stringify([claim.contact_id, claim.account_id, claim.email])
	).toString('base64url');
	return `${payload}.${signature(secret, payload)}`;
}

/** The claim a token makes when its signature holds; null for anything else. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
	if (typeof token !== 'string' || token.length > MAX_TOKEN) return null;
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [payload, given] = parts as [string, string];
	if (!BASE64URL.test(payload) || !BASE64URL.test(given)) return null;
	// Compared as text, not decoded bytes: base64url decoding ignores a last character's spare bits.
	const expected = Buffer.from(signature(secret, payload));
	const actual = Buffer.from(given);
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	if (!Array.isArray(value) || value.length !== 3) return null;
	if (!value.every((part) => typeof part === 'string' && part !== '')) return null;
	const [contact_id, account_id, email] = value as [string, string, string];
	return { contact_id, account_id, email };
}

function readUnsubscribe(value: unknown): Unsubscribe | null {
	if (typeof value !== 'object' || value === null) return null;
	const { contact_id, account_id, email, at, via } = value as Record<string, unknown>;
	if (typeof contact_id !== 'string' || typeof account_id !== 'string') return null;
	if (typeof email !== 'string' || email === '' || typeof at !== 'string') return null;
	if (via !== 'link' && via !== 'one-click') return null;
	return Object.freeze({ contact_id, account_id, email, at, via });
}

const emailKey = (email: string) => email.trim().toLowerCase();

/** Who asked to stop, by email address (case-insensitive), kept in an append-only file. */
export class UnsubscribeList {
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
