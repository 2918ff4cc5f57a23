// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	readUnsubscribeToken,
	unsubscribeToken,
	UnsubscribeList,
	type Unsubscribe,
	type UnsubscribeClaim
} from './unsubscribe';

const SECRET = 'a-test-secret-of-thirty-two-char';
const ana: UnsubscribeClaim = { contact_id: 'c-1', account_id: 'acc-1', email: 'ana@example.com' };
const bo: UnsubscribeClaim = { contact_id: 'c-2', account_id: 'acc-1', email: 'bo@example.com' };

/** The token with one character at `index` replaced by another base64url character. */
function withCharChanged(token: string, index: number): string {
	const replacement = token[index] === 'A' ? 'B' : 'A';
	return `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
}

describe('unsubscribe tokens', () => {
	it('give back the claim they were made for', () => {
		const token = unsubscribeToken(SECRET, ana);
		expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
		expect(readUnsubscribeToken(SECRET, token)).toEqual(ana);
	});

	it('cannot be changed to name another contact', () => {
		const token = unsubscribeToken(SECRET, ana);
		const [, signature] = token.split('.');
		const forged = `${unsubscribeToken(SECRET, bo).split('.')[0]}.${signature}`;
		expect(readUnsubscribeToken(SECRET, forged)).toBeNull();
		for (let index = 0; index < token.length; index++) {
			if (token[index] === '.') continue;
			expect(readUnsubscribeToken(SECRET, withCharChanged(token, index))).toBeNull();
		}
	});

	it('are refused when signed with another secret', () => {
		const token = unsubscribeToken('another-secret-of-thirty-two-chr', ana);
		expect(readUnsubscribeToken(SECRET, token)).toBeNull();
	});

	it('are refused when malformed or too long', () => {
		const token = unsubscribeToken(SECRET, ana);
		for (const bad of [
			'',
			'.',
			token.replace('.', ''),
			`${token}.x`,
			`${token}=`,
			'a'.repeat(1001)
		])
			expect(readUnsubscribeToken(SECRET, bad)).toBeNull();
	});

	it('keep an address with markup as it is', () => {
		const odd = { ...ana, email: '"<b>ana</b>"@example.com' };
		expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, odd))).toEqual(odd);
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
