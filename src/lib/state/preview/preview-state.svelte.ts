/**
 * The live preview as the builder sees it: it asks the preview worker (through `PreviewClient`)
 * after every edit, holds the latest answer, and puts each preview on the preview board with the
 * draft it is of, where the measure editor, the overlap question and the publish check read it.
 */
import { untrack } from 'svelte';
import type { Scorecard, WorkspaceIssue } from '$lib/engine';
import { previewBoard, type PreviewBoard } from './board.svelte';
import { PreviewClient } from './client';
import type { PreviewInput, PreviewResult } from './types';

export type PreviewProblem =
	{ kind: 'invalid'; issues: WorkspaceIssue[] } | { kind: 'failed'; message: string };

/** What decides a preview apart from the draft. */
interface Context {
	published: PreviewInput['published'];
	scorecards: PreviewInput['scorecards'];
	asOf: PreviewInput['asOf'];
	/** Its JSON, made only when the objects differ: live queries remake them unchanged. */
	key?: string;
}

const contextOf = (input: PreviewInput): Context => ({
	published: input.published,
	scorecards: input.scorecards,
	asOf: input.asOf
});

function sameContext(a: Context, b: Context): boolean {
	if (a.published === b.published && a.scorecards === b.scorecards && a.asOf === b.asOf)
		return true;
	a.key ??= JSON.stringify([a.published, a.scorecards ?? null, a.asOf]);
	b.key ??= JSON.stringify([b.published, b.scorecards ?? null, b.asOf]);
	return a.key === b.key;
}

export class PreviewState {
	/** The latest preview computed; kept while a newer one is computed or the draft is invalid. */
	result: PreviewResult | null = $state.raw(null);
	/** Why the latest request has no preview of its own; null when it has one. */
	problem: PreviewProblem | null = $state.raw(null);
	/** Milliseconds from the latest answered request to its answer, on the page. */
	latencyMs: number | null = $state(null);
	/** How many previews have come back: each answer (a preview or a problem) counts one. */
	answers = $state(0);
	#pending = $state(0);
	readonly #client: PreviewClient;
	readonly #board: PreviewBoard;
	/** The last request sent: an identical one (the same draft object, the same rest) is not sent again. */
	#last: { draft: Scorecard; context: Context } | null = null;

	constructor(client: PreviewClient = new PreviewClient(), board: PreviewBoard = previewBoard) {
		this.#client = client;
		this.#board = board;
	}

	/** True while a request is waiting or being computed. */
	get busy(): boolean {
		return this.#pending > 0;
	}

	/**
	 * Asks for a preview; safe to call from an effect (it reads no state the effect would track).
	 * `source` is the draft as the page holds it, when `input.draft` is a plain copy of it: the
	 * board keeps the preview with it. Asking again for the same draft in the same context (the
	 * published scorecards read again, unchanged) sends nothing.
	 */
	request(input: PreviewInput, source: Scorecard = input.draft): void {
		const context = contextOf(input);
		if (this.#last?.draft === source && sameContext(this.#last.context, context)) return;
		this.#last = { draft: source, context };
		const asked = performance.now();
		untrack(() => this.#pending++);
		void this.#client.request(input).then((answer) => {
			this.#pending--;
			if (!answer.ok && answer.reason === 'superseded') return;
			this.answers++;
			if (answer.ok) {
				this.result = answer.result;
				this.problem = null;
				this.latencyMs = performance.now() - asked;
				this.#board.set(source.id, answer.result, source);
				return;
			}
			this.problem =
				answer.reason === 'invalid'
					? { kind: 'invalid', issues: answer.issues }
					: { kind: 'failed', message: answer.message };
			this.#board.fail(source.id, source, answer.reason === 'failed' ? answer.message : 'invalid');
		});
	}

	close(): void {
		this.#client.close();
	}
}
