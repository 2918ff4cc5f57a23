/**
 * The plan: for every selected play and account whose condition holds, each action with its
 * recipients, idempotency key, status and reason. Pure data; a dry run shows it, a run keeps it.
 */
import { addDays, daysBetween } from '../dates';
import { FactsSource } from '../facts';
import { scorePortfolio } from '../history';
import { resolveVar } from '../logic';
import { churnedBy } from '../outcomes';
import type { Account, Contact, IsoDate, Play, Workspace } from '../types';
import { scoreContext } from './context';
import { ConditionExplainer, reasonLine } from './describe';
import { emailBlock, emailRecipients, taskAssignee } from './recipients';
import { unresolvedReferences } from './references';
import {
	DEFAULT_LIMITS,
	type ActionDetail,
	type Conflict,
	type OutboxEntry,
	type Plan,
	type PlanEntry,
	type PlanInput,
	type PlayLimits,
	type ScoreContext,
	type SuppressionReason
} from './types';

/** Statuses of earlier entries that reached (or will reach) someone. */
const REACHING = new Set<OutboxEntry['status']>(['planned', 'approved', 'sending', 'sent']);

/** The caps from a workspace's settings, with the defaults where they are not set. */
export function playLimits(settings: Workspace['settings']): PlayLimits {
	const read = (name: keyof PlayLimits) => {
		const value = (settings as Record<string, unknown>)[name];
		return typeof value === 'number' && Number.isInteger(value) && value >= 0
			? value
			: DEFAULT_LIMITS[name];
	};
	return {
		contact_email_cap_7d: read('contact_email_cap_7d'),
		run_email_cap: read('run_email_cap')
	};
}

/**
 * The cooldown window of a date: whole periods of `cooldown_days` since 1970-01-01. It makes the
 * key the same for every run inside one window, so a run repeated (or resumed after a crash) finds
 * its entries already in the outbox. The cooldown itself is checked against the history, since a
 * window boundary may fall a day after the last action.
 */
function cooldownWindow(asOf: IsoDate, cooldownDays: number): number {
	return Math.floor(daysBetween('1970-01-01', asOf) / Math.max(1, cooldownDays));
}

function createdOn(entry: OutboxEntry): IsoDate {
	return entry.created_at.slice(0, 10);
}

/** What the history says about earlier actions: keys, cooldowns, caps, who was reached this week. */
class History {
	readonly keys = new Set<string>();
	readonly #latest = new Map<string, IsoDate>();
	readonly #emailsThisWeek = new Map<string, number>();
	readonly contactPlays = new Map<string, Map<string, string[]>>();
	readonly accountPlays = new Map<string, Map<string, string[]>>();

	constructor(entries: readonly OutboxEntry[], asOf: IsoDate) {
		const weekStart = addDays(asOf, -6);
		for (const entry of entries) {
			this.keys.add(entry.key);
			const on = createdOn(entry);
			if (!REACHING.has(entry.status) || on > asOf) continue;
			const target = targetOf(entry);
			const latest = this.#latest.get(target);
			if (!latest || on > latest) this.#latest.set(target, on);
			if (on < weekStart) continue;
			if (entry.action === 'email') {
				this.#emailsThisWeek.set(
					entry.recipient,
					(this.#emailsThisWeek.get(entry.recipient) ?? 0) + 1
				);
				addReach(this.contactPlays, entry.recipient, entry.play_id, entry.key);
			}
			addReach(this.accountPlays, entry.account_id, entry.play_id, entry.key);
		}
	}

	inCooldown(
		entry: Pick<PlanEntry, 'play_id' | 'account_id' | 'action_index' | 'recipient' | 'key'>,
		days: number,
		asOf: IsoDate
	): boolean {
		if (this.keys.has(entry.key)) return true;
		const latest = this.#latest.get(targetOf(entry));
		return latest !== undefined && daysBetween(latest, asOf) < days;
	}

	emailsThisWeek(recipient: string): number {
		return this.#emailsThisWeek.get(recipient) ?? 0;
	}
}

function targetOf(
	entry: Pick<PlanEntry, 'play_id' | 'account_id' | 'action_index' | 'recipient'>
): string {
	return `${entry.play_id}\u0000${entry.account_id}\u0000${entry.action_index}\u0000${entry.recipient}`;
}

function addReach(map: Map<string, Map<string, string[]>>, who: string, play: string, key: string) {
	let plays = map.get(who);
	if (!plays) map.set(who, (plays = new Map()));
	const keys = plays.get(play);
	if (keys) keys.push(key);
	else plays.set(play, [key]);
}

/** `{{ account.name }}` in a webhook's body → the value in the context (empty when absent). */
function fillPlaceholders(body: unknown, context: ScoreContext): unknown {
	if (typeof body === 'string')
		return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
			const value = resolveVar(context, path);
			return value === null || value === undefined ? '' : String(value);
		});
	if (Array.isArray(body)) return body.map((item) => fillPlaceholders(item, context));
	if (typeof body === 'object' && body !== null)
		return Object.fromEntries(
			Object.entries(body).map(([key, value]) => [key, fillPlaceholders(value, context)])
		);
	return body;
}

