/**
 * How the sync client reaches the server: the protocol's three endpoints behind one interface, so
 * that tests run the client against a server in memory. Failures come back as one named error
 * whose `reason` tells the client what to do: wait for the network, ask the person to sign in, or
 * try again later.
 */
import type { PullPage, PushRequest, PushResponse } from '$lib/sync/protocol';

export type PullRequest = { since: number; limit?: number } | { cursor: string };

export interface SyncTransport {
	pull(request: PullRequest): Promise<PullPage>;
	push(request: PushRequest): Promise<PushResponse>;
	/**
	 * Follows the server's revisions (`onRevision` at connect and after every commit) and whether
	 * the connection is open. Returns the function that stops following.
	 */
	subscribe(onRevision: (revision: number) => void, onState: (open: boolean) => void): () => void;
}

export type TransportFailure = 'offline' | 'signed-out' | 'failed';

export class SyncTransportError extends Error {
	constructor(
		readonly reason: TransportFailure,
		message: string
	) {
		super(message);
		this.name = 'SyncTransportError';
	}
}

/** The revision an event announces; null for anything else (it is only a hint to pull). */
function revisionOf(data: string): number | null {
	try {
		const revision = (JSON.parse(data) as { revision?: unknown }).revision;
		return typeof revision === 'number' ? revision : null;
	} catch {
		return null;
	}
}

type EventSourceClass = new (url: string) => EventSource;

export interface HttpTransportOptions {
	/** Prefixed to `/api/sync` (tests point it at a server of their own). */
	base?: string;
	fetch?: typeof fetch;
	EventSource?: EventSourceClass;
	/** How long to wait before opening the event stream again once the browser gave it up. */
	reconnectMs?: number;
}

/** The real transport: `fetch` for pulls and pushes, server-sent events for revisions. */
export class HttpTransport implements SyncTransport {
	readonly #base: string;
	readonly #fetch: typeof fetch;
	readonly #EventSource: EventSourceClass | undefined;
	readonly #reconnectMs: number;

	constructor(options: HttpTransportOptions = {}) {
		this.#base = options.base ?? '';
		this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
		this.#EventSource = options.EventSource ?? globalThis.EventSource;
		this.#reconnectMs = options.reconnectMs ?? 10_000;
	}

	pull(request: PullRequest): Promise<PullPage> {
		const query = new URLSearchParams(
			'cursor' in request
				? { cursor: request.cursor }
				: {
						since: String(request.since),
						...(request.limit === undefined ? {} : { limit: String(request.limit) })
					}
		);
		return this.#json<PullPage>(`/api/sync?${query}`, { method: 'GET' });
	}

	push(request: PushRequest): Promise<PushResponse> {
		return this.#json<PushResponse>('/api/sync', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request)
		});
	}

	async #json<T>(path: string, init: RequestInit): Promise<T> {
		let response: Response;
		try {
			response = await this.#fetch(this.#base + path, { ...init, credentials: 'same-origin' });
		} catch (error) {
			// fetch rejects only when no answer came at all: the network, not the server.
			throw new SyncTransportError(
				'offline',
				error instanceof Error ? error.message : String(error)
			);
		}
		if (response.status === 401) throw new SyncTransportError('signed-out', 'signed out');
		if (!response.ok) {
			const text = await response.text().catch(() => '');
			throw new SyncTransportError('failed', `${response.status} ${text}`.trim());
		}
		return (await response.json()) as T;
	}

	subscribe(onRevision: (revision: number) => void, onState: (open: boolean) => void): () => void {
		const EventSourceClass = this.#EventSource;
		if (!EventSourceClass) return () => undefined;
		let source: EventSource | null = null;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const open = () => {
			const current = new EventSourceClass(`${this.#base}/api/sync/events`);
			source = current;
			current.addEventListener('open', () => onState(true));
			current.addEventListener('revision', (event) => {
				const revision = revisionOf((event as MessageEvent<string>).data);
				if (revision !== null) onRevision(revision);
			});
			current.addEventListener('error', () => {
				onState(false);
				// The browser reconnects by itself after a dropped connection, but gives up for good
				// after an HTTP error (a restarting proxy, a 401): then it is opened again later.
				if (current.readyState === 2) {
					current.close();
					timer = setTimeout(open, this.#reconnectMs);
				}
			});
		};
		open();
		return () => {
			clearTimeout(timer);
			source?.close();
		};
	}
}
