/**
 * The rows the store keeps beside the workspace's own records (which it stores as they are, with
 * the engine's types), and what its functions return.
 */
import type {
	Account,
	AccountHistory,
	Contact,
	IsoDate,
	MeasureScore,
	Snapshot,
	Workspace
} from '$lib/engine';

/** One account's score as of the cache's date, with its 30-day change: what the portfolio pages list. */
export interface ScoreRow {
	account_id: string;
	scorecard_id: string | null;
	overall: number | null;
	band: string | null;
	groups: Record<string, number | null>;
	/** Each measure's raw value, score and share of the overall, for the account page. */
	measures: Record<string, MeasureScore>;
	missing: string[];
	previous: number | null;
	delta_30d: number | null;
	drop_30d: number;
	/** 0 or 1, not a boolean: IndexedDB cannot index booleans. */
	anomaly: 0 | 1;
	/** Set when the account had churned by the cache's date: pages leave it out of the live portfolio. */
	churned_on?: IsoDate;
	/**
	 * The probability of churn within PROBABILITY_HORIZON days, with its range, from the
	 * calibration of the account's scorecard on the workspace's outcomes; absent without either.
	 */
	churn_probability?: { p: number; low: number; high: number };
}

/** The workspace's `settings` object, kept whole in a single row so it comes back exactly. */
export interface SettingsRow {
	key: 'workspace';
	value: Workspace['settings'];
}

/** The order of the small lists whose order means something (scorecards break priority ties by it). */
export interface RecordOrder {
	scorecards: string[];
	plays: string[];
	templates: string[];
}

/** What the store knows about itself, one key/value row each. */
export interface MetaValues {
	/** Bumped by every write to the workspace's records: caches built on an older one are stale. */
	dataVersion: number;
	/** Set once a workspace has been written (the sample or the user's): the sample never overwrites it. */
	initialised: true;
	scoresAsOf: IsoDate;
	/** The `dataVersion` the score caches were computed from. */
	scoresDataVersion: number;
	order: RecordOrder;
	/** Top-level fields of the workspace file that the format does not know, kept for export. */
	workspaceExtra: Record<string, unknown>;
	/** The newest server run brought into the outbox. */
	serverRunSynced: string;
	/** The replica holds every record of the team's workspace up to this revision. */
	syncRevision: number;
	/** Where an unfinished pull goes on (`PullPage.cursor`); null when the last pull finished. */
	syncCursor: string | null;
	/** This database's own id towards the server, made once (`PushRequest.client`). */
	replicaId: string;
	/** The workspace this browser held before the team's, set aside on its first sync (`sync/own-workspace.ts`). */
	ownWorkspace: Workspace;
}

export type MetaKey = keyof MetaValues;
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/** Records from a CSV import, already validated; each is added, or merged into the one it updates. */
export interface ImportRecords {
	accounts?: readonly Account[];
	contacts?: readonly Contact[];
	snapshots?: readonly Snapshot[];
}

/** Distinct keys imported: new, changed, or already stored exactly so (and not written again). */
export interface UpsertCount {
	added: number;
	updated: number;
	unchanged: number;
}

export interface ImportSummary {
	accounts: UpsertCount;
	contacts: UpsertCount;
	snapshots: UpsertCount;
}

/** What a refresh did, with its timings in milliseconds. */
export type RefreshResult =
	| { status: 'fresh'; asOf: IsoDate; dataVersion: number; totalMs: number }
	| {
			status: 'computed';
			asOf: IsoDate;
			dataVersion: number;
			accounts: number;
			readMs: number;
			scoreMs: number;
			writeMs: number;
			totalMs: number;
	  };

/** Whether the score caches describe the data as it is now. */
export interface ScoreCacheState {
	asOf: IsoDate | null;
	dataVersion: number;
	scoresDataVersion: number | null;
	/** True when the caches were computed from the current data (for whatever as-of date). */
	current: boolean;
	/** True while the replica is part way through a change that comes in several pages. */
	receiving: boolean;
}

/** An account and its cached score (null until scores are computed for it). */
export interface PortfolioRow {
	account: Account;
	score: ScoreRow | null;
}

export interface AccountDetail {
	account: Account;
	contacts: Contact[];
	/** The latest snapshots, newest first (at most 10). */
	snapshots: Snapshot[];
	score: ScoreRow | null;
	history: AccountHistory | null;
}

/** The portfolio on one date of the weekly series: accounts not yet churned by then. */
export interface TrendPoint {
	date: IsoDate;
	/** Mean overall score of the accounts with a score; null when none had one. */
	mean: number | null;
	scored: number;
	/** Accounts per band name (including "No data"). */
	bands: Record<string, number>;
}

export interface StorageState {
	/** null when the browser cannot tell. */
	persisted: boolean | null;
	/** Bytes, or null when the browser gives no estimate. */
	usage: number | null;
	quota: number | null;
}
