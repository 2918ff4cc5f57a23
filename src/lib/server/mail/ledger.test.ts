// @vitest-environment node
import { spawn } from 'node:child_process';
import {
	appendFileSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendLedger, type SettledRecord } from './ledger';

let dir: string;
let file: string;
const opened: SendLedger[] = [];

function open(options: Parameters<typeof SendLedger.open>[1] = {}): SendLedger {
	const ledger = SendLedger.open(file, options);
	opened.push(ledger);
	return ledger;
}

function close(ledger: SendLedger): void {
	ledger.close();
	opened.splice(opened.indexOf(ledger), 1);
}

/** Opens, does `work`, closes: the next `open` reads the file afresh. */
async function withLedger<T>(work: (ledger: SendLedger) => Promise<T> | T): Promise<T> {
	const ledger = open();
	try {
		return await work(ledger);
	} finally {
		close(ledger);
	}
}

function sent(key: string, recipient = 'ana@example.com'): SettledRecord {
	return {
		key,
		status: 'sent',
		recipient,
		message_id: `<${key}@scorecraft>`,
		attempts: 1,
		at: '2026-11-02T08:00:00.000Z'
	};
}

const claimOf = (key: string, recipient = 'ana@example.com') => ({ key, recipient });

async function send(ledger: SendLedger, record: SettledRecord): Promise<void> {
	expect(await ledger.claim(claimOf(record.key, record.recipient))).toEqual({ claimed: true });
	await ledger.settle(record);
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
	it('keeps what it settles across a reopen from disk', async () => {
		await withLedger(async (ledger) => {
			await send(ledger, sent('play:a:1'));
			await send(ledger, {
				...sent('play:a:2'),
				status: 'failed',
				error: '550 no such user',
				attempts: 3
			});
		});
		await withLedger(async (ledger) => {
			expect(ledger.size).toBe(2);
			expect(await ledger.get('play:a:1')).toEqual(sent('play:a:1'));
			expect(await ledger.get('play:a:2')).toMatchObject({
				status: 'failed',
				error: '550 no such user'
			});
			expect(await ledger.get('play:a:3')).toBeUndefined();
			expect((await ledger.sent()).map((record) => record.key)).toEqual(['play:a:1']);
		});
	});

	it('gives a key to one claimant; a second claim gets the record', async () => {
		await withLedger(async (ledger) => {
			expect(await ledger.claim(claimOf('k'))).toEqual({ claimed: true });
			const second = await ledger.claim(claimOf('k'));
			expect(second).toMatchObject({ claimed: false, record: { key: 'k', status: 'sending' } });
			await ledger.settle(sent('k'));
			expect(await ledger.claim(claimOf('k'))).toMatchObject({
				claimed: false,
				record: { status: 'sent' }
			});
			// A settled key keeps its first settlement.
			await ledger.settle({ ...sent('k'), message_id: '<second@x>' });
			expect((await ledger.get('k'))?.message_id).toBe('<k@scorecraft>');
		});
	});

	it('keeps a claim that was never settled (a run killed mid-send): the key is not sent again', async () => {
		await withLedger((ledger) => ledger.claim(claimOf('in-flight')));
		await withLedger(async (ledger) => {
			expect(await ledger.claim(claimOf('in-flight'))).toMatchObject({
				claimed: false,
				record: { status: 'sending' }
			});
		});
	});

	it('frees a released claim for a later run, across a reopen', async () => {
		await withLedger(async (ledger) => {
			await ledger.claim(claimOf('transient'));
			await ledger.release('transient');
		});
		await withLedger(async (ledger) => {
			expect(await ledger.get('transient')).toBeUndefined();
			expect(await ledger.claim(claimOf('transient'))).toEqual({ claimed: true });
		});
	});

	it('tolerates a torn last line and appends after the last complete one', async () => {
		await withLedger((ledger) => send(ledger, sent('a')));
		appendFileSync(file, '{"key":"b","status":"se');
		await withLedger(async (ledger) => {
			expect(ledger.size).toBe(1);
			expect(await ledger.get('b')).toBeUndefined();
			await send(ledger, sent('c'));
		});
		await withLedger((ledger) =>
			expect(ledger.entries().map((record) => record.key)).toEqual(['a', 'c'])
		);
	});

	it('keeps a last line that lacks only its newline', async () => {
		file = join(dir, 'ledger.jsonl');
		writeFileSync(file, JSON.stringify(sent('a')));
		await withLedger((ledger) => send(ledger, sent('b')));
		await withLedger((ledger) =>
			expect(ledger.entries().map((record) => record.key)).toEqual(['a', 'b'])
		);
	});

	it('reports a damaged line in the middle with the file and line number', async () => {
		await withLedger((ledger) => send(ledger, sent('a')));
		appendFileSync(file, 'not json\n');
		appendFileSync(file, `${JSON.stringify(sent('b'))}\n`);
		expect(() => SendLedger.open(file)).toThrow(`${file}, line 3: not a valid record`);
		expect(existsSync(`${file}.lock`)).toBe(false);
	});

	it('keeps the play and account a record names', async () => {
		await withLedger((ledger) =>
			send(ledger, { ...sent('a'), play_id: 'nurture', account_id: 'acc-1' })
		);
		await withLedger(async (ledger) =>
			expect(await ledger.get('a')).toMatchObject({ play_id: 'nurture', account_id: 'acc-1' })
		);
	});

	it('refuses to record something that is not a record', async () => {
		await withLedger(async (ledger) => {
			await expect(ledger.claim({ key: '', recipient: 'a@example.com' })).rejects.toThrow(
				TypeError
			);
			expect(ledger.size).toBe(0);
		});
	});

	it('is open in one place at a time: a second open in the process is refused', () => {
		open();
		expect(() => SendLedger.open(file)).toThrow('open already in this process');
	});

	it('makes a second process wait for the first, and takes over a lock a dead process left', async () => {
		const ledger = open();
		await send(ledger, sent('first'));
		// Another process opens the same file: it waits until this one closes, then sees the key.
		const script = `
			const { SendLedger } = await import(${JSON.stringify(new URL('./ledger.ts', import.meta.url).pathname)});
			const ledger = SendLedger.open(${JSON.stringify(file)}, { onWait: (pid) => console.error('waiting for', pid) });
			console.log(JSON.stringify(await ledger.claim({ key: 'first', recipient: 'ana@example.com' })));
			ledger.close();`;
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		const deadline = Date.now() + 15_000;
		while (!err.includes('waiting for') && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(err).toContain(`waiting for ${process.pid}`);
		close(ledger);
		expect(await exited).toBe(0);
		expect(JSON.parse(out)).toMatchObject({
			claimed: false,
			record: { key: 'first', status: 'sent' }
		});

		// A lock naming a process that is gone (a killed run) is taken over at once.
		writeFileSync(`${file}.lock`, '2147483646');
		const again = open({ waitMs: 0 });
		expect(await again.get('first')).toMatchObject({ status: 'sent' });
		expect(readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.pid));
	});
});
