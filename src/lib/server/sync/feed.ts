/**
 * The live feed of revisions for the pages' event streams: a commit made by this process is
 * announced at once; one made elsewhere (a second server, the command line on one PostgreSQL)
 * within a poll of the head, which runs only while someone listens.
 */
import type { WorkspaceRecords } from '../store/records';

export type RevisionListener = (revision: number) => void;

export class RevisionFeed {
	#listeners = new Set<RevisionListener>();
	#latest = 0;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		readonly records: WorkspaceRecords,
		readonly pollMs = 1000
	) {}

	/** Calls `listener` with each newer revision; returns the unsubscribe. */
	subscribe(listener: RevisionListener): () => void {
		this.#listeners.add(listener);
		this.#timer ??= setInterval(() => void this.#poll(), this.pollMs);
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) this.stop();
		};
	}

	announce(revision: number): void {
		if (revision <= this.#latest) return;
		this.#latest = revision;
		for (const listener of this.#listeners) listener(revision);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	async #poll(): Promise<void> {
		try {
			this.announce((await this.records.head()).revision);
		} catch {
			// The database is away for a moment (or closing): the next poll tries again.
		}
	}
}
