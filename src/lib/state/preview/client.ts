/**
 * The page's side of the preview worker. One request is computed at a time; while it is, only the
 * latest next one is kept and the ones it replaces are answered `superseded`, so a burst of edits
 * (a threshold dragged) costs two previews, not one per step. Where no worker can run, or the
 * worker fails to load, the same handler runs on the page's thread instead.
 */
import { getDatabase, type ScorecraftDatabase } from '$lib/db';
import { PreviewHandler } from './handler';
import type { PreviewInput, PreviewOutcome, PreviewRequest, PreviewResponse } from './types';

export type PreviewAnswer = PreviewOutcome | { ok: false; reason: 'superseded' };

interface Waiting {
	input: PreviewInput;
	resolve: (answer: PreviewAnswer) => void;
}

export function createPreviewWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}

export class PreviewClient {
	#worker: Worker | null;
	#handler: PreviewHandler | null = null;
	readonly #db: () => ScorecraftDatabase;
	#nextId = 1;
	#running: (Waiting & { id: number }) | null = null;
	#next: Waiting | null = null;

	/** `db` is the page's database, used only when the work has to run on the page's thread. */
	constructor(
		create: () => Worker | null = createPreviewWorker,
		db: () => ScorecraftDatabase = getDatabase
	) {
		this.#db = db;
		this.#worker = create();
		this.#worker?.addEventListener('message', (event: MessageEvent<PreviewResponse>) =>
			this.#settle(event.data)
		);
		this.#worker?.addEventListener('error', (event) => {
			event.preventDefault();
			this.#fallBack();
		});
	}

	/** True when the previews are computed in a worker. */
	get inWorker(): boolean {
		return this.#worker !== null;
	}

	/** The preview of `input`, or `superseded` when a later request replaced it before it ran. */
	request(input: PreviewInput): Promise<PreviewAnswer> {
		return new Promise((resolve) => {
			if (this.#running === null) {
				this.#send({ input, resolve });
				return;
			}
			this.#next?.resolve({ ok: false, reason: 'superseded' });
			this.#next = { input, resolve };
		});
	}

	close(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#next?.resolve({ ok: false, reason: 'superseded' });
		this.#next = null;
	}

	#send(waiting: Waiting): void {
		const request: PreviewRequest = { ...waiting.input, id: this.#nextId++ };
		this.#running = { ...waiting, id: request.id };
		if (this.#worker) this.#worker.postMessage(request);
		else void this.#onPage(request).then((response) => this.#settle(response));
	}

	#onPage(request: PreviewRequest): Promise<PreviewResponse> {
		this.#handler ??= new PreviewHandler(this.#db);
		return this.#handler.handle(request);
	}

	#settle(response: PreviewResponse): void {
		const running = this.#running;
		if (!running || running.id !== response.id) return;
		this.#running = null;
		const { id: _id, ...outcome } = response;
		running.resolve(outcome as PreviewOutcome);
		const next = this.#next;
		this.#next = null;
		if (next) this.#send(next);
	}

	/** A worker that failed to load (or died) leaves its request to the page's thread. */
	#fallBack(): void {
		this.#worker?.terminate();
		this.#worker = null;
		const running = this.#running;
		if (running) {
			const request: PreviewRequest = { ...running.input, id: running.id };
			void this.#onPage(request).then((response) => this.#settle(response));
		}
	}
}
