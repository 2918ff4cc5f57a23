/**
 * What the endpoints and the schedule share: one transport for the process, the published
 * workspace's templates parsed once per version, the sender (and whether it may send through
 * SMTP yet), and a run of the published plays.
 */
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import { TemplateSet } from '$lib/mail';
import { resolveSender, smtpRefusal, type ResolvedSender } from '$lib/mail/sender';
import { planPlays, type OutboxEntry } from '$lib/engine';
import { isIsoDate, utcDate } from '$lib/engine/dates';
import { renderMjmlForSending } from './mjml';
import { loadUnsubscribeKeys } from './unsubscribe-keys';
import type { Published } from '../store/published';
import { withUnsubscribes } from './run';
import { runPlays } from './run';
import type { StoredRun } from './runs';
import { forgetMailServer, mailServer, type MailServer } from './server';
import { sinkTransport, smtpTransport, type MailTransport } from './transport';

let transport: MailTransport | null = null;

export function transportOf(server: MailServer): MailTransport {
	transport ??= server.config.smtpUrl
		? smtpTransport(server.config.smtpUrl)
		: sinkTransport(server.store.mailbox);
	return transport;
}

/** Closes the transport and forgets the process's mail state (tests, shutdown). */
export async function resetMailService(): Promise<void> {
	transport?.close();
	transport = null;
	templates = null;
	await forgetMailServer();
}

let templates: { version: string; set: TemplateSet } | null = null;

/** The shipped templates with the published workspace's own, parsed once per published version. */
export function templatesOf(published: Published): TemplateSet {
	if (templates?.version !== published.version)
		templates = {
			version: published.version,
			set: new TemplateSet(SHIPPED_TEMPLATES, published.workspace.templates, renderMjmlForSending)
		};
	return templates.set;
}

/**
 * Who messages are from: the identity saved on the Settings page, then the published workspace's
 * older sender settings, then `MAIL_FROM`; links on the identity's public URL, else `PUBLIC_URL`,
 * else the address the request came to (the app's own).
 */
export async function senderOf(
	server: MailServer,
	published: Published | null,
	origin?: string
): Promise<ResolvedSender> {
	return resolveSender(await server.store.sender.current(), {
		settings: published?.workspace.settings,
		mailFrom: server.config.mailFrom,
		publicUrl: server.config.publicUrl ?? origin ?? null
	});
}

/**
 * The server's today (UTC), which the send API plans as of: `SCORECRAFT_TODAY` (YYYY-MM-DD) when
 * the operator set it (tests and demos on dated data), else the clock's. Never a request's.
 */
export function serverToday(env: NodeJS.ProcessEnv = process.env): string {
	const set = env.SCORECRAFT_TODAY;
	return set && isIsoDate(set) ? set : utcDate(new Date());
}

/** Why the server will not send now (SMTP set, the identity incomplete), or null when it may. */
export function sendRefusal(server: MailServer, sender: ResolvedSender): string | null {
	return server.config.smtpUrl ? smtpRefusal(sender) : null;
}

/** The only address test sends go to: `OPERATOR_EMAIL`, else the sender's From address. */
export function operatorOf(server: MailServer, sender: ResolvedSender): string {
	return server.config.operatorEmail ?? sender.address;
}

/** The hour (0–23, UTC) of the daily run, from the published workspace's settings; null: no daily run. */
export function runHourOf(published: Published | null): number | null {
	const hour = (published?.workspace.settings as Record<string, unknown> | undefined)
		?.daily_run_hour;
	return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23
		? hour
		: null;
}

/**
 * The emails the ledger holds as sent, as outbox history: the app's deliveries since the last
 * publish count for the server run's cooldowns and caps too.
 */
