/**
 * Who may use the app, and as what: one role per person (`member`), and invitations the owner
 * sends (a random token, of which only a hash is kept; valid for a week, once).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '$lib/i18n/messages';
import type { Database } from './database';

export const ROLES = ['owner', 'leader', 'ops', 'csm', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const INVITATION_DAYS = 7;

export interface Person {
	id: string;
	email: string;
	name: string;
	role: Role;
	created_at: string;
	/** Whom overdue band-playbook tasks escalate to (`../sla`); null: the leaders' fallback. */
	manager_id: string | null;
}

export interface Invitation {
	id: string;
	email: string;
	role: Role;
	created_at: string;
	expires_at: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (value: Date | string) => new Date(value).toISOString();

export class People {
	constructor(readonly database: Database) {}

	async count(): Promise<number> {
		const [row] = await this.database.query<{ n: number }>('select count(*)::int as n from member');
		return row?.n ?? 0;
	}

	/** The role of a signed-in user; null for a user without one (removed, or never given one). */
	async roleOf(userId: string): Promise<Role | null> {
		return (await this.membershipOf(userId))?.role ?? null;
	}

	/** A signed-in user's role and chosen language; null for a user without a role. */
	async membershipOf(userId: string): Promise<{ role: Role; locale: Locale | null } | null> {
		const [row] = await this.database.query<{ role: Role; locale: Locale | null }>(
			'select role, locale from member where user_id = $1',
			[userId]
		);
		return row ?? null;
	}

	/** The language the person with this address chose; null when they have not, or are not one of us. */
	async localeOfEmail(email: string): Promise<Locale | null> {
		const [row] = await this.database.query<{ locale: Locale | null }>(
			`select m.locale from member m join "auth_user" u on u.id = m.user_id
			 where lower(u.email) = lower($1)`,
			[email]
		);
		return row?.locale ?? null;
	}

	/** Remembers the language `userId` chose, for every browser they sign in from. */
	async setLocale(userId: string, locale: Locale): Promise<void> {
		await this.database.query('update member set locale = $2 where user_id = $1', [userId, locale]);
	}

	async list(): Promise<Person[]> {
		const rows = await this.database.query<Person & { created_at: Date }>(
			`select u.id, u.email, u.name, m.role, m.created_at, m.manager_id from member m
			 join "auth_user" u on u.id = m.user_id order by u.email`
		);
		return rows.map((row) => ({ ...row, created_at: iso(row.created_at) }));
	}

	/** Sets whom `userId` reports to; refused for themselves or someone not in the team. */
	async setManager(userId: string, managerId: string | null): Promise<'ok' | 'not_found' | 'self'> {
		if (managerId === userId) return 'self';
		const ids = managerId ? [userId, managerId] : [userId];
		const found = await this.database.query(
			'select 1 from member where user_id = any($1::uuid[])',
			[ids]
		);
		if (found.length !== ids.length) return 'not_found';
		await this.database.query('update member set manager_id = $2 where user_id = $1', [
			userId,
			managerId
		]);
		return 'ok';
	}

	async byEmail(email: string): Promise<{ id: string; role: Role | null } | null> {
		const [row] = await this.database.query<{ id: string; role: Role | null }>(
			`select u.id, m.role from "auth_user" u left join member m on m.user_id = u.id
			 where lower(u.email) = lower($1)`,
			[email]
		);
		return row ?? null;
	}

	/** Whether a user with this email may be created now: the first one (the owner), or one invited. */
	async mayCreate(email: string): Promise<boolean> {
		if ((await this.count()) === 0) return true;
		return (await this.pendingFor(email)) !== null;
	}

	/** Gives the first user the owner's role; false when there is an owner already. */
	async makeOwner(userId: string): Promise<boolean> {
		return this.database.transaction(async (tx) => {
			await tx.query('select pg_advisory_xact_lock(7243102)');
			const owners = await tx.query(`select 1 from member where role = 'owner'`);
			if (owners.length > 0) return false;
			await tx.query(`insert into member (user_id, role) values ($1, 'owner')`, [userId]);
			return true;
		});
	}

