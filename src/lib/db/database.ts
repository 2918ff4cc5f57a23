/**
 * The IndexedDB schema, every version in one class (as Dexie's own samples do): version 1 holds
 * the workspace's records, version 2 adds what the store knows about itself and the score caches.
 */
import Dexie, { type DexieOptions, type IndexableType, type Table } from 'dexie';
import type {
	Account,
	AccountHistory,
	Contact,
	ManualEntry,
	Outcome,
	OutboxEntry,
	Play,
	Scorecard,
	ScorecardDraft,
	ScorecardVersion,
	Snapshot,
	Task,
	Template
} from '$lib/engine';
import { RECORD_KINDS, type RecordKind } from '$lib/sync/protocol';
import { AccountChunks, type AccountChunk } from './account-chunks';
import { bundleOf, SNAPSHOT_TABLE, SnapshotStore, type SnapshotBundle } from './snapshot-store';
import { captureMiddleware } from './sync/capture';
import type { PendingChange, StoredConflict, SyncNotice } from './sync/types';
import type { MetaKey, MetaRow, ScoreRow, SettingsRow } from './types';

export const DATABASE_NAME = 'scorecraft';

/** Version 1: the workspace's records, with the indexes the pages query by. */
export const SCHEMA_V1 = {
	accounts: 'id, segment, csm, renewal_date, name',
	contacts: 'id, account_id, email',
	// The compound key answers "an account's snapshots in date order"; no other index, since
	// each one slows the writes of a large import by about an eighth.
	snapshots: '[account_id+date]',
	// An outbound auto-increment key: outcomes have no id of their own, and a key stored in the
	// record could clash with a field the record already carries.
	outcomes: '++, account_id, date, type',
	scorecards: 'id',
	plays: 'id',
	templates: 'id',
	settings: 'key'
} as const;

/** Version 2: the store's own facts (data version, order, first start) and the score caches. */
export const SCHEMA_V2 = {
	meta: 'key',
	scores: 'account_id, band, overall, delta_30d, scorecard_id, anomaly',
	histories: 'account_id'
} as const;

/**
 * Version 3: what the scorecard builder keeps. Manual measure entries (who entered what, when),
 * every published version of each scorecard, and the one draft a scorecard may have.
 */
export const SCHEMA_V3 = {
	manualEntries: '++, [account_id+measure_id], account_id',
	scorecardVersions: '[scorecard_id+version], scorecard_id',
	scorecardDrafts: 'scorecard_id'
} as const;

/** Version 4: what runs of plays leave behind: the outbox (keyed by idempotency key) and CSM tasks. */
export const SCHEMA_V4 = {
	outbox: 'key, status, play_id, account_id, created_at, action',
	tasks: 'id, status, account_id, assignee, due_date'
} as const;

/**
 * Version 5: the replica of the team's workspace. Local changes wait in `syncChanges` until the
 * server takes them (one row per record: a later edit replaces the body); what the server turned
 * down waits for the person, as a conflict to settle or a notice to read.
 */
export const SCHEMA_V5 = {
	syncChanges: '++seq, group, [kind+id]',
	syncConflicts: '++seq, [kind+id]',
	syncNotices: '++seq'
} as const;

/**
 * Version 6: an account's snapshots in one record (`SnapshotStore`), copied from version 1's
 * table of one row per snapshot, which version 7 then drops (Dexie reads a table in the upgrade
 * of the version after the one that adds its successor, as its samples of a changed key do).
 */
export const SCHEMA_V6 = { [SNAPSHOT_TABLE]: 'account_id, size' } as const;
/**
 * Version 7 also keeps only the indexes a page queries by (each index is written with every row,
 * and a first visit writes every account, person and outcome), and keeps the score caches a few
 * hundred accounts to a record (`AccountChunks`): caches, computed again by the next refresh.
 */
export const SCHEMA_V7 = {
	snapshots: null,
	accounts: 'id, segment, csm',
	contacts: 'id, account_id',
	outcomes: '++, account_id',
	scores: null,
	histories: null,
	scoreChunks: 'first',
	historyChunks: 'first'
} as const;

export const SCHEMA_VERSION = 7;

/** The IndexedDB table holding each kind of record: its own, but snapshots are bundled. */
export const tableOfKind = (kind: RecordKind): string =>
	kind === 'snapshots' ? SNAPSHOT_TABLE : kind;

/** The tables of every kind of record. */
export const RECORD_TABLES: readonly string[] = RECORD_KINDS.map(tableOfKind);

