/** Bins for the preview's charts: scores in fixed 5-point bins, raw values in bins that fit them. */
import type { Histogram } from './types';

/** Points per bin of the score histogram: 20 bins from 0 to 100. */
export const SCORE_BIN = 5;
export const SCORE_BINS = 100 / SCORE_BIN;

/** Bins of a raw value's histogram when the values are not few whole numbers. */
export const VALUE_BINS = 20;

export function scoreHistogram(): Histogram {
	return {
		edges: Array.from({ length: SCORE_BINS + 1 }, (_, i) => i * SCORE_BIN),
		counts: new Array<number>(SCORE_BINS).fill(0)
	};
}

/** The bin of a 0–100 score; 100 falls in the last bin. */
export function scoreBin(score: number): number {
	const bin = Math.floor(score / SCORE_BIN);
	return bin < 0 ? 0 : bin >= SCORE_BINS ? SCORE_BINS - 1 : bin;
}

/**
 * Bins for values between `min` and `max`: one per whole number when all are whole and there are
 * at most `VALUE_BINS` × 2 of them (active days 0–30 read best so), else `VALUE_BINS` equal bins.
 * A single value gets one bin around it.
 */
export function valueEdges(min: number, max: number, wholeNumbers: boolean): number[] {
	if (wholeNumbers && max - min < VALUE_BINS * 2)
		return Array.from({ length: max - min + 2 }, (_, i) => min - 0.5 + i);
	if (min === max) return [min - 0.5, max + 0.5];
	const width = (max - min) / VALUE_BINS;
	return Array.from({ length: VALUE_BINS + 1 }, (_, i) =>
		i === VALUE_BINS ? max : min + i * width
	);
}

/** The bin of `value` among `edges` (equal widths), the last bin holding its upper edge. */
export function binOf(value: number, edges: readonly number[]): number {
	const bins = edges.length - 1;
	const width = (edges[bins]! - edges[0]!) / bins;
	const bin = Math.floor((value - edges[0]!) / width);
	return bin < 0 ? 0 : bin >= bins ? bins - 1 : bin;
}

/** A histogram of numbers, with the bins `valueEdges` chooses for them. */
export function valueHistogram(values: ArrayLike<number>, count = values.length): Histogram {
	let min = Infinity;
	let max = -Infinity;
	let whole = true;
	for (let i = 0; i < count; i++) {
		const value = values[i]!;
		if (value < min) min = value;
		if (value > max) max = value;
		if (whole && !Number.isInteger(value)) whole = false;
	}
	if (count === 0) return { edges: [], counts: [] };
	const edges = valueEdges(min, max, whole);
	const counts = new Array<number>(edges.length - 1).fill(0);
	for (let i = 0; i < count; i++) counts[binOf(values[i]!, edges)]!++;
	return { edges, counts };
}
