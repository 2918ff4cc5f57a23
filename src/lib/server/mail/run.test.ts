// @vitest-environment node
/**
 * Runs without a browser: the published plays planned and their emails sent into the sink, once;
 * an unsubscribe link from a sent message works once, a tampered one is refused, and the next run
 * suppresses that contact.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planPlays } from '$lib/engine';
import { TemplateSet } from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import { call, freshServerEnv } from '../../../../tests/support/api';
import { lowAdoptionExample } from '../../../../tests/support/workspace';
import { SendLedger } from './ledger';
import { MailSink } from './mailbox';
import { renderMjml } from './mjml';
import { runPlays, withUnsubscribes } from './run';
import { mailServer } from './server';
import { sinkTransport } from './transport';
import type { UnsubscribeSource } from './unsubscribe';
import { loadUnsubscribeKeys } from './unsubscribe-keys';

/** One ledger per folder for the test file: a file is open in one place at a time. */
const ledgers = new Map<string, SendLedger>();
function ledgerIn(dir: string): SendLedger {
	let ledger = ledgers.get(dir);
	// Not the server's own ledger file, which the routes this test calls open.
	if (!ledger) ledgers.set(dir, (ledger = SendLedger.open(join(dir, 'runs-ledger.jsonl'))));
	return ledger;
}

const AS_OF = '2026-03-01';

describe('runPlays and unsubscribing', () => {
	let dir: string;
	beforeAll(() => {
		dir = freshServerEnv({ PUBLIC_URL: 'https://app.example' });
	});

	function run(asOf: string, unsubscribes: UnsubscribeSource) {
		const sink = new MailSink(join(dir, 'mailbox'));
		return {
			sink,
			report: runPlays({
				workspace: lowAdoptionExample(),
				templates: new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml),
				transport: sinkTransport(sink),
				ledger: ledgerIn(dir),
				unsubscribes,
				unsubscribeKeys: loadUnsubscribeKeys(dir),
				mailFrom: 'CS <cs@app.example>',
				publicUrl: 'https://app.example',
				asOf
			})
		};
	}

	it('sends each auto email once, and a contact who clicks unsubscribe gets no more', async () => {
		// The server's list, which its unsubscribe page writes.
		const { unsubscribes } = (await mailServer()).store;
		const first = run(AS_OF, unsubscribes);
		const report = await first.report;
		const emails = report.entries.filter((e) => e.entry.action === 'email');
		expect(emails.length).toBeGreaterThan(0);
		expect(report.counts.sent).toBe(emails.filter((e) => e.entry.status === 'planned').length);
		expect(first.sink.count()).toBe(report.counts.sent);

		// The same run again (say, cron fired twice): the ledger answers, nothing new is stored.
		const again = await run(AS_OF, unsubscribes).report;
		expect(again.counts.sent).toBe(0);
		expect(again.counts.already_sent).toBe(report.counts.sent);
		expect(new MailSink(join(dir, 'mailbox')).count()).toBe(report.counts.sent);

		// The customer's unsubscribe link, from the message as stored.
		const stored = first.sink.get(first.sink.list().find((m) => m.to === 'ana@acme.example')!.id)!;
		const header = stored.headers.find(([name]) => name === 'List-Unsubscribe')![1];
		const link = new URL(header.replace(/^<|>$/g, ''));
		expect(link.origin).toBe('https://app.example');
		expect(stored.html).toContain(link.href);
		const token = link.pathname.split('/').pop()!;

		const route = await import('../../../routes/unsubscribe/[token]/+server');
		const tampered = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
		expect(
			(
				await call(route.POST, `/unsubscribe/${tampered}`, {
					body: 'x=1',
					params: { token: tampered },
					headers: { 'content-type': 'application/x-www-form-urlencoded' }
				})
			).status
		).toBe(400);
		const oneClick = await call(route.POST, `/unsubscribe/${token}`, {
			body: 'List-Unsubscribe=One-Click',
			params: { token },
			origin: null,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(oneClick.status).toBe(200);
		// It works once: the second click finds it done and records nothing new.
		const page = await call(route.GET, `/unsubscribe/${token}`, { params: { token } });
		expect(await page.text()).toContain('already unsubscribed');
		const list = await unsubscribes.all();
		expect(list.map((u) => u.email)).toEqual(['ana@acme.example']);

		// Her contact is marked from the list, so plans from that day on suppress her...
		const marked = withUnsubscribes(lowAdoptionExample(), list);
		const ana = marked.contacts.find((c) => c.email === 'ana@acme.example')!;
		expect(ana.unsubscribed_at).toBe(list[0]!.at);
		const later = '2026-04-01';
		ana.unsubscribed_at = '2026-03-15T10:00:00Z';
		const plan = planPlays({ workspace: marked, asOf: later });
		const hers = plan.entries.filter((e) => e.recipient === 'ana@acme.example');
		expect(hers.length).toBeGreaterThan(0);
		expect(hers.every((e) => e.suppression === 'unsubscribed')).toBe(true);
		// ...and whatever a run plans, the server sends her nothing more.
		const next = await run(later, unsubscribes).report;
		const toHer = next.entries.filter((e) => e.entry.recipient === 'ana@acme.example');
		expect(toHer.length).toBeGreaterThan(0);
		expect(toHer.every((e) => e.outcome === 'suppressed')).toBe(true);
		expect(next.counts.sent).toBeGreaterThan(0);
		expect(
			new MailSink(join(dir, 'mailbox')).list().filter((m) => m.to === 'ana@acme.example')
		).toHaveLength(1);
	});
});