	/** Changes a role; refuses to leave the workspace without an owner. */
	async setRole(userId: string, role: Role): Promise<'ok' | 'not_found' | 'last_owner'> {
		return this.database.transaction(async (tx) => {
			await tx.query('select pg_advisory_xact_lock(7243102)');
			const [current] = await tx.query<{ role: Role }>(
				'select role from member where user_id = $1',
				[userId]
			);
			if (!current) return 'not_found';
			if (current.role === 'owner' && role !== 'owner' && (await ownerCount(tx)) <= 1)
				return 'last_owner';
			await tx.query('update member set role = $2 where user_id = $1', [userId, role]);
			// A changed role takes effect at once: the person signs in again.
			await tx.query('delete from "auth_session" where "userId" = $1', [userId]);
			return 'ok';
		});
	}

	/** Removes a person (their sign-in and sessions); refuses to remove the last owner. */
	async remove(userId: string): Promise<'ok' | 'not_found' | 'last_owner'> {
		return this.database.transaction(async (tx) => {
			await tx.query('select pg_advisory_xact_lock(7243102)');
			const [current] = await tx.query<{ role: Role }>(
				'select role from member where user_id = $1',
				[userId]
			);
			if (!current) return 'not_found';
			if (current.role === 'owner' && (await ownerCount(tx)) <= 1) return 'last_owner';
			await tx.query('delete from "auth_user" where id = $1', [userId]);
			return 'ok';
		});
	}

	/** A new invitation; returns its token (shown once, in the email) and the invitation. */
	async invite(
		email: string,
		role: Role,
		invitedBy: string
	): Promise<{ token: string; invitation: Invitation }> {
		const token = randomBytes(24).toString('base64url');
		const [row] = await this.database.query<Invitation & { created_at: Date; expires_at: Date }>(
			`insert into invitation (token_hash, email, role, invited_by, expires_at)
			 values ($1, $2, $3, $4, now() + interval '${INVITATION_DAYS} days')
			 returning id, email, role, created_at, expires_at`,
			[hashOf(token), email.toLowerCase(), role, invitedBy]
		);
		return { token, invitation: invitationOf(row!) };
	}

	/** The pending invitation a token names; null when unknown, used, revoked or expired. */
	async invitation(token: string): Promise<Invitation | null> {
		const [row] = await this.database.query<Invitation & { created_at: Date; expires_at: Date }>(
			`select id, email, role, created_at, expires_at from invitation
			 where token_hash = $1 and accepted_at is null and revoked_at is null and expires_at > now()`,
			[hashOf(token)]
		);
		return row ? invitationOf(row) : null;
	}

	async pendingFor(email: string): Promise<Invitation | null> {
		const [row] = await this.database.query<Invitation & { created_at: Date; expires_at: Date }>(
			`select id, email, role, created_at, expires_at from invitation
			 where lower(email) = lower($1) and accepted_at is null and revoked_at is null and expires_at > now()
			 order by created_at desc limit 1`,
			[email]
		);
		return row ? invitationOf(row) : null;
	}

	async pending(): Promise<Invitation[]> {
		const rows = await this.database.query<Invitation & { created_at: Date; expires_at: Date }>(
			`select id, email, role, created_at, expires_at from invitation
			 where accepted_at is null and revoked_at is null and expires_at > now() order by created_at desc`
		);
		return rows.map(invitationOf);
	}

	/** Marks an invitation used and gives the new user its role, once. */
	async accept(invitationId: string, userId: string): Promise<Role | null> {
		return this.database.transaction(async (tx) => {
			const [row] = await tx.query<{ role: Role }>(
				`update invitation set accepted_at = now()
				 where id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
				 returning role`,
				[invitationId]
			);
			if (!row) return null;
			await tx.query(
				'insert into member (user_id, role) values ($1, $2) on conflict (user_id) do nothing',
				[userId, row.role]
			);
			return row.role;
		});
	}

	async revokeInvitation(id: string): Promise<boolean> {
		const rows = await this.database.query(
			`update invitation set revoked_at = now() where id = $1 and accepted_at is null and revoked_at is null returning id`,
			[id]
		);
		return rows.length === 1;
	}
}

async function ownerCount(tx: { query: Database['query'] }): Promise<number> {
	const [row] = await tx.query<{ n: number }>(
		`select count(*)::int as n from member where role = 'owner'`
	);
	return row?.n ?? 0;
}

function invitationOf(row: Invitation & { created_at: Date | string; expires_at: Date | string }) {
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		created_at: iso(row.created_at),
		expires_at: iso(row.expires_at)
	};
}
