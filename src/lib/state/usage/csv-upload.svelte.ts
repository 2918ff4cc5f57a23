/**
 * Uploading a CSV file to the server (`POST /api/tickets/import`, `POST /api/events/import`): the
 * chosen file, the server's answer (what it stored, and the rows it left out) or why it refused.
 */
import { t } from '$lib/i18n/messages';

/** What every upload answers besides its own counts: the rows left out, the first of them listed. */
export interface UploadAnswer {
	refused: number;
	errors: { row: number; reason: string }[];
}

export class CsvUpload<Answer extends UploadAnswer> {
	file: File | null = $state.raw(null);
	busy = $state(false);
	answer: Answer | null = $state.raw(null);
	error: string | null = $state(null);
	readonly #fetch: typeof fetch;

	/** `source`: the id of the source to store the rows under; else the server's uploads' own. */
	constructor(
		readonly path: string,
		fetchFn: typeof fetch = (...args) => fetch(...args),
		source: string | null = null
	) {
		this.#fetch = fetchFn;
		if (source) this.path = `${path}?source=${encodeURIComponent(source)}`;
	}

	/** Rows left out beyond those the answer lists. */
	get unlisted(): number {
		return this.answer ? this.answer.refused - this.answer.errors.length : 0;
	}

	choose(file: File | null): void {
		this.file = file;
		this.answer = null;
		this.error = null;
	}

	async upload(): Promise<void> {
		if (!this.file) {
			this.error = t('upload.noFile');
			return;
		}
		this.busy = true;
		this.answer = null;
		this.error = null;
		try {
			const response = await this.#fetch(this.path, {
				method: 'POST',
				headers: { 'content-type': 'text/csv' },
				body: this.file
			});
			const body = (await response.json().catch(() => ({}))) as { error?: string };
			if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
			this.answer = body as Answer;
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.busy = false;
		}
	}
}
