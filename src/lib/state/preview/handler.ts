/**
 * The preview worker's work, apart from the worker itself so the page can run the same code where
 * there are no workers. It reads the workspace from the store once, and again only when the
 * store's data version moves (an import, a manual entry, another tab), so an edit costs a preview
 * and one read of that version.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { readMeta } from '$lib/db/meta';
import { readWorkspace } from '$lib/db/workspace';
import type { Workspace } from '$lib/engine';
import { PreviewModel } from './preview';
import type { PreviewRequest, PreviewResponse } from './types';

export class PreviewHandler {
	readonly #db: () => ScorecraftDatabase;
	#workspace: { workspace: Workspace; dataVersion: number } | null = null;
	#model: PreviewModel | null = null;

	constructor(db: () => ScorecraftDatabase) {
		this.#db = db;
	}

	async handle(request: PreviewRequest): Promise<PreviewResponse> {
		const { id, draft, published, scorecards, asOf } = request;
		try {
			const current = this.#model;
			if (current && current.asOf === asOf) {
				// The usual edit, with the store as it was: the preview is computed while IndexedDB
				// reads the data version on its own thread, and kept unless the version has moved.
				const version = readMeta(this.#db(), 'dataVersion');
				const outcome = current.preview(draft, published, { scorecards });
				if (((await version) ?? 0) === current.dataVersion) return { id, ...outcome };
			}
			const started = performance.now();
			const model = await this.#modelFor(asOf);
			const loadMs = model.loaded ? performance.now() - started : 0;
			return { id, ...model.model.preview(draft, published, { scorecards, loadMs }) };
		} catch (error) {
			return {
				id,
				ok: false,
				reason: 'failed',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	/** The model for the store's data as it is now, on `asOf`; `loaded` when it had to be built. */
	async #modelFor(asOf: string): Promise<{ model: PreviewModel; loaded: boolean }> {
		const db = this.#db();
		const version = (await readMeta(db, 'dataVersion')) ?? 0;
		if (this.#model && this.#model.dataVersion === version && this.#model.asOf === asOf)
			return { model: this.#model, loaded: false };
		if (!this.#workspace || this.#workspace.dataVersion !== version) {
			// Let the old data go before reading the new: a big workspace need not be held twice.
			this.#workspace = null;
			this.#model = null;
			this.#workspace = await readWorkspace(db);
		}
		const model = new PreviewModel(this.#workspace.workspace, asOf, this.#workspace.dataVersion);
		model.warm();
		this.#model = model;
		return { model, loaded: true };
	}
}
