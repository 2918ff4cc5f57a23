/**
 * The team's workspace as the server reads it: the records (`./records.ts`) put together into a
 * workspace file, what the send API checks requests against and what runs plan with. Kept in
 * memory and brought up to date with the records changed since (a few per edit), so reading it
 * after a change costs the change, not the workspace. `publish` replaces the whole workspace
 * with a file (the restore of a backup, `PUT /api/workspace`), one commit.
 */
import { parseWorkspace, type Workspace } from '../../engine';
import { OUTBOUND_KINDS, RECORD_KINDS, type RecordKind } from '../../sync/protocol';
import { recordsOfWorkspace, workspaceOfRecords } from '../sync/mapping';
import { PERSONAL_KINDS, personalPrefix, serverIdOf } from '../sync/personal';
import { changeRefusal } from '../sync/rights';
import type { Actor } from './audit';
import type { Database } from './database';
import type { Role } from './people';
import { WorkspaceRecords, type RecordWrite } from './records';

export interface Published {
	workspace: Workspace;
	/** The revision of the records it was put together from. */
	version: string;
	published_at: string;
	published_by: string | null;
}

export class PublishError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`the workspace is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`
		);
		this.name = 'PublishError';
	}
}

/** A replacement the caller's role may not make (it changes records of a kind it may not change). */
export class PublishRefused extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'PublishRefused';
	}
}

export function parsePublished(text: string): Workspace {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new PublishError([`not JSON: ${(error as Error).message}`]);
	}
	const result = parseWorkspace(json);
	if (!result.ok) throw new PublishError(result.errors.map((i) => `${i.path}: ${i.message}`));
	return result.value;
}

/** Ids for outcomes and manual entries a restore adds: in the file's order, after any made before. */
const orderedId = (now: number, index: number) =>
	`${now.toString(36).padStart(9, '0')}-${index.toString(36).padStart(6, '0')}`;

interface Cache {
	revision: number;
	byKind: Map<RecordKind, Map<string, unknown>>;
	published: Published;
}

export class PublishedStore {
	readonly records: WorkspaceRecords;
	#cache: Cache | null = null;
	/** One catching-up at a time: they share the cache's maps. */
	#catchingUp: Promise<Published | null> | null = null;

	constructor(readonly database: Database) {
		this.records = new WorkspaceRecords(database);
	}

	/** The workspace as the records hold it now, or null when nothing was ever written. */
	async current(): Promise<Published | null> {
		while (this.#catchingUp) await this.#catchingUp.catch(() => undefined);
		this.#catchingUp = this.#catchUp();
		try {
			return await this.#catchingUp;
		} finally {
			this.#catchingUp = null;
		}
	}

	async #catchUp(): Promise<Published | null> {
		const head = await this.records.head();
		if (head.revision === 0) return null;
		if (this.#cache?.revision === head.revision && this.#cache.published)
			return this.#cache.published;
		const byKind =
			this.#cache?.byKind ??
			new Map(RECORD_KINDS.map((kind) => [kind, new Map<string, unknown>()]));
		let from: { since: number } | { cursor: string } = { since: this.#cache?.revision ?? 0 };
		let revision: number;
		for (;;) {
			const page = await this.records.pull(from, 20_000);
			// Replaced whole since: start from nothing.
			if (page.reset) for (const records of byKind.values()) records.clear();
			for (const change of page.changes) {
				const records = byKind.get(change.kind)!;
				// A record written again keeps its place; a new one comes last, as in the workspace's order.
				if (change.body === null) records.delete(change.id);
				else records.set(change.id, change.body);
			}
			revision = page.revision;
			if (!page.cursor) break;
			from = { cursor: page.cursor };
		}
		const [last] = await this.database.query<{ updated_at: Date; updated_by_email: string | null }>(
			'select updated_at, updated_by_email from workspace_record order by revision desc limit 1'
		);
		const lists = new Map([...byKind].map(([kind, records]) => [kind, [...records.values()]]));
		const published: Published = {
			workspace: workspaceOfRecords(lists, head.extra),
			version: String(revision),
			published_at: new Date(last?.updated_at ?? Date.now()).toISOString(),
			published_by: last?.updated_by_email ?? null
		};
		this.#cache = { revision, byKind, published };
		return published;
	}

	/** The drafts `person` keeps, as a workspace file lists them: theirs go into their backups. */
	async personalDrafts(person: { id: string | null }): Promise<unknown[]> {
		const rows = await this.database.query<{ body: unknown }>(
			`select body from workspace_record where kind = 'scorecardDrafts' and body is not null
			 and id like $1 order by position`,
			[`${personalPrefix(person.id)}%`]
		);
		return rows.map((row) => row.body);
	}

	/**
	 * Replaces the workspace with `text` (a workspace file), checked with the same schema as an
	 * import. Refused whole (`PublishRefused`) when it changes records `role` may not change.
	 */
	async publish(text: string, by: Actor, role: Role = 'owner'): Promise<Published> {
		await this.replace(parsePublished(text), by, role);
		return (await this.current())!;
	}

	/**
	 * Replaces the workspace with `workspace`, already checked: records that differ are written,
	 * the others deleted, in one commit. Returns the revision.
	 */
	async replace(workspace: Workspace, by: Actor, role: Role = 'owner'): Promise<number> {
		const { records: fileRecords, extra } = recordsOfWorkspace(workspace);
		return this.records.locked(async (locked) => {
			const liveBefore = await locked.liveIds();
			// Outcomes and manual entries have no id of their own: one equal to a record held keeps its id.
			const held = new Map<string, string[]>();
			for (const record of await locked.list([...OUTBOUND_KINDS])) {
				const key = `${record.kind}\u0000${JSON.stringify(record.body)}`;
				held.set(key, [...(held.get(key) ?? []), record.id]);
			}
			const now = Date.now();
			const writes: RecordWrite[] = fileRecords.map((record, index) => ({
				kind: record.kind,
				id: serverIdOf(
					record.kind,
					record.id ??
						held.get(`${record.kind}\u0000${JSON.stringify(record.body)}`)?.shift() ??
						orderedId(now, index),
					by.id
				),
				body: record.body
			}));
			// The file's drafts are the restorer's; everyone else keeps theirs.
			for (const kind of PERSONAL_KINDS) {
				const ids = liveBefore.get(kind);
				if (ids)
					liveBefore.set(
						kind,
						new Set([...ids].filter((id) => id.startsWith(personalPrefix(by.id))))
					);
			}
			const author = { actor: by, client: null };
			await locked.write(writes, author);
			await locked.deleteAllBut(writes, liveBefore);
			const refusal = changeRefusal(role, locked.changed);
			if (refusal) throw new PublishRefused(refusal);
			const extraChanged = JSON.stringify(extra) !== JSON.stringify(locked.head.extra);
			return locked.finish(extraChanged ? extra : undefined, { restore: true });
		});
	}
}

/**
 * A store from before the team workspace (schema 4 and older) kept the last published file whole:
 * on the first start after the upgrade, its records become the workspace's, nothing lost.
 */
export async function adoptPublishedFile(store: PublishedStore, by: Actor): Promise<boolean> {
	if ((await store.records.head()).revision > 0) return false;
	const [row] = await store.database.query<{ body: string; published_by_email: string | null }>(
		'select body, published_by_email from published_workspace where current'
	);
	if (!row) return false;
	await store.publish(
		row.body,
		row.published_by_email ? { ...by, email: row.published_by_email } : by
	);
	return true;
}
