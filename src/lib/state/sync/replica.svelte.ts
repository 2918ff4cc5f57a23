/**
 * The browser's replica of the team workspace as page state: the sync loop's status, reactive.
 * The root layout starts it once (`start()` returns the function that stops it); pages read
 * `status` for the header's badge, the first load's progress, and the counts of changes waiting,
 * conflicts to settle and notices to read.
 */
import { getDatabase, type ScorecraftDatabase } from '$lib/db';
import { setAsideOwnWorkspace } from '$lib/db/sync';
import { startingStatus, SyncLoop, type SyncLoopOptions, type SyncStatus } from './loop';
import { HttpTransport, type SyncTransport } from './transport';

export class Replica {
	status: SyncStatus = $state.raw(startingStatus());
	readonly #loop: SyncLoop;
	readonly #db: ScorecraftDatabase;

	constructor(
		db: ScorecraftDatabase = getDatabase(),
		transport: SyncTransport = new HttpTransport(),
		options: Omit<SyncLoopOptions, 'onStatus'> = {}
	) {
		this.#db = db;
		this.#loop = new SyncLoop(db, transport, {
			...options,
			onStatus: (status) => (this.status = status)
		});
	}

	/**
	 * Starts syncing (once this tab holds the database's lock), after setting aside a workspace this
	 * browser held before the team's; returns `stop`.
	 */
	start(): () => void {
		let stopped = false;
		let stop = () => {};
		void setAsideOwnWorkspace(this.#db)
			.catch(() => false)
			.then(() => {
				if (!stopped) stop = this.#loop.start();
			});
		return () => {
			stopped = true;
			stop();
		};
	}

	stop(): void {
		this.#loop.stop();
	}

	/** A round now: after signing in again, or from a "sync now" button. */
	sync(): Promise<void> {
		return this.#loop.sync();
	}
}
