/**
 * For tests only: the sync protocol's server in memory (revisions, conflicts with other clients,
 * refusals), a transport to it that can go offline, and Web Locks for tabs in one process.
 */
import {
	PULL_PAGE_LIMIT,
	type ChangeGroup,
	type GroupResult,
	type PullPage,
	type PushRequest,
	type PushResponse,
	type ServerRecord
} from '$lib/sync/protocol';
import { SyncTransportError, type PullRequest, type SyncTransport } from './transport';

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

/** What goes over the wire goes as JSON: neither side keeps a reference to the other's objects. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class FakeSyncServer {
	revision = 0;
	/** Every record ever written, deletions kept (body null) so that pulls carry them. */
	readonly records = new Map<string, ServerRecord>();
	/** Returns why a group is refused, or null to take it. */
	refuse: (group: ChangeGroup, client: string) => string | null = () => null;
	readonly #listeners = new Set<(revision: number) => void>();

	constructor(readonly pageLimit = PULL_PAGE_LIMIT) {}

	pull(request: PullRequest): PullPage {
		const from =
			'cursor' in request
				? (JSON.parse(request.cursor) as { since: number; upTo: number; offset: number })
				: { since: request.since, upTo: this.revision, offset: 0 };
		const changed = [...this.records.values()]
			.filter((record) => record.revision > from.since && record.revision <= from.upTo)
			.sort((a, b) => a.revision - b.revision || (a.id < b.id ? -1 : 1));
		const end = from.offset + this.pageLimit;
		const done = end >= changed.length;
		return {
			head: this.revision,
			changes: changed
				.slice(from.offset, end)
				.map(({ kind, id, revision, body }) => ({ kind, id, revision, body })),
			// Mid-way the replica holds only what it held before: a revision may span two pages.
			revision: done ? from.upTo : from.since,
			cursor: done ? null : JSON.stringify({ ...from, offset: end }),
			...('cursor' in request ? {} : { total: changed.length })
		};
	}

	push({ client, groups }: PushRequest): PushResponse {
		const results = groups.map((group) => this.#take(group, client));
		if (results.some((result) => result.status === 'applied'))
			for (const listener of this.#listeners) listener(this.revision);
		return { results };
	}

	#current(kind: ServerRecord['kind'], id: string): ServerRecord {
		const stored = this.records.get(keyOf(kind, id));
		return stored ?? { kind, id, body: null, revision: 0, by: null, at: null };
	}

	#take(group: ChangeGroup, client: string): GroupResult {
		const records = group.changes.map(({ kind, id }) => this.#current(kind, id));
		const reason = this.refuse(group, client);
		if (reason) return { group: group.id, status: 'refused', reason, records };
		const conflicts = group.changes.flatMap(({ kind, id, body }) => {
			const theirs = this.#current(kind, id);
			const changedByAnother = theirs.revision > group.base && theirs.by !== client;
			return changedByAnother ? [{ kind, id, mine: body, theirs }] : [];
		});
		if (conflicts.length > 0) return { group: group.id, status: 'conflict', conflicts, records };
		this.revision += 1;
		const at = new Date().toISOString();
		for (const { kind, id, body } of group.changes)
			this.records.set(keyOf(kind, id), {
				kind,
				id,
				body,
				revision: this.revision,
				by: client,
				at
			});
		return { group: group.id, status: 'applied', revision: this.revision };
	}

	/** Calls `listener` with the revision after every commit. */
	listen(listener: (revision: number) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

/** A browser's connection to the fake server; `setOnline(false)` cuts it. */
export class FakeTransport implements SyncTransport {
	online = true;
	pulls = 0;
	pushes = 0;
	readonly #subscribers = new Set<{
		revision: (n: number) => void;
		state: (open: boolean) => void;
	}>();

	constructor(readonly server: FakeSyncServer) {
		server.listen((revision) => {
			if (this.online) for (const subscriber of this.#subscribers) subscriber.revision(revision);
		});
	}

	#reach(): void {
		if (!this.online) throw new SyncTransportError('offline', 'Failed to fetch');
	}

	async pull(request: PullRequest): Promise<PullPage> {
		await Promise.resolve();
		this.#reach();
		this.pulls += 1;
		return overTheWire(this.server.pull(overTheWire(request)));
	}

	async push(request: PushRequest): Promise<PushResponse> {
		await Promise.resolve();
		this.#reach();
		this.pushes += 1;
		return overTheWire(this.server.push(overTheWire(request)));
	}

	subscribe(revision: (n: number) => void, state: (open: boolean) => void): () => void {
		const subscriber = { revision, state };
		this.#subscribers.add(subscriber);
		if (this.online) this.#announce(subscriber);
		return () => this.#subscribers.delete(subscriber);
	}

	setOnline(online: boolean): void {
		this.online = online;
		for (const subscriber of this.#subscribers) {
			if (online) this.#announce(subscriber);
			else subscriber.state(false);
		}
	}

	/** As the event stream does on connecting: open, then the server's revision. */
	#announce(subscriber: { revision: (n: number) => void; state: (open: boolean) => void }): void {
		setTimeout(() => {
			subscriber.state(true);
			subscriber.revision(this.server.revision);
		});
	}
}

/** Web Locks for the tabs of one test: a lock goes to the next request when its holder is done. */
export class FakeLocks {
	readonly #queues = new Map<string, (() => void)[]>();
	readonly #held = new Set<string>();

	request(
		name: string,
		options: { signal?: AbortSignal },
		callback: () => unknown
	): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const run = () => {
				this.#held.add(name);
				Promise.resolve()
					.then(callback)
					.then(resolve, reject)
					.finally(() => {
						this.#held.delete(name);
						this.#queues.get(name)?.shift()?.();
					});
			};
			if (!this.#held.has(name)) return run();
			const queue = this.#queues.get(name) ?? [];
			this.#queues.set(name, queue);
			queue.push(run);
			options.signal?.addEventListener('abort', () => {
				const at = queue.indexOf(run);
				if (at >= 0) queue.splice(at, 1);
				reject(new DOMException('aborted', 'AbortError'));
			});
		});
	}
}