async function ledgerHistory(server: MailServer): Promise<OutboxEntry[]> {
	return (await server.store.ledger.sent())
		.filter((record) => record.play_id && record.account_id)
		.map((record) => ({
			key: record.key,
			play_id: record.play_id!,
			account_id: record.account_id!,
			action: record.action ?? 'email',
			action_index: 0,
			recipient: record.recipient,
			status: 'sent',
			reason: '',
			conditions: [],
			mode: 'auto',
			detail: { type: 'email', template: '' },
			created_at: record.at,
			updated_at: record.at,
			attempts: record.attempts
		}));
}

/**
 * What has reached people, as the server knows it: the sends of its ledger, its own runs, and the
 * team outbox's entries marked sent. Entries the app has only planned or approved are not
 * facts: they must not count as their own cooldown when the app asks to send them.
 */
export async function serverHistory(
	server: MailServer,
	published: Published
): Promise<OutboxEntry[]> {
	const outbox = (published.workspace.outbox ?? []) as unknown as OutboxEntry[];
	// One entry per key: an email the ledger sent is also in the team's outbox once a browser has
	// recorded the answer, and counted twice it would use up a contact's cap.
	const byKey = new Map<string, OutboxEntry>();
	for (const entry of [
		...outbox.filter((entry) => entry.status === 'sent'),
		...(await server.store.runs.history()),
		...(await ledgerHistory(server))
	])
		byKey.set(entry.key, entry);
	return [...byKey.values()];
}

/** The server's own plan as of a date: the published workspace, its unsubscribes, its history. */
export async function serverPlan(server: MailServer, published: Published, asOf: string) {
	return planPlays({
		workspace: withUnsubscribes(published.workspace, await server.store.unsubscribes.all()),
		asOf,
		history: await serverHistory(server, published)
	});
}

/** What sending needs besides the date: the published workspace, its templates, the server's state. */
export function deliveryOptions(server: MailServer, published: Published, sender: ResolvedSender) {
	return {
		workspace: published.workspace,
		templates: templatesOf(published),
		transport: transportOf(server),
		ledger: server.store.ledger,
		unsubscribes: server.store.unsubscribes,
		unsubscribeKeys: loadUnsubscribeKeys(server.config.dataDir),
		sender
	};
}

let running: Promise<StoredRun> | null = null;

/**
 * Runs the published plays now (one run at a time); throws when nothing is published, or when
 * the server may not send (SMTP set, the sender identity incomplete), saying what to set.
 */
export function runPublished(
	trigger: string,
	origin?: string,
	asOf = serverToday()
): Promise<StoredRun> {
	running ??= (async () => {
		const server = await mailServer();
		const published = await server.store.published.current();
		if (!published) throw new Error('no workspace is published: publish it from Settings first');
		const sender = await senderOf(server, published, origin);
		const refusal = sendRefusal(server, sender);
		if (refusal) throw new Error(refusal);
		const history = await serverHistory(server, published);
		const report = await runPlays({
			...deliveryOptions(server, published, sender),
			history,
			asOf
		});
		return server.store.runs.save(report, trigger);
	})().finally(() => {
		running = null;
	});
	return running;
}

/**
 * Whether the daily run is due at `now`: a run hour is set, it has come (UTC), and no scheduled
 * run happened today yet (a server started late in the day still runs once).
 */
export function dailyRunDue(
	now: Date,
	hour: number | null,
	runs: readonly Pick<StoredRun, 'trigger' | 'started_at'>[]
): boolean {
	if (hour === null || now.getUTCHours() < hour) return false;
	const today = utcDate(now);
	return !runs.some((run) => run.trigger === 'schedule' && run.started_at.slice(0, 10) === today);
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Checks once a minute whether the daily run is due, and runs it. */
export function startSchedule(): void {
	if (timer) return;
	const check = async () => {
		try {
			const server = await mailServer();
			const hour = runHourOf(await server.store.published.current());
			const last = await server.store.runs.latest('schedule');
			if (running || !dailyRunDue(new Date(), hour, last ? [last] : [])) return;
			await runPublished('schedule');
		} catch (error) {
			console.error(`scheduled run failed: ${(error as Error).message}`);
		}
	};
	timer = setInterval(check, 60_000);
	timer.unref?.();
	void check();
}
