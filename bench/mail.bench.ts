/**
 * `npm run bench:mail`: 1,000 plays' emails rendered with the shipped templates (Liquid, then
 * MJML, then the text part) and sent over SMTP to a local `smtp-server` in this process, through
 * `runPlays` and the `Deliverer` as `engine run` and the daily run send them. Prints the elapsed
 * time, messages per second, what the server received, how many times a template was compiled
 * (once per template per run is the goal) and where the time went: in the run (render, SMTP, the
 * ledger's fsync, overlapping as messages are in flight together), then each phase alone (the
 * run's messages rendered again one at a time, and sent again with nothing else to do), and the
 * Mailbox page's list of a few thousand stored messages.
 * BENCH_MESSAGES=N sets the count (1,000 by default), BENCH_CONCURRENCY=N the messages in flight.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { shippedTemplates } from '../src/cli/templates';
import type { Play, Workspace } from '../src/lib/engine';
import {
	renderMail,
	TemplateSet,
	type CompiledTemplate,
	type MailContext,
	type MjmlRenderer,
	type RenderedMail
} from '../src/lib/mail';
import { SendLedger } from '../src/lib/server/mail/ledger';
import { MailSink } from '../src/lib/server/mail/mailbox';
import { renderMjmlForSending } from '../src/lib/server/mail/mjml';
import { runPlays } from '../src/lib/server/mail/run';
import {
	smtpTransport,
	type MailTransport,
	type OutgoingMessage
} from '../src/lib/server/mail/transport';
import { newUnsubscribeKey, UnsubscribeList } from '../src/lib/server/mail/unsubscribe';
import example from '../tests/fixtures/example-workspace.json';
import { message as storedMessage } from '../tests/support/messages';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000);
const CONCURRENCY = process.env.BENCH_CONCURRENCY
	? Number(process.env.BENCH_CONCURRENCY)
	: undefined;
const AS_OF = '2026-03-01';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perMessage = (ms: number, count: number) =>
	`${(ms / Math.max(1, count)).toFixed(2)} ms a message`;

/**
 * A TemplateSet that counts compilations (each distinct parsed template it hands out is one),
 * times its renders and keeps what it rendered, to render it again alone after the run.
 */
class CountingTemplates extends TemplateSet {
	readonly #seen = new Set<CompiledTemplate>();
	readonly rendered: [string, MailContext][] = [];
	renderMs = 0;
	get compilations(): number {
		return this.#seen.size;
	}
	override compiled(id: string): CompiledTemplate {
		const compiled = super.compiled(id);
		this.#seen.add(compiled);
		return compiled;
	}
	override async render(id: string, context: MailContext): Promise<RenderedMail> {
		const begun = performance.now();
		try {
			return await super.render(id, context);
		} finally {
			this.renderMs += performance.now() - begun;
			this.rendered.push([id, context]);
		}
	}
}

/** The transport, its sends timed and kept, to send them again alone after the run. */
function timedTransport(transport: MailTransport) {
	const timed = {
		kind: transport.kind,
		sendMs: 0,
		sent: [] as OutgoingMessage[],
		async send(message: OutgoingMessage) {
			const begun = performance.now();
			try {
				return await transport.send(message);
			} finally {
				timed.sendMs += performance.now() - begun;
				timed.sent.push(message);
			}
		},
		close: () => transport.close()
	};
	return timed;
}

/**
 * The example workspace grown to one Scale account and contact per message, with one auto email
 * play per shipped template, each for a fifth of the accounts: every template renders 200 times.
 */
function benchWorkspace(templateIds: readonly string[]): Workspace {
	const base = structuredClone(example) as unknown as Workspace;
	const [account] = base.accounts;
	const [contact] = base.contacts;
	const ids = Array.from({ length: MESSAGES }, (_, i) => `acct-${String(i + 1).padStart(4, '0')}`);
	const plays: Play[] = templateIds.map((template, bucket) => ({
		id: `bench-${template}`,
		name: `Bench: ${template}`,
		enabled: true,
		mode: 'auto',
		when: { '==': [{ var: 'account.bucket' }, bucket] },
		actions: [{ type: 'email', template, to: 'contacts' }],
		cooldown_days: 30
	}));
	return {
		...base,
		accounts: ids.map((id, i) => ({
			...account!,
			id,
			name: `Account ${i + 1}`,
			facts: { ...account!.facts, bucket: i % templateIds.length }
		})),
		contacts: ids.map((id, i) => ({
			...contact!,
			id: `contact-${i + 1}`,
			account_id: id,
			name: `Reader ${i + 1}`,
			email: `reader${i + 1}@${id}.example`
		})),
		snapshots: [],
		plays,
		// The shipped templates, not the example's own short one.
		templates: []
	};
}

