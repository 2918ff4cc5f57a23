// @vitest-environment node
/**
 * `engine run` as cron runs it: the example workspace's plays sent to a real SMTP server on
 * 127.0.0.1 (read back with mailparser), exactly once across runs by the ledger file; into the
 * sink folder without `--smtp`; exit status 1 when a message failed; usage errors; a warning on
 * stderr for each missing part of the sender identity, which the run otherwise sends as.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from '../lib/server/mail/deliver';
import { MailSink } from '../lib/server/mail/mailbox';
import { engine } from '../../tests/support/cli';
import { startSmtp } from '../../tests/support/smtp';
import { lowAdoptionExample } from '../../tests/support/workspace';

const FROM = 'Customer Success <cs@scorecraft.example>';
const KEYS = {
	acme: 'scale-training:acme:0:ana@acme.example:683',
	globex: 'scale-training:globex:0:bo@globex.example:683'
};
const SUBJECTS = [
	'Acme Ltd: a free training session for your team',
	'Globex: a free training session for your team'
];

let folder: string;
let workspace: string;
const saved = { ...process.env };

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-run-'));
	workspace = join(folder, 'workspace.json');
	await writeFile(workspace, JSON.stringify(lowAdoptionExample()));
	// The child processes inherit these: the server's data folder and identity, not the project's.
	Object.assign(process.env, {
		SCORECRAFT_DATA: join(folder, 'data'),
		MAIL_FROM: FROM,
		PUBLIC_URL: 'https://scorecraft.example'
	});
});

afterAll(async () => {
	for (const name of ['SCORECRAFT_DATA', 'MAIL_FROM', 'PUBLIC_URL'])
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	await rm(folder, { recursive: true, force: true });
});

const run = (...args: string[]) =>
	engine('run', '--workspace', workspace, '--as-of', '2026-03-01', ...args);

describe('engine run', { timeout: 60_000 }, () => {
	it('sends the plays’ emails through SMTP, and a second run with the same ledger sends nothing', async () => {
		const smtp = await startSmtp();
		try {
			const ledger = join(folder, 'smtp-ledger.jsonl');
			const first = await run('--ledger', ledger, '--smtp', smtp.url);
			expect(first.stderr).toMatch(/2 entries \(2 sent, 0 already_sent, 0 failed/);
			expect(first.code).toBe(0);
			const entries = JSON.parse(first.stdout);
			expect(entries.map((e: Record<string, unknown>) => Object.keys(e))).toEqual([
				['play_id', 'account_id', 'action', 'recipient', 'key', 'outcome', 'message_id', 'error'],
				['play_id', 'account_id', 'action', 'recipient', 'key', 'outcome', 'message_id', 'error']
			]);
			expect(entries).toEqual([
				{
					play_id: 'scale-training',
					account_id: 'acme',
					action: 'email',
					recipient: 'ana@acme.example',
					key: KEYS.acme,
					outcome: 'sent',
					message_id: messageIdFor(KEYS.acme, FROM),
					error: null
				},
				expect.objectContaining({ key: KEYS.globex, outcome: 'sent' })
			]);
			const received = smtp.received
				.map((r) => ({ to: r.to, subject: r.parsed.subject, id: r.parsed.messageId }))
				.sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
			expect(received).toEqual([
				{ to: ['ana@acme.example'], subject: SUBJECTS[0], id: messageIdFor(KEYS.acme, FROM) },
				{ to: ['bo@globex.example'], subject: SUBJECTS[1], id: messageIdFor(KEYS.globex, FROM) }
			]);
			// PUBLIC_URL from the environment: the one-click unsubscribe points at the app.
			const unsubscribe = smtp.received[0]!.parsed.headerLines.find(
				(h) => h.key === 'list-unsubscribe'
			);
			expect(unsubscribe?.line).toMatch(/<https:\/\/scorecraft\.example\/unsubscribe\/[\w.-]+>/);

			const second = await run('--ledger', ledger, '--smtp', smtp.url, '--format', 'csv');
			expect(second.code).toBe(0);
			const lines = second.stdout.trim().split('\n');
			expect(lines[0]).toBe('play_id,account_id,action,recipient,key,outcome,message_id,error');
			expect(lines.slice(1)).toEqual([
				`scale-training,acme,email,ana@acme.example,${KEYS.acme},already_sent,${messageIdFor(KEYS.acme, FROM)},`,
				`scale-training,globex,email,bo@globex.example,${KEYS.globex},already_sent,${messageIdFor(KEYS.globex, FROM)},`
			]);
			expect(second.stderr).toMatch(/0 sent, 2 already_sent/);
			expect(smtp.offered).toBe(2);
		} finally {
			await smtp.close();
		}
	});

	it('writes into the sink folder without --smtp, once', async () => {
		const sink = join(folder, 'mailbox');
		const ledger = join(folder, 'sink-ledger.jsonl');
		const first = await run('--ledger', ledger, '--sink', sink);
		expect(first.code).toBe(0);
		expect(first.stderr).toContain(`into ${sink}`);
		const files = await readdir(sink);
		expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(2);
		expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
		const messages = new MailSink(sink).list();
		expect(messages.map((m) => m.subject).sort()).toEqual(SUBJECTS);
		expect(messages.map((m) => m.key).sort()).toEqual([KEYS.acme, KEYS.globex]);

		const second = await run('--ledger', ledger, '--sink', sink);
		expect(JSON.parse(second.stdout).map((e: { outcome: string }) => e.outcome)).toEqual([
			'already_sent',
			'already_sent'
		]);
		expect(await readdir(sink)).toHaveLength(4);
	});

	it('exits with status 1 when a message fails, with the server’s answer', async () => {
		const smtp = await startSmtp(() => ({ code: 550, message: 'Mailbox unavailable' }));
		try {
			const failed = await run('--ledger', join(folder, 'failed.jsonl'), '--smtp', smtp.url);
			expect(failed.code).toBe(1);
			expect(JSON.parse(failed.stdout)[0]).toMatchObject({
				outcome: 'failed',
				message_id: null,
				error: expect.stringContaining('550 Mailbox unavailable')
			});
			expect(failed.stderr).toMatch(/0 sent, 0 already_sent, 2 failed/);
		} finally {
			await smtp.close();
		}
	});

	it('refuses bad arguments with a usage error naming the problem', async () => {
		const ledger = join(folder, 'unused.jsonl');
		const cases: [string[], RegExp][] = [
			[['engine', 'run', '--ledger', ledger], /--workspace FILE is required/],
			[['engine', 'run', '--workspace', workspace], /--ledger FILE is required/],
			[
				['--ledger', ledger, '--smtp', 'http://127.0.0.1:25'],
				/--smtp expects an smtp:\/\/ or smtps:\/\/ URL/
			],
			[['--ledger', ledger, '--as-of', '2026-13-01'], /--as-of expects a date/],
			[['--ledger', ledger, '--format', 'xml'], /--format expects json or csv/],
			[
				['--ledger', ledger, '--smtp', 'smtp://127.0.0.1:2525', '--sink', folder],
				/give one or the other/
			]
		];
		const results = await Promise.all(
			cases.map(([args]) => (args[0] === 'engine' ? engine(...args.slice(1)) : run(...args)))
		);
		results.forEach((result, i) => {
			expect(result.code, cases[i]![0].join(' ')).toBe(2);
			expect(result.stderr).toMatch(cases[i]![1]);
			expect(result.stdout).toBe('');
		});
		await expect(readdir(folder)).resolves.not.toContain('unused.jsonl');
	});

	it('warns on stderr of each missing part of the sender identity, and sends as the one the server keeps', async () => {
		// The shipped templates, whose footers show the sender's name and postal address.
		const shipped = join(folder, 'shipped-templates.json');
		await writeFile(shipped, JSON.stringify({ ...lowAdoptionExample(), templates: [] }));
		const runShipped = (...args: string[]) =>
			engine('run', '--workspace', shipped, '--as-of', '2026-03-01', ...args);

		// Neither MAIL_FROM, PUBLIC_URL nor an identity: one warning each, and the run still sends.
		const env = { MAIL_FROM: process.env.MAIL_FROM, PUBLIC_URL: process.env.PUBLIC_URL };
		delete process.env.MAIL_FROM;
		delete process.env.PUBLIC_URL;
		let bare;
		try {
			bare = await runShipped(
				'--ledger',
				join(folder, 'bare.jsonl'),
				'--sink',
				join(folder, 'bare')
			);
		} finally {
			Object.assign(process.env, env);
		}
		expect(bare.code).toBe(0);
		const warnings = bare.stderr.split('\n').filter((line) => line.startsWith('warning: '));
		expect(warnings).toEqual([
			'warning: the From address is not set (Settings → Sender, or MAIL_FROM): messages go out from scorecraft@localhost',
			'warning: the postal address for the footer is not set (Settings → Sender): footers show "[postal address not set: Settings → Sender]"',
			'warning: the public URL is not set (Settings → Sender, or PUBLIC_URL): unsubscribe links and the logo point at http://localhost:3000',
			'warning: the training link is not set (Settings → Sender): templates link to https://example.com/training',
			'warning: the community link is not set (Settings → Sender): templates link to https://example.com/community',
			'warning: the help link is not set (Settings → Sender): templates link to https://example.com/help'
		]);
		expect(JSON.parse(bare.stdout).map((e: { outcome: string }) => e.outcome)).toEqual([
			'sent',
			'sent'
		]);

		// MAIL_FROM and PUBLIC_URL set (as in the tests above): those two warnings go.
		const withEnv = await runShipped(
			'--ledger',
			join(folder, 'env.jsonl'),
			'--sink',
			join(folder, 'env')
		);
		expect(withEnv.stderr).not.toMatch(/From address is not set|public URL is not set/);
		expect(withEnv.stderr).toMatch(/postal address for the footer is not set/);

		// The identity saved on the server's Settings page, in its data folder: no warnings.
		const data = process.env.SCORECRAFT_DATA!;
		await mkdir(data, { recursive: true });
		await writeFile(
			join(data, 'sender.json'),
			JSON.stringify({
				from_name: 'Acme Customer Success',
				from_address: 'cs@acme-vendor.example',
				reply_to: 'team@acme-vendor.example',
				postal_address: 'Acme Vendor Inc. · 1 Main Street · Springfield',
				public_url: 'https://cs.acme-vendor.example',
				training_url: 'https://acme-vendor.example/training',
				community_url: 'https://community.acme-vendor.example',
				help_url: 'https://help.acme-vendor.example'
			})
		);
		const smtp = await startSmtp();
		try {
			const full = await runShipped('--ledger', join(folder, 'identity.jsonl'), '--smtp', smtp.url);
			expect(full.code).toBe(0);
			expect(full.stderr).not.toMatch(/warning/);
			const { parsed } = smtp.received.find((r) => r.to[0] === 'ana@acme.example')!;
			expect(parsed.from?.value).toEqual([
				{ name: 'Acme Customer Success', address: 'cs@acme-vendor.example' }
			]);
			expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'team@acme-vendor.example' }]);
			expect(parsed.text).toContain(
				'Acme Customer Success · Acme Vendor Inc. · 1 Main Street · Springfield'
			);
			expect(parsed.html).toContain('href="https://acme-vendor.example/training"');
		} finally {
			await smtp.close();
			await rm(join(data, 'sender.json'));
		}
	});
});
