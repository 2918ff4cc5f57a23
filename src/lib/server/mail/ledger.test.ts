// @vitest-environment node
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendLedger, type LedgerRecord } from './ledger';

let dir: string;
let file: string;
const opened: SendLedger[] = [];

function open(): SendLedger {
	const ledger = SendLedger.open(file);
	opened.push(ledger);
	return ledger;
}

function sent(key: string, recipient = 'ana@example.com'): LedgerRecord {
	return {
		key,
		status: 'sent',
		recipient,
		message_id: `<${key}@scorecraft>`,
		attempts: 1,
		at: '2026-11-02T08:00:00.000Z'
	};
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'scorecraft-ledger-'));
	file = join(dir, 'nested', 'ledger.jsonl');
});

afterEach(() => {
	for (const ledger of opened.splice(0)) ledger.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('SendLedger', () => {
	it('keeps what it records across a reopen from disk', () => {
		const ledger = open();
		ledger.record(sent('play:a:1'));
		ledger.record({
			...sent('play:a:2'),
			status: 'failed',
			error: '550 no such user',
			attempts: 3
		});
		ledger.close();
		opened.pop();

		const reopened = open();
		expect(reopened.size).toBe(2);
		expect(reopened.get('play:a:1')).toEqual(sent('play:a:1'));
		expect(reopened.get('play:a:2')).toMatchObject({ status: 'failed', error: '550 no such user' });
		expect(reopened.get('play:a:3')).toBeUndefined();
		expect(reopened.entries().map((record) => record.key)).toEqual(['play:a:1', 'play:a:2']);
	});

	it('ignores a second record of the same key, on disk too', () => {
		const ledger = open();
		ledger.record(sent('k'));
		ledger.record({ ...sent('k'), recipient: 'other@example.com', message_id: '<second@x>' });
		expect(ledger.get('k')?.message_id).toBe('<k@scorecraft>');
		expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
	});

	it('tolerates a torn last line and appends after the last complete one', () => {
		open().record(sent('a'));
		appendFileSync(file, '{"key":"b","status":"se');

		const ledger = open();
		expect(ledger.size).toBe(1);
		expect(ledger.get('b')).toBeUndefined();
		ledger.record(sent('c'));

		const again = open();
		expect(again.entries().map((record) => record.key)).toEqual(['a', 'c']);
	});

	it('keeps a last line that lacks only its newline', () => {
		file = join(dir, 'ledger.jsonl');
		writeFileSync(file, JSON.stringify(sent('a')));
		const ledger = open();
		ledger.record(sent('b'));
		expect(
			open()
				.entries()
				.map((record) => record.key)
		).toEqual(['a', 'b']);
	});

	it('reports a damaged line in the middle with the file and line number', () => {
		const ledger = open();
		ledger.record(sent('a'));
		appendFileSync(file, 'not json\n');
		ledger.record(sent('b'));
		expect(() => SendLedger.open(file)).toThrow(`${file}, line 2`);
	});

	it('keeps the play and account a record names', () => {
		open().record({ ...sent('a'), play_id: 'nurture', account_id: 'acc-1' });
		expect(open().get('a')).toMatchObject({ play_id: 'nurture', account_id: 'acc-1' });
	});

	it('refuses to record something that is not a record', () => {
		const ledger = open();
		expect(() => ledger.record({ ...sent('a'), attempts: -1 })).toThrow(TypeError);
		expect(ledger.size).toBe(0);
	});
});
