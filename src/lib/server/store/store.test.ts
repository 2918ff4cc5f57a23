// @vitest-environment node
/**
 * The server's store, the same tests on both of its databases: PGlite in this process and a real
 * PostgreSQL 15 server (`tests/global/postgres.ts`, a database of this file's own). Each test
 * starts from an empty database (its schema dropped), so none depends on another's rows. On the
 * server the pool runs statements concurrently, so the concurrent claims, owners and migrations
 * race for real there; PGlite takes them in turn.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../../tests/support/postgres';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { SendLedger, type LedgerClaim, type SettledRecord } from '../mail/ledger';
import { Approvals } from './approvals';
import { AuditLog, type Actor } from './audit';
import { openPglite, openPostgres, type Database } from './database';
import { DatabaseLedger } from './ledger';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { People } from './people';
import { PublishedStore, PublishError, versionOf } from './published';
import { importDataFolder, storeOn } from './store';

/** This file's database on the PostgreSQL server, made once. */
let serverDatabase: Promise<string> | null = null;
const serverUrl = () => (serverDatabase ??= createDatabase(inject('postgresUrl')));

const open = {
	pglite: () => openPglite(null),
	postgres: async () => openPostgres(await serverUrl())
};

const VERSIONS = MIGRATIONS.map((migration) => migration.version);

const folders: string[] = [];
function tempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'scorecraft-store-'));
	folders.push(folder);
	return folder;
}

afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const claimOf = (key: string): LedgerClaim => ({
	key,
	recipient: 'ana@acme.example',
	play_id: 'scale-training',
	account_id: 'acme'
});

const settled = (
	key: string,
	outcome: { status: 'sent'; message_id: string } | { status: 'failed'; error: string }
): SettledRecord => ({ ...claimOf(key), ...outcome, attempts: 1, at: new Date().toISOString() });

/** A ledger file as `engine run --ledger` leaves it: `sent` keys (claimed, then settled). */
async function ledgerFile(file: string, keys: string[]) {
	const ledger = SendLedger.open(file);
	for (const key of keys) {
		await ledger.claim(claimOf(key));
		await ledger.settle(settled(key, { status: 'sent', message_id: `<${key}@acme.example>` }));
	}
	return ledger;
}

/** A workspace text that differs from the example's by one account's name. */
function workspaceText(n: number): string {
	const workspace = exampleWorkspace();
	workspace.accounts[0]!.name = `Acme ${n}`;
	return JSON.stringify(workspace);
}