/** What the sync and the counts do with a kind's table, whichever way it is stored. */
export interface RecordTable {
	bulkGet(keys: IndexableType[]): Promise<unknown[]>;
	bulkPut(values: readonly unknown[], keys?: string[]): Promise<unknown>;
	bulkDelete(keys: IndexableType[]): Promise<void>;
	clear(): Promise<void>;
	count(): Promise<number>;
}

export class ScorecraftDatabase extends Dexie {
	accounts!: Table<Account, string>;
	contacts!: Table<Contact, string>;
	/** Snapshots by `[account_id, date]`, stored one record per account in `snapshotBundles`. */
	readonly snapshots: SnapshotStore;
	snapshotBundles!: Table<SnapshotBundle, string>;
	/** Numbers for rows written before version 5; string record ids (`newRecordId`) since. */
	outcomes!: Table<Outcome, number | string>;
	scorecards!: Table<Scorecard, string>;
	plays!: Table<Play, string>;
	templates!: Table<Template, string>;
	settings!: Table<SettingsRow, SettingsRow['key']>;
	meta!: Table<MetaRow, MetaKey>;
	/** Each account's cached score, kept in `scoreChunks`. */
	readonly scores: AccountChunks<ScoreRow>;
	scoreChunks!: Table<AccountChunk<ScoreRow>, string>;
	/** The engine's history as it is, a whole year of an account in each, kept in `historyChunks`. */
	readonly histories: AccountChunks<AccountHistory>;
	historyChunks!: Table<AccountChunk<AccountHistory>, string>;
	manualEntries!: Table<ManualEntry, number | string>;
	scorecardVersions!: Table<ScorecardVersion, [string, number]>;
	scorecardDrafts!: Table<ScorecardDraft, string>;
	outbox!: Table<OutboxEntry, string>;
	tasks!: Table<Task, string>;
	syncChanges!: Table<PendingChange, number>;
	syncConflicts!: Table<StoredConflict, number>;
	syncNotices!: Table<SyncNotice, number>;

	/** `options` carries `{ indexedDB, IDBKeyRange }` where there is no browser (tests). */
	constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
		super(name, options);
		this.version(1).stores(SCHEMA_V1);
		this.version(2)
			.stores(SCHEMA_V2)
			.upgrade(async (tx) => {
				// Version 1 did not record its first start, but a store holding records was in use: mark
				// it so the sample never replaces them.
				const counts = await Promise.all(
					Object.keys(SCHEMA_V1).map((table) => tx.table(table).count())
				);
				if (counts.every((count) => count === 0)) return;
				const rows: MetaRow[] = [
					{ key: 'initialised', value: true },
					{ key: 'dataVersion', value: 1 }
				];
				await tx.table<MetaRow, MetaKey>('meta').bulkPut(rows);
			});
		this.version(3).stores(SCHEMA_V3);
		this.version(4).stores(SCHEMA_V4);
		this.version(5).stores(SCHEMA_V5);
		this.version(6)
			.stores(SCHEMA_V6)
			.upgrade(async (tx) => {
				// In key order, so each account's snapshots come together and in date order.
				const bundles: SnapshotBundle[] = [];
				await tx.table<Snapshot>('snapshots').each((snapshot) => {
					const last = bundles.at(-1);
					if (last?.account_id === snapshot.account_id) last.snapshots.push(snapshot);
					else bundles.push(bundleOf(snapshot.account_id, [snapshot]));
				});
				for (const bundle of bundles) bundle.size = bundle.snapshots.length;
				await tx.table<SnapshotBundle, string>(SNAPSHOT_TABLE).bulkAdd(bundles);
			});
		this.version(7)
			.stores(SCHEMA_V7)
			.upgrade(async (tx) => {
				// The score caches are gone with their tables: they must be computed again.
				await tx.table('meta').bulkDelete(['scoresAsOf', 'scoresDataVersion']);
			});
		this.use(captureMiddleware);
		this.snapshots = new SnapshotStore(this);
		this.scores = new AccountChunks(this, 'scoreChunks');
		this.histories = new AccountChunks(this, 'historyChunks');
	}

	/** The table of one kind of record, as the sync and the counts use it. */
	recordTable(kind: RecordKind): RecordTable {
		if (kind === 'snapshots') return this.snapshots as unknown as RecordTable;
		const table = this.table(kind) as Table<unknown, IndexableType>;
		return {
			bulkGet: (keys) => table.bulkGet(keys),
			bulkPut: (values, keys) => table.bulkPut(values as unknown[], keys),
			bulkDelete: (keys) => table.bulkDelete(keys),
			clear: () => table.clear(),
			count: () => table.count()
		};
	}
}
