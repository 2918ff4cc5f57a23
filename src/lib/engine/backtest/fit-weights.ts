/**
 * Weights from a logistic regression of churn on the measure scores, as the builder's percent
 * shares: each group's share of the overall and each measure's share within its group.
 */
import type { CompiledScorecard } from '../scoring';
import { measureScoresOf, type Layout } from './layout';
import { fitLogistic } from './logistic';
import type { Observation } from './types';

/** Shares as whole percents summing to 100 (largest remainders first), or all 0 for nothing. */
export function percents(parts: readonly number[]): number[] {
	const total = parts.reduce((sum, part) => sum + part, 0);
	if (total <= 0) return parts.map(() => 0);
	const exact = parts.map((part) => (100 * part) / total);
	const whole = exact.map(Math.floor);
	let left = 100 - whole.reduce((sum, value) => sum + value, 0);
	const order = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of order) {
		if (left <= 0) break;
		whole[index]!++;
		left--;
	}
	return whole;
}

export interface MeasureFit {
	/** Per point of each measure's score: negative when a higher score goes with less churn. */
	coefficients: number[];
	/** The protective part of each coefficient (−coefficient, or 0): weights are never negative. */
	weights: number[];
}

/**
 * Fits churn on the measure scores of `observations`, a missing score counting as the measure's
 * mean there; `lambda` penalises the standardised coefficients.
 */
export function fitMeasureWeights(
	card: CompiledScorecard,
	observations: readonly Observation[],
	lambda: number
): MeasureFit {
	const width = card.plan.measures.length;
	const sums = new Array<number>(width).fill(0);
	const counts = new Array<number>(width).fill(0);
	const rows = observations.map((observation) => measureScoresOf(card, observation.scores));
	for (const row of rows) {
		for (let m = 0; m < width; m++) {
			if (Number.isNaN(row[m]!)) continue;
			sums[m]! += row[m]!;
			counts[m]!++;
		}
	}
	const means = sums.map((sum, m) => (counts[m]! > 0 ? sum / counts[m]! : 0));
	const x = rows.map((row) =>
		Array.from(row, (score, m) => (Number.isNaN(score) ? means[m]! : score))
	);
	const fit = fitLogistic(
		x,
		observations.map((observation) => observation.churned),
		{ lambda }
	);
	return {
		coefficients: fit.coefficients,
		weights: fit.coefficients.map((coefficient) => Math.max(0, -coefficient))
	};
}

/**
 * The layout that gives each measure its weight's share of the overall, in whole percents: a
 * group's weight is its measures' sum, a measure's is its part of that (equal parts in a group
 * that gets nothing). Null when every weight is 0.
 */
export function layoutFromWeights(
	card: CompiledScorecard,
	weights: readonly number[]
): Layout | null {
	if (weights.every((weight) => weight <= 0)) return null;
	let start = 0;
	const groups = card.plan.groups.map((group) => {
		const columns = group.measures.map((_, i) => start + i);
		start += group.measures.length;
		return columns;
	});
	const groupPercents = percents(
		groups.map((columns) => columns.reduce((sum, column) => sum + weights[column]!, 0))
	);
	return {
		groups: groups.map((columns, g) => {
			const parts = columns.map((column) => weights[column]!);
			const within = percents(parts.some((part) => part > 0) ? parts : parts.map(() => 1));
			return {
				weight: groupPercents[g]!,
				measures: columns.map((column, i) => ({ weight: within[i]!, column }))
			};
		})
	};
}

/** A layout's weights as whole percents, the way the builder shows them. */
export function layoutInPercents(layout: Layout): Layout {
	const groupPercents = percents(layout.groups.map((group) => group.weight));
	return {
		groups: layout.groups.map((group, g) => {
			const parts = group.measures.map((measure) => measure.weight);
			const within = percents(parts.some((part) => part > 0) ? parts : parts.map(() => 1));
			return {
				weight: groupPercents[g]!,
				measures: group.measures.map((measure, i) => ({
					weight: within[i]!,
					column: measure.column
				}))
			};
		})
	};
}
