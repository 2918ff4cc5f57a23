// @vitest-environment node
/**
 * Never twice across a crash: `engine run` sending 200 emails is killed (SIGKILL, the whole
 * process group) in the middle, while the SMTP server holds back its answer to the messages in
 * flight. A key is claimed in the ledger before its message leaves, so the messages in flight at
 * the kill stay claimed: whether they went out cannot be known, and they are not sent again by
 * themselves (the run after says so). A second run with the same ledger sends every other key, and
 * no key reaches the server twice.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPlays, type Workspace } from '../../src/lib/engine';
import { messageIdFor } from '../../src/lib/server/mail/deliver';
import { startSmtp } from '../support/smtp';
import { lowAdoptionExample } from '../support/workspace';

const MESSAGES = 200;
const KILL_AFTER = 80;
const AS_OF = '2026-03-01';
const FROM = 'Customer Success <cs@scorecraft.example>';

/** The example workspace with 200 low-adoption Scale accounts of one contact each: the training play fires for all. */
function bigWorkspace(): Workspace {
	const example = lowAdoptionExample();
	const [account] = example.accounts;
	const [contact] = example.contacts;
	const ids = Array.from({ length: MESSAGES }, (_, i) => `acct-${String(i + 1).padStart(3, '0')}`);
	return {
		...example,
		accounts: ids.map((id, i) => ({ ...account!, id, name: `Account ${i + 1}` })),
		contacts: ids.map((id, i) => ({
			...contact!,
			id: `contact-${i + 1}`,
			account_id: id,
			email: `user${i + 1}@${id}.example`
		})),
		snapshots: ids.map((id) => ({ ...example.snapshots[0]!, account_id: id }))
	};
}

let folder: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-exactly-once-'));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
		await sleep(10);
	}
}

/** The keys the ledger file holds now in a state (`sent`, or `sending`: claimed), as another process reads it. */
function ledgerKeys(file: string, state: 'sent' | 'sending' = 'sent'): Set<string> {
	if (!existsSync(file)) return new Set();
	const lines = readFileSync(file, 'utf8').split('\n');
	// The last line may be half written: it is not in the ledger yet.
	const states = new Map<string, string>();
	for (const line of lines) {
		try {
			const { key, status } = JSON.parse(line) as { key: string; status: string };
			if (states.get(key) !== 'sent') states.set(key, status);
		} catch {
			// half written
		}
	}
	return new Set([...states].filter(([, status]) => status === state).map(([key]) => key));
}

/** `engine run` in a process group of its own, so a kill takes all of it. */
function startRun(workspace: string, ledger: string, smtpUrl: string) {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'src/cli/engine.ts',
			'run',
			'--workspace',
			workspace,
			'--ledger',
			ledger,
			'--smtp',
			smtpUrl,
			'--as-of',
			AS_OF
		],
		{
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				SCORECRAFT_DATA: join(folder, 'data'),
				MAIL_FROM: FROM
			}
		}
	);
	const output = { stdout: '', stderr: '' };
	child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	return { child, output, exited };
}

describe('engine run killed in the middle', () => {
	it(
		'sends no key twice across the crash, and every key not in flight at the kill once',
		{ timeout: 60_000 },
		async () => {
			const workspace = bigWorkspace();
			const file = join(folder, 'workspace.json');
			await writeFile(file, JSON.stringify(workspace));
			const keys = planPlays({ workspace, asOf: AS_OF, history: [] })
				.entries.filter((e) => e.status === 'planned' && e.action === 'email')
				.map((e) => e.key);
			expect(keys).toHaveLength(MESSAGES);
			const keyOf = new Map(keys.map((key) => [messageIdFor(key, FROM), key]));
			const ledger = join(folder, 'ledger.jsonl');

			let holding = true;
			const smtp = await startSmtp(undefined, { hold: (n) => holding && n > KILL_AFTER });
			try {
				const first = startRun(file, ledger, smtp.url);
				let exited = false;
				void first.exited.then(() => (exited = true));
				await until(
					() => smtp.received.length >= KILL_AFTER || exited,
					`${KILL_AFTER} messages are received`
				);
				expect(exited, first.output.stderr).toBe(false);
				// Every message the server acknowledged is recorded by the client right after the 250.
				const acknowledged = () => smtp.received.map((r) => keyOf.get(r.parsed.messageId!)!);
				await until(() => {
					const recorded = ledgerKeys(ledger);
					return acknowledged().every((key) => recorded.has(key));
				}, 'the ledger holds every acknowledged key');
				await until(() => smtp.held > 0, 'a message waits for its answer');
				process.kill(-first.child.pid!, 'SIGKILL');
				expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

				const beforeCrash = ledgerKeys(ledger);
				const interrupted = ledgerKeys(ledger, 'sending');
				expect(beforeCrash.size).toBe(KILL_AFTER);
				expect(interrupted.size).toBeGreaterThan(0);
				expect(new Set(acknowledged())).toEqual(beforeCrash);
				expect(smtp.received).toHaveLength(KILL_AFTER);

				holding = false;
				const second = startRun(file, ledger, smtp.url);
				// It exits 1: the claimed keys are not sent, and it says so.
				expect(await second.exited, second.output.stderr).toEqual({ code: 1, signal: null });
				const outcomes = new Map(
					(JSON.parse(second.output.stdout) as { key: string; outcome: string }[]).map((e) => [
						e.key,
						e.outcome
					])
				);
				expect(outcomes.size).toBe(MESSAGES);
				for (const key of keys)
					expect(outcomes.get(key), key).toBe(
						beforeCrash.has(key) ? 'already_sent' : interrupted.has(key) ? 'retry' : 'sent'
					);

				// Counted by Message-ID, which the Deliverer derives from the key.
				const times = new Map<string, number>();
				for (const received of smtp.received) {
					const key = keyOf.get(received.parsed.messageId!);
					expect(key, received.parsed.messageId).toBeDefined();
					times.set(key!, (times.get(key!) ?? 0) + 1);
				}
				const duplicates = keys.filter((key) => (times.get(key) ?? 0) > 1);
				console.log(
					`kill test: ${duplicates.length} duplicates, ${interrupted.size} messages in flight at the kill left claimed (not sent again)`
				);
				expect(duplicates).toEqual([]);
				expect(smtp.received).toHaveLength(MESSAGES - interrupted.size);
				expect(keys.filter((key) => !interrupted.has(key) && times.get(key) !== 1)).toEqual([]);
				expect(ledgerKeys(ledger).size).toBe(MESSAGES - interrupted.size);
			} finally {
				await smtp.close();
			}
		}
	);
});
