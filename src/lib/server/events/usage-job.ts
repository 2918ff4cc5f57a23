/**
 * The daily usage rollup: the product events rolled up in SQL (`./rollup.ts`) and written into the
 * team workspace in one commit per day (`./usage-records.ts`), so scorecards, history, decay, the
 * backtest, plays and the account page read usage as they read any snapshot. Each run rolls up
 * again every day from the last one rolled up through today (a day rolled up at noon is finished
 * by the next run), one run at a time; `USAGE_ROLLUP_MINUTES` (60 by default; 0: only when asked,
 * `POST /api/usage/rollup`) sets how often. Rolling a day up again writes the same records, so a
 * run cut off half-way is finished by the next.
 */
import { addDays } from '$lib/engine/dates';
import type { Contact, Snapshot } from '$lib/engine';
import { mailServer } from '../mail/server';
import { serverToday } from '../mail/service';
import { SYSTEM, type Actor } from '../store/audit';
import type { Queryable } from '../store/database';
import type { RecordWrite } from '../store/records';
import type { Store } from '../store/store';
import { ticketMeasures } from '../tickets/measures';
import { latestRollup, recordRollup } from './rollup-days';
import { rollUpUsage } from './rollup';
import {
	accountFromTraits,
	accountMetrics,
	contactOf,
	contactWithUsage,
	type Identity,
	type TicketFigures
} from './usage-records';

export interface RollupResult {
	days: string[];
	/** Accounts and people written on the last day. */
	accounts: number;
	people: number;
	/** Accounts and contacts added, over all the days. */
	added: { accounts: number; contacts: number };
}

/** The most days one run rolls up (a year): older days are history for a backfill to ask for. */
export const MAX_DAYS = 366;

/** Each account's ticket figures on `day`, by account. */
async function ticketFigures(db: Queryable, day: string): Promise<Map<string, TicketFigures>> {
	return new Map(
		(await ticketMeasures(db, { asOf: day })).map(({ account_id, ...figures }) => [
			account_id,
			figures
		])
	);
}

/** What `identify` calls said of each person up to the end of `day`: their latest email and name. */
async function identities(db: Queryable, day: string): Promise<Map<string, Identity>> {
	const rows = await db.query<Identity>(
		`select user_id,
		   (array_agg(traits ->> 'email' order by timestamp desc) filter (where traits ->> 'email' is not null))[1] as email,
		   (array_agg(traits ->> 'name' order by timestamp desc) filter (where traits ->> 'name' is not null))[1] as name
		 from product_event
		 where type = 'identify' and user_id is not null and traits is not null
		   and timestamp < ($1::date + 1)::timestamp at time zone 'UTC'
		 group by user_id`,
		[day]
	);
	return new Map(rows.map((row) => [row.user_id, row]));
}

/** The latest `group` call's traits for each account, up to the end of `day`. */
async function groupTraits(
	db: Queryable,
	day: string
): Promise<Map<string, Record<string, unknown> | null>> {
	const rows = await db.query<{ group_id: string; traits: Record<string, unknown> | null }>(
		`select distinct on (group_id) group_id, traits from product_event
		 where type = 'group' and group_id is not null
		   and timestamp < ($1::date + 1)::timestamp at time zone 'UTC'
		 order by group_id, timestamp desc`,
		[day]
	);
	return new Map(rows.map((row) => [row.group_id, row.traits]));
}

