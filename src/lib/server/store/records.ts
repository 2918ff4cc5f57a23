/**
 * The team workspace's records (`workspace_record`, migration 5): one row per record of the
 * browsers' Dexie tables, each with the revision of the commit that last wrote it. Writers take
 * the head row's lock first (`locked`), so commits get their revisions in commit order and a
 * replica that pulled up to revision R has seen every commit numbered R or less.
 */
import type { PullPage, RecordKind, ServerRecord } from '../../sync/protocol';
import { clientIdOf, PERSONAL_KINDS, personalPrefix } from '../sync/personal';
import type { Actor } from './audit';
import type { Database, Queryable } from './database';

/** A record to write in a commit; `body` null deletes it. */
export interface RecordWrite {
	kind: RecordKind;
	id: string;
	body: unknown | null;
}

export interface Head {
	revision: number;
	position: number;
	/** The revision of the last restore: a replica behind it loads the workspace anew. */
	epoch: number;
	extra: Record<string, unknown>;
}

/** Who a commit is from: the person, and the replica their browser keeps (null: the server). */
export interface Author {
	actor: Actor;
	client: string | null;
}

/** Records per statement, so a large import never builds a giant one. */
const CHUNK = 5000;

/** A record held already is updated when its body differs, and left with its revision when not. */
const UPSERT = `on conflict (kind, id) do update set body = excluded.body, revision = excluded.revision,
	client = excluded.client, updated_by = excluded.updated_by,
	updated_by_email = excluded.updated_by_email, updated_at = now()
	where r.body::text is distinct from excluded.body::text`;

interface RecordRow {
	kind: RecordKind;
	id: string;
	body: unknown | null;
	revision: string | number;
	position: string | number;
	client: string | null;
	updated_by_email: string | null;
	updated_at: Date | string;
}

const serverRecord = (row: RecordRow): ServerRecord => ({
	kind: row.kind,
	id: row.id,
	body: row.body ?? null,
	revision: Number(row.revision),
	by: row.updated_by_email,
	at: new Date(row.updated_at).toISOString()
});

/** A commit in progress: reads and writes inside the transaction that holds the head's lock. */
export class LockedRecords {
	#written = 0;
	#changed = new Set<RecordKind>();

	constructor(
		readonly tx: Queryable,
		readonly head: Head
	) {}

	/** The revision this commit's writes take. */
	get revision(): number {
		return this.head.revision + 1;
	}

	/** Records as held now (absent ones left out), with the replica that last wrote each. */
	async read(
		keys: readonly { kind: RecordKind; id: string }[]
	): Promise<(ServerRecord & { client: string | null })[]> {
		const byKind = new Map<RecordKind, string[]>();
		for (const { kind, id } of keys) {
			const ids = byKind.get(kind);
			if (ids) ids.push(id);
			else byKind.set(kind, [id]);
		}
		const found: (ServerRecord & { client: string | null })[] = [];
		for (const [kind, ids] of byKind)
			for (let start = 0; start < ids.length; start += CHUNK) {
				const rows = await this.tx.query<RecordRow>(
					`select kind, id, body, revision, position, client, updated_by_email, updated_at
					 from workspace_record where kind = $1 and id = any($2::text[])`,
					[kind, ids.slice(start, start + CHUNK)]
				);
				for (const row of rows) found.push({ ...serverRecord(row), client: row.client });
			}
		return found;
	}

	/** The records of one kind among `ids` held now, by id: their bodies (null: deleted). */
	async bodies(kind: RecordKind, ids: readonly string[]): Promise<Map<string, unknown | null>> {
		const found = new Map<string, unknown | null>();
		for (let start = 0; start < ids.length; start += CHUNK) {
			const rows = await this.tx.query<{ id: string; body: unknown | null }>(
				'select id, body from workspace_record where kind = $1 and id = any($2::text[])',
				[kind, ids.slice(start, start + CHUNK)]
			);
			for (const row of rows) found.set(row.id, row.body ?? null);
		}
		return found;
	}

