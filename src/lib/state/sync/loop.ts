/**
 * The sync client's loop, free of Svelte so that tests drive it in node: push what the person
 * changed, then pull what the server has that the replica lacks. A round runs on start, when the
 * server announces a revision the replica does not hold, shortly after a local write, and again
 * after a failure with a growing wait. One tab per database leads (a Web Lock); the others only
 * follow the counts, as the leader keeps their shared database up to date.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { ScorecraftDatabase } from '$lib/db/database';
import { readMeta } from '$lib/db/meta';
import {
	applyPage,
	applyResults,
	HeldIds,
	pendingGroups,
	replicaId,
	type PushLimits
} from '$lib/db/sync';
import { joinPages } from '$lib/sync/protocol';
import { pullPages } from './pages';
import { SyncTransportError, type SyncTransport } from './transport';

export interface SyncStatus {
	/** `loading` until the replica first holds the whole workspace; `error` holds the reason. */
	phase: 'loading' | 'live' | 'offline' | 'error';
	/** Records pulled by the pull under way (or the last one), of `total` when the server said. */
	loaded: number;
	total: number | null;
	pending: number;
	conflicts: number;
	notices: number;
	error?: string;
}

/** What the loop needs of `navigator.locks`. */
export interface LockRequester {
	request(
		name: string,
		options: { signal?: AbortSignal },
		callback: () => unknown
	): Promise<unknown>;
}

export interface SyncLoopOptions {
	onStatus?: (status: SyncStatus) => void;
	/** How long after a local write to push: writes made together go in one push. */
	pushDelayMs?: number;
	/** The wait after a first failure, doubled after each next one up to `retryMaxMs`. */
	retryMs?: number;
	retryMaxMs?: number;
	limits?: PushLimits;
	/** The Web Locks to lead under; null runs without (a browser without them, tests). */
	locks?: LockRequester | null;
}

