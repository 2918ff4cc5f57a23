/**
 * What the import worker does with each request, apart from the worker itself so it runs (and is
 * tested) anywhere: it reads, maps and checks a file, keeps the valid rows' records, and writes
 * them when asked. Every answer goes to `post`.
 */
import type { ScorecraftDatabase } from '$lib/db/database';
import { checkCsv, inspectCsv } from './pipeline';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { storedAccountIds, writeRecords } from './store';
import type { ImportKind, ImportRecord } from './types';

/** Big enough that messages stay few, small enough that the progress bar moves. */
export const WORKER_CHUNK_SIZE = 512 * 1024;

export interface HandlerOptions {
	/** The store, opened on first use (the worker's own connection to it). */
	database: () => ScorecraftDatabase;
	chunkSize?: number;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class ImportHandler {
	readonly #options: HandlerOptions;
	/** The valid rows' records of the last check, until they are written or another file comes. */
	#checked: { kind: ImportKind; records: ImportRecord[] } | null = null;

	constructor(options: HandlerOptions) {
		this.#options = options;
	}

	async handle(request: WorkerRequest, post: (message: WorkerResponse) => void): Promise<void> {
		const { id } = request;
		try {
			switch (request.type) {
				case 'inspect':
					this.#checked = null;
					post({ type: 'inspected', id, result: await inspectCsv(request.file, request.kind) });
					return;
				case 'check':
					await this.#check(request, post);
					return;
				case 'write': {
					const checked = this.#checked;
					if (!checked) throw new Error('there is nothing checked to write');
					const summary = await writeRecords(
						this.#options.database(),
						checked.kind,
						checked.records
					);
					// Kept until the write succeeds, so a failed write can be tried again.
					this.#checked = null;
					post({ type: 'written', id, summary });
					return;
				}
			}
		} catch (error) {
			post({ type: 'failed', id, message: messageOf(error) });
		}
	}

	async #check(
		request: Extract<WorkerRequest, { type: 'check' }>,
		post: (message: WorkerResponse) => void
	): Promise<void> {
		const { id, kind } = request;
		this.#checked = null;
		// Read now, not when the file was chosen: the store may have changed since.
		const knownAccounts =
			kind === 'accounts' ? undefined : await storedAccountIds(this.#options.database());
		const records: ImportRecord[] = [];
		const result = await checkCsv(request.file, kind, request.mapping, {
			format: request.format,
			knownAccounts,
			chunkSize: this.#options.chunkSize ?? WORKER_CHUNK_SIZE,
			onBatch: (batch, errors) => {
				for (const record of batch) records.push(record);
				if (errors.length) post({ type: 'errors', id, errors });
			},
			onProgress: (progress) => post({ type: 'progress', id, progress })
		});
		if (result.ok) this.#checked = { kind, records };
		post({
			type: 'checked',
			id,
			result: result.ok ? { ok: true, summary: result.summary } : result
		});
	}
}
