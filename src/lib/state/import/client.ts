/**
 * The page's side of the import worker: one typed promise per request. Cancelling ends the worker
 * outright (the next request starts a new one), so a check stops at once wherever it was.
 */
import { WorkerClient, type Unsent, type WorkerPort } from '$lib/workers/client';
import type { InspectResult } from '$lib/import/pipeline';
import type { WorkerRequest, WorkerResponse } from '$lib/import/protocol';
import type {
	CheckProgress,
	CheckSummary,
	ColumnMapping,
	CsvFormat,
	FileProblem,
	ImportKind,
	RowError
} from '$lib/import/types';

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

/** What the worker sends while it checks, before its answer. */
type Update = Extract<WorkerResponse, { type: 'progress' | 'errors' }>;
type Answer = Exclude<WorkerResponse, Update>;

/** The error a request rejects with when it was cancelled. */
export class ImportCancelled extends Error {
	constructor() {
		super('The import was cancelled');
		this.name = 'ImportCancelled';
	}
}

const createImportWorker = () =>
	new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

function unexpected(response: WorkerResponse): never {
	throw new Error(`unexpected answer from the import worker: ${response.type}`);
}

export class ImportWorkerClient {
	readonly #worker: WorkerClient<WorkerRequest, WorkerResponse, Answer>;

	constructor(create: () => WorkerPort | null = createImportWorker) {
		// No fallback on the page's thread: a check there could not be cancelled, nor spare the page.
		this.#worker = new WorkerClient({
			name: 'import',
			create,
			isAnswer: (response): response is Answer =>
				response.type !== 'progress' && response.type !== 'errors'
		});
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
			(update) => {
				if (update.type === 'progress') request.onProgress?.(update.progress);
				// A loop, not push(...batch): a spread of many thousand arguments can overflow the stack.
				else for (const error of update.errors) errors.push(error);
			}
		);
		if (response.type !== 'checked') return unexpected(response);
		return response.result.ok
			? { ok: true, summary: response.result.summary, errors }
			: response.result;
	}

	/** Stops whatever the worker is doing; pending requests reject with `ImportCancelled`. */
	cancel(): void {
		this.#worker.terminate(new ImportCancelled());
	}

	async #request(
		body: Unsent<WorkerRequest>,
		onUpdate?: (update: Update) => void
	): Promise<Answer> {
		const response = await this.#worker.request(body, onUpdate);
		if (response.type === 'failed') throw new Error(response.message);
		return response;
	}
}
