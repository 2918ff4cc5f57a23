/**
 * The live preview as the page sees it: the latest answer, whether one is being computed, and how
 * long the last edit took to show (from the request on the page to the answer back on the page).
 */
import { untrack } from 'svelte';
import type { Scorecard, WorkspaceIssue } from '$lib/engine';
import { PreviewClient } from './client';
import type { PreviewInput, PreviewResult } from './types';

export type PreviewProblem =
	{ kind: 'invalid'; issues: WorkspaceIssue[] } | { kind: 'failed'; message: string };

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
	readonly #onresult: (result: PreviewResult, draft: Scorecard) => void;
	readonly #onproblem: (problem: PreviewProblem, draft: Scorecard) => void;

	/**
	 * `onresult` and `onproblem` hear each answer with the draft it was asked for: the object given
	 * to `request` as `source`, or else the one sent.
	 */
	constructor(
		client: PreviewClient = new PreviewClient(),
		onresult: (result: PreviewResult, draft: Scorecard) => void = () => {},
		onproblem: (problem: PreviewProblem, draft: Scorecard) => void = () => {}
	) {
		this.#client = client;
		this.#onresult = onresult;
		this.#onproblem = onproblem;
	}

	/** True while a request is waiting or being computed. */
	get busy(): boolean {
		return this.#pending > 0;
	}

	/**
	 * Asks for a preview; safe to call from an effect (it reads no state the effect would track).
	 * `source` is the draft as the page holds it, when `input.draft` is a plain copy of it.
	 */
	request(input: PreviewInput, source: Scorecard = input.draft): void {
		const asked = performance.now();
		untrack(() => this.#pending++);
		void this.#client.request(input).then((answer) => {
			this.#pending--;
			if (answer.ok || answer.reason !== 'superseded') this.answers++;
			if (answer.ok) {
				this.result = answer.result;
				this.problem = null;
				this.latencyMs = performance.now() - asked;
				this.#onresult(answer.result, source);
			} else if (answer.reason !== 'superseded') {
				this.problem =
					answer.reason === 'invalid'
						? { kind: 'invalid', issues: answer.issues }
						: { kind: 'failed', message: answer.message };
				this.#onproblem(this.problem, source);
			}
		});
	}

	close(): void {
		this.#client.close();
	}
}