/** Narrows a workspace to some accounts and what belongs to them, so a sample plans fast. */
function restrict(workspace: Workspace, ids: ReadonlySet<string>): Workspace {
	const keep = <T extends { account_id: string }>(list: readonly T[]) =>
		list.filter((item) => ids.has(item.account_id));
	return {
		...workspace,
		accounts: workspace.accounts.filter((account) => ids.has(account.id)),
		contacts: keep(workspace.contacts),
		snapshots: keep(workspace.snapshots),
		outcomes: keep(workspace.outcomes),
		manual_entries: workspace.manual_entries && keep(workspace.manual_entries)
	};
}

function selectedPlays(workspace: Workspace, ids: readonly string[] | undefined): Play[] {
	if (!ids) return workspace.plays.filter((play) => play.enabled);
	const wanted = new Set(ids);
	return workspace.plays.filter((play) => wanted.has(play.id));
}

function contactsByAccount(workspace: Workspace): Map<string, Contact[]> {
	const contactsOf = new Map<string, Contact[]>();
	for (const contact of workspace.contacts) {
		const list = contactsOf.get(contact.account_id);
		if (list) list.push(contact);
		else contactsOf.set(contact.account_id, [contact]);
	}
	return contactsOf;
}

/**
 * The score context of every account of a workspace on `asOf`, in account order, with the
 * scorecard that scores each.
 */
function scoreContexts(
	workspace: Workspace,
	asOf: IsoDate,
	contactsOf: ReadonlyMap<string, readonly Contact[]>
): { contexts: ScoreContext[]; scorecardIds: (string | null)[] } {
	const portfolio = scorePortfolio(workspace, asOf, { weeks: 5 });
	const facts = new FactsSource(workspace);
	const contexts = workspace.accounts.map((account, i) =>
		scoreContext(
			account,
			facts.on(account, asOf),
			portfolio.scores[i]!,
			portfolio.changes[i],
			contactsOf.get(account.id)?.length ?? 0,
			asOf
		)
	);
	return { contexts, scorecardIds: portfolio.scores.map((score) => score.scorecard_id) };
}

/**
 * The score contexts of some accounts on `asOf` (what their plays read, and what their emails
 * are rendered with), by account id.
 */
export function accountContexts(
	workspace: Workspace,
	asOf: IsoDate,
	accountIds: readonly string[]
): Map<string, ScoreContext> {
	const subset = restrict(workspace, new Set(accountIds));
	const { contexts } = scoreContexts(subset, asOf, contactsByAccount(subset));
	return new Map(subset.accounts.map((account, i) => [account.id, contexts[i]!]));
}

export function planPlays(input: PlanInput): Plan {
	const { asOf } = input;
	const workspace = input.accounts
		? restrict(input.workspace, new Set(input.accounts))
		: input.workspace;
	const plays = selectedPlays(input.workspace, input.plays);
	const limits = playLimits(workspace.settings);
	const history = new History(input.history ?? [], asOf);
	const entries: PlanEntry[] = [];
	if (plays.length === 0)
		return { as_of: asOf, entries, counts: [], conflicts: [], unresolved: [] };

	const contactsOf = contactsByAccount(workspace);
	const { contexts, scorecardIds } = scoreContexts(workspace, asOf, contactsOf);

	// A customer who has left gets no more plays.
	const churned = churnedBy(workspace.outcomes, asOf);
	const unresolved = unresolvedReferences(
		plays,
		workspace.accounts.flatMap((account, i) =>
			churned.has(account.id)
				? []
				: [{ id: account.id, segment: account.segment, scorecard_id: scorecardIds[i]! }]
		),
		workspace.scorecards
	);
	const emailsPlanned = new Map<string, number>();
	let runEmails = 0;
	for (const play of plays) {
		const explainer = new ConditionExplainer(play.when);
		const segments = play.audience?.segments?.length ? new Set(play.audience.segments) : null;
		const window = cooldownWindow(asOf, play.cooldown_days);
		workspace.accounts.forEach((account, a) => {
			if (churned.has(account.id) || (segments && !segments.has(account.segment))) return;
			const context = contexts[a]!;
			if (!explainer.holds(context)) return;
			const conditions = explainer.explain(context);
			const reason = reasonLine(conditions);
			play.actions.forEach((action, index) => {
				const add = (recipient: string, detail: ActionDetail, block: SuppressionReason | null) => {
					const entry: PlanEntry = {
						play_id: play.id,
						account_id: account.id,
						action: action.type,
						action_index: index,
						recipient,
						key: `${play.id}:${account.id}:${index}:${recipient}:${window}`,
						status: 'planned',
						reason,
						conditions,
						mode: play.mode,
						detail
					};
					const suppression =
						block ??
						(history.inCooldown(entry, play.cooldown_days, asOf) ? 'cooldown' : null) ??
						(action.type === 'email' ? emailCap(recipient) : null);
					if (suppression) {
						entry.status = 'suppressed';
						entry.suppression = suppression;
					} else if (action.type === 'email') {
						emailsPlanned.set(recipient, (emailsPlanned.get(recipient) ?? 0) + 1);
						runEmails++;
					}
					entries.push(entry);
				};
				const emailCap = (recipient: string): SuppressionReason | null => {
					const sent = history.emailsThisWeek(recipient) + (emailsPlanned.get(recipient) ?? 0);
					if (sent >= limits.contact_email_cap_7d) return 'contact_cap';
					return runEmails >= limits.run_email_cap ? 'run_cap' : null;
				};
				planAction(action, account, contactsOf.get(account.id) ?? [], context, asOf, add);
			});
		});
	}
	const conflicts = findConflicts(entries, history);
	return { as_of: asOf, entries, counts: countEntries(entries), conflicts, unresolved };
}

