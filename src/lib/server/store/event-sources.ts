/**
 * Where product events come from (Segment, RudderStack, the vendor's own backend), each with its
 * write key: created, listed and revoked by the owner. The key is shown once, when the source is
 * created; the table keeps only its hash, so a copy of the database sends nothing in anyone's name.
 * The events a revoked source sent stay.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from './audit';
import type { Database } from './database';

export interface EventSource {
	id: string;
	name: string;
	/** The key's last characters, to tell keys apart. */
	key_hint: string;
	created_at: string;
	created_by_email: string | null;
	last_used_at: string | null;
	revoked_at: string | null;
	/** Events stored from it. */
	events: number;
}

interface Row {
	id: string;
	name: string;
	key_hint: string;
	created_at: Date;
	created_by_email: string | null;
	last_used_at: Date | null;
	revoked_at: Date | null;
	events?: number;
}

const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());

const sourceOf = (row: Row): EventSource => ({
	id: row.id,
	name: row.name,
	key_hint: row.key_hint,
	created_at: iso(row.created_at)!,
	created_by_email: row.created_by_email,
	last_used_at: iso(row.last_used_at),
	revoked_at: iso(row.revoked_at),
	events: Number(row.events ?? 0)
});

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

export const MAX_SOURCE_NAME = 80;

/** The source a key belongs to, as a request's sender: its id and name. */
export interface Sender {
	id: string;
	name: string;
}

export class EventSources {
	/** When each source's `last_used_at` was last written: at most once a minute, not per request. */
	readonly #touched = new Map<string, number>();

	constructor(readonly database: Database) {}

	/** A new source and its write key (`sc_…`), which is never shown again. */
	async create(name: string, actor: Actor): Promise<{ source: EventSource; writeKey: string }> {
		const writeKey = `sc_${randomBytes(32).toString('base64url')}`;
		const [row] = await this.database.query<Row>(
			`insert into event_source (id, name, key_hash, key_hint, created_by, created_by_email)
			 values ($1, $2, $3, $4, $5, $6)
			 returning id, name, key_hint, created_at, created_by_email, last_used_at, revoked_at`,
			[randomUUID(), name, hashOf(writeKey), writeKey.slice(-4), actor.id, actor.email]
		);
		return { source: sourceOf(row!), writeKey };
	}

	/** Every source, newest first, with its count of events. */
	async list(): Promise<EventSource[]> {
		const rows = await this.database.query<Row>(
			`select s.id, s.name, s.key_hint, s.created_at, s.created_by_email, s.last_used_at,
			        s.revoked_at, (select count(*)::int from product_event e where e.source_id = s.id) as events
			 from event_source s order by s.created_at desc, s.name`
		);
		return rows.map(sourceOf);
	}

	/** Revokes a source's key; null when there is no such source. Its events stay. */
	async revoke(id: string): Promise<EventSource | null> {
		const [row] = await this.database.query<Row>(
			`update event_source s set revoked_at = coalesce(revoked_at, now()) where id = $1
			 returning id, name, key_hint, created_at, created_by_email, last_used_at, revoked_at,
			   (select count(*)::int from product_event e where e.source_id = s.id) as events`,
			[id]
		);
		return row ? sourceOf(row) : null;
	}

	/** The live source `key` belongs to, or null (unknown or revoked). */
	async sender(key: string): Promise<Sender | null> {
		if (!key.startsWith('sc_')) return null;
		const [row] = await this.database.query<{ id: string; name: string }>(
			'select id, name from event_source where key_hash = $1 and revoked_at is null',
			[hashOf(key)]
		);
		if (!row) return null;
		const now = Date.now();
		if (now - (this.#touched.get(row.id) ?? 0) > 60_000) {
			this.#touched.set(row.id, now);
			await this.database.query('update event_source set last_used_at = now() where id = $1', [
				row.id
			]);
		}
		return row;
	}
}