/** Where a replica starts: loading, nothing counted yet. */
export const startingStatus = (): SyncStatus => ({
	phase: 'loading',
	loaded: 0,
	total: null,
	pending: 0,
	conflicts: 0,
	notices: 0
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SyncLoop {
	readonly #db: ScorecraftDatabase;
	readonly #transport: SyncTransport;
	readonly #options: SyncLoopOptions;
	#status: SyncStatus = startingStatus();
	#leading = false;
	#stopped = true;
	#stops: (() => void)[] = [];
	/** The newest revision the server announced, and the one the replica holds. */
	#head = 0;
	#revision = 0;
	#failures = 0;
	/** Set on start and after a failure: the next round pulls even with no revision announced. */
	#stale = true;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#timerAt = Infinity;
	#round: Promise<void> | null = null;
	#again = false;

	constructor(db: ScorecraftDatabase, transport: SyncTransport, options: SyncLoopOptions = {}) {
		this.#db = db;
		this.#transport = transport;
		this.#options = options;
	}

	get status(): SyncStatus {
		return this.#status;
	}

	/** Starts following (and, once this tab holds the lock, syncing). Returns `stop`. */
	start(): () => void {
		if (!this.#stopped) return () => this.stop();
		this.#stopped = false;
		this.#stale = true;
		this.#follow();
		const locks =
			this.#options.locks === undefined
				? (globalThis.navigator?.locks ?? null)
				: this.#options.locks;
		if (!locks) {
			this.#lead();
			return () => this.stop();
		}
		const abort = new AbortController();
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		this.#stops.push(() => {
			abort.abort();
			release();
		});
		locks
			.request(`scorecraft-sync:${this.#db.name}`, { signal: abort.signal }, () => {
				if (this.#stopped) return;
				this.#lead();
				return held;
			})
			.catch(() => undefined);
		return () => this.stop();
	}

	stop(): void {
		this.#stopped = true;
		this.#leading = false;
		clearTimeout(this.#timer);
		this.#timerAt = Infinity;
		for (const stop of this.#stops.splice(0)) stop();
	}

	/** Runs a round now (after the one under way, if any) and pulls; resolves when it is done. */
	sync(): Promise<void> {
		// Only the leading tab syncs: two tabs pushing one database would push its changes twice.
		if (!this.#leading) return Promise.resolve();
		this.#stale = true;
		if (!this.#round) return this.#run();
		this.#again = true;
		return this.#round;
	}

	/** Counts and the replica's facts, for every tab; and the push shortly after a local write. */
	#follow(): void {
		const db = this.#db;
		const subscription: Subscription = liveQuery(() =>
			Promise.all([
				db.syncChanges.count(),
				db.syncConflicts.count(),
				db.syncNotices.count(),
				readMeta(db, 'syncRevision'),
				readMeta(db, 'syncCursor')
			])
		).subscribe({
			next: ([pending, conflicts, notices, revision, cursor]) => {
				const loaded = revision !== undefined && (cursor ?? null) === null;
				const phase = this.#leading ? this.#status.phase : loaded ? 'live' : 'loading';
				this.#update({ pending, conflicts, notices, phase });
				if (this.#leading && pending > 0) this.#schedule(this.#options.pushDelayMs ?? 200);
			},
			error: (error: unknown) => this.#update({ phase: 'error', error: messageOf(error) })
		});
		this.#stops.push(() => subscription.unsubscribe());
	}

	#lead(): void {
		this.#leading = true;
		const unsubscribe = this.#transport.subscribe(
			(revision) => {
				this.#head = Math.max(this.#head, revision);
				if (revision > this.#revision) this.#schedule(0);
			},
			(open) => {
				if (open && this.#status.phase !== 'live') this.#retryNow();
				else if (!open && this.#status.phase === 'live') this.#update({ phase: 'offline' });
			}
		);
		this.#stops.push(unsubscribe);
		this.#schedule(0);
	}

	#retryNow(): void {
		this.#failures = 0;
		this.#schedule(0);
	}

	/** A round in `delay` ms, unless one is due sooner. */
	#schedule(delay: number): void {
		if (this.#stopped || !this.#leading) return;
		const at = Date.now() + delay;
		if (at >= this.#timerAt) return;
		clearTimeout(this.#timer);
		this.#timerAt = at;
		this.#timer = setTimeout(() => {
			this.#timerAt = Infinity;
			if (this.#round) this.#again = true;
			else void this.#run();
		}, delay);
	}

	#run(): Promise<void> {
		const round = (async () => {
			do {
				this.#again = false;
				await this.#once();
			} while (this.#again && !this.#stopped);
		})();
		this.#round = round.finally(() => (this.#round = null));
		return this.#round;
	}

	async #once(): Promise<void> {
		try {
			await this.#push();
			await this.#pull();
			this.#failures = 0;
			this.#update({ phase: 'live', error: undefined });
		} catch (error) {
			this.#failed(error);
		}
	}

	#failed(error: unknown): void {
		this.#stale = true;
		const reason = error instanceof SyncTransportError ? error.reason : 'failed';
		this.#update({
			phase: reason === 'offline' ? 'offline' : 'error',
			error: reason === 'signed-out' ? 'signed out' : messageOf(error)
		});
		// Signed out, nothing changes until the person signs in again (and `sync()` is called).
		if (reason === 'signed-out') return;
		this.#failures += 1;
		const first = this.#options.retryMs ?? 1_000;
		this.#schedule(Math.min(this.#options.retryMaxMs ?? 10_000, first * 2 ** (this.#failures - 1)));
	}

	async #push(): Promise<void> {
		const client = await replicaId(this.#db);
		for (;;) {
			const groups = await pendingGroups(this.#db, this.#options.limits);
			if (groups.length === 0 || this.#stopped) return;
			const { results } = await this.#transport.push({ client, groups });
			await applyResults(this.#db, results, groups);
			if (results.length === 0) return;
		}
	}

	/**
	 * Pulls pages until the replica holds what the server last announced. After a start or a
	 * failure it pulls once anyway: announcements may have been missed meanwhile.
	 */
	async #pull(): Promise<void> {
		let since = (await readMeta(this.#db, 'syncRevision')) ?? 0;
		let cursor = (await readMeta(this.#db, 'syncCursor')) ?? null;
		this.#revision = since;
		const firstLoad = since === 0 || cursor !== null;
		let loaded = 0;
		let total: number | null = null;
		// The ids the replica holds, read once for all the pages of a large pull.
		const held = new HeldIds();
		while (this.#stale || cursor !== null || this.#head > since) {
			if (this.#stopped) return;
			const request = cursor === null ? { since } : { cursor };
			const pages = pullPages(this.#transport, request);
			try {
				for (;;) {
					const arrived = await pages.take();
					if (arrived.length === 0 || this.#stopped) break;
					const page = joinPages(arrived);
					// A server whose head stays ahead of what it lets this replica pull must not spin the loop.
					const stalled = 'since' in request && page.cursor === null && page.revision <= since;
					await applyPage(this.#db, page, held);
					this.#stale = false;
					this.#head = Math.max(this.#head, page.head);
					this.#revision = since = Math.max(since, page.revision);
					cursor = page.cursor;
					loaded += page.changes.length;
					total = page.total ?? total;
					this.#update({ loaded, total, ...(firstLoad ? { phase: 'loading' as const } : {}) });
					if (stalled) return;
				}
			} finally {
				pages.stop();
			}
			if (this.#stopped) return;
		}
	}

	#update(change: Partial<SyncStatus>): void {
		const next = { ...this.#status, ...change };
		if (next.error === undefined) delete next.error;
		this.#status = next;
		this.#options.onStatus?.(next);
	}
}