/** Rolls up one day and writes it; `people`: also bring the contacts up to date (the latest day). */
async function rollUpDay(
	store: Store,
	day: string,
	options: { people: boolean; actor: Actor }
): Promise<{ accounts: number; people: number; added: RollupResult['added'] }> {
	const db = store.database;
	const settings = await store.catalogue.settings();
	const featuresAvailable = (await store.catalogue.features()).length;
	const { accounts, people } = await rollUpUsage(db, {
		asOf: day,
		settings,
		people: options.people
	});
	const [known, traits, tickets] = await Promise.all([
		options.people ? identities(db, day) : Promise.resolve(new Map<string, Identity>()),
		groupTraits(db, day),
		ticketFigures(db, day)
	]);
	const accountIds = [...new Set([...accounts.map((a) => a.account_id), ...tickets.keys()])];

	return store.published.records.locked(async (locked) => {
		const held = await locked.bodies('accounts', accountIds);
		const writes: RecordWrite[] = [];
		const live = new Set<string>();
		let addedAccounts = 0;
		for (const id of accountIds) {
			if (held.has(id)) {
				// A deleted account stays deleted: events do not bring back what the team removed.
				if (held.get(id) !== null) live.add(id);
			} else if (traits.has(id)) {
				writes.push({ kind: 'accounts', id, body: accountFromTraits(id, traits.get(id)!) });
				live.add(id);
				addedAccounts++;
			}
		}

		const usageOf = new Map(accounts.map((usage) => [usage.account_id, usage]));
		const snapshotIds = [...live].map((id) => JSON.stringify([id, day]));
		const snapshots = await locked.bodies('snapshots', snapshotIds);
		for (const id of live) {
			const usage = usageOf.get(id);
			const figures = tickets.get(id);
			const metrics = usage
				? accountMetrics(usage, featuresAvailable, figures)
				: {
						open_tickets: figures!.open_tickets,
						tickets_30d: figures!.tickets_30d,
						first_response_hours: figures!.first_response_hours,
						ticket_sentiment: figures!.ticket_sentiment
					};
			const key = JSON.stringify([id, day]);
			const before = snapshots.get(key) as Snapshot | null | undefined;
			const body: Snapshot = {
				account_id: id,
				date: day,
				metrics: { ...before?.metrics, ...metrics }
			};
			writes.push({ kind: 'snapshots', id: key, body });
		}

		let written = 0;
		let addedContacts = 0;
		if (options.people) {
			const rows = await locked.tx.query<{ id: string; body: Contact }>(
				`select id, body from workspace_record where kind = 'contacts' and body is not null
				 and body ->> 'account_id' = any($1::text[])`,
				[[...live]]
			);
			const byAccount = new Map<string, Contact[]>();
			for (const { body } of rows) {
				const list = byAccount.get(body.account_id) ?? [];
				list.push(body);
				byAccount.set(body.account_id, list);
			}
			const taken = await locked.bodies(
				'contacts',
				people.map((person) => person.user_id)
			);
			for (const person of people) {
				if (!live.has(person.account_id)) continue;
				const identity = known.get(person.user_id);
				const existing = contactOf(person, identity, byAccount.get(person.account_id) ?? []);
				const contact = contactWithUsage(person, identity, existing, () =>
					taken.has(person.user_id) ? `${person.account_id}:${person.user_id}` : person.user_id
				);
				if (!contact) continue;
				if (!existing) {
					addedContacts++;
					const list = byAccount.get(person.account_id) ?? [];
					list.push(contact);
					byAccount.set(person.account_id, list);
				}
				writes.push({ kind: 'contacts', id: contact.id, body: contact });
				written++;
			}
		}
		// Accounts first, so every replica holds an account before its snapshots and contacts.
		const order = { accounts: 0, contacts: 1, snapshots: 2 } as Record<string, number>;
		writes.sort((a, b) => order[a.kind]! - order[b.kind]!);
		await locked.write(writes, { actor: options.actor, client: null });
		await locked.finish();
		await recordRollup(locked.tx, day, { accounts: live.size, people: written });
		return {
			accounts: live.size,
			people: written,
			added: { accounts: addedAccounts, contacts: addedContacts }
		};
	});
}

/** The days from `from` through `to`, at most MAX_DAYS of them (the latest). */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = to; day >= from && days.length < MAX_DAYS; day = addDays(day, -1))
		days.unshift(day);
	return days;
}

/**
 * Rolls up `days` (default: from the last day rolled up through today), oldest first; the
 * contacts are brought up to date on the latest day only (they hold a person's latest usage).
 */
export async function rollUp(
	store: Store,
	options: { days?: string[]; today?: string; actor?: Actor } = {}
): Promise<RollupResult> {
	const today = options.today ?? serverToday();
	const none: RollupResult = {
		days: [],
		accounts: 0,
		people: 0,
		added: { accounts: 0, contacts: 0 }
	};
	// A workspace no source sends to is left as it is.
	const [sent] = await store.database.query<{ any: boolean }>(
		`select exists (select 1 from product_event) or exists (select 1 from support_ticket) as any`
	);
	if (!sent?.any) return none;
	const last = await latestRollup(store.database);
	const days = options.days ?? daysBetween(last && last.day < today ? last.day : today, today);
	const result: RollupResult = { ...none, days, added: { ...none.added } };
	for (const day of days) {
		const done = await rollUpDay(store, day, {
			people: day === days[days.length - 1] && day >= (last?.day ?? day),
			actor: options.actor ?? SYSTEM
		});
		result.accounts = done.accounts;
		result.people = done.people;
		result.added.accounts += done.added.accounts;
		result.added.contacts += done.added.contacts;
	}
	return result;
}

let running: Promise<RollupResult> | null = null;

/** Rolls up now, or joins the run under way when no days are asked for. */
export async function rollUpNow(options: { days?: string[]; actor?: Actor } = {}) {
	const { store } = await mailServer();
	if (running && !options.days) return running;
	while (running) await running.catch(() => undefined);
	running = rollUp(store, options).finally(() => {
		running = null;
	});
	return running;
}

let timer: ReturnType<typeof setInterval> | null = null;

export function startUsageRollups(env: NodeJS.ProcessEnv = process.env): void {
	const minutes = Number(env.USAGE_ROLLUP_MINUTES ?? 60);
	if (timer || !(minutes > 0)) return;
	const run = () =>
		rollUpNow().catch((error) => console.error(`usage rollup failed: ${error.message}`));
	timer = setInterval(run, minutes * 60_000);
	timer.unref?.();
}
