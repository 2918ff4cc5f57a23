// @vitest-environment node
/**
 * Sending plays' emails through a real SMTP server on 127.0.0.1, read back with mailparser:
 * headers and parts, retries of 4xx, failures on 5xx, the ledger's exactly-once, and the send
 * endpoint refusing what is not a play's message to a workspace contact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TemplateSet } from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import { call, freshServerEnv } from '../../../../tests/support/api';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp';
import { exampleWorkspace, lowAdoptionExample } from '../../../../tests/support/workspace';
import { Deliverer, messageIdFor, type DeliveryRequest } from './deliver';
import { SendLedger } from './ledger';
import { renderMjml } from './mjml';
import { smtpTransport, type MailTransport } from './transport';
import { openPglite } from '../store/database';
import { storeOn } from '../store/store';
import {
	newUnsubscribeKey,
	readUnsubscribeToken,
	UnsubscribeList,
	type UnsubscribeSource
} from './unsubscribe';

/** One ledger per folder for the test file: a file is open in one place at a time. */
const ledgers = new Map<string, SendLedger>();
function ledgerIn(dir: string): SendLedger {
	let ledger = ledgers.get(dir);
	if (!ledger) ledgers.set(dir, (ledger = SendLedger.open(join(dir, 'ledger.jsonl'))));
	return ledger;
}

const KEYS = [newUnsubscribeKey(new Date())];

const AS_OF = '2026-03-01';
const FROM = 'Customer Success <cs@scorecraft.example>';

function request(account = 'acme', contact = 'c1', email = 'ana@acme.example'): DeliveryRequest {
	return {
		key: `scale-training:${account}:0:${email}:683`,
		play_id: 'scale-training',
		account_id: account,
		action_index: 0,
		recipient: email,
		contact_id: contact
	};
}

let smtp: TestSmtp;
let transport: MailTransport;

function deliverer(
	dir: string,
	overrides: {
		tries?: number;
		workspace?: ReturnType<typeof exampleWorkspace>;
		unsubscribes?: UnsubscribeSource;
	} = {}
) {
	return new Deliverer({
		workspace: exampleWorkspace(),
		templates: new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml),
		transport,
		ledger: ledgerIn(dir),
		unsubscribes: UnsubscribeList.open(join(dir, 'unsubscribes.jsonl')),
		unsubscribeKeys: KEYS,
		mailFrom: FROM,
		publicUrl: 'https://scorecraft.example',
		asOf: AS_OF,
		backoffMs: 5,
		...overrides
	});
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'scorecraft-deliver-'));