	/** Live records of some kinds, in the workspace's order. */
	async list(
		kinds: readonly RecordKind[]
	): Promise<{ kind: RecordKind; id: string; body: unknown }[]> {
		return this.tx.query(
			`select kind, id, body from workspace_record
			 where kind = any($1::text[]) and body is not null order by position`,
			[kinds]
		);
	}

	/**
	 * Live records of one kind that name one of `accounts` as their `account_id` (any order): an
	 * account's snapshots, say, without reading every other account's.
	 */
	async ofAccounts(
		kind: RecordKind,
		accounts: readonly string[]
	): Promise<{ id: string; body: unknown }[]> {
		const found: { id: string; body: unknown }[] = [];
		for (let start = 0; start < accounts.length; start += CHUNK) {
			const rows = await this.tx.query<{ id: string; body: unknown }>(
				`select id, body from workspace_record
				 where kind = $1 and body is not null and body->>'account_id' = any($2::text[])`,
				[kind, accounts.slice(start, start + CHUNK)]
			);
			for (const row of rows) found.push(row);
		}
		return found;
	}

	/**
	 * Writes records that differ from what is held (an unchanged one keeps its revision); returns
	 * the kinds it changed. New records go after every other, in the order given. `fresh`: none of
	 * them is held, not even deleted (the caller read them under this lock), so they are inserted
	 * without looking for one to update (a tenth faster on PGlite, a fifth on PostgreSQL); one held
	 * after all fails the commit.
	 */
	async write(
		writes: readonly RecordWrite[],
		author: Author,
		options: { fresh?: boolean } = {}
	): Promise<Set<RecordKind>> {
		const changed = new Set<RecordKind>();
		const first = this.head.position + this.#written + 1;
		// One statement per run of one kind, so the count of rows written tells which kinds changed
		// without sending the rows back (a workspace's records come grouped by kind).
		let start = 0;
		while (start < writes.length) {
			const kind = writes[start]!.kind;
			let end = start + 1;
			while (end < writes.length && end - start < CHUNK && writes[end]!.kind === kind) end++;
			const run = writes.slice(start, end);
			// Ids as a JSON array, bodies as their JSON texts joined by U+001E, which JSON text never
			// holds unescaped: PostgreSQL splits that far faster than it reads one JSON document of
			// rows (PGlite read 100,000 snapshots' rows in 0.7 s instead of 2.2 s). A deleted record's
			// body is the empty text, read back as null (the last one may then be missing from the
			// split: padded with null by `rows from`).
			const written = await this.tx.write(
				`insert into workspace_record as r (kind, id, body, revision, position, client, updated_by, updated_by_email)
				 select $3, x.id, nullif(x.body, '')::json, $4, $5 + x.n, $6, $7, $8
				 from rows from (json_array_elements_text($1::json), string_to_table($2, E'\\x1e'))
				   with ordinality as x(id, body, n)
				 ${options.fresh ? '' : UPSERT}`,
				[
					JSON.stringify(run.map((write) => write.id)),
					run.map((write) => (write.body == null ? '' : JSON.stringify(write.body))).join('\x1e'),
					kind,
					this.revision,
					first + start - 1,
					author.client,
					author.actor.id,
					author.actor.email
				]
			);
			if (written > 0) changed.add(kind);
			start = end;
		}
		this.#written += writes.length;
		for (const kind of changed) this.#changed.add(kind);
		return changed;
	}

	/** The ids of the live records, by kind. */
	async liveIds(): Promise<Map<RecordKind, Set<string>>> {
		const rows = await this.tx.query<{ kind: RecordKind; id: string }>(
			'select kind, id from workspace_record where body is not null'
		);
		const ids = new Map<RecordKind, Set<string>>();
		for (const { kind, id } of rows) {
			const set = ids.get(kind);
			if (set) set.add(id);
			else ids.set(kind, new Set([id]));
		}
		return ids;
	}

