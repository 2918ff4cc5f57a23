/**
 * The latest preview of each scorecard being edited, by scorecard id: the preview panel puts it
 * here, and the parts of the builder beside it (the measure editor's coverage and distributions,
 * its list of fields, the overlap question, the publish check) read it, without either owning the
 * other. Each preview is kept with the draft it was computed for, so the publish check can wait for
 * the preview of exactly the draft it is about to publish.
 */
import type { Scorecard } from '$lib/engine';
import type { MeasureStats, PreviewResult } from './types';

interface Entry {
	result: PreviewResult;
	/** The draft object previewed (compared by identity: each edit makes a new one). */
	draft: Scorecard | null;
}

interface Waiter {
	scorecardId: string;
	draft: Scorecard;
	resolve: (result: PreviewResult) => void;
	reject: (error: Error) => void;
}

/** How long the publish check waits for a preview before it says it could not check. */
const WAIT_MS = 30_000;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `next`, with each measure's figures that equal those `kept` as the very object kept: a preview
 * arrives as a copy (from the worker), and most edits (a threshold, a weight) leave the measures'
 * raw values as they were, so what draws them (the measure editor's chart) has nothing to redraw.
 * The facts' names are kept the same way.
 */
function sameKept(
	kept: Record<string, MeasureStats>,
	next: Record<string, MeasureStats>
): Record<string, MeasureStats> {
	const measures: Record<string, MeasureStats> = {};
	for (const [id, stats] of Object.entries(next)) {
		const old = kept[id];
		measures[id] = old && same(old, stats) ? old : stats;
	}
	return measures;
}

export class PreviewBoard {
	#results: Record<string, Entry> = $state.raw({});
	#waiting: Waiter[] = [];

	get(scorecardId: string): PreviewResult | null {
		return this.#results[scorecardId]?.result ?? null;
	}

	set(scorecardId: string, result: PreviewResult, draft: Scorecard | null = null): void {
		const kept = this.#results[scorecardId]?.result;
		if (kept)
			result = {
				...result,
				measures: sameKept(kept.measures, result.measures),
				fields: same(kept.fields, result.fields) ? kept.fields : result.fields
			};
		this.#results = { ...this.#results, [scorecardId]: { result, draft } };
		if (draft) this.#settle(scorecardId, draft, (waiter) => waiter.resolve(result));
	}

	/** The preview of `draft` failed: whoever waits for it hears why. */
	fail(scorecardId: string, draft: Scorecard, message: string): void {
		this.#settle(scorecardId, draft, (waiter) => waiter.reject(new Error(message)));
	}

	/**
	 * The preview of exactly `draft`: at once when the board has it, else when it arrives (the
	 * preview panel asks for one after every edit). Fails after `timeoutMs` without one.
	 */
	resultFor(scorecardId: string, draft: Scorecard, timeoutMs = WAIT_MS): Promise<PreviewResult> {
		const entry = this.#results[scorecardId];
		if (entry && entry.draft === draft) return Promise.resolve(entry.result);
		return new Promise((resolve, reject) => {
			const waiter: Waiter = { scorecardId, draft, resolve, reject };
			const timer = setTimeout(() => {
				this.#waiting = this.#waiting.filter((other) => other !== waiter);
				reject(new Error(`no preview after ${Math.round(timeoutMs / 1000)} s`));
			}, timeoutMs);
			waiter.resolve = (result) => {
				clearTimeout(timer);
				resolve(result);
			};
			waiter.reject = (error) => {
				clearTimeout(timer);
				reject(error);
			};
			this.#waiting.push(waiter);
		});
	}

	#settle(scorecardId: string, draft: Scorecard, answer: (waiter: Waiter) => void): void {
		const settled = this.#waiting.filter(
			(waiter) => waiter.scorecardId === scorecardId && waiter.draft === draft
		);
		if (settled.length === 0) return;
		this.#waiting = this.#waiting.filter((waiter) => !settled.includes(waiter));
		settled.forEach(answer);
	}

	/** A measure's figures in its scorecard's latest preview, or null before there is one. */
	measureStats(scorecardId: string, measureId: string): MeasureStats | null {
		return this.#results[scorecardId]?.result.measures[measureId] ?? null;
	}

	/** The facts present in the data, as the latest preview of any scorecard found them. */
	get fields(): string[] {
		return Object.values(this.#results)[0]?.result.fields ?? [];
	}
}

export const previewBoard = new PreviewBoard();
