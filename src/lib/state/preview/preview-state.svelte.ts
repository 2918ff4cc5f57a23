/**
 * The live preview as the page sees it: the latest answer, whether one is being computed, and how
 * long the last edit took to show (from the request on the page to the answer back on the page).
 */
import { untrack } from 'svelte';
import type { WorkspaceIssue } from '$lib/engine';
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
	readonly #onresult: (result: PreviewResult) => void;

	constructor(
		client: PreviewClient = new PreviewClient(),
		onresult: (result: PreviewResult) => void = () => {}
	) {
		this.#client = client;
		this.#onresult = onresult;
	}

	/** True while a request is waiting or being computed. */
	get busy(): boolean {
		return this.#pending > 0;
	}

	/** Asks for a preview; safe to call from an effect (it reads no state the effect would track). */
	request(input: PreviewInput): void {
		const asked = performance.now();
		untrack(() => this.#pending++);
		void this.#client.request(input).then((answer) => {
			this.#pending--;
			if (answer.ok || answer.reason !== 'superseded') this.answers++;
			if (answer.ok) {
				this.result = answer.result;
				this.problem = null;
				this.latencyMs = performance.now() - asked;
				this.#onresult(answer.result);
			} else if (answer.reason === 'invalid')
				this.problem = { kind: 'invalid', issues: answer.issues };
			else if (answer.reason === 'failed')
				this.problem = { kind: 'failed', message: answer.message };
		});
	}

	close(): void {
		this.#client.close();
	}
}
