/**
 * `npm run bench:mail`: 1,000 plays' emails rendered with the shipped templates (Liquid, then
 * MJML, then the text part) and sent over SMTP to a local `smtp-server` in this process, through
 * `runPlays` and the `Deliverer` as `engine run` and the daily run send them. Prints the elapsed
 * time, messages per second, what the server received, how many times a template was compiled
 * (once per template per run is the goal) and where the time went (MJML, the ledger's fsync, the rest).
 * BENCH_MESSAGES=N sets the count (1,000 by default), BENCH_CONCURRENCY=N the messages in flight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { shippedTemplates } from '../src/cli/templates';
import type { Play, Workspace } from '../src/lib/engine';
import { TemplateSet, type CompiledTemplate, type MjmlRenderer } from '../src/lib/mail';
import { SendLedger } from '../src/lib/server/mail/ledger';
import { renderMjmlForSending } from '../src/lib/server/mail/mjml';
import { runPlays } from '../src/lib/server/mail/run';
import { smtpTransport } from '../src/lib/server/mail/transport';
import { newUnsubscribeKey, UnsubscribeList } from '../src/lib/server/mail/unsubscribe';
import example from '../tests/fixtures/example-workspace.json';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000);
const CONCURRENCY = process.env.BENCH_CONCURRENCY
	? Number(process.env.BENCH_CONCURRENCY)
	: undefined;
const AS_OF = '2026-03-01';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A TemplateSet that counts compilations: each distinct parsed template it hands out is one. */
class CountingTemplates extends TemplateSet {
	readonly #seen = new Set<CompiledTemplate>();
	get compilations(): number {
		return this.#seen.size;
	}
	override compiled(id: string): CompiledTemplate {
		const compiled = super.compiled(id);
		this.#seen.add(compiled);
		return compiled;
	}
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
const transport = smtpTransport(server.url);
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
server.close();
rmSync(folder, { recursive: true, force: true });

const sent = report.counts.sent;
const received = server.received();
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
	`templates compiled: ${templates.compilations} for ${used} templates used and ${mjmlCalls.toLocaleString('en-US')} messages rendered`
);
console.log(`where the time went (summed per message; messages in flight may overlap a little):`);
console.log(`  MJML to HTML: ${seconds(mjmlMs)} (${(mjmlMs / mjmlCalls).toFixed(1)} ms a message)`);
console.log(`  ledger appends: ${seconds(ledgerMs)}`);
console.log(
	`  the rest (planning, scores, Liquid, text part, MIME building, SMTP both ends): ${seconds(elapsed - mjmlMs - ledgerMs)}`
);

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const correct = sent === MESSAGES && received === sent && templates.compilations === used;
console.log(`\ntargets:`);
console.log(
	`  ${MESSAGES.toLocaleString('en-US')} emails in under 20 s: ${seconds(elapsed)} ${verdict(elapsed < 20_000)}`
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
			mjmlSeconds: Number((mjmlMs / 1000).toFixed(2)),
			ledgerSeconds: Number((ledgerMs / 1000).toFixed(2))
		},
		null,
		'\t'
	)
);
// The time depends on the machine and its load; the counts do not.
process.exitCode = correct ? 0 : 1;
