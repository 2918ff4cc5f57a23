// @vitest-environment node
/**
 * The schema's migrations (`./migrations.ts`), on both databases (`./fixture.ts`): from nothing and
 * from each older version, keeping every row; once under concurrent starts; never downwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SENDER } from '../../mail/sender';
import { AuditLog } from './audit';
import type { Database } from './database';
import { describeStore, open } from './fixture';
import { DatabaseLedger } from './ledger';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { People } from './people';
import { SenderSetting } from './sender';
import { storeOn } from './store';
import { Unsubscribes } from './unsubscribes';

const VERSIONS = MIGRATIONS.map((migration) => migration.version);

describeStore((store) => {
	const { kind, empty, user } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

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

	describe('versions 4 and 5: mailbox, runs, unsubscribes by address; the team workspace', () => {
		/** Every table's rows, in a stable order: what an upgrade must keep. */
		async function everyRow(): Promise<Record<string, unknown[]>> {
			const tables = await db.query<{ name: string }>(
				`select table_name as name from information_schema.tables
				 where table_schema = 'public' and table_name <> 'schema_migration' order by 1`
			);
			const rows: Record<string, unknown[]> = {};
			for (const { name } of tables)
				rows[name] = (await db.query(`select * from "${name}"`))
					.map((row) => JSON.stringify(row))
					.sort();
			return rows;
		}

		it('upgrades version 3 to 4 and 4 to 5, keeping every row of every older table', async () => {
			await empty();
			expect(await migrate(db, 3)).toEqual([1, 2, 3]);
			const owner = await user('owner@acme.example');
			await db.exec(`
				insert into "auth_session" ("expiresAt", token, "updatedAt", "userId")
				  select now() + interval '1 day', 'a-session', now(), id from "auth_user";
				insert into "auth_account" ("accountId", "providerId", "userId", password, "updatedAt")
				  select id::text, 'credential', id, 'a-hash', now() from "auth_user";
				insert into "auth_verification" (identifier, value, "expiresAt")
				  values ('reset', 'a-value', now() + interval '1 hour');
				insert into "auth_rate_limit" (key, count, "lastRequest") values ('sign-in', 2, 1);
				insert into member (user_id, role) select id, 'owner' from "auth_user";
				insert into invitation (token_hash, email, role, expires_at)
				  values ('a-hash', 'bea@acme.example', 'ops', now() + interval '1 day');
				insert into server_secret (name, value) values ('auth', 'a-secret');
				insert into audit_log (actor_email, action, detail) values ('owner@acme.example', 'sign_in', '{"n": 1}');
				insert into published_workspace (version, body, current) values ('v1', '{}', true);
				insert into send_ledger (key, state, recipient, claimed_by, action, http_status)
				  values ('k1', 'sent', 'hooks.acme.example', 'test', 'webhook', 204);
				insert into approval (key, approved_by_email) values ('k2', 'owner@acme.example');
				insert into unsubscribe (email, contact_id, account_id, via, at)
				  values ('Ana@Acme.example', 'c1', 'acme', 'link', '2026-02-20T09:00:00Z');
			`);
			const identity = { ...EMPTY_SENDER, postal_address: '1 Main Street' };
			await db.query(`insert into setting (name, value, updated_by) values ('sender', $1, $2)`, [
				JSON.stringify(identity),
				owner.id
			]);
			const before = await everyRow();
			for (const [table, rows] of Object.entries(before)) expect(rows, table).not.toEqual([]);

			expect(await migrate(db, 4)).toEqual([4]);
			const after = await everyRow();
			const withoutKey = (row: unknown) => {
				const { email_key, ...rest } = JSON.parse(row as string);
				expect(email_key).toBe('ana@acme.example');
				return JSON.stringify(rest);
			};
			expect({ ...after, unsubscribe: after.unsubscribe!.map(withoutKey) }).toEqual({
				...before,
				mailbox_message: [],
				play_run: []
			});
			// The older rows read through the new tables' owners.
			const unsubscribes = new Unsubscribes(db);
			expect(await unsubscribes.has('ana@acme.example')).toBe(true);
			expect(await unsubscribes.all()).toEqual([
				{
					contact_id: 'c1',
					account_id: 'acme',
					email: 'Ana@Acme.example',
					at: '2026-02-20T09:00:00.000Z',
					via: 'link'
				}
			]);
			expect(await new SenderSetting(db).current()).toEqual(identity);

			// Version 5 adds the team workspace's records, 6 an index, 7 the band playbooks' state and
			// each person's manager, 8 the product events' tables, 9 the feature catalogue, the usage
			// settings (one row of defaults) and support tickets, 10 each person's language; every row of
			// every older table is kept.
			expect(await migrate(db)).toEqual([5, 6, 7, 8, 9, 10]);
			expect(await everyRow()).toEqual({
				...after,
				// Kept, each with no manager and no language chosen yet.
				member: after.member!.map((row) =>
					JSON.stringify({ ...JSON.parse(String(row)), manager_id: null, locale: null })
				),
				sla_band: [],
				event_source: [],
				product_event: [],
				product_feature: [],
				feature_rule: [],
				usage_rollup: [],
				support_ticket: [],
				usage_setting: [expect.stringContaining('"dormant_days":180,"power_user_days":20')],
				workspace_head: [
					JSON.stringify({ singleton: true, revision: 0, position: 0, epoch: 0, extra: {} })
				],
				workspace_record: []
			});
		});
	});
});