	/**
	 * Removes every record not named in `keep`, for a restore, which replaces the whole workspace:
	 * rows, not tombstones, since every replica behind the restore loads the workspace anew. Call it
	 * with the ids that were live before the commit's writes, and finish with `restore`.
	 */
	async deleteAllBut(
		keep: readonly { kind: RecordKind; id: string }[],
		liveBefore: ReadonlyMap<RecordKind, ReadonlySet<string>>
	): Promise<void> {
		const kept = new Set(keep.map(({ kind, id }) => `${kind}\u0000${id}`));
		for (const [kind, ids] of liveBefore) {
			const gone = [...ids].filter((id) => !kept.has(`${kind}\u0000${id}`));
			for (let start = 0; start < gone.length; start += CHUNK)
				await this.tx.query(
					'delete from workspace_record where kind = $1 and id = any($2::text[])',
					[kind, gone.slice(start, start + CHUNK)]
				);
			if (gone.length) this.#changed.add(kind);
		}
		// Tombstones of earlier deletions mean nothing after a restore either.
		await this.tx.query('delete from workspace_record where body is null');
	}

	/** The kinds this commit has changed so far. */
	get changed(): ReadonlySet<RecordKind> {
		return this.#changed;
	}

	/**
	 * Ends the commit: the head moves to this revision when anything changed; returns the head's
	 * revision. `restore`: the commit replaced the workspace whole, and starts an epoch.
	 */
	async finish(
		extra?: Record<string, unknown>,
		options: { restore?: boolean } = {}
	): Promise<number> {
		const changed = this.#changed.size > 0 || extra !== undefined;
		if (!changed) return this.head.revision;
		const [row] = await this.tx.query<{ revision: string | number }>(
			`update workspace_head set revision = revision + 1, position = position + $1,
			   extra = coalesce($2::json, extra),
			   epoch = case when $3 then revision + 1 else epoch end
			 returning revision`,
			[this.#written, extra === undefined ? null : JSON.stringify(extra), options.restore === true]
		);
		return Number(row!.revision);
	}
}

export class WorkspaceRecords {
	constructor(readonly database: Database) {}

	async head(): Promise<Head> {
		return headOf(this.database);
	}

	/** The ids of the live records of one kind, as committed now. */
	async idsOf(kind: RecordKind): Promise<Set<string>> {
		const rows = await this.database.query<{ id: string }>(
			'select id from workspace_record where kind = $1 and body is not null',
			[kind]
		);
		return new Set(rows.map((row) => row.id));
	}

	/** Runs `work` holding the head's lock, in one transaction: every write to the records goes through here. */
	locked<T>(work: (records: LockedRecords) => Promise<T>): Promise<T> {
		return this.database.transaction(async (tx) => {
			const head = await headOf(tx, 'for update');
			return work(new LockedRecords(tx, head));
		});
	}

	/**
	 * Records changed after revision `since` (or from where `cursor` left off), in revision and then
	 * workspace order. From revision 0 (a new replica, or one from before the last restore), the
	 * live records in the workspace's order, as of the head when the load began: whatever changes
	 * meanwhile comes with the next pull. Personal records (drafts) come only for `person` (under the
	 * ids the browser knows them by), or not at all when `person` is null.
	 */
	async pull(
		from: { since: number } | { cursor: string },
		limit: number,
		person: { id: string | null } | null = null
	): Promise<PullPage> {
		const { rows, page } = await this.#pullRows(from, limit, person, 'body');
		return {
			head: page.head,
			changes: rows.map((row) => ({
				kind: row.kind,
				id: clientIdOf(row.kind, row.id),
				revision: Number(row.revision),
				body: row.body ?? null
			})),
			...page.rest
		};
	}

	/**
	 * The same page as `pull`, as the JSON text `JSON.stringify` makes of it: each record's body is
	 * put in as the database keeps its text, never parsed and written again (a first load sends
	 * 40 MB of them, and that was a third of the server's time for each page).
	 */
	async pullJson(
		from: { since: number } | { cursor: string },
		limit: number,
		person: { id: string | null } | null = null
	): Promise<string> {
		const { rows, page } = await this.#pullRows(from, limit, person, 'body::text as body');
		const changes = rows.map(
			(row) =>
				`{"kind":${JSON.stringify(row.kind)},"id":${JSON.stringify(clientIdOf(row.kind, row.id))},` +
				`"revision":${Number(row.revision)},"body":${(row.body as string | null) ?? 'null'}}`
		);
		const rest = JSON.stringify(page.rest);
		return `{"head":${page.head},"changes":[${changes.join(',')}]${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}}`;
	}

