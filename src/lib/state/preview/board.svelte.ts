/**
 * The latest preview of each scorecard being edited, by scorecard id: the preview panel puts it
 * here, and the parts of the builder beside it (the measure editor's coverage and distributions,
 * its list of fields) read it, without either owning the other.
 */
import type { MeasureStats, PreviewResult } from './types';

class PreviewBoard {
	#results: Record<string, PreviewResult> = $state.raw({});

	get(scorecardId: string): PreviewResult | null {
		return this.#results[scorecardId] ?? null;
	}

	set(scorecardId: string, result: PreviewResult): void {
		this.#results = { ...this.#results, [scorecardId]: result };
	}

	/** A measure's figures in its scorecard's latest preview, or null before there is one. */
	measureStats(scorecardId: string, measureId: string): MeasureStats | null {
		return this.#results[scorecardId]?.measures[measureId] ?? null;
	}

	/** The facts present in the data, as the latest preview of any scorecard found them. */
	get fields(): string[] {
		return Object.values(this.#results)[0]?.fields ?? [];
	}
}

export const previewBoard = new PreviewBoard();