async function startServer(): Promise<{ url: string; received: () => number; close: () => void }> {
	let received = 0;
	const server = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			stream.on('data', () => {});
			stream.on('end', () => {
				received++;
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => server.close() };
}

const shipped = shippedTemplates();
console.log(
	`Scorecraft mail benchmark: ${MESSAGES.toLocaleString('en-US')} emails, ${shipped.length} shipped templates, Node ${process.version}`
);
const workspace = benchWorkspace(shipped.map((t) => t.id));
const folder = mkdtempSync(join(tmpdir(), 'scorecraft-bench-mail-'));
const server = await startServer();

let mjmlMs = 0;
let mjmlCalls = 0;
const timedMjml: MjmlRenderer = async (source) => {
	const begun = performance.now();
	try {
		return await renderMjmlForSending(source);
	} finally {
		mjmlMs += performance.now() - begun;
		mjmlCalls++;
	}
};
// MJML's first call loads its components: not part of a run's steady figure, so done up front.
await renderMjmlForSending(
	'<mjml><mj-body><mj-section><mj-column><mj-text>warm</mj-text></mj-column></mj-section></mj-body></mjml>'
);

const templates = new CountingTemplates(shipped, [], timedMjml);
const transport = timedTransport(smtpTransport(server.url));
const ledger = SendLedger.open(join(folder, 'ledger.jsonl'));
// A claim and a settlement per message, each on the disk before it returns (the flushes are shared
// by the sends waiting together).
let ledgerMs = 0;
const timed = <A extends unknown[], R>(work: (...args: A) => Promise<R>) => {
	return async (...args: A): Promise<R> => {
		const begun = performance.now();
		try {
			return await work(...args);
		} finally {
			ledgerMs += performance.now() - begun;
		}
	};
};
ledger.claim = timed(ledger.claim.bind(ledger));
ledger.settle = timed(ledger.settle.bind(ledger));
const unsubscribes = UnsubscribeList.open(join(folder, 'unsubscribes.jsonl'));
const cpuBefore = process.cpuUsage();
const started = performance.now();
const report = await runPlays({
	workspace,
	templates,
	transport,
	ledger,
	unsubscribes,
	unsubscribeKeys: [newUnsubscribeKey(new Date())],
	mailFrom: 'Customer Success <cs@scorecraft.example>',
	publicUrl: 'https://scorecraft.example',
	asOf: AS_OF,
	...(CONCURRENCY ? { concurrency: CONCURRENCY } : {})
});
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
transport.close();
ledger.close();
unsubscribes.close();
const received = server.received();

/** The run's messages rendered again, one at a time, by a fresh set (its first-use compiles included). */
async function renderAlone(): Promise<number> {
	const fresh = new TemplateSet(shipped, [], renderMjmlForSending);
	const begun = performance.now();
	for (const [id, context] of templates.rendered) await fresh.render(id, context);
	return performance.now() - begun;
}

/** The same, as runs rendered before shapes (`shapes.ts`): MJML compiles every message. */
async function renderAloneWithoutShapes(): Promise<number> {
	const fresh = new TemplateSet(shipped, [], renderMjmlForSending);
	const begun = performance.now();
	for (const [id, context] of templates.rendered)
		await renderMail(fresh.compiled(fresh.variantFor(id, context.contact.locale)), context, renderMjmlForSending); // prettier-ignore
	return performance.now() - begun;
}

/** The run's messages sent again through a fresh pooled transport, as many in flight as in the run. */
async function sendAlone(): Promise<number> {
	const again = smtpTransport(server.url);
	const queue = [...transport.sent];
	const begun = performance.now();
	const worker = async () => {
		for (let message = queue.shift(); message; message = queue.shift()) await again.send(message);
	};
	await Promise.all(Array.from({ length: CONCURRENCY ?? 3 }, worker));
	const ms = performance.now() - begun;
	again.close();
	return ms;
}

/**
 * The Mailbox page's list of 2,000 stored messages (written directly: storing them one by one
 * waits for the disk twice a message): the first list reads the folder, the next ones reuse it.
 */
function mailboxList(): { firstMs: number; nextMs: number } {
	const dir = join(folder, 'mailbox');
	mkdirSync(dir, { recursive: true });
	const html = `<p>${'x'.repeat(2_000)}</p>`;
	for (let i = 0; i < 2000; i++) {
		const id = `${(1_700_000_000_000 + i).toString(36).padStart(9, '0')}-0000000${i % 10}`;
		writeFileSync(join(dir, `${id}.eml`), html);
		writeFileSync(
			join(dir, `${id}.json`),
			JSON.stringify({ id, ...storedMessage(`c${i}@x.com`, `s${i}`), html })
		);
	}
	const sink = new MailSink(dir);
	const begun = performance.now();
	if (sink.list().length !== 2000) throw new Error('the mailbox did not list its 2,000 messages');
	const firstMs = performance.now() - begun;
	const next = performance.now();
	for (let i = 0; i < 100; i++) sink.list();
	return { firstMs, nextMs: (performance.now() - next) / 100 };
}

const renderAloneMs = await renderAlone();
const renderBeforeMs = await renderAloneWithoutShapes();
const sendAloneMs = await sendAlone();
const mailbox = mailboxList();
server.close();
rmSync(folder, { recursive: true, force: true });

const sent = report.counts.sent;
const rendered = templates.rendered.length;
const used = new Set(
	workspace.plays.flatMap((p) => p.actions.flatMap((a) => (a.type === 'email' ? [a.template] : [])))
).size;
console.log(`outcomes: ${JSON.stringify(report.counts)}`);
const failure = report.entries.find((e) => e.outcome !== 'sent');
if (failure)
	console.log(
		`first entry not sent: ${failure.entry.key}: ${failure.outcome} ${failure.error ?? ''}`
	);
console.log(
	`sent ${sent.toLocaleString('en-US')} in ${seconds(elapsed)}: ${(sent / (elapsed / 1000)).toFixed(0)} messages/s; the SMTP server received ${received.toLocaleString('en-US')}`
);
console.log(
	`  CPU time of this process meanwhile: ${seconds((cpu.user + cpu.system) / 1000)} (the SMTP server's share included; well under the wall time means the machine was busy with other work)`
);
console.log(
	`templates compiled: ${templates.compilations} for ${used} templates used and ${rendered.toLocaleString('en-US')} messages rendered; MJML ran ${mjmlCalls.toLocaleString('en-US')} times`
);
console.log(
	`where the time went in the run (summed per message: the ${CONCURRENCY ?? 3} messages in flight overlap, so the parts add up to more than the wall time):`
);
console.log(
	`  render (Liquid, MJML, text part): ${seconds(templates.renderMs)} (${perMessage(templates.renderMs, rendered)}), of which MJML to HTML ${seconds(mjmlMs)}`
);
console.log(
	`  SMTP (MIME building, both ends of the conversation): ${seconds(transport.sendMs)} (${perMessage(transport.sendMs, transport.sent.length)})`
);
console.log(`  ledger claims and settlements (fsync): ${seconds(ledgerMs)}`);
console.log(`each phase alone, after the run:`);
console.log(
	`  render only: the ${rendered.toLocaleString('en-US')} messages again, one at a time, by a fresh template set: ${seconds(renderAloneMs)} (${perMessage(renderAloneMs, rendered)})`
);
console.log(
	`  render only, before (MJML for every message, as before shapes): ${seconds(renderBeforeMs)} (${perMessage(renderBeforeMs, rendered)})`
);
console.log(
	`  SMTP only: the ${transport.sent.length.toLocaleString('en-US')} messages again through a fresh pooled transport, ${CONCURRENCY ?? 3} in flight: ${seconds(sendAloneMs)} (${perMessage(sendAloneMs, transport.sent.length)})`
);
console.log(
	`Mailbox list of 2,000 stored messages: the first ${mailbox.firstMs.toFixed(1)} ms (reads the folder), then ${mailbox.nextMs.toFixed(2)} ms a list`
);

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const correct =
	sent === MESSAGES &&
	received === sent &&
	server.received() === 2 * sent &&
	templates.compilations === used;
console.log(`\ntargets:`);
console.log(
	`  ${MESSAGES.toLocaleString('en-US')} emails in under 3 s: ${seconds(elapsed)} ${verdict(elapsed < 3_000)}`
);
console.log(
	`  each template compiled once per run: ${templates.compilations} for ${used} ${verdict(templates.compilations === used)}`
);
console.log(`  every message sent and received once: ${verdict(correct)}`);
console.log(
	JSON.stringify(
		{
			messages: sent,
			received,
			seconds: Number((elapsed / 1000).toFixed(2)),
			perSecond: Number((sent / (elapsed / 1000)).toFixed(1)),
			cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
			compilations: templates.compilations,
			mjmlCalls,
			renderSeconds: Number((templates.renderMs / 1000).toFixed(2)),
			mjmlSeconds: Number((mjmlMs / 1000).toFixed(2)),
			smtpSeconds: Number((transport.sendMs / 1000).toFixed(2)),
			ledgerSeconds: Number((ledgerMs / 1000).toFixed(2)),
			renderAloneMsPerMessage: Number((renderAloneMs / rendered).toFixed(2)),
			renderBeforeMsPerMessage: Number((renderBeforeMs / rendered).toFixed(2)),
			smtpAloneMsPerMessage: Number((sendAloneMs / transport.sent.length).toFixed(2)),
			mailboxFirstListMs: Number(mailbox.firstMs.toFixed(1)),
			mailboxListMs: Number(mailbox.nextMs.toFixed(2))
		},
		null,
		'\t'
	)
);
// The time depends on the machine and its load; the counts do not.
process.exitCode = correct ? 0 : 1;