describe.each(['pglite', 'postgres'] as const)('the store on %s', (kind) => {
	let db: Database;

	beforeAll(async () => {
		db = await open[kind]();
	});

	afterAll(async () => {
		await db?.close();
	});

	/** No table at all, as on a first start. */
	const empty = () => db.exec('drop schema public cascade; create schema public');

	/** An empty database at the newest schema. */
	async function fresh() {
		await empty();
		return storeOn(db);
	}

	/** A signed-up user (the authentication library's row); returns them as an actor. */
	async function user(email: string): Promise<Actor & { id: string }> {
		const [row] = await db.query<{ id: string }>(
			`insert into "auth_user" (name, email, "emailVerified") values ($1, $2, true) returning id`,
			[email.split('@')[0], email]
		);
		return { id: row!.id, email };
	}

	describe('migrations', () => {
		it('migrates an empty database to the newest schema, then applies nothing', async () => {
			await empty();
			expect(await migrate(db)).toEqual(VERSIONS);
			expect(await migrate(db)).toEqual([]);
			const rows = await db.query<{ version: number }>(
				'select version from schema_migration order by version'
			);
			expect(rows.map((row) => row.version)).toEqual(VERSIONS);
		});

		it('upgrades version 1 to the newest and keeps every row', async () => {
			await empty();
			expect(await migrate(db, 1)).toEqual([1]);
			const owner = await user('owner@acme.example');
			await db.query(`insert into member (user_id, role) values ($1, 'owner')`, [owner.id]);
			await db.query(
				`insert into invitation (token_hash, email, role, invited_by, expires_at)
				 values ('a-hash', 'bea@acme.example', 'ops', $1, now() + interval '1 day')`,
				[owner.id]
			);
			await new AuditLog(db).record(owner, 'sign_in', null, { method: 'password' });

			expect(await migrate(db)).toEqual(VERSIONS.slice(1));
			expect(await new People(db).list()).toMatchObject([
				{ id: owner.id, email: 'owner@acme.example', role: 'owner' }
			]);
			expect(await new People(db).pendingFor('bea@acme.example')).toMatchObject({
				role: 'ops'
			});
			expect(await new AuditLog(db).list()).toMatchObject([
				{ actor_email: 'owner@acme.example', action: 'sign_in', detail: { method: 'password' } }
			]);
			expect(await new DatabaseLedger(db).list()).toEqual([]);
		});

		it('migrates once when several processes start at the same time', async () => {
			await empty();
			// On the server, pools of their own, as the app's server and two command lines have them.
			const others =
				kind === 'postgres' ? [await open.postgres(), await open.postgres()] : [db, db];
			try {
				const applied = await Promise.all([db, ...others].map((each) => migrate(each)));
				expect(applied.flat().sort((a, b) => a - b)).toEqual(VERSIONS);
			} finally {
				for (const other of others) if (other !== db) await other.close();
			}
		});

		it('refuses a database newer than the code', async () => {
			await empty();
			await migrate(db);
			await db.query('insert into schema_migration (version, name) values ($1, $2)', [
				SCHEMA_VERSION + 1,
				'from a newer Scorecraft'
			]);
			const message = `the database's schema (version ${SCHEMA_VERSION + 1}) is newer than this Scorecraft knows (${SCHEMA_VERSION}): upgrade the app`;
			await expect(migrate(db)).rejects.toThrow(message);
			await expect(storeOn(db)).rejects.toThrow(message);
		});
	});

	describe('DatabaseLedger', () => {
		it('gives a key to exactly one of 50 concurrent claims', async () => {
			const { ledger } = await fresh();
			const results = await Promise.all(
				Array.from({ length: 50 }, () => ledger.claim(claimOf('k1')))
			);
			expect(results.filter((result) => result.claimed)).toHaveLength(1);
			for (const result of results)
				if (!result.claimed) expect(result.record).toMatchObject({ key: 'k1', status: 'sending' });
		});

		it('answers a settled key with its record; a second settle changes nothing', async () => {
			const { ledger } = await fresh();
			expect(await ledger.claim(claimOf('k1'))).toEqual({ claimed: true });
			const sent = settled('k1', { status: 'sent', message_id: '<k1@acme.example>' });
			await ledger.settle(sent);
			await ledger.settle(settled('k1', { status: 'failed', error: 'late' }));
			const again = await ledger.claim(claimOf('k1'));
			expect(again).toEqual({ claimed: false, record: { ...sent, at: expect.any(String) } });
			expect(await ledger.sent()).toEqual([await ledger.get('k1')]);
		});

		it('frees a released claim, and only a claim', async () => {
			const { ledger } = await fresh();
			await ledger.claim(claimOf('k1'));
			await ledger.release('k1');
			expect(await ledger.get('k1')).toBeUndefined();
			expect(await ledger.claim(claimOf('k1'))).toEqual({ claimed: true });
			await ledger.settle(settled('k1', { status: 'sent', message_id: '<k1@acme.example>' }));
			await ledger.release('k1');
			expect(await ledger.get('k1')).toMatchObject({ status: 'sent' });
		});

		it('forgets failed and interrupted keys, never a sent one', async () => {
			const { ledger } = await fresh();
			for (const key of ['sent', 'failed', 'sending']) await ledger.claim(claimOf(key));
			await ledger.settle(settled('sent', { status: 'sent', message_id: '<sent@acme.example>' }));
			await ledger.settle(settled('failed', { status: 'failed', error: '550 no such user' }));
			expect(await ledger.forget('sent')).toBe(false);
			expect(await ledger.forget('failed')).toBe(true);
			expect(await ledger.forget('sending')).toBe(true);
			expect(await ledger.forget('unknown')).toBe(false);
			expect((await ledger.list()).map((record) => record.key)).toEqual(['sent']);
		});

		it("imports a ledger file's records as they are, once", async () => {
			const file = await ledgerFile(join(tempFolder(), 'ledger.jsonl'), ['k1']);
			await file.claim(claimOf('k2'));
			await file.settle(settled('k2', { status: 'failed', error: '550 no such user' }));
			await file.claim(claimOf('k3')); // interrupted: left claimed
			const records = file.entries();
			file.close();
			const { ledger } = await fresh();

			expect(await ledger.importRecords(records)).toBe(3);
			for (const record of records) expect(await ledger.get(record.key)).toEqual(record);
			expect(await ledger.importRecords(records)).toBe(0);
			expect(await ledger.list()).toHaveLength(3);
			expect(await ledger.claim(claimOf('k3'))).toMatchObject({ claimed: false });
		});
	});

	describe('People', () => {
		it('makes the first user the owner, once, even when two try at once', async () => {
			const { people } = await fresh();
			const [ana, bea, carl] = [
				await user('ana@acme.example'),
				await user('bea@acme.example'),
				await user('carl@acme.example')
			];
			expect(await people.mayCreate('anyone@acme.example')).toBe(true);
			const made = await Promise.all([people.makeOwner(ana.id), people.makeOwner(bea.id)]);
			expect([...made].sort()).toEqual([false, true]);
			expect(await people.makeOwner(carl.id)).toBe(false);
			expect(await people.list()).toMatchObject([{ role: 'owner' }]);
			expect(await people.mayCreate('anyone@acme.example')).toBe(false);
		});

		it('lets an invitation be accepted once, and a revoked one not at all', async () => {
			const { people } = await fresh();
			const owner = await user('owner@acme.example');
			await people.makeOwner(owner.id);
			const { token, invitation } = await people.invite('Bea@Acme.example', 'ops', owner.id);
			expect(invitation).toMatchObject({ email: 'bea@acme.example', role: 'ops' });
			expect(await people.invitation(token)).toEqual(invitation);
			expect(await people.invitation(`${token}x`)).toBeNull();
			expect(await people.mayCreate('BEA@acme.example')).toBe(true);

			const bea = await user('bea@acme.example');
			expect(await people.accept(invitation.id, bea.id)).toBe('ops');
			expect(await people.accept(invitation.id, bea.id)).toBeNull();
			expect(await people.invitation(token)).toBeNull();
			expect(await people.roleOf(bea.id)).toBe('ops');
			expect(await people.mayCreate('bea@acme.example')).toBe(false);

			const carl = await people.invite('carl@acme.example', 'viewer', owner.id);
			expect(await people.revokeInvitation(carl.invitation.id)).toBe(true);
			expect(await people.invitation(carl.token)).toBeNull();
			expect(await people.mayCreate('carl@acme.example')).toBe(false);
		});

		it('never leaves the workspace without an owner', async () => {
			const { people } = await fresh();
			const [ana, bea] = [await user('ana@acme.example'), await user('bea@acme.example')];
			await people.makeOwner(ana.id);
			await db.query(`insert into member (user_id, role) values ($1, 'viewer')`, [bea.id]);
			expect(await people.setRole(ana.id, 'viewer')).toBe('last_owner');
			expect(await people.remove(ana.id)).toBe('last_owner');
			expect(await people.setRole('00000000-0000-4000-8000-000000000009', 'ops')).toBe('not_found');

			// A changed role ends the person's sessions.
			await db.query(
				`insert into "auth_session" ("expiresAt", token, "updatedAt", "userId")
				 values (now() + interval '1 day', 'a-session', now(), $1)`,
				[bea.id]
			);
			expect(await people.setRole(bea.id, 'owner')).toBe('ok');
			expect(await db.query('select 1 from "auth_session"')).toEqual([]);

			// Two owners demoting each other at once: one of them stays.
			const results = await Promise.all([
				people.setRole(ana.id, 'viewer'),
				people.setRole(bea.id, 'viewer')
			]);
			expect([...results].sort()).toEqual(['last_owner', 'ok']);
			const viewer = results[0] === 'ok' ? ana : bea;
			expect(await people.remove(viewer.id)).toBe('ok');
			expect(await people.byEmail(viewer.email)).toBeNull();
			expect(await people.remove(viewer.id)).toBe('not_found');
			expect(await people.list()).toMatchObject([{ role: 'owner' }]);
		});
	});

	describe('PublishedStore', () => {
		it('publishes, answers the current version from its cache, keeps 5 versions', async () => {
			const { published } = await fresh();
			const owner = await user('owner@acme.example');
			expect(await published.current()).toBeNull();
			const first = await published.publish(workspaceText(1), owner);
			expect(first).toMatchObject({
				version: versionOf(workspaceText(1)),
				published_by: 'owner@acme.example'
			});
			expect(first.workspace.accounts[0]!.name).toBe('Acme 1');
			expect(await published.current()).toBe(first);
			const [row] = await db.query('select published_by from published_workspace');
			expect(row).toEqual({ published_by: owner.id });

			// Another process (a new store on the same database) parses it once, then follows a new version.
			const other = new PublishedStore(db);
			const seen = await other.current();
			expect(seen).toEqual(first);
			expect(seen).not.toBe(first);
			expect(await other.current()).toBe(seen);
			const second = await published.publish(workspaceText(2), owner);
			expect(await other.current()).toEqual(second);

			for (let n = 3; n <= 8; n++) await published.publish(workspaceText(n), owner);
			const kept = await db.query<{ version: string }>(
				'select version from published_workspace order by published_at'
			);
			expect(kept.map((r) => r.version)).toEqual(
				[4, 5, 6, 7, 8].map((n) => versionOf(workspaceText(n)))
			);
			expect((await other.current())?.workspace.accounts[0]!.name).toBe('Acme 8');
		});

		it('refuses a bad workspace with a PublishError naming the path, and keeps the current one', async () => {
			const { published } = await fresh();
			const owner = await user('owner@acme.example');
			const current = await published.publish(workspaceText(1), owner);
			const bad = exampleWorkspace() as unknown as { accounts: Record<string, unknown>[] };
			delete bad.accounts[0]!.id;
			const refused = published.publish(JSON.stringify(bad), owner);
			await expect(refused).rejects.toThrow(PublishError);
			await expect(refused).rejects.toMatchObject({
				problems: ['accounts[0].id: required: expected string']
			});
			await expect(published.publish('{', owner)).rejects.toThrow(/not JSON/);
			expect(await new PublishedStore(db).current()).toEqual(current);
		});
	});

	describe('Approvals and the audit log', () => {
		it('approves a key once, by its first approver', async () => {
			const { approvals } = await fresh();
			const [ana, bea] = [await user('ana@acme.example'), await user('bea@acme.example')];
			await approvals.approve(['k1', 'k2'], ana);
			await approvals.approve(['k2', 'k3'], bea);
			expect(await approvals.among(['k1', 'k2', 'k3', 'k4'])).toEqual(new Set(['k1', 'k2', 'k3']));
			expect(await approvals.among([])).toEqual(new Set());
			const [row] = await db.query(`select approved_by_email from approval where key = 'k2'`);
			expect(row).toEqual({ approved_by_email: 'ana@acme.example' });
			expect(await new Approvals(db).among(['k3'])).toEqual(new Set(['k3']));
		});

		it('lists the audit log newest first, paged by `before` and filtered by action', async () => {
			const { audit } = await fresh();
			const owner = await user('owner@acme.example');
			const actions = ['sign_in', 'publish', 'run', 'publish', 'approve'];
			for (const [n, action] of actions.entries())
				await audit.record(owner, action, `subject ${n}`, { n });
			const all = await audit.list();
			expect(all.map((entry) => entry.action)).toEqual([...actions].reverse());
			expect(all[0]).toMatchObject({
				actor_email: 'owner@acme.example',
				subject: 'subject 4',
				detail: { n: 4 }
			});
			expect(new Date(all[0]!.at).toISOString()).toBe(all[0]!.at);

			const page = await audit.list({ limit: 2 });
			expect(page.map((entry) => entry.detail.n)).toEqual([4, 3]);
			const next = await audit.list({ limit: 2, before: page[1]!.id });
			expect(next.map((entry) => entry.detail.n)).toEqual([2, 1]);
			const publishes = await audit.list({ action: 'publish' });
			expect(publishes.map((entry) => entry.detail.n)).toEqual([3, 1]);
			const older = await audit.list({ action: 'publish', before: publishes[0]!.id });
			expect(older.map((entry) => entry.detail.n)).toEqual([1]);
		});
	});

	describe('importDataFolder', () => {
		it("imports an older data folder's ledger and workspace once, renaming them", async () => {
			const store = await fresh();
			const folder = tempFolder();
			const file = await ledgerFile(join(folder, 'ledger.jsonl'), ['k1', 'k2']);
			const records = file.entries();
			file.close();
			const text = JSON.stringify(exampleWorkspace());
			writeFileSync(join(folder, 'workspace.json'), text);

			await importDataFolder(store, folder);
			for (const record of records) expect(await store.ledger.get(record.key)).toEqual(record);
			expect(await store.published.current()).toMatchObject({
				version: versionOf(text),
				published_by: 'system'
			});
			expect(readdirSync(folder).sort()).toEqual([
				'ledger.jsonl.imported',
				'workspace.json.imported'
			]);
			expect(await store.audit.list()).toMatchObject([
				{ action: 'import.workspace', actor_email: 'system' },
				{ action: 'import.ledger', detail: { records: 2, imported: 2 } }
			]);

			await importDataFolder(store, folder);
			expect(await store.audit.list()).toHaveLength(2);
			// The ledger file put back (a restored backup): its records are in already.
			renameSync(join(folder, 'ledger.jsonl.imported'), join(folder, 'ledger.jsonl'));
			await importDataFolder(store, folder);
			expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
				action: 'import.ledger',
				detail: { records: 2, imported: 0 }
			});
			expect(await store.ledger.list()).toHaveLength(2);
		});
	});
});
