// @vitest-environment node
/**
 * The server decides what is sent: requests that name anything but an entry its own plan holds
 * as planned send nothing — a made-up key, another account's contact, a disabled play, a `when`
 * that does not hold, a varied key suffix, an approve-mode entry nobody approved. And one key
 * asked for fifty times at once, with a slow SMTP server, is sent once.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { planPlays, type Workspace } from '$lib/engine';
import { call, freshServerEnv } from '../../../../../tests/support/api';
import { startSmtp, type TestSmtp } from '../../../../../tests/support/smtp';
import { exampleWorkspace, lowAdoptionExample } from '../../../../../tests/support/workspace';

const AS_OF = '2026-03-01';
let smtp: TestSmtp;
let send: typeof import('./+server').POST;
let publish: typeof import('../../workspace/+server').PUT;
let approve: typeof import('../../approvals/+server').POST;

beforeAll(async () => {
	smtp = await startSmtp(undefined, { answerAfterMs: 300 });
	freshServerEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'CS <cs@app.example>' });
	const { mailServer } = await import('$lib/server/mail/server');
	await (await mailServer()).store.sender.save({ postal_address: 'App Inc. · 1 Test Street' });
	({ POST: send } = await import('./+server'));
	({ PUT: publish } = await import('../../workspace/+server'));
	({ POST: approve } = await import('../../approvals/+server'));
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
	await smtp.close();
});

async function published(workspace: Workspace): Promise<string> {
	const response = await call(publish, '/api/workspace', {
		method: 'PUT',
		body: JSON.stringify(workspace)
	});
	expect(response.status).toBe(200);
	return (await response.json()).published.version;
}

const planned = (workspace: Workspace) =>
	planPlays({ workspace, asOf: AS_OF }).entries.filter((e) => e.status === 'planned');

function requestFor(key: string, over: Record<string, unknown> = {}) {
	const [play_id, account_id, index, recipient] = key.split(':');
	const contact = recipient === 'ana@acme.example' ? 'c1' : 'c2';
	return {
		key,
		play_id,
		account_id,
		action_index: Number(index),
		recipient,
		contact_id: contact,
		...over
	};
}

async function ask(version: string, entries: unknown[]) {
	const response = await call(send, '/api/mail/send', {
		body: JSON.stringify({ as_of: AS_OF, version, entries })
	});
	expect(response.status).toBe(200);
	return (await response.json()).results as { status: string; error?: string }[];
}

describe('the send API sends only what the server plans', () => {
	it('refuses a made-up key, another account’s contact and a varied key suffix', async () => {
		const workspace = lowAdoptionExample();
		const version = await published(workspace);
		const [ana] = planned(workspace).filter((e) => e.recipient === 'ana@acme.example');
		const before = smtp.received.length;
		const results = await ask(version, [
			requestFor('scale-training:acme:0:ana@acme.example:1'),
			requestFor(`${ana!.key}x`),
			requestFor(ana!.key.replace(/:(\d+)$/, (_, n) => `:${Number(n) + 1}`)),
			// Bo is Globex's contact: named under Acme's key, the plan has no such entry.
			requestFor(ana!.key.replace('ana@acme.example', 'bo@globex.example'), {
				contact_id: 'c2',
				account_id: 'acme'
			}),
			requestFor(ana!.key, { recipient: 'victim@elsewhere.example', contact_id: undefined })
		]);
		expect(results.map((r) => r.status)).toEqual([
			'refused',
			'refused',
			'refused',
			'refused',
			'refused'
		]);
		expect(results[0]!.error).toBe("key: not in the server's plan for this date");
		expect(smtp.received.length).toBe(before);
	});

	it('refuses a disabled play and a play whose `when` does not hold', async () => {
		const low = lowAdoptionExample();
		const [entry] = planned(low);
		const disabled = await published({
			...low,
			plays: low.plays.map((play) => ({ ...play, enabled: false }))
		});
		expect((await ask(disabled, [requestFor(entry!.key)]))[0]!.status).toBe('refused');
		// The example's adoption is healthy: the training play's `when` is false for everyone.
		const healthy = await published(exampleWorkspace());
		expect(planned(exampleWorkspace())).toEqual([]);
		expect((await ask(healthy, [requestFor(entry!.key)]))[0]!.status).toBe('refused');
		expect(smtp.received).toHaveLength(0);
	});

	it('sends an approve-mode entry only once ops approved it on the server', async () => {
		const low = lowAdoptionExample();
		const workspace = {
			...low,
			plays: low.plays.map((play) => ({ ...play, mode: 'approve' as const }))
		};
		const version = await published(workspace);
		const [entry] = planned(workspace).filter((e) => e.recipient === 'bo@globex.example');
		const first = await ask(version, [requestFor(entry!.key)]);
		expect(first[0]).toMatchObject({
			status: 'refused',
			error: 'key: this play needs an approval by ops first'
		});
		const approved = await call(approve, '/api/approvals', {
			body: JSON.stringify({ as_of: AS_OF, version, keys: [entry!.key, 'made:up:0:x@y.example:1'] })
		});
		expect(await approved.json()).toEqual({
			approved: [entry!.key],
			refused: [{ key: 'made:up:0:x@y.example:1', error: "not in the server's plan for this date" }]
		});
		expect((await ask(version, [requestFor(entry!.key)]))[0]!.status).toBe('sent');
		expect(smtp.received.map((r) => r.to)).toEqual([['bo@globex.example']]);
	});

	it('sends one key asked for fifty times at once once, with a slow SMTP server', async () => {
		const workspace = lowAdoptionExample();
		const version = await published(workspace);
		const [ana] = planned(workspace).filter((e) => e.recipient === 'ana@acme.example');
		const before = smtp.received.length;
		const answers = await Promise.all(
			Array.from({ length: 50 }, () => ask(version, [requestFor(ana!.key)]))
		);
		const statuses = answers.map((results) => results[0]!.status);
		expect(smtp.received.length - before).toBe(1);
		expect(statuses.filter((s) => s === 'sent')).toHaveLength(
			50 - statuses.filter((s) => s === 'retry').length
		);
		// Those that came while it was in flight hear so (claimed, not settled); none sent it again.
		expect(statuses.every((s) => s === 'sent' || s === 'retry')).toBe(true);
		console.log(
			`50 concurrent requests for one key: ${smtp.received.length - before} message, ${statuses.filter((s) => s === 'retry').length} told it was in flight`
		);
	});

	it("counts an email once toward a contact's cap, when both the ledger and the team's outbox say it was sent", async () => {
		// The ledger dates a send by the clock: the plan's week must hold today.
		const today = new Date().toISOString().slice(0, 10);
		process.env.SCORECRAFT_TODAY = today;
		onTestFinished(() => void (process.env.SCORECRAFT_TODAY = AS_OF));
		const low = lowAdoptionExample();
		// An address no other test sent to this week.
		const cap = 'ana.cap@acme.example';
		const twice: Workspace = {
			...low,
			contacts: low.contacts.map((c) => (c.id === 'c1' ? { ...c, email: cap } : c)),
			plays: [...low.plays, { ...low.plays[0]!, id: 'scale-training-again' }],
			settings: { ...low.settings, contact_email_cap_7d: 2 }
		};
		const [first, second] = planPlays({ workspace: twice, asOf: today }).entries.filter(
			(e) => e.status === 'planned' && e.recipient === cap
		);
		expect(second).toBeDefined();
		const askToday = async (version: string, key: string) => {
			const response = await call(send, '/api/mail/send', {
				body: JSON.stringify({
					as_of: today,
					version,
					entries: [requestFor(key, { contact_id: 'c1' })]
				})
			});
			return ((await response.json()).results as { status: string }[])[0]!.status;
		};
		expect(await askToday(await published(twice), first!.key)).toBe('sent');
		// A browser recorded the answer in the team's outbox: the same email, now known twice.
		const at = new Date().toISOString();
		const recorded = await published({
			...twice,
			outbox: [{ ...first!, status: 'sent', created_at: at, updated_at: at, attempts: 1 }]
		} as unknown as Workspace);
		expect(await askToday(recorded, second!.key)).toBe('sent');
	});

	it('refuses a date that is not the server’s today', async () => {
		const response = await call(send, '/api/mail/send', {
			body: JSON.stringify({ as_of: '2025-01-01', version: 'x', entries: [] })
		});
		expect(response.status).toBe(400);
		expect((await response.json()).error).toMatch(/^as_of: 2025-01-01 is not today \(2026-03-01/);
	});
});
