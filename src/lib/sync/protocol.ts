/**
 * The team workspace's sync protocol, shared by the server (`$lib/server/sync`) and each
 * browser's replica (`$lib/db/sync`). The server's database holds the workspace as records, one
 * per row of the browser's Dexie tables; every commit gives its records the next revision, and a
 * replica pulls the records changed after the revision it holds.
 *
 * - `GET /api/sync?since=REV[&limit=N]` (or `?cursor=C` to go on): a `PullPage`.
 * - `POST /api/sync` with a `PushRequest`: a `PushResponse`, one result per group, in order.
 * - `GET /api/sync/events`: server-sent events `revision` with `{"revision": N}`, at connect and
 *   after every commit.
 */

/** The Dexie tables that are the team's workspace (the others are a browser's own caches). */
export const RECORD_KINDS = [
	'accounts',
	'contacts',
	'snapshots',
	'outcomes',
	'scorecards',
	'plays',
	'templates',
	'settings',
	'manualEntries',
	'scorecardVersions',
	'scorecardDrafts',
	'outbox',
	'tasks'
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

export const isRecordKind = (value: unknown): value is RecordKind =>
	typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);

/**
 * Kinds whose Dexie rows carry no key of their own (an outbound key): the record's id is the
 * Dexie key, a string the writer chooses (`newRecordId`), never a browser's auto-increment number.
 */
export const OUTBOUND_KINDS: ReadonlySet<RecordKind> = new Set(['outcomes', 'manualEntries']);

/** Kinds keyed by two fields: the id is the key's JSON text, e.g. `["acme","2026-03-01"]`. */
export const COMPOUND_KINDS: ReadonlySet<RecordKind> = new Set(['snapshots', 'scorecardVersions']);

/** A Dexie primary key as the record's id. */
export function recordIdOf(kind: RecordKind, key: unknown): string {
	if (COMPOUND_KINDS.has(kind)) return JSON.stringify(key);
	if (typeof key !== 'string')
		throw new TypeError(`${kind}: expected a string key, got ${String(key)}`);
	return key;
}

/** A record's id as its Dexie primary key. */
export function keyOfRecordId(kind: RecordKind, id: string): string | [string, string | number] {
	return COMPOUND_KINDS.has(kind) ? (JSON.parse(id) as [string, string | number]) : id;
}

/**
 * An id for a new outcome or manual entry: time-ordered (Dexie lists them in key order, so new
 * ones come after older ones) and unique across browsers.
 */
export function newRecordId(now: number = Date.now()): string {
	const random = Math.floor(Math.random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
	return `${now.toString(36).padStart(9, '0')}-${random}`;
}

/** One record as the server holds it now; `body` null: deleted. */
export interface RecordChange {
	kind: RecordKind;
	id: string;
	revision: number;
	body: unknown | null;
}

export interface PullPage {
	/** The server's newest revision when it answered. */
	head: number;
	changes: RecordChange[];
	/** After applying this page, the replica holds every record up to this revision. */
	revision: number;
	/** Where the next page starts, or null: the replica is up to date with `revision`. */
	cursor: string | null;
	/** Records left to pull from where this pull started (first page only): for progress. */
	total?: number;
	/**
	 * The workspace was replaced whole (a restore) after the revision the replica asked from: this
	 * pull starts from nothing, and the replica drops what it held before applying it.
	 */
	reset?: true;
}

/**
 * Pages the server gave one after another in one pull, as one page: their changes in order (a
 * later change of a record wins, as it would applied page by page), the last one's revision and
 * cursor, the first one's total and restart. Only the first page of a pull can start over.
 */
export function joinPages(pages: readonly PullPage[]): PullPage {
	const [first, ...rest] = pages;
	if (!first) throw new RangeError('joinPages: no page');
	const last = rest.at(-1);
	if (!last) return first;
	const joined: PullPage = {
		head: Math.max(...pages.map((page) => page.head)),
		changes: pages.flatMap((page) => page.changes),
		revision: last.revision,
		cursor: last.cursor
	};
	if (first.total !== undefined) joined.total = first.total;
	if (first.reset) joined.reset = true;
	return joined;
}

/** A change a person made in their browser, sent with what they saw. */
export interface LocalChange {
	kind: RecordKind;
	id: string;
	body: unknown | null;
}

/**
 * The changes of one local transaction: applied together or not at all. `base` is the revision
 * the replica held when the person made them: a record changed since by another replica is a
 * conflict.
 */
export interface ChangeGroup {
	id: string;
	base: number;
	changes: LocalChange[];
}

export interface PushRequest {
	/** The replica's own id (one per browser profile): its own earlier writes never conflict. */
	client: string;
	groups: ChangeGroup[];
}

/** A record as the server holds it, with who last changed it. */
export interface ServerRecord {
	kind: RecordKind;
	id: string;
	body: unknown | null;
	revision: number;
	by: string | null;
	at: string | null;
}

export interface Conflict {
	kind: RecordKind;
	id: string;
	mine: unknown | null;
	theirs: ServerRecord;
}

export type GroupResult =
	| { group: string; status: 'applied'; revision: number }
	| { group: string; status: 'conflict'; conflicts: Conflict[]; records: ServerRecord[] }
	/** Refused whole (a role, the schema): `records` is what the server holds, to put back. */
	| { group: string; status: 'refused'; reason: string; records: ServerRecord[] };

export interface PushResponse {
	results: GroupResult[];
}

/** Limits both sides keep to: a page, a push. */
export const PULL_PAGE_LIMIT = 5000;
export const PUSH_MAX_CHANGES = 50_000;
export const PUSH_MAX_BYTES = 64 * 1024 * 1024;
