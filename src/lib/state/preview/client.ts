/**
 * The page's side of the preview worker. One request is computed at a time; while it is, only the
 * latest next one is kept and the ones it replaces are answered `superseded`, so a burst of edits
 * (a threshold dragged) costs two previews, not one per step. Where no worker can run, or the
 * worker fails to load, the same handler runs on the page's thread instead.
 */
import { getDatabase, type ScorecraftDatabase } from '$lib/db';
import { WorkerClient, type WorkerPort } from '$lib/workers/client';
import { PreviewHandler } from './handler';
import type { PreviewInput, PreviewOutcome, PreviewRequest, PreviewResponse } from './types';

export type PreviewAnswer = PreviewOutcome | { ok: false; reason: 'superseded' };

const SUPERSEDED: PreviewAnswer = { ok: false, reason: 'superseded' };

interface Waiting {
	input: PreviewInput;
	resolve: (answer: PreviewAnswer) => void;
}

const createPreviewWorker = () =>
	new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });

export class PreviewClient {
	readonly #worker: WorkerClient<PreviewRequest, PreviewResponse>;
	#running = false;
	#next: Waiting | null = null;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(
		create: () => WorkerPort | null = createPreviewWorker,
		db: () => ScorecraftDatabase = getDatabase
	) {
		let handler: PreviewHandler | undefined;
		this.#worker = new WorkerClient({
			name: 'preview',
			create,
			fallback: (request, post) => (handler ??= new PreviewHandler(db)).handle(request).then(post)
		});
	}

	/** True when the previews are computed in a worker. */
	get inWorker(): boolean {
		return this.#worker.inWorker;
	}

	/** The preview of `input`, or `superseded` when a later request replaced it before it ran. */
	request(input: PreviewInput): Promise<PreviewAnswer> {
		return new Promise((resolve) => {
			if (!this.#running) {
				this.#run({ input, resolve });
				return;
			}
			this.#next?.resolve(SUPERSEDED);
			this.#next = { input, resolve };
		});
	}

	/** The preview being computed is dropped unanswered, as its asker has gone. */
	close(): void {
		this.#worker.terminate();
		this.#next?.resolve(SUPERSEDED);
		this.#next = null;
	}

	#run({ input, resolve }: Waiting): void {
		this.#running = true;
		void this.#worker.request(input).then(({ id: _id, ...outcome }) => {
			this.#running = false;
			resolve(outcome as PreviewOutcome);
			const next = this.#next;
			this.#next = null;
			if (next) this.#run(next);
		});
	}
}
