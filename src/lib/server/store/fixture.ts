/**
 * What the store's tests share: each runs on both of its databases, PGlite in this process and a
 * real PostgreSQL 15 server (`tests/global/postgres.ts`, a database of each test file's own). A
 * test starts from an empty database (its schema dropped), so none depends on another's rows. On
 * the server the pool runs statements concurrently, so concurrent claims, owners and migrations
 * race for real there; PGlite takes them in turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createDatabase } from '../../../../tests/support/postgres';
import { exampleWorkspace, lowAdoptionExample } from '../../../../tests/support/workspace';
export { message } from '../../../../tests/support/messages';
import { planPlays } from '../../engine';
import { SendLedger, type LedgerClaim, type SettledRecord } from '../mail/ledger';
import type { RunReport } from '../mail/run';
import type { Actor } from './audit';
import { openPglite, openPostgres, type Database } from './database';
import { storeOn, type Store } from './store';

/** This file's database on the PostgreSQL server, made once. */
let serverDatabase: Promise<string> | null = null;
const serverUrl = () => (serverDatabase ??= createDatabase(inject('postgresUrl')));

export type Kind = 'pglite' | 'postgres';

export const open: Record<Kind, () => Promise<Database>> = {
	pglite: () => openPglite(null),
	postgres: async () => openPostgres(await serverUrl())
};

const folders: string[] = [];

/** A temporary folder, removed after the file's tests. */
export function tempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'scorecraft-store-'));
	folders.push(folder);
	return folder;
}

export const claimOf = (key: string): LedgerClaim => ({
	key,
	recipient: 'ana@acme.example',
	play_id: 'scale-training',
	account_id: 'acme'
});

export const settled = (
	key: string,
	outcome: { status: 'sent'; message_id: string } | { status: 'failed'; error: string }
): SettledRecord => ({ ...claimOf(key), ...outcome, attempts: 1, at: new Date().toISOString() });

/** A ledger file as `engine run --ledger` leaves it: `sent` keys (claimed, then settled). */
export async function ledgerFile(file: string, keys: string[]) {
	const ledger = SendLedger.open(file);
	for (const key of keys) {
		await ledger.claim(claimOf(key));
		await ledger.settle(settled(key, { status: 'sent', message_id: `<${key}@acme.example>` }));
	}
	return ledger;
}

/** A workspace text that differs from the example's by one account's name. */
export function workspaceText(n: number): string {
	const workspace = exampleWorkspace();
	workspace.accounts[0]!.name = `Acme ${n}`;
	return JSON.stringify(workspace);
}

/** A run's report as a run makes it: the low-adoption example's plan, its first email sent. */
export function runReport(started_at: string): RunReport {
	const [sent, ...rest] = planPlays({
		workspace: lowAdoptionExample(),
		asOf: '2026-03-01'
	}).entries;
	return {
		as_of: '2026-03-01',
		started_at,
		finished_at: started_at,
		entries: [
			{ entry: sent!, outcome: 'sent', message_id: '<sent@acme.example>', attempts: 1 },
			...rest.map((entry) => ({ entry, outcome: 'for_the_app' as const }))
		],
		counts: {
			sent: 1,
			already_sent: 0,
			failed: 0,
			retry: 0,
			suppressed: 0,
			refused: 0,
			for_the_app: rest.length
		}
	};
}

export interface StoreFixture {
	kind: Kind;
	/** The kind's database, open for the file's tests (read it inside a test, not before). */
	readonly db: Database;
	/** No table at all, as on a first start. */
	empty(): Promise<void>;
	/** An empty database at the newest schema. */
	fresh(): Promise<Store>;
	/** A signed-up user (the authentication library's row); returns them as an actor. */
	user(email: string): Promise<Actor & { id: string }>;
}

/** Runs `tests` once per database kind, in a `describe` of its own. */
export function describeStore(tests: (fixture: StoreFixture) => void): void {
	describe.each(['pglite', 'postgres'] as const)('the store on %s', (kind) => {
		let db: Database;

		beforeAll(async () => {
			db = await open[kind]();
		});

		afterAll(async () => {
			await db?.close();
			for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
		});

		const empty = () => db.exec('drop schema public cascade; create schema public');

		tests({
			kind,
			get db() {
				return db;
			},
			empty,
			async fresh() {
				await empty();
				return storeOn(db);
			},
			async user(email) {
				const [row] = await db.query<{ id: string }>(
					`insert into "auth_user" (name, email, "emailVerified") values ($1, $2, true) returning id`,
					[email.split('@')[0], email]
				);
				return { id: row!.id, email };
			}
		});
	});
}
