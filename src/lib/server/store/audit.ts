/** The audit log: who did what, when (sign-in, publish, run, approve, send, unsubscribe, settings). */
import type { Database } from './database';

export interface Actor {
	id: string | null;
	email: string;
}

/** A customer or the server itself, for what no signed-in person did. */
export const SYSTEM: Actor = { id: null, email: 'system' };

export interface AuditEntry {
	id: number;
	at: string;
	actor_email: string | null;
	action: string;
	subject: string | null;
	detail: Record<string, unknown>;
}

export class AuditLog {
	constructor(readonly database: Database) {}

	async record(
		actor: Actor,
		action: string,
		subject: string | null = null,
		detail: Record<string, unknown> = {}
	): Promise<void> {
		await this.database.query(
			'insert into audit_log (actor_id, actor_email, action, subject, detail) values ($1, $2, $3, $4, $5)',
			[actor.id, actor.email, action, subject, JSON.stringify(detail)]
		);
	}

	/** Newest first; `before` (an id) pages back. */
	async list(
		options: { limit?: number; before?: number; action?: string } = {}
	): Promise<AuditEntry[]> {
		const rows = await this.database.query<AuditEntry & { at: Date }>(
			`select id, at, actor_email, action, subject, detail from audit_log
			 where ($1::bigint is null or id < $1) and ($2::text is null or action = $2)
			 order by id desc limit $3`,
			[options.before ?? null, options.action ?? null, Math.min(options.limit ?? 100, 500)]
		);
		return rows.map((row) => ({ ...row, id: Number(row.id), at: new Date(row.at).toISOString() }));
	}
}
