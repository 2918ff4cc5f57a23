/**
 * `engine run`: the published plays' run without a browser, for cron. Auto plays' emails go out
 * through SMTP (`--smtp`) or into the sink folder the app's Mailbox page shows; the ledger file
 * makes a second run with the same inputs send nothing. Everything else the plan holds (tasks,
 * tags, webhooks, approvals) is printed as `for_the_app`. The sender is the server's (the identity
 * saved on its Settings page, in its data folder; `MAIL_FROM`, `PUBLIC_URL`): unlike the app's
 * server, the command sends with an incomplete one, but warns on stderr of each part missing.
 */
import { join, resolve } from 'node:path';
import type { OutboxEntry } from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { resolveSender, senderWarnings } from '../../lib/mail/sender';
import { mailConfig } from '../../lib/server/mail/config';
import { SendLedger, type Ledger } from '../../lib/server/mail/ledger';
import { loadUnsubscribeKeys } from '../../lib/server/mail/unsubscribe-keys';
import { MailSink } from '../../lib/server/mail/mailbox';
import { SenderStore } from '../../lib/server/mail/sender';
import type { RunEntry, RunReport } from '../../lib/server/mail/run';
import { UnsubscribeList } from '../../lib/server/mail/unsubscribe';
import { formatRecords } from '../csv';
import { CliError, readWorkspace, today, UsageError } from '../io';
import { shippedTemplates } from '../templates';

export interface RunArguments {
	workspace?: string;
	ledger?: string;
	'database-url'?: string;
	smtp?: string;
	'as-of'?: string;
	sink?: string;
	format?: string;
}

export const runUsage =
	'run --workspace FILE (--ledger FILE | --database-url URL) [--smtp URL] [--as-of YYYY-MM-DD] [--sink DIR] [--format json|csv]';

/** What the command prints, and its exit status: 1 when an entry failed, so cron notices. */
export interface RunOutput {
	stdout: string;
	stderr: string;
	exitCode: number;
}

/** The printed fields, in this order. */
const COLUMNS = [
	'play_id',
	'account_id',
	'action',
	'recipient',
	'key',
	'outcome',
	'message_id',
	'error'
] as const;

const FAILING: readonly RunEntry['outcome'][] = ['failed', 'retry', 'refused'];

function record({ entry, outcome, message_id, error }: RunEntry) {
	return {
		play_id: entry.play_id,
		account_id: entry.account_id,
		action: entry.action,
		recipient: entry.recipient,
		key: entry.key,
		outcome,
		message_id: message_id ?? null,
		error: error ?? null
	};
}

function usage(problem: string): UsageError {
	return new UsageError(`${problem}\nusage: engine ${runUsage}`);
}

/** The SMTP URL as given, when it is one: `smtp://` or `smtps://` with a host. */
function smtpUrl(text: string): string {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw usage(`--smtp expects an smtp:// or smtps:// URL, got "${text}"`);
	}
	if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
		throw usage(`--smtp expects an smtp:// or smtps:// URL, got "${text}"`);
	return text;
}

function summary(report: RunReport, seconds: number, where: string): string {
	const counts = Object.entries(report.counts)
		.map(([outcome, count]) => `${count} ${outcome}`)
		.join(', ');
	const entries = `${report.entries.length} ${report.entries.length === 1 ? 'entry' : 'entries'}`;
	return `engine run ${report.as_of}: ${entries} (${counts}) in ${seconds.toFixed(1)} s, ${where}\n`;
}

/**
 * The ledger file (locked while the run uses it: a second run on it waits its turn), or the
 * server's database (each key claimed there, so the app's server and this run never both send it).
 */
async function openLedger(args: RunArguments): Promise<Ledger & { close(): void | Promise<void> }> {
	if (args['database-url']) {
		const { openStore } = await import('../../lib/server/store/store');
		try {
			const store = await openStore({
				url: args['database-url'],
				dataDir: mailConfig(process.env).dataDir,
				importFiles: false
			});
			return Object.assign(store.ledger, { close: () => store.close() });
		} catch (error) {
			throw new CliError(`cannot open the database: ${(error as Error).message}`);
		}
	}
	const file = args.ledger!;
	try {
		return SendLedger.open(resolve(file), {
			onWait: (pid) =>
				process.stderr.write(`waiting for process ${pid}, which is running on ${file}\n`)
		});
	} catch (error) {
		throw new CliError(`cannot open the ledger ${file}: ${(error as Error).message}`);
	}
}

export async function runRun(args: RunArguments): Promise<RunOutput> {
	const started = performance.now();
	if (!args.workspace) throw usage('--workspace FILE is required');
	if (!args.ledger && !args['database-url'])
		throw usage("--ledger FILE is required (or --database-url URL, the server's database)");
	if (args.ledger && args['database-url'])
		throw usage('--ledger and --database-url both name a ledger: give one');
	const asOf = args['as-of'] ?? today();
	if (!isIsoDate(asOf)) throw usage(`--as-of expects a date as YYYY-MM-DD, got "${asOf}"`);
	const as = args.format ?? 'json';
	if (as !== 'json' && as !== 'csv') throw usage(`--format expects json or csv, got "${as}"`);
	const smtp = args.smtp === undefined ? null : smtpUrl(args.smtp);
	if (smtp && args.sink !== undefined)
		throw usage('--sink is where messages go without --smtp: give one or the other');
	if (args.sink === '') throw usage('--sink expects a folder');

	const workspace = readWorkspace(args.workspace);
	// Loaded here, not with the command table: mjml, nodemailer and liquidjs take a second, which
	// the other commands (and a usage error) need not wait for.
	const [
		{ TemplateSet },
		{ renderMjmlForSending },
		{ runPlays },
		{ sinkTransport, smtpTransport }
	] = await Promise.all([
		import('../../lib/mail/render'),
		import('../../lib/server/mail/mjml'),
		import('../../lib/server/mail/run'),
		import('../../lib/server/mail/transport')
	]);
	const config = mailConfig(process.env);
	const sender = resolveSender(new SenderStore(join(config.dataDir, 'sender.json')).current(), {
		settings: workspace.settings,
		mailFrom: config.mailFrom,
		publicUrl: config.publicUrl
	});
	const ledger = await openLedger(args);
	const unsubscribes = UnsubscribeList.open(join(config.dataDir, 'unsubscribes.jsonl'));
	const sinkDir = resolve(args.sink ?? join(config.dataDir, 'mailbox'));
	const transport = smtp ? smtpTransport(smtp) : sinkTransport(new MailSink(sinkDir));
	let report: RunReport;
	try {
		report = await runPlays({
			workspace,
			// The workspace's outbox is the history: cooldowns and caps count what it holds.
			history: (workspace.outbox ?? []) as unknown as OutboxEntry[],
			templates: new TemplateSet(shippedTemplates(), workspace.templates, renderMjmlForSending),
			transport,
			ledger,
			unsubscribes,
			unsubscribeKeys: loadUnsubscribeKeys(config.dataDir),
			sender,
			asOf
		});
	} finally {
		transport.close();
		await ledger.close();
		unsubscribes.close();
	}
	const records = report.entries.map(record);
	const where = smtp ? `through ${new URL(smtp).host}` : `into ${sinkDir}`;
	return {
		stdout: formatRecords(records, COLUMNS, as),
		stderr:
			senderWarnings(sender)
				.map((warning) => `${warning}\n`)
				.join('') + summary(report, (performance.now() - started) / 1000, where),
		exitCode: report.entries.some((e) => FAILING.includes(e.outcome)) ? 1 : 0
	};
}
