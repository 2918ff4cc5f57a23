// @vitest-environment node
/**
 * The app delivering its outbox through its server, in one process: a browser's replica of the
 * team workspace on fake-indexeddb, synced with the real endpoints, a real SMTP server on
 * 127.0.0.1. A delivery cut off after the server sent but before the browser heard back is
 * finished by the next one, with nothing sent twice; the server's unsubscribes reach the replica's
 * contacts, and its runs reach the outbox.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { claimEmails, outboxEntries, runPlan } from '$lib/db';
import { planPlays } from '$lib/engine';
import { appFetch as appFetchFor, freshServerEnv } from '../../../../tests/support/api';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp';
import { lowAdoptionExample } from '../../../../tests/support/workspace';
import { MailApi } from './api';
import { serverRevision } from '../sync/catch-up';
import { deliverQueuedEmails, syncFromServer } from './delivery';

const AS_OF = '2026-03-01';
let smtp: TestSmtp;

let appFetch: typeof fetch;

beforeAll(async () => {
	smtp = await startSmtp();
	freshServerEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'CS <cs@app.example>' });
	// Through SMTP the server sends only with a postal address for the footer (MAIL_FROM is the From).
	await (
		await (await import('$lib/server/mail/server')).mailServer()
	).store.sender.save({
		postal_address: 'App Inc. · 1 Test Street'
	});
	appFetch = await appFetchFor();
});

afterAll(async () => {
	(await import('$lib/server/mail/service')).resetMailService();
	await smtp.close();
});

describe('delivering the outbox through the server', () => {
	it('sends queued emails once, finishing a delivery that was cut off', async () => {
		await publishTo(appFetch, lowAdoptionExample());
		const replica = await replicaOf(appFetch);
		onTestFinished(() => replica.stop());
		const db = replica.db;
		const plan = planPlays({ workspace: lowAdoptionExample(), asOf: AS_OF });
		await runPlan(db, plan, { at: `${AS_OF}T08:00:00.000Z`, by: 'test' });
		const api = new MailApi(appFetch);
		const queued = (await outboxEntries(db)).filter(
			(e) => e.action === 'email' && e.status === 'approved'
		);
		expect(queued.length).toBeGreaterThan(0);

		// A delivery cut off: the emails claimed and sent, the tab closed before the answers came back.
		const version = await serverRevision(db);
		const claimed = await claimEmails(db, new Date().toISOString());
		await api.send(AS_OF, version, [
			{
				key: claimed[0]!.key,
				play_id: claimed[0]!.play_id,
				account_id: claimed[0]!.account_id,
				action_index: 0,
				recipient: claimed[0]!.recipient,
				contact_id: (claimed[0]!.detail as { contact_id: string }).contact_id
			}
		]);
		expect(smtp.received).toHaveLength(1);
		expect((await outboxEntries(db)).filter((e) => e.status === 'sending')).toHaveLength(
			queued.length
		);

		// The next delivery takes the `sending` entries again; the ledger answers the one already sent.
		const report = await deliverQueuedEmails(db, api, () => {}, AS_OF);
		expect(report).toMatchObject({ sent: queued.length, failed: 0, retry: 0 });
		expect(smtp.received).toHaveLength(queued.length);
		expect(new Set(smtp.received.map((m) => m.parsed.messageId)).size).toBe(queued.length);
		const after = await outboxEntries(db);
		for (const entry of after.filter((e) => e.action === 'email' && e.status !== 'suppressed')) {
			expect(entry.status).toBe('sent');
			expect(entry.message_id).toMatch(/^<[0-9a-f]{32}@app\.example>$/);
		}
		// Nothing left: a third delivery sends nothing.
		expect(await deliverQueuedEmails(db, api, () => {}, AS_OF)).toMatchObject({ sent: 0 });
		expect(smtp.received).toHaveLength(queued.length);
	});

	it('brings the server runs into the outbox without sending twice', async () => {
		// The server runs and sends as of its today only.
		process.env.SCORECRAFT_TODAY = '2026-05-01';
		onTestFinished(() => void (process.env.SCORECRAFT_TODAY = AS_OF));
		await publishTo(appFetch, lowAdoptionExample());
		const replica = await replicaOf(appFetch);
		onTestFinished(() => replica.stop());
		const db = replica.db;
		const api = new MailApi(appFetch);
		const before = smtp.received.length;
		const ran = await appFetch('/api/runs', {
			method: 'POST',
			body: JSON.stringify({ as_of: '2026-05-01' })
		});
		expect(ran.status).toBe(200);
		const { counts } = await ran.json();
		expect(counts.sent).toBeGreaterThan(0);
		expect(smtp.received.length).toBe(before + counts.sent);
		expect(await syncFromServer(db, api)).toMatchObject({ runs: 1 });
		const report = await deliverQueuedEmails(db, api, () => {}, '2026-05-01');
		expect(report.sent).toBe(counts.sent);
		// The server had sent them: the ledger answered, the SMTP server got nothing more.
		expect(smtp.received.length).toBe(before + counts.sent);
		expect(await syncFromServer(db, api)).toMatchObject({ runs: 0 });
	});

	it('brings the contacts the server marked unsubscribed into the replica, so the next plan suppresses them', async () => {
		await publishTo(appFetch, lowAdoptionExample());
		const replica = await replicaOf(appFetch);
		onTestFinished(() => replica.stop());
		const db = replica.db;
		const { mailServer } = await import('$lib/server/mail/server');
		const { markUnsubscribed } = await import('$lib/server/sync/unsubscribed');
		const { store } = await mailServer();
		const unsubscribe = { email: 'BO@globex.example', at: '2026-02-20T09:00:00.000Z' };
		await store.unsubscribes.add({
			...unsubscribe,
			contact_id: 'c2',
			account_id: 'globex',
			via: 'link'
		});
		expect(await markUnsubscribed(store.published.records, [unsubscribe])).not.toBeNull();
		await replica.sync();
		expect((await db.contacts.get('c2'))?.unsubscribed_at).toBe('2026-02-20T09:00:00.000Z');
		expect((await db.contacts.get('c1'))?.unsubscribed_at).toBeUndefined();
		const workspace = lowAdoptionExample();
		workspace.contacts = await db.contacts.toArray();
		const bo = planPlays({ workspace, asOf: AS_OF }).entries.filter(
			(e) => e.recipient === 'bo@globex.example'
		);
		expect(bo.length).toBeGreaterThan(0);
		expect(bo.every((e) => e.suppression === 'unsubscribed')).toBe(true);
	});
});