	/** The rows of one page (`body` selected as `body`), and what the page says besides its changes. */
	async #pullRows(
		from: { since: number } | { cursor: string },
		limit: number,
		person: { id: string | null } | null,
		body: 'body' | 'body::text as body'
	): Promise<{
		rows: RecordRow[];
		page: { head: number; rest: Omit<PullPage, 'head' | 'changes'> };
	}> {
		const { revision: head, epoch } = await headOf(this.database);
		// A replica from before the last restore starts over: from nothing, live records only.
		const reset = !('cursor' in from) && from.since > 0 && from.since < epoch;
		const start =
			'cursor' in from
				? decodeCursor(from.cursor)
				: reset || from.since === 0
					? { since: 0, revision: head, position: -1 }
					: { since: from.since, revision: from.since, position: Number.MAX_SAFE_INTEGER };
		const whose = [[...PERSONAL_KINDS], person ? `${personalPrefix(person.id)}%` : ''];
		const load = start.since === 0;
		const rows = await this.database.query<RecordRow>(
			load
				? `select kind, id, ${body}, revision, position from workspace_record
				   where position > $1 and body is not null and (kind <> all($3::text[]) or id like $4)
				   order by position limit $2`
				: `select kind, id, ${body}, revision, position from workspace_record
				   where (revision, position) > ($5, $1) and (kind <> all($3::text[]) or id like $4)
				   order by revision, position limit $2`,
			[start.position, limit + 1, ...whose, ...(load ? [] : [start.revision])]
		);
		const more = rows.length > limit;
		const page = rows.slice(0, limit);
		const last = page[page.length - 1];
		let revision: number;
		let cursor: string | null = null;
		if (load) {
			// A load is whole only at its end, as of the head when it began.
			revision = more ? 0 : start.revision;
			if (more) cursor = `0.${start.revision}.${Number(last!.position)}`;
		} else if (more && last) {
			const lastRevision = Number(last.revision);
			// The next row may belong to the same commit: the replica is whole only up to the one before.
			revision = Number(rows[limit]!.revision) === lastRevision ? lastRevision - 1 : lastRevision;
			cursor = `${start.since}.${lastRevision}.${Number(last.position)}`;
		} else revision = Math.max(head, last ? Number(last.revision) : start.since);
		const rest: Omit<PullPage, 'head' | 'changes'> = {
			revision: Math.max(revision, start.since),
			cursor,
			...(reset ? { reset: true as const } : {})
		};
		if (!('cursor' in from)) {
			const [count] = await this.database.query<{ n: number }>(
				`select count(*)::int as n from workspace_record
				 where (revision > $1 or $1 = 0) and (body is not null or $1 > 0)
				   and (kind <> all($2::text[]) or id like $3)`,
				[start.since, ...whose]
			);
			rest.total = Number(count!.n);
		}
		return { rows: page, page: { head, rest } };
	}
}

async function headOf(db: Queryable, lock = ''): Promise<Head> {
	const [row] = await db.query<{
		revision: string | number;
		position: string | number;
		epoch: string | number;
		extra: unknown;
	}>(`select revision, position, epoch, extra from workspace_head ${lock}`);
	return {
		revision: Number(row!.revision),
		position: Number(row!.position),
		epoch: Number(row!.epoch),
		extra: (row!.extra ?? {}) as Record<string, unknown>
	};
}

export class CursorError extends Error {}

function decodeCursor(cursor: string): { since: number; revision: number; position: number } {
	const parts = cursor.split('.').map(Number);
	if (parts.length !== 3 || !parts.every((part) => Number.isSafeInteger(part) && part >= 0))
		throw new CursorError(`not a cursor this server gave: ${JSON.stringify(cursor.slice(0, 40))}`);
	const [since, revision, position] = parts as [number, number, number];
	return { since, revision, position };
}