type Add = (recipient: string, detail: ActionDetail, block: SuppressionReason | null) => void;

function planAction(
	action: Play['actions'][number],
	account: Account,
	contacts: readonly Contact[],
	context: ScoreContext,
	asOf: IsoDate,
	add: Add
): void {
	switch (action.type) {
		case 'email': {
			const recipients = emailRecipients(action.to, account, contacts, asOf);
			const detail = { type: 'email' as const, template: action.template };
			if (recipients.length === 0) return add('', detail, 'no_recipient');
			for (const recipient of recipients)
				add(
					recipient.address,
					{ ...detail, contact_id: recipient.contact?.id, contact_name: recipient.contact?.name },
					emailBlock(account, recipient, asOf)
				);
			return;
		}
		case 'task': {
			const assignee = taskAssignee(action, account);
			const due = addDays(asOf, action.due_in_days ?? 7);
			return add(assignee, { type: 'task', title: action.title, assignee, due_date: due }, null);
		}
		case 'tag':
			return add(
				'account',
				{ type: 'tag', add: action.add ?? [], remove: action.remove ?? [] },
				null
			);
		case 'webhook':
			return add(
				action.url,
				{ type: 'webhook', url: action.url, body: fillPlaceholders(action.body ?? {}, context) },
				null
			);
	}
}

/** Contacts (emails) and accounts (any action) that several plays reach within the week. */
function findConflicts(entries: PlanEntry[], history: History): Conflict[] {
	const contactPlays = cloneReach(history.contactPlays);
	const accountPlays = cloneReach(history.accountPlays);
	const accountOf = new Map<string, string>();
	for (const entry of entries) {
		if (entry.status !== 'planned') continue;
		if (entry.action === 'email') {
			addReach(contactPlays, entry.recipient, entry.play_id, entry.key);
			accountOf.set(entry.recipient, entry.account_id);
		}
		addReach(accountPlays, entry.account_id, entry.play_id, entry.key);
	}
	const conflicts: Conflict[] = [];
	const othersOf = new Map<string, Set<string>>();
	const collect = (kind: Conflict['kind'], reach: Map<string, Map<string, string[]>>) => {
		for (const [id, plays] of reach) {
			if (plays.size < 2) continue;
			const keys = [...plays.values()].flat();
			conflicts.push({
				kind,
				id,
				account_id: kind === 'account' ? id : (accountOf.get(id) ?? ''),
				plays: [...plays.keys()],
				keys
			});
			for (const [play, playKeys] of plays)
				for (const key of playKeys) {
					const others = othersOf.get(key) ?? new Set();
					for (const other of plays.keys()) if (other !== play) others.add(other);
					othersOf.set(key, others);
				}
		}
	};
	collect('contact', contactPlays);
	collect('account', accountPlays);
	for (const entry of entries) {
		const others = othersOf.get(entry.key);
		if (others?.size && entry.status === 'planned') entry.conflicts = [...others].sort();
	}
	// What the history alone holds happened already; a conflict matters when this plan adds to it.
	const planned = new Set(entries.filter((e) => e.status === 'planned').map((e) => e.key));
	return conflicts.filter((conflict) => conflict.keys.some((key) => planned.has(key)));
}

function cloneReach(map: Map<string, Map<string, string[]>>): Map<string, Map<string, string[]>> {
	return new Map(
		[...map].map(([who, plays]) => [who, new Map([...plays].map(([p, k]) => [p, [...k]]))])
	);
}

function countEntries(entries: readonly PlanEntry[]): Plan['counts'] {
	const counts = new Map<string, Plan['counts'][number]>();
	for (const entry of entries) {
		const status = entry.status === 'planned' ? 'planned' : entry.suppression!;
		const id = `${entry.play_id}\u0000${status}`;
		const count = counts.get(id);
		if (count) count.count++;
		else counts.set(id, { play_id: entry.play_id, status, count: 1 });
	}
	return [...counts.values()].sort(
		(a, b) => a.play_id.localeCompare(b.play_id) || a.status.localeCompare(b.status)
	);
}
