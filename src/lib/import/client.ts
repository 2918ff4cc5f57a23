/**
 * The page's side of the import worker: one typed promise per request. Cancelling ends the worker
 * outright (the next request starts a new one), so a check stops at once wherever it was.
 */
import type { InspectResult } from './pipeline';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type {
	CheckProgress,
	CheckSummary,
	ColumnMapping,
	CsvFormat,
	FileProblem,
	ImportKind,
	RowError
} from './types';

export type CheckedFile =
	{ ok: true; summary: CheckSummary; errors: RowError[] } | { ok: false; problem: FileProblem };

export interface CheckRequest {
	file: Blob;
	kind: ImportKind;
	mapping: ColumnMapping[];
	format: CsvFormat;
	/** Outcomes dated after it are refused. */
	latestDate?: string;
	onProgress?: (progress: CheckProgress) => void;
}

/** A request before the client numbers it. */
type RequestBody = WorkerRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

interface Pending {
	resolve: (response: WorkerResponse) => void;
	reject: (error: Error) => void;
	onMessage?: (response: WorkerResponse) => void;
}

/** The error a request rejects with when it was cancelled. */
export class ImportCancelled extends Error {
	constructor() {
		super('The import was cancelled');
		this.name = 'ImportCancelled';
	}
}

export function createImportWorker(): Worker {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

function unexpected(response: WorkerResponse): never {
	throw new Error(`unexpected answer from the import worker: ${response.type}`);
}

export class ImportWorkerClient {
	#worker: Worker | null = null;
	#nextId = 1;
	readonly #pending = new Map<number, Pending>();
	readonly #create: () => Worker;

	constructor(create: () => Worker = createImportWorker) {
		this.#create = create;
	}

	async inspect(file: Blob, kind: ImportKind): Promise<InspectResult> {
		const response = await this.#request({ type: 'inspect', file, kind });
		return response.type === 'inspected' ? response.result : unexpected(response);
	}

	/** Checks the whole file: the counts, and every problem with its row and column. */
	async check(request: CheckRequest): Promise<CheckedFile> {
		const errors: RowError[] = [];
		const response = await this.#request(
			{
				type: 'check',
				file: request.file,
				kind: request.kind,
				mapping: request.mapping,
				format: request.format,
				latestDate: request.latestDate
			},
			(message) => {
				if (message.type === 'progress') request.onProgress?.(message.progress);
				// A loop, not push(...batch): a spread of many thousand arguments can overflow the stack.
				else if (message.type === 'errors') for (const error of message.errors) errors.push(error);
			}
		);
		if (response.type !== 'checked') return unexpected(response);
		return response.result.ok
			? { ok: true, summary: response.result.summary, errors }
			: response.result;
	}

	/** Stops whatever the worker is doing; pending requests reject with `ImportCancelled`. */
	cancel(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failAll(new ImportCancelled());
	}

	#failAll(error: Error): void {
		const pending = [...this.#pending.values()];
		this.#pending.clear();
		for (const request of pending) request.reject(error);
	}

	#ensureWorker(): Worker {
		if (this.#worker) return this.#worker;
		const worker = this.#create();
		worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
			const response = event.data;
			const pending = this.#pending.get(response.id);
			if (!pending) return;
			if (response.type === 'progress' || response.type === 'errors') {
				pending.onMessage?.(response);
				return;
			}
			this.#pending.delete(response.id);
			if (response.type === 'failed') pending.reject(new Error(response.message));
			else pending.resolve(response);
		});
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			this.#worker?.terminate();
			this.#worker = null;
			this.#failAll(new Error(event.message || 'The import worker failed to start'));
		});
		this.#worker = worker;
		return worker;
	}

	#request(
		body: RequestBody,
		onMessage?: (response: WorkerResponse) => void
	): Promise<WorkerResponse> {
		const worker = this.#ensureWorker();
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject, onMessage });
			worker.postMessage({ ...body, id } as WorkerRequest);
		});
	}
}
