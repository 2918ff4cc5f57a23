// @vitest-environment node
/**
 * Exactly once across processes. On one PostgreSQL database (the test run's server, a database of
 * this file's own): two `engine run --database-url` processes started at the same moment, and the
 * app server's path in this process (a `Deliverer` on the `DatabaseLedger`) sending the same keys
 * while they run. On one ledger file: two `engine run --ledger` at once, which take turns on its
 * lock. Either way the SMTP server receives each key once, counted by Message-ID.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { planPlays, type Workspace } from '../../src/lib/engine';
import { TemplateSet } from '../../src/lib/mail';
import { sendRequestOf } from '../../src/lib/mail/request';
import { SHIPPED_TEMPLATES } from '../../src/lib/mail/shipped';
import { Deliverer, messageIdFor, type DeliveryResult } from '../../src/lib/server/mail/deliver';
import { renderMjmlForSending } from '../../src/lib/server/mail/mjml';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import { newUnsubscribeKey } from '../../src/lib/server/mail/unsubscribe';
import { openPostgres } from '../../src/lib/server/store/database';
import { storeOn } from '../../src/lib/server/store/store';
import { createDatabase } from '../support/postgres';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { lowAdoptionExample } from '../support/workspace';

const ACCOUNTS = 80;
const AS_OF = '2026-03-01';
const FROM = 'Customer Success <cs@scorecraft.example>';

/** The example workspace with many low-adoption accounts of one contact each: the training play fires for all. */
function manyAccounts(): Workspace {
	const example = lowAdoptionExample();
	const [account] = example.accounts;
	const [contact] = example.contacts;
	const ids = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${String(i + 1).padStart(3, '0')}`);
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
let workspace: Workspace;
let workspaceFile: string;
let keys: string[];

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-server-and-cli-'));
	workspace = manyAccounts();
	workspaceFile = join(folder, 'workspace.json');
	await writeFile(workspaceFile, JSON.stringify(workspace));
	keys = planPlays({ workspace, asOf: AS_OF, history: [] })
		.entries.filter((entry) => entry.status === 'planned' && entry.action === 'email')
		.map((entry) => entry.key);
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

interface RunResult {
	code: number | null;
	stderr: string;
	outcomes: { key: string; outcome: string; error: string | null }[];
}

/** `engine run` as cron starts it, on one data folder shared with the other runs. */
function engineRun(ledger: string[], smtpUrl: string): Promise<RunResult> {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'src/cli/engine.ts',
			'run',
			'--workspace',
			workspaceFile,
			...ledger,
			'--smtp',
			smtpUrl,
			'--as-of',
			AS_OF
		],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				SCORECRAFT_DATA: join(folder, 'data'),
				SCORECRAFT_SECRET: 'a-test-secret-of-enough-length',
				MAIL_FROM: FROM
			}
		}
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise((resolve) =>
		child.on('exit', (code) =>
			resolve({ code, stderr, outcomes: stdout ? JSON.parse(stdout) : [] })
		)
	);
}

/** How many times the SMTP server received each planned key. */
function receivedTimes(smtp: TestSmtp): Map<string, number> {
	const keyOf = new Map(keys.map((key) => [messageIdFor(key, FROM), key]));
	const times = new Map(keys.map((key) => [key, 0]));
	for (const received of smtp.received) {
		const key = keyOf.get(received.parsed.messageId!);
		expect(key, received.parsed.messageId).toBeDefined();
		times.set(key!, times.get(key!)! + 1);
	}
	return times;
}

/** A run's outcomes: every planned key, each sent by it, sent by another, or claimed by another. */
function expectRunOutcomes(run: RunResult): Record<string, number> {
	// Exit 1 when a key was found claimed by another process in the middle of its send.
	expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
	expect(run.outcomes.map((entry) => entry.key).sort()).toEqual([...keys].sort());
	const counts: Record<string, number> = {};
	for (const { outcome, error } of run.outcomes) {
		counts[outcome] = (counts[outcome] ?? 0) + 1;
		expect(['sent', 'already_sent', 'retry']).toContain(outcome);
		if (outcome === 'retry') expect(error).toMatch(/^claimed for sending at .* and not settled/);
	}
	return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exactly once across processes', () => {
	it(
		'two engine runs and the app server on one PostgreSQL database send each key once',
		{ timeout: 120_000 },
		async () => {
			expect(keys).toHaveLength(ACCOUNTS);
			const url = await createDatabase(inject('postgresUrl'));
			const smtp = await startSmtp();
			const transport = smtpTransport(smtp.url);
			try {
				const runs = [1, 2].map(() => engineRun(['--database-url', url], smtp.url));
				let exited = 0;
				for (const run of runs) void run.then(() => exited++);
				// The app server's path: its store on the same database, migrated as the runs start.
				const store = await storeOn(await openPostgres(url));
				let server: DeliveryResult[];
				try {
					const deliverer = new Deliverer({
						workspace,
						templates: new TemplateSet(
							SHIPPED_TEMPLATES,
							workspace.templates,
							renderMjmlForSending
						),
						transport,
						ledger: store.ledger,
						unsubscribes: store.unsubscribes,
						unsubscribeKeys: [newUnsubscribeKey(new Date())],
						mailFrom: FROM,
						publicUrl: 'https://scorecraft.example',
						asOf: AS_OF
					});
					// Once the runs are sending: all three then race for the keys still unclaimed.
					while (smtp.received.length === 0 && exited < 2) await sleep(10);
					const plan = planPlays({ workspace, asOf: AS_OF, history: [] });
					server = await deliverer.deliverAll(
						plan.entries.filter((entry) => keys.includes(entry.key)).map(sendRequestOf)
					);
				} finally {
					await store.close();
				}
				const [first, second] = await Promise.all(runs);

				const serverSent = server.filter((r) => r.status === 'sent' && !r.replayed).length;
				expect(server.map((r) => r.status).filter((s) => s !== 'sent' && s !== 'retry')).toEqual(
					[]
				);
				const counts = [expectRunOutcomes(first!), expectRunOutcomes(second!)];
				const times = receivedTimes(smtp);
				console.log(
					`PostgreSQL: ${smtp.received.length} messages received for ${keys.length} keys; sent by ` +
						`run 1 ${counts[0]!.sent ?? 0}, run 2 ${counts[1]!.sent ?? 0}, server ${serverSent}; ` +
						`found claimed by another: ${(counts[0]!.retry ?? 0) + (counts[1]!.retry ?? 0)} (runs), ` +
						`${server.filter((r) => r.status === 'retry').length} (server); ` +
						`keys received twice: ${[...times.values()].filter((n) => n > 1).length}`
				);
				expect(keys.filter((key) => times.get(key) !== 1)).toEqual([]);
				expect(smtp.received).toHaveLength(keys.length);
				expect((counts[0]!.sent ?? 0) + (counts[1]!.sent ?? 0) + serverSent).toBe(keys.length);
			} finally {
				transport.close();
				await smtp.close();
			}
		}
	);

	it(
		'two engine runs on one ledger file at once send each key once',
		{ timeout: 120_000 },
		async () => {
			const smtp = await startSmtp();
			try {
				const ledger = ['--ledger', join(folder, 'ledger.jsonl')];
				const [first, second] = await Promise.all([
					engineRun(ledger, smtp.url),
					engineRun(ledger, smtp.url)
				]);
				const counts = [expectRunOutcomes(first), expectRunOutcomes(second)];
				const times = receivedTimes(smtp);
				console.log(
					`ledger file: ${smtp.received.length} messages received for ${keys.length} keys; sent by ` +
						`run 1 ${counts[0]!.sent ?? 0}, run 2 ${counts[1]!.sent ?? 0}; ` +
						`keys received twice: ${[...times.values()].filter((n) => n > 1).length}`
				);
				// The file's lock: one run at a time, the second finds every key sent.
				expect([first.code, second.code]).toEqual([0, 0]);
				const sent = [counts[0]!.sent ?? 0, counts[1]!.sent ?? 0];
				expect(sent.sort((a, b) => a - b)).toEqual([0, keys.length]);
				expect(`${first.stderr}${second.stderr}`).toMatch(/waiting for process \d+/);
				expect(keys.filter((key) => times.get(key) !== 1)).toEqual([]);
			} finally {
				await smtp.close();
			}
		}
	);
});
