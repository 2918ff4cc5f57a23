// @vitest-environment node
/**
 * Settings → Sender against the real endpoints (in process): the form loads the server's
 * identity, checks fields before asking, saves, and shows what messages will carry; and where
 * the app reports sending, the server's refusal to send through SMTP without an identity says
 * what to set, the emails staying queued.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { outboxEntries, runPlan } from '$lib/db';
import { planPlays } from '$lib/engine';
import { appFetch as appFetchFor, call, freshServerEnv } from '../../../../tests/support/api';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp';
import { lowAdoptionExample } from '../../../../tests/support/workspace';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { MailApi } from './api';
import { EmailDelivery } from './email-delivery.svelte';
import { loadSenderIdentity } from './sender';
import { SenderSettings } from './sender-settings.svelte';

/** The app's fetch, with /api/sender answered by its endpoint too. */
async function fetchWithSender(): Promise<typeof fetch & { calls: string[] }> {
	const base = await appFetchFor();
	const sender = await import('../../../routes/api/sender/+server');
	const calls: string[] = [];
	const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const path = String(input);
		calls.push(`${init?.method ?? 'GET'} ${path}`);
		if (path !== '/api/sender') return base(input, init);
		const method = init?.method ?? 'GET';
		return call(method === 'PUT' ? sender.PUT : sender.GET, path, {
			method,
			body: init?.body as string | undefined
		});
	}) as typeof fetch & { calls: string[] };
	fetcher.calls = calls;
	return fetcher;
}

afterEach(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

describe('SenderSettings', { timeout: 30_000 }, () => {
	it('loads the identity, refuses bad fields before asking the server, saves a good one', async () => {
		freshServerEnv({
			MAIL_FROM: 'Env <env@acme-vendor.example>',
			PUBLIC_URL: 'https://cs.example'
		});
		const fetcher = await fetchWithSender();
		const settings = new SenderSettings(
			new MailApi(fetcher),
			'http://127.0.0.1:3000',
			async () => ({
				sender_postal_address: 'From the workspace · 2 Old Road'
			})
		);
		await settings.load();
		expect(settings.status?.transport).toBe('sink');
		expect(settings.form.from_address).toBe('');
		// The workspace's older key fills the postal address the identity leaves empty.
		expect(settings.effective.postal_address).toBe('From the workspace · 2 Old Road');
		expect(settings.effective.from).toBe('"Env" <env@acme-vendor.example>');
		expect(settings.requiredMissing).toEqual([]);

		settings.form.from_address = 'cs@acme-vendor.example\r\nBcc: victim@elsewhere.example';
		settings.form.training_url = 'javascript:alert(1)';
		settings.form.reply_to = 'not an address';
		const requests = fetcher.calls.length;
		expect(await settings.save()).toBe(false);
		expect(fetcher.calls.length).toBe(requests);
		expect(settings.problems).toMatchObject({
			from_address: { code: 'control' },
			training_url: { code: 'link', scheme: 'javascript' },
			reply_to: { code: 'address' }
		});

		settings.form.from_address = 'cs@acme-vendor.example';
		settings.form.training_url = 'https://acme-vendor.example/training';
		settings.form.reply_to = '';
		settings.form.from_name = 'Acme Success';
		expect(settings.dirty).toBe(true);
		expect(settings.effective.from).toBe('"Acme Success" <cs@acme-vendor.example>');
		expect(await settings.save()).toBe(true);
		expect(settings.problems).toEqual({});
		expect(settings.saved).toBe(true);
		expect(settings.dirty).toBe(false);
		expect(settings.status?.identity.from_address).toBe('cs@acme-vendor.example');

		// What the previews read is the same identity.
		expect(await loadSenderIdentity(new MailApi(fetcher))).toEqual({
			identity: expect.objectContaining({ from_name: 'Acme Success' }),
			mail_from: 'Env <env@acme-vendor.example>',
			public_url: 'https://cs.example'
		});

		settings.form.postal_address = 'A new street';
		settings.revert();
		expect(settings.form.postal_address).toBe('');
	});

	it('shows the server’s problems by field, and says when the server cannot be reached', async () => {
		const refusing = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
			init?.method === 'PUT'
				? Response.json(
						{
							error: 'public_url: …',
							errors: [{ field: 'public_url', code: 'public_url', message: '…' }]
						},
						{ status: 422 }
					)
				: Response.json({
						identity: {},
						mail_from: null,
						public_url: null,
						effective: {},
						operator: 'x@y.example',
						transport: 'sink',
						refusal: null
					})
		);
		const settings = new SenderSettings(new MailApi(refusing as typeof fetch));
		await settings.load();
		expect(await settings.save()).toBe(false);
		expect(settings.problems.public_url?.code).toBe('public_url');

		const down = new SenderSettings(
			new MailApi(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		await down.load();
		expect(down.error).toMatch(/cannot be reached/);
		expect(
			await loadSenderIdentity(new MailApi(async () => new Response('', { status: 500 })))
		).toBeNull();
	});
});

describe('where the app reports sending', { timeout: 30_000 }, () => {
	let smtp: TestSmtp;
	beforeAll(async () => {
		smtp = await startSmtp();
	});
	afterAll(() => smtp.close());

	it('says what to set when the server refuses SMTP without an identity, and keeps the emails queued', async () => {
		freshServerEnv({ SMTP_URL: smtp.url, SCORECRAFT_TODAY: new Date().toISOString().slice(0, 10) });
		const serverFetch = await fetchWithSender();
		await publishTo(serverFetch, lowAdoptionExample());
		const replica = await replicaOf(serverFetch);
		onTestFinished(() => replica.stop());
		const db = replica.db;
		await runPlan(db, planPlays({ workspace: lowAdoptionExample(), asOf: '2026-03-01' }), {
			at: '2026-03-01T08:00:00.000Z',
			by: 'test'
		});
		const queued = (await outboxEntries(db)).filter(
			(e) => e.action === 'email' && e.status === 'approved'
		);
		expect(queued.length).toBeGreaterThan(0);

		const delivery = new EmailDelivery(db, new MailApi(serverFetch));
		await delivery.run();
		expect(delivery.step).toEqual({
			kind: 'error',
			message: expect.stringMatching(
				/^the sender identity is incomplete: set the From address .* and the postal address for the footer/
			)
		});
		const after = (await outboxEntries(db)).filter((e) => e.action === 'email');
		for (const entry of after.filter((e) => e.status !== 'suppressed')) {
			expect(entry.status).toBe('approved');
			expect(entry.error).toMatch(/sender identity is incomplete/);
		}
		expect(smtp.offered).toBe(0);
	});
});