describe('Deliverer over SMTP', () => {
	afterEach(async () => {
		transport.close();
		await smtp.close();
	});

	it("asks the server's list at each send: an address unsubscribed once the run began gets nothing", async () => {
		smtp = await startSmtp();
		transport = smtpTransport(smtp.url);
		const store = await storeOn(await openPglite(null));
		try {
			const running = deliverer(tempDir(), { unsubscribes: store.unsubscribes });
			await store.unsubscribes.add({
				contact_id: 'c1',
				account_id: 'acme',
				email: 'ANA@acme.example',
				at: new Date().toISOString(),
				via: 'one-click'
			});
			expect(await running.deliver(request())).toEqual({
				key: request().key,
				status: 'suppressed',
				reason: 'unsubscribed'
			});
			expect(await running.deliver(request('globex', 'c2', 'bo@globex.example'))).toMatchObject({
				status: 'sent'
			});
			expect(smtp.received.map((received) => received.to)).toEqual([['bo@globex.example']]);
		} finally {
			await store.close();
		}
	});

	it('sends a play email with its headers, HTML and text parts, once per key', async () => {
		smtp = await startSmtp();
		transport = smtpTransport(smtp.url);
		const dir = tempDir();
		const first = await deliverer(dir).deliver(request());
		expect(first).toMatchObject({ status: 'sent', attempts: 1, replayed: false });
		expect(smtp.received).toHaveLength(1);
		const { parsed, to } = smtp.received[0]!;
		expect(to).toEqual(['ana@acme.example']);
		expect(parsed.from?.value).toEqual([
			{ name: 'Customer Success', address: 'cs@scorecraft.example' }
		]);
		expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('ana@acme.example');
		expect(parsed.subject).toBe('Acme Ltd: a free training session for your team');
		expect(parsed.messageId).toBe(messageIdFor(request().key, FROM));
		const header = (name: string) =>
			parsed.headerLines
				.find((h) => h.key === name)
				?.line.replace(/^[^:]+:\s*/, '')
				.replace(/\r?\n[ \t]+/g, ' ');
		const unsubscribe = { url: header('list-unsubscribe')!.replace(/^<|>$/g, '') };
		expect(unsubscribe.url).toMatch(
			/^https:\/\/scorecraft\.example\/unsubscribe\/[\w-]+\.[\w-]+\.[\w-]+$/
		);
		expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const token = unsubscribe.url.split('/').pop()!;
		expect(readUnsubscribeToken(KEYS, token, new Date())).toEqual({
			contact_id: 'c1',
			account_id: 'acme',
			email: 'ana@acme.example'
		});
		expect(parsed.html).toContain('Hi Ana,');
		expect(parsed.html).toContain(unsubscribe.url);
		expect(parsed.text).toContain(`Unsubscribe from these emails (${unsubscribe.url})`);

		// The same key again, from a new process reading the same ledger: answered, not sent.
		const again = await deliverer(dir).deliver(request());
		expect(again).toEqual({ ...first, replayed: true });
		expect(smtp.offered).toBe(1);
	});

	it('retries a 4xx answer with backoff and marks a 5xx failed with the server answer', async () => {
		smtp = await startSmtp((n) =>
			n === 1
				? { code: 451, message: 'Try again later' }
				: n === 3
					? { code: 550, message: 'Mailbox unavailable' }
					: null
		);
		transport = smtpTransport(smtp.url);
		const dir = tempDir();
		const sending = deliverer(dir);
		const retried = await sending.deliver(request());
		expect(retried).toMatchObject({ status: 'sent', attempts: 2 });
		const failed = await sending.deliver(request('globex', 'c2', 'bo@globex.example'));
		expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
		expect(failed.status === 'failed' && failed.error).toMatch(/550 Mailbox unavailable/);
		expect(smtp.received.map((r) => r.to[0])).toEqual(['ana@acme.example']);
		// A permanent failure is recorded: asking again does not knock on the server again.
		expect(
			await deliverer(dir).deliver(request('globex', 'c2', 'bo@globex.example'))
		).toMatchObject({
			status: 'failed',
			replayed: true
		});
		expect(smtp.offered).toBe(3);
	});

	it('leaves an entry for later when the 4xx answers outlast the tries', async () => {
		smtp = await startSmtp(() => ({ code: 421, message: 'Busy' }));
		transport = smtpTransport(smtp.url);
		const result = await deliverer(tempDir(), { tries: 2 }).deliver(request());
		expect(result).toMatchObject({ status: 'retry', attempts: 2 });
		expect(smtp.received).toHaveLength(0);
	});

	it('refuses what is not a play message to a workspace contact, and sends nothing', async () => {
		smtp = await startSmtp();
		transport = smtpTransport(smtp.url);
		const sending = deliverer(tempDir());
		const foreign = {
			...request(),
			recipient: 'someone@elsewhere.example',
			key: 'scale-training:acme:0:someone@elsewhere.example:683'
		};
		expect(await sending.deliver(foreign)).toMatchObject({
			status: 'refused',
			error: 'recipient: not the address of that contact'
		});
		const noContact = { ...foreign, contact_id: undefined };
		expect(await sending.deliver(noContact)).toMatchObject({
			status: 'refused',
			error: 'recipient: not a contact of the account'
		});
		const otherAccount = {
			...request(),
			contact_id: 'c2',
			recipient: 'bo@globex.example',
			key: 'scale-training:acme:0:bo@globex.example:683'
		};
		expect(await sending.deliver(otherAccount)).toMatchObject({
			status: 'refused',
			error: 'contact c2: not a contact of acme'
		});
		const injected = { ...request(), recipient: 'ana@acme.example\r\nBcc: x@evil.example' };
		expect(await sending.deliver(injected)).toMatchObject({
			status: 'refused',
			error: 'recipient: control characters (CR/LF) are refused'
		});
		const noPlay = { ...request(), play_id: 'nope', key: 'nope:acme:0:ana@acme.example:683' };
		expect(await sending.deliver(noPlay)).toMatchObject({ status: 'refused' });
		expect(smtp.offered).toBe(0);
	});

	it('sends a contact whose language is Japanese the Japanese template: subject and body decoded intact, with the unsubscribe link', async () => {
		smtp = await startSmtp();
		transport = smtpTransport(smtp.url);
		const workspace = exampleWorkspace();
		workspace.contacts[0]!.locale = 'ja-JP';
		workspace.contacts[0]!.name = '山田 太郎';
		expect(await deliverer(tempDir(), { workspace }).deliver(request())).toMatchObject({
			status: 'sent'
		});
		const { parsed, raw } = smtp.received[0]!;
		const japanese = SHIPPED_TEMPLATES.find((t) => t.id === 'training-invitation.ja')!;
		expect(japanese).toBeDefined();
		// The subject travels encoded (RFC 2047: only ASCII in headers) and reads back whole.
		const subjectLine = raw.match(/^Subject:(.*(?:\r?\n[ \t].*)*)/im)![1]!;
		expect(subjectLine).toMatch(/=\?UTF-8\?[BQ]\?/i);
		// eslint-disable-next-line no-control-regex -- "only ASCII" is the range from NUL
		expect(subjectLine).not.toMatch(/[^\x00-\x7f]/);
		expect(parsed.subject).toBe(japanese.subject.replace('{{ account.name }}', 'Acme Ltd'));
		expect(parsed.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
		expect(parsed.html).toContain('lang="ja"');
		expect(parsed.html).toContain('山田様');
		expect(parsed.text).toContain('山田様');
		const unsubscribe = parsed.headerLines
			.find((h) => h.key === 'list-unsubscribe')!
			.line.replace(/^[^:]+:\s*/, '')
			.replace(/\r?\n[ \t]+/g, '')
			.replace(/^<|>$/g, '');
		expect(parsed.html).toContain(`href="${unsubscribe}"`);
		expect(parsed.text).toContain(unsubscribe);
		// Nothing of the English template went out.
		expect(parsed.html).not.toContain('Hi ');
		expect(parsed.html).not.toContain('Unsubscribe from these emails');
	});

	it('suppresses a person marked do-not-contact, whatever the plan said', async () => {
		smtp = await startSmtp();
		transport = smtpTransport(smtp.url);
		const workspace = exampleWorkspace();
		workspace.contacts[0]!.do_not_contact = true;
		const sending = deliverer(tempDir(), { workspace });
		expect(await sending.deliver(request())).toMatchObject({
			status: 'suppressed',
			reason: 'do_not_contact'
		});
		expect(smtp.offered).toBe(0);
	});
});

describe('POST /api/mail/send and /api/mail/test', () => {
	let send: typeof import('../../../routes/api/mail/send/+server').POST;
	let test: typeof import('../../../routes/api/mail/test/+server').POST;
	let publish: typeof import('../../../routes/api/workspace/+server').PUT;
	let version: string;

	beforeAll(async () => {
		smtp = await startSmtp();
		freshServerEnv({
			SMTP_URL: smtp.url,
			MAIL_FROM: FROM,
			OPERATOR_EMAIL: 'ops@scorecraft.example'
		});
		// Through SMTP the server sends only with a postal address for the footer (MAIL_FROM is the From).
		const { mailServer } = await import('./server');
		await (
			await mailServer()
		).store.sender.save({
			postal_address: 'Scorecraft Test Inc. · 1 Test Street'
		});
		({ POST: send } = await import('../../../routes/api/mail/send/+server'));
		({ POST: test } = await import('../../../routes/api/mail/test/+server'));
		({ PUT: publish } = await import('../../../routes/api/workspace/+server'));
		const published = await call(publish, '/api/workspace', {
			method: 'PUT',
			body: JSON.stringify(lowAdoptionExample())
		});
		expect(published.status).toBe(200);
		version = (await published.json()).published.version;
	});
	afterAll(async () => {
		const { resetMailService } = await import('./service');
		await resetMailService();
		await smtp.close();
	});

	const body = (entries: unknown[], v = version) =>
		JSON.stringify({ as_of: AS_OF, version: v, entries });

	it('sends published play messages, and refuses header injection, foreign addresses, other origins and stale workspaces', async () => {
		const ok = await call(send, '/api/mail/send', { body: body([request()]) });
		expect(ok.status).toBe(200);
		expect((await ok.json()).results).toEqual([
			expect.objectContaining({ status: 'sent', replayed: false })
		]);
		expect(smtp.received.at(-1)!.to).toEqual(['ana@acme.example']);

		const injected = await call(send, '/api/mail/send', {
			body: body([{ ...request(), key: 'k\r\nBcc: x@evil.example' }])
		});
		expect(injected.status).toBe(400);
		expect((await injected.json()).error).toBe(
			'entries[0].key: control characters (CR/LF) are refused'
		);

		const foreign = await call(send, '/api/mail/send', {
			body: body([
				{
					...request(),
					recipient: 'victim@elsewhere.example',
					key: 'scale-training:acme:0:victim@elsewhere.example:683'
				}
			])
		});
		expect((await foreign.json()).results[0]).toMatchObject({ status: 'refused' });

		expect((await call(send, '/api/mail/send', { body: body([request()], 'old') })).status).toBe(
			409
		);
		expect(smtp.received).toHaveLength(1);
	});

	it('sends a test only to the operator, whatever the request says', async () => {
		const template = SHIPPED_TEMPLATES[0]!;
		const { contextFor } = await import('$lib/mail/testing');
		const context = contextFor(lowAdoptionExample(), 'acme', 'c1', AS_OF);
		const response = await call(test, '/api/mail/test', {
			body: JSON.stringify({ template, context, to: 'victim@elsewhere.example' })
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ to: 'ops@scorecraft.example' });
		const last = smtp.received.at(-1)!;
		expect(last.to).toEqual(['ops@scorecraft.example']);
		expect(last.parsed.subject).toMatch(/^\[Test\] /);
		const broken = await call(test, '/api/mail/test', {
			body: JSON.stringify({ template: { ...template, mjml: '{% if %}' }, context })
		});
		expect(broken.status).toBe(422);
	});
});
