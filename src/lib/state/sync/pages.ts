/**
 * The pages of one pull, asked for one after another as soon as the last one arrives, while the
 * replica writes the earlier ones: the server's reads and the network overlap the IndexedDB
 * writes, and the pages that arrived during a write are written together in the next one (fewer
 * transactions, and fewer reruns of the pages' live queries after each commit).
 */
import type { PullPage } from '$lib/sync/protocol';
import type { PullRequest, SyncTransport } from './transport';

export interface PageStream {
	/**
	 * The pages arrived and not taken yet (at most `join`), in order, waiting for one when none
	 * has; empty once the pull's last page was taken. A failed request rejects, after the pages
	 * that came before it.
	 */
	take(): Promise<PullPage[]>;
	/** Asks for no more pages (a loop that stops). */
	stop(): void;
}

/**
 * How the pages of a pull are fetched and handed over: at most `ahead` pages wait to be taken
 * (the server reads the next ones while this browser writes: a page of accounts or contacts takes
 * it about half a second, one of snapshots a tenth, and a page's JSON is about 2 MB), and at most
 * `join` are taken at once (the writes of 10,000 records at once already keep the page's thread
 * busy for a while, issuing them, and larger ones held it for seconds without saving more).
 */
export interface PageLimits {
	ahead: number;
	join: number;
}

const LIMITS: PageLimits = { ahead: 6, join: 2 };

export function pullPages(
	transport: SyncTransport,
	request: PullRequest,
	limits: Partial<PageLimits> = {}
): PageStream {
	const { ahead, join } = { ...LIMITS, ...limits };
	const arrived: PullPage[] = [];
	let failure: { error: unknown } | null = null;
	let finished = false;
	let stopped = false;
	let wake = () => {};
	let room = () => {};

	void (async () => {
		let next: PullRequest | null = request;
		try {
			while (next && !stopped) {
				if (arrived.length >= ahead) await new Promise<void>((resolve) => (room = resolve));
				if (stopped) break;
				const page: PullPage = await transport.pull(next);
				arrived.push(page);
				wake();
				next = page.cursor === null ? null : { cursor: page.cursor };
			}
		} catch (error) {
			failure = { error };
		}
		finished = true;
		wake();
	})();

	return {
		async take() {
			while (arrived.length === 0) {
				if (failure) throw failure.error;
				if (finished) return [];
				await new Promise<void>((resolve) => (wake = resolve));
			}
			const pages = arrived.splice(0, join);
			room();
			return pages;
		},
		stop() {
			stopped = true;
			room();
		}
	};
}
