/**
 * What the import worker does with each request, apart from the worker itself so it runs (and is
 * tested) anywhere: it reads, maps and checks a file against the accounts (and the manual measures,
 * and the people) this browser holds, for the person to review before the server imports it.
 * Every answer goes to `post`.
 */
import type { ScorecraftDatabase } from '$lib/db/database';
import { manualScales } from './manual-measures';
import { checkCsv, inspectCsv } from './pipeline';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { storedAccountIds } from './store';
import { knownContactsOf } from './surveys';

/** Big enough that messages stay few, small enough that the progress bar moves. */
export const WORKER_CHUNK_SIZE = 512 * 1024;

export interface HandlerOptions {
	/** This browser's store, opened on first use (the worker's own connection to it). */
	database: () => ScorecraftDatabase;
	chunkSize?: number;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class ImportHandler {
	readonly #options: HandlerOptions;

	constructor(options: HandlerOptions) {
		this.#options = options;
	}

	async handle(request: WorkerRequest, post: (message: WorkerResponse) => void): Promise<void> {
		const { id } = request;
		try {
			switch (request.type) {
				case 'inspect':
					post({ type: 'inspected', id, result: await inspectCsv(request.file, request.kind) });
					return;
				case 'check':
					await this.#check(request, post);
					return;
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
		// Read now, not when the file was chosen: the store may have changed since.
		const knownAccounts =
			kind === 'accounts' ? undefined : await storedAccountIds(this.#options.database());
		const db = this.#options.database();
		const manual =
			kind === 'manual_entries' ? manualScales(await db.scorecards.toArray()) : undefined;
		const people =
			kind === 'survey_answers' ? knownContactsOf(await db.contacts.toArray()) : undefined;
		const result = await checkCsv(request.file, kind, request.mapping, {
			format: request.format,
			knownAccounts,
			manualScales: manual,
			knownContacts: people,
			latestDate: request.latestDate,
			chunkSize: this.#options.chunkSize ?? WORKER_CHUNK_SIZE,
			// The records are the server's to make again: only the problems go to the page.
			onBatch: (_records, errors) => {
				if (errors.length) post({ type: 'errors', id, errors });
			},
			onProgress: (progress) => post({ type: 'progress', id, progress })
		});
		post({
			type: 'checked',
			id,
			result: result.ok ? { ok: true, summary: result.summary } : result
		});
	}
}
