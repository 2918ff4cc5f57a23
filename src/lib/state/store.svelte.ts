/**
 * The store as the pages see it: started once per page load from the root layout, once the
 * replica holds the team's workspace, and kept scored. A live query follows the score caches' state; whenever they fall behind the data (an
 * import, another tab, a new day), the refresh worker scores the portfolio again off the page's
 * thread. The header shows the status; pages wait for the first scores.
 */
import { liveQuery } from 'dexie';
import {
	getDatabase,
	scoreCacheState,
	type RefreshResult,
	type ScoreCacheState,
	type ScorecraftDatabase
} from '$lib/db';
import type { IsoDate } from '$lib/engine';
import { RefreshClient } from './refresh-client';
import type { StartTimings } from './refresh-protocol';
import { todayUtc } from './today';

export type StoreStatus =
	| { kind: 'starting' }
	| { kind: 'scoring' }
	| { kind: 'ready'; asOf: IsoDate }
	| { kind: 'error'; message: string };

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class Store {
	/** The caches' state as last read; null until the first read. */
	cache: ScoreCacheState | null = $state.raw(null);
	/** How long the start took, and the last refresh that computed anything (for the curious). */
	started: StartTimings | null = $state.raw(null);
	lastRefresh: RefreshResult | null = $state.raw(null);
	#task: 'starting' | 'refreshing' | null = $state(null);
	#error: string | null = $state(null);
	/** The data version and as-of date last scored, so a refresh is not asked for twice. */
	#scored: { dataVersion: number; asOf: IsoDate } | null = null;
	/** The data version whose refresh failed: not retried until the data changes again. */
	#failedVersion: number | null = null;
	#halted = false;
	#client: RefreshClient | null = null;
	/** A client made ahead of `start` (`prepare`), not taken yet. */
	#prepared: RefreshClient | null = null;
	#stop: (() => void) | null = null;
	readonly #today: () => IsoDate;

	constructor(today: () => IsoDate = () => todayUtc()) {
		this.#today = today;
	}

	readonly status: StoreStatus = $derived.by(() => {
		if (this.#error !== null && this.#task === null) return { kind: 'error', message: this.#error };
		const cache = this.cache;
		if (cache === null) return { kind: 'starting' };
		if (this.#task === 'refreshing' || this.#stale(cache) || cache.asOf === null)
			return { kind: 'scoring' };
		if (this.#task === 'starting') return { kind: 'starting' };
		return { kind: 'ready', asOf: cache.asOf };
	});

	/** The date the cached scores describe, once there are scores; the pages wait for it. */
	get asOf(): IsoDate | null {
		return this.cache?.asOf ?? null;
	}

	/**
	 * Starts the store (its scores brought to today) and keeps it scored.
	 * Called from the root layout's effect; a second call while running does nothing. Returns the
	 * function that stops following the store.
	 */
	start(
		db: ScorecraftDatabase = getDatabase(),
		client: RefreshClient = this.#takePrepared() ?? new RefreshClient(() => db)
	): () => void {
		if (this.#stop) return this.#stop;
		this.#client = client;
		this.#task = 'starting';
		this.#halted = false;
		const subscription = liveQuery(() => scoreCacheState(db)).subscribe({
			next: (cache) => {
				this.cache = cache;
				this.#check();
			},
			error: (error: unknown) => (this.#error = messageOf(error))
		});
		client
			.start(this.#today())
			.then(
				(result) => {
					this.started = result;
					if (result.refresh.status === 'computed') this.lastRefresh = result.refresh;
					this.#scored = { dataVersion: result.refresh.dataVersion, asOf: result.refresh.asOf };
				},
				(error: unknown) => {
					this.#error = messageOf(error);
					// A store that could not start would fail to score too: leave the error showing.
					this.#halted = true;
				}
			)
			.finally(() => {
				this.#task = null;
				this.#check();
			});
		this.#stop = () => {
			subscription.unsubscribe();
			client.close();
			this.#client = null;
			this.#stop = null;
		};
		return this.#stop;
	}

	/**
	 * Starts the refresh worker before `start` is called, while the replica loads: its script is
	 * fetched and compiled, and its database opened, by the time the workspace is here to score
	 * (a third of a second of a first start otherwise). Returns the function that ends it if
	 * `start` never took it.
	 */
	prepare(
		db: ScorecraftDatabase = getDatabase(),
		client: () => RefreshClient = () => new RefreshClient(() => db)
	): () => void {
		if (!this.#stop) this.#prepared ??= client();
		return () => {
			this.#prepared?.close();
			this.#prepared = null;
		};
	}

	#takePrepared(): RefreshClient | null {
		const prepared = this.#prepared;
		this.#prepared = null;
		return prepared;
	}

	#stale(cache: ScoreCacheState): boolean {
		return !cache.current || cache.asOf !== this.#today();
	}

	/** Asks for a refresh when the caches are behind and none is running or already done. */
	#check(): void {
		const cache = this.cache;
		const client = this.#client;
		if (this.#task !== null || this.#halted || !cache || !client || !this.#stale(cache)) return;
		// Scored once the whole change is here: scoring after each page of 100,000 rows would score
		// half an import, again and again, and slow the pages still to come.
		if (cache.receiving) return;
		const asOf = this.#today();
		const scored = this.#scored;
		if (scored && scored.dataVersion >= cache.dataVersion && scored.asOf === asOf) return;
		if (this.#failedVersion === cache.dataVersion) return;
		this.#task = 'refreshing';
		client
			.refresh(asOf)
			.then(
				(result) => {
					this.#scored = { dataVersion: result.dataVersion, asOf: result.asOf };
					if (result.status === 'computed') this.lastRefresh = result;
					this.#error = null;
					this.#failedVersion = null;
				},
				(error: unknown) => {
					this.#error = messageOf(error);
					this.#failedVersion = cache.dataVersion;
				}
			)
			.finally(() => {
				this.#task = null;
				this.#check();
			});
	}
}

/** The page's one store. */
export const store = new Store();
