// @vitest-environment node
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentUnsubscribeKey, readUnsubscribeToken, unsubscribeToken } from './unsubscribe';
import {
	loadUnsubscribeKeys,
	rotate,
	UNSUBSCRIBE_KEYS_FILE,
	UnsubscribeKeysError
} from './unsubscribe-keys';

const claim = { contact_id: 'c-1', account_id: 'acc-1', email: 'ana@example.com' };
const NOW = new Date('2026-01-01T00:00:00Z');

describe('the unsubscribe key file', () => {
	let dir: string;
	const file = () => join(dir, UNSUBSCRIBE_KEYS_FILE);

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'scorecraft-unsubscribe-keys-'));
	});

	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('is made on first use with one current key, owner-only, and read as it is after', () => {
		const ring = loadUnsubscribeKeys(dir, NOW);
		expect(ring).toHaveLength(1);
		expect(ring[0]).toMatchObject({ created_at: NOW.toISOString(), retired_at: null });
		expect(statSync(file()).mode & 0o777).toBe(0o600);
		expect(loadUnsubscribeKeys(dir)).toEqual(ring);
		expect(readdirSync(dir)).toEqual([UNSUBSCRIBE_KEYS_FILE]);
	});

	it('keeps the retired key on rotation, so its links still verify', () => {
		const before = loadUnsubscribeKeys(dir, NOW);
		const token = unsubscribeToken(before, claim);
		const later = new Date('2026-02-01T00:00:00Z');
		const rotated = rotate(dir, later);
		expect(loadUnsubscribeKeys(dir)).toEqual(rotated);
		expect(rotated[0]).toEqual({ ...before[0], retired_at: later.toISOString() });
		expect(currentUnsubscribeKey(rotated)!.id).not.toBe(before[0]!.id);
		expect(readUnsubscribeToken(loadUnsubscribeKeys(dir), token, later)).toEqual(claim);
		expect(statSync(file()).mode & 0o777).toBe(0o600);
		expect(readdirSync(dir)).toEqual([UNSUBSCRIBE_KEYS_FILE]);
	});

	it('that cannot be read is an error naming the file and the field, never replaced', () => {
		const key = loadUnsubscribeKeys(dir, NOW)[0]!;
		for (const [content, problem] of [
			['{', /unsubscribe-keys\.json: .*JSON/],
			['[]', /unsubscribe-keys\.json: expected a list of keys/],
			[JSON.stringify([{ ...key, secret: 'c2hvcnQ' }]), /\[0\]\.secret: expected 32 bytes/],
			[JSON.stringify([key, key]), /\[1\]\.id: .* appears twice/],
			[JSON.stringify([{ ...key, created_at: 'soon' }]), /\[0\]\.created_at: expected a date/],
			[JSON.stringify([{ ...key, retired_at: NOW.toISOString() }]), /no key is current/]
		] as const) {
			writeFileSync(file(), content);
			expect(() => loadUnsubscribeKeys(dir)).toThrow(UnsubscribeKeysError);
			expect(() => loadUnsubscribeKeys(dir)).toThrow(problem);
		}
	});
});
