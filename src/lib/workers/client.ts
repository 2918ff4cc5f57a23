/**
 * The page's side of a worker, shared by every worker the app runs: each request gets an id, and the
 * worker's messages carrying that id go to whoever asked. A worker may send news before its answer
 * (progress, problems found so far); those go to the request's listener. Where a worker cannot run
 * (a browser without module workers, a test environment) or it fails, a client given a fallback runs
 * the same handler on the page's thread from then on, so the answers still come; one without a
 * fallback rejects what was waiting and starts a new worker for the next request.
 */

/** What the client needs of a worker: a `Worker`, or a stand-in in tests. */
export interface WorkerPort {
	postMessage(message: unknown): void;
	addEventListener(
		type: 'message' | 'error' | 'messageerror',
		listener: (event: Event) => void
	): void;
	terminate(): void;
}

interface Message {
	id: number;
}

/** A request before the client numbers it (the `Omit` distributed over each kind of request). */
export type Unsent<Request extends Message> = Request extends unknown ? Omit<Request, 'id'> : never;

export interface WorkerClientOptions<
	Request extends Message,
	Response extends Message,
	Answer extends Response
> {
	/** Names the worker in errors: "the import worker". */
	name: string;
	/** Makes the worker; a throw or null means no worker can run here. */
	create: () => WorkerPort | null;
	/**
	 * Does the worker's work on the page's thread, posting what the worker would have posted. Without
	 * it, a request that no worker can take rejects.
	 */
	fallback?: (request: Request, post: (response: Response) => void) => Promise<unknown>;
	/** Whether a message is the request's answer rather than news before it; by default all are. */
	isAnswer?: (response: Response) => response is Answer;
}

/** A worker that would not start, died, or sent what could not be read. */
export class WorkerFailed extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WorkerFailed';
	}
}

interface Pending<Request, Response, Answer> {
	request: Request;
	resolve: (answer: Answer) => void;
	reject: (error: unknown) => void;
	onUpdate?: (update: Exclude<Response, Answer>) => void;
}

export class WorkerClient<
	Request extends Message,
	Response extends Message,
	Answer extends Response = Response
> {
	readonly #options: WorkerClientOptions<Request, Response, Answer>;
	readonly #pending = new Map<number, Pending<Request, Response, Answer>>();
	#nextId = 1;
	#worker: WorkerPort | null;
	/** Set once the work has moved to the page's thread for good (only with a fallback). */
	#onPage = false;

	constructor(options: WorkerClientOptions<Request, Response, Answer>) {
		this.#options = options;
		this.#worker = this.#start();
		if (!this.#worker && options.fallback) this.#onPage = true;
	}

	/** True while a worker is there to take requests. */
	get inWorker(): boolean {
		return this.#worker !== null;
	}

	/** The request's answer; `onUpdate` hears the news the worker sends about it before that. */
	request(
		body: Unsent<Request>,
		onUpdate?: (update: Exclude<Response, Answer>) => void
	): Promise<Answer> {
		// The body with an id is the request again; TypeScript cannot follow a distributed `Omit` back.
		const request = { ...body, id: this.#nextId++ } as unknown as Request;
		return new Promise((resolve, reject) => {
			const worker = this.#onPage ? null : (this.#worker ??= this.#start());
			if (!worker && !this.#options.fallback) {
				reject(new WorkerFailed(`The ${this.#options.name} worker could not start`));
				return;
			}
			this.#pending.set(request.id, { request, resolve, reject, onUpdate });
			if (worker) worker.postMessage(request);
			else {
				this.#onPage = true;
				this.#runOnPage(request);
			}
		});
	}

	/**
	 * Ends the worker. With a `reason`, every pending request rejects with it; without one they are
	 * dropped unanswered, as whoever closes a client has stopped listening (a late rejection would
	 * reach code that has moved on). The next request starts a new worker, unless the work has moved
	 * to the page's thread.
	 */
	terminate(reason?: Error): void {
		this.#worker?.terminate();
		this.#worker = null;
		const pending = [...this.#pending.values()];
		this.#pending.clear();
		if (reason) for (const { reject } of pending) reject(reason);
	}

	#start(): WorkerPort | null {
		let worker: WorkerPort | null;
		try {
			worker = this.#options.create();
		} catch {
			return null;
		}
		// A worker ended since (cancelled, failed) may still have events queued: its requests are settled.
		worker?.addEventListener('message', (event) => {
			if (worker === this.#worker) this.#receive((event as MessageEvent<Response>).data);
		});
		worker?.addEventListener('error', (event) => {
			// Handled here: not an uncaught error on the page.
			event.preventDefault();
			const detail = (event as Partial<ErrorEvent>).message;
			if (worker === this.#worker)
				this.#fail(detail || `The ${this.#options.name} worker failed to start`);
		});
		worker?.addEventListener('messageerror', () => {
			if (worker === this.#worker)
				this.#fail(`A message from the ${this.#options.name} worker could not be read`);
		});
		return worker;
	}

	#receive(response: Response): void {
		const pending = this.#pending.get(response.id);
		if (!pending) return;
		const isAnswer = this.#options.isAnswer;
		if (isAnswer && !isAnswer(response)) {
			pending.onUpdate?.(response as Exclude<Response, Answer>);
			return;
		}
		this.#pending.delete(response.id);
		pending.resolve(response as Answer);
	}

	#runOnPage(request: Request): void {
		const fallback = this.#options.fallback;
		if (!fallback) return;
		const reject = (error: unknown) => {
			const pending = this.#pending.get(request.id);
			this.#pending.delete(request.id);
			pending?.reject(error);
		};
		try {
			void fallback(request, (response) => this.#receive(response)).catch(reject);
		} catch (error) {
			reject(error);
		}
	}

	/** The worker is unusable: what waited runs on the page's thread, or rejects without a fallback. */
	#fail(message: string): void {
		this.#worker?.terminate();
		this.#worker = null;
		if (this.#options.fallback) {
			this.#onPage = true;
			for (const { request } of this.#pending.values()) this.#runOnPage(request);
			return;
		}
		this.terminate(new WorkerFailed(message));
	}
}
