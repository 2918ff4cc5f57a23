// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
	currentUnsubscribeKey,
	MAX_UNSUBSCRIBE_TOKEN,
	newUnsubscribeKey,
	readUnsubscribeToken,
	rotateUnsubscribeKeys,
	unsubscribeToken,
	UnsubscribeList,
	type Unsubscribe,
	type UnsubscribeClaim,
	type UnsubscribeKeyRing
} from './unsubscribe';

const SECRET = 'a-test-secret-of-thirty-two-char';
const ana: UnsubscribeClaim = { contact_id: 'c-1', account_id: 'acc-1', email: 'ana@example.com' };
const bo: UnsubscribeClaim = { contact_id: 'c-2', account_id: 'acc-1', email: 'bo@example.com' };
const START = new Date('2026-01-01T00:00:00Z');
const days = (n: number) => new Date(START.getTime() + n * 86_400_000);
const ring: UnsubscribeKeyRing = [newUnsubscribeKey(START)];

/** A first-format token, made as the server made them before key rings (written out again here). */
function legacyToken(secret: string, claim: UnsubscribeClaim): string {
	const key = createHmac('sha256', secret).update('scorecraft-unsubscribe').digest();
	const payload = Buffer.from(
		JSON.stringify([claim.contact_id, claim.account_id, claim.email])
	).toString('base64url');
	return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The token with one character at `index` replaced by another base64url character. */
function withCharChanged(token: string, index: number): string {
	const replacement = token[index] === 'A' ? 'B' : 'A';
	return `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
}

describe('unsubscribe keys', () => {
	it('are 32 random bytes under a random id, current when made', () => {
		const key = newUnsubscribeKey(START);
		expect(Buffer.from(key.secret, 'base64url')).toHaveLength(32);
		expect(key.id).toMatch(/^[\w-]+$/);
		expect(key).toMatchObject({ created_at: START.toISOString(), retired_at: null });
		const other = newUnsubscribeKey(START);
		expect(other.id).not.toBe(key.id);
		expect(other.secret).not.toBe(key.secret);
	});

	it('rotate into a new ring: a fresh current key, the old one retired then', () => {
		const before = structuredClone(ring);
		const rotated = rotateUnsubscribeKeys(ring, days(10));
		expect(ring).toEqual(before);
		expect(rotated).toHaveLength(2);
		expect(rotated[0]).toEqual({ ...ring[0], retired_at: days(10).toISOString() });
		expect(currentUnsubscribeKey(rotated)).toBe(rotated[1]);
		expect(rotated[1]).toMatchObject({ created_at: days(10).toISOString(), retired_at: null });

		const twice = rotateUnsubscribeKeys(rotated, days(20));
		expect(twice[0]!.retired_at).toBe(days(10).toISOString());
		expect(twice[1]!.retired_at).toBe(days(20).toISOString());
		expect(currentUnsubscribeKey(twice)).toBe(twice[2]);
	});
});

describe('unsubscribe tokens', () => {
	it('give back the claim they were made for, naming the key and never holding it', () => {
		const token = unsubscribeToken(ring, ana);
		expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(token.split('.')[0]).toBe(ring[0]!.id);
		expect(token).not.toContain(ring[0]!.secret);
		expect(readUnsubscribeToken(ring, token, START)).toEqual(ana);
		expect(readUnsubscribeToken(ring, token, days(3650))).toEqual(ana);
	});

	it('of a retired key work through the grace period, and not after', () => {
		const token = unsubscribeToken(ring, ana);
		const rotated = rotateUnsubscribeKeys(ring, days(10));
		const fresh = unsubscribeToken(rotated, bo);
		expect(fresh.split('.')[0]).toBe(rotated[1]!.id);
		expect(readUnsubscribeToken(rotated, fresh, days(10))).toEqual(bo);
		expect(readUnsubscribeToken(rotated, token, days(10))).toEqual(ana);
		expect(readUnsubscribeToken(rotated, token, new Date(days(100).getTime() - 1))).toEqual(ana);
		expect(readUnsubscribeToken(rotated, token, days(100))).toBeNull();
		expect(readUnsubscribeToken(rotated, token, days(40), 30)).toBeNull();
		expect(readUnsubscribeToken(rotated, token, days(39), 30)).toEqual(ana);
		// A ring that does not hold the key (the one before the rotation): an unknown id.
		expect(readUnsubscribeToken(ring, fresh, days(10))).toBeNull();
	});

	it('cannot be changed: not the claim, the key id or the signature', () => {
		const rotated = rotateUnsubscribeKeys(ring, days(1));
		const token = unsubscribeToken(rotated, ana);
		const [keyId, , signature] = token.split('.') as [string, string, string];
		const [, otherPayload] = unsubscribeToken(rotated, bo).split('.');
		expect(
			readUnsubscribeToken(rotated, `${keyId}.${otherPayload}.${signature}`, START)
		).toBeNull();
		const otherKey = rotated[0]!.id;
		expect(readUnsubscribeToken(rotated, token.replace(keyId, otherKey), days(1))).toBeNull();
		for (let index = 0; index < token.length; index++) {
			if (token[index] === '.') continue;
			expect(readUnsubscribeToken(rotated, withCharChanged(token, index), days(1))).toBeNull();
		}
	});

	it('are refused when signed by a key the ring does not hold', () => {
		const stranger = [{ ...newUnsubscribeKey(START), id: ring[0]!.id }];
		expect(readUnsubscribeToken(ring, unsubscribeToken(stranger, ana), START)).toBeNull();
		expect(
			readUnsubscribeToken(ring, unsubscribeToken([newUnsubscribeKey(START)], ana), START)
		).toBeNull();
	});

	it('of the first format (signed with the secret browsers received) are refused', () => {
		expect(readUnsubscribeToken(ring, legacyToken(SECRET, ana), START)).toBeNull();
	});

	it('are refused when malformed or too long', () => {
		const token = unsubscribeToken(ring, ana);
		const [keyId, payload] = token.split('.') as [string, string];
		for (const bad of [
			'',
			'.',
			'..',
			token.replace('.', ''),
			`${token}.x`,
			`${token}=`,
			`${keyId}..${token.split('.')[2]}`,
			`${keyId}.${payload}`,
			`${keyId}.${Buffer.from('["a","b"]').toString('base64url')}.x`,
			`${keyId}.${'a'.repeat(MAX_UNSUBSCRIBE_TOKEN)}.x`
		])
			expect(readUnsubscribeToken(ring, bad, START)).toBeNull();
		expect(readUnsubscribeToken(ring, 42 as unknown as string, START)).toBeNull();
	});

	it('keep an address with markup as it is, and a CSM’s claim with no contact', () => {
		const odd = { ...ana, email: '"<b>ana</b>"@example.com' };
		expect(readUnsubscribeToken(ring, unsubscribeToken(ring, odd), START)).toEqual(odd);
		const csm = { ...ana, contact_id: '' };
		expect(readUnsubscribeToken(ring, unsubscribeToken(ring, csm), START)).toEqual(csm);
		const noEmail = { ...ana, email: '' };
		expect(readUnsubscribeToken(ring, unsubscribeToken(ring, noEmail), START)).toBeNull();
	});

	it('stay within the bound for the longest claim a send request allows', () => {
		const longest = {
			contact_id: '€'.repeat(320),
			account_id: '"'.repeat(320),
			email: 'é'.repeat(320)
		};
		const token = unsubscribeToken(ring, longest);
		expect(token.length).toBeLessThanOrEqual(MAX_UNSUBSCRIBE_TOKEN);
		expect(readUnsubscribeToken(ring, token, START)).toEqual(longest);
		expect(() => unsubscribeToken(ring, { ...longest, email: '€'.repeat(1000) })).toThrow(
			RangeError
		);
	});

	it('cannot be made from a ring with no current key', () => {
		const retired = [{ ...ring[0]!, retired_at: START.toISOString() }];
		expect(() => unsubscribeToken(retired, ana)).toThrow(/no current key/);
		expect(() => unsubscribeToken([], ana)).toThrow(/no current key/);
	});
});

describe('UnsubscribeList', () => {
	let dir: string;
	let file: string;
	const opened: UnsubscribeList[] = [];

	function open(): UnsubscribeList {
		const list = UnsubscribeList.open(file);
		opened.push(list);
		return list;
	}

	const entry: Unsubscribe = { ...ana, at: '2026-11-02T09:00:00.000Z', via: 'link' };

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'scorecraft-unsubscribes-'));
		file = join(dir, 'unsubscribes.jsonl');
	});

	afterEach(() => {
		for (const list of opened.splice(0)) list.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('persists across a reopen, matching addresses case-insensitively', () => {
		expect(open().add(entry)).toBe(true);
		const list = open();
		expect(list.has('ANA@Example.com')).toBe(true);
		expect(list.get('ana@example.com')).toEqual(entry);
		expect(list.has('bo@example.com')).toBe(false);
		expect(list.all()).toEqual([entry]);
	});

	it('adds an address once', () => {
		const list = open();
		expect(list.add(entry)).toBe(true);
		expect(list.add({ ...entry, email: 'Ana@Example.com', via: 'one-click' })).toBe(false);
		expect(open().all()).toEqual([entry]);
	});
});
