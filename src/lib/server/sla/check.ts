/**
 * The server's check of the band playbooks: accounts that entered a band since the last check get
 * the playbook's response task; responses past due escalate to the assignee's manager (a task and
 * an email). The tasks are written by the server into the team workspace, so every browser has
 * them. The band each account had is kept in `sla_band`; an account seen for the first time is
 * compared with its band a week before (so the first check finds the week's entries, not every
 * account already in a band).
 */
import {
	escalations,
	NO_DATA,
	responseTasks,
	scoreWorkspace,
	taskingPlaybooks,
	type BandEntry,
	type IsoDate,
	type Task
} from '../../engine';
import { addDays } from '../../engine/dates';
import { SYSTEM } from '../store/audit';
import type { Store } from '../store/store';
import { slaPeople } from './people';

export interface SlaCheckResult {
	/** Accounts whose band changed since the last check (first sightings left out). */
	entered: number;
	/** Response tasks created. */
	responses: number;
	/** Overdue responses escalated. */
	escalated: number;
	/** Escalation emails sent, and those that failed (with the reason). */
	emailed: number;
	failures: string[];
	/** The workspace's revision after the check, or null when it wrote nothing. */
	revision: number | null;
}

/** An escalation to send to the manager: the escalation task and the response it is about. */
export type Notify = (escalation: Task, account: string) => Promise<void>;

export interface SlaCheckOptions {
	now: Date;
	/** The date accounts are scored as of (the server's today). */
	asOf: IsoDate;
	notify: Notify;
	/** Bands are scored again only when the workspace or the date changed since (`lastScored`). */
	lastScored?: { revision: number; asOf: IsoDate } | null;
}

interface StoredBand {
	account_id: string;
	band: string;
}

export async function checkSla(
	store: Store,
	options: SlaCheckOptions
): Promise<SlaCheckResult & { scored: { revision: number; asOf: IsoDate } | null }> {
	const result: SlaCheckResult = {
		entered: 0,
		responses: 0,
		escalated: 0,
		emailed: 0,
		failures: [],
		revision: null
	};
	const published = await store.published.current();
	if (!published) return { ...result, scored: null };
	const { workspace } = published;
	const version = Number(published.version);
	const playbooks = taskingPlaybooks(workspace);
	const unchanged =
		options.lastScored?.revision === version && options.lastScored.asOf === options.asOf;
	const scores = playbooks.size > 0 && !unchanged ? scoreWorkspace(workspace, options.asOf) : [];
	const people = await slaPeople(store.people);
	const at = options.now.toISOString();
	const accounts = new Map(workspace.accounts.map((account) => [account.id, account]));

	// An account seen for the first time is compared with its band a week earlier: one that
	// entered its band in the last week gets the response; one already there does not. (Scored
	// before the commit takes the lock, as `scores` is: pushes never wait on scoring.)
	const known = new Set(
		(await store.database.query<{ account_id: string }>('select account_id from sla_band')).map(
			(row) => row.account_id
		)
	);
	const weekBefore = scores.some((score) => !known.has(score.account_id))
		? new Map(
				scoreWorkspace(workspace, addDays(options.asOf, -7)).map((score) => [
					score.account_id,
					score.band
				])
			)
		: null;

	const escalationsMade = await store.published.records.locked(async (locked) => {
		const held = new Map(
			(await locked.tx.query<StoredBand>('select account_id, band from sla_band')).map((row) => [
				row.account_id,
				row.band
			])
		);
		const entries: BandEntry[] = [];
		const bands: StoredBand[] = [];
		for (const score of scores) {
			const band = score.band;
			if (!band || band === NO_DATA || held.get(score.account_id) === band) continue;
			bands.push({ account_id: score.account_id, band });
			const previous = held.get(score.account_id) ?? weekBefore?.get(score.account_id);
			const account = accounts.get(score.account_id);
			if (previous && previous !== NO_DATA && previous !== band && account)
				entries.push({ account, band, previous });
		}
		const responses = responseTasks(entries, playbooks, at, people);
		// Read inside the lock: a response completed a moment ago stays done, never escalated.
		const open = await locked.tx.query<{ body: Task }>(
			`select body from workspace_record where kind = 'tasks' and body is not null
			 and body->'sla'->>'kind' = 'response' and body->>'status' <> 'done'
			 and body->'sla'->>'escalated_at' is null`
		);
		const { escalated, created } = escalations(
			open.map((row) => row.body),
			at,
			people
		);
		const tasks = [...responses, ...escalated, ...created];
		if (tasks.length)
			await locked.write(
				tasks.map((task) => ({ kind: 'tasks' as const, id: task.id, body: task })),
				{ actor: SYSTEM, client: null }
			);
		if (bands.length)
			await locked.tx.query(
				`insert into sla_band (account_id, band)
				 select x.account_id, x.band from json_to_recordset($1::json) as x(account_id text, band text)
				 on conflict (account_id) do update set band = excluded.band, since = now()`,
				[JSON.stringify(bands)]
			);
		const revision = await locked.finish();
		result.entered = entries.length;
		result.responses = responses.length;
		result.escalated = created.length;
		if (tasks.length) result.revision = revision;
		return created;
	});

	if (result.revision !== null) {
		store.feed.announce(result.revision);
		await store.audit.record(SYSTEM, 'sla.check', null, {
			revision: result.revision,
			entered: result.entered,
			responses: result.responses,
			escalated: result.escalated
		});
	}
	// After the commit: an escalation recorded is never emailed twice, even when a send fails.
	for (const escalation of escalationsMade) {
		const name = accounts.get(escalation.account_id)?.name ?? escalation.account_id;
		try {
			await options.notify(escalation, name);
			result.emailed++;
		} catch (error) {
			const reason = `${escalation.assignee}: ${(error as Error).message}`;
			result.failures.push(reason);
			await store.audit.record(SYSTEM, 'sla.email_failed', escalation.id, { reason });
		}
	}
	const scored = playbooks.size > 0 ? { revision: version, asOf: options.asOf } : null;
	return { ...result, scored: unchanged ? options.lastScored! : scored };
}
