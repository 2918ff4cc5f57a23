/**
 * `engine run`: the published plays' run without a browser, for cron. Auto plays' emails go out
 * through SMTP (`--smtp`) or into the sink the app's Mailbox page shows; the ledger makes a second
 * run with the same inputs send nothing. Everything else the plan holds (tasks, tags, webhooks,
 * approvals) is printed as `for_the_app`. The sender is the server's (the identity saved on its
 * Settings page; `MAIL_FROM`, `PUBLIC_URL`): unlike the app's server, the command sends with an
 * incomplete one, but warns on stderr of each part missing. What it shares with the server, files
 * or its database, is `./run-sources.ts`'s.
 */
import type { OutboxEntry } from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { resolveSender, senderWarnings } from '../../lib/mail/sender';
import { mailConfig } from '../../lib/server/mail/config';
import { loadUnsubscribeKeys } from '../../lib/server/mail/unsubscribe-keys';
import type { RunEntry, RunReport } from '../../lib/server/mail/run';
import { formatRecords } from '../csv';
import { readWorkspace, today, UsageError } from '../io';
import { shippedTemplates } from '../templates';
import { openRunSources } from './run-sources';

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
	const sources = await openRunSources({
		ledger: args.ledger,
		databaseUrl: args['database-url'],
		sink: args.sink,
		dataDir: config.dataDir
	});
	const sender = resolveSender(sources.identity, {
		settings: workspace.settings,
		mailFrom: config.mailFrom,
		publicUrl: config.publicUrl
	});
	const transport = smtp ? smtpTransport(smtp) : sinkTransport(sources.sink);
	let report: RunReport;
	try {
		report = await runPlays({
			workspace,
			// The workspace's outbox is the history: cooldowns and caps count what it holds.
			history: (workspace.outbox ?? []) as unknown as OutboxEntry[],
			templates: new TemplateSet(shippedTemplates(), workspace.templates, renderMjmlForSending),
			transport,
			ledger: sources.ledger,
			unsubscribes: sources.unsubscribes,
			unsubscribeKeys: loadUnsubscribeKeys(config.dataDir),
			sender,
			asOf
		});
		await sources.saveRun(report);
	} finally {
		transport.close();
		await sources.close();
	}
	const records = report.entries.map(record);
	const where = smtp ? `through ${new URL(smtp).host}` : sources.sinkName;
	return {
		stdout: formatRecords(records, COLUMNS, as),
		stderr:
			senderWarnings(sender)
				.map((warning) => `${warning}\n`)
				.join('') + summary(report, (performance.now() - started) / 1000, where),
		exitCode: report.entries.some((e) => FAILING.includes(e.outcome)) ? 1 : 0
	};
}
