/**
 * A scorecard's weights apart from its rules, so that other weights can be tried on measure scores
 * already computed: the same combination as scoring (weighted means over what is present,
 * renormalised), without scoring the facts again.
 */
import type { CompiledScorecard } from '../scoring';
import { auc } from './auc';
import type { Observation } from './types';

export interface Layout {
	groups: { weight: number; measures: { weight: number; column: number }[] }[];
}

/** The scorecard's own weights; columns index its measures in scorecard order. */
export function layoutOf(card: CompiledScorecard): Layout {
	let column = 0;
	return {
		groups: card.plan.groups.map((group) => ({
			weight: group.weight,
			measures: group.measures.map((measure) => ({ weight: measure.weight, column: column++ }))
		}))
	};
}

/** The overall score from measure scores (NaN: missing), or NaN when nothing is present. */
export function overallOf(layout: Layout, measureScores: ArrayLike<number>): number {
	let totalWeight = 0;
	let total = 0;
	for (const group of layout.groups) {
		let weight = 0;
		let sum = 0;
		for (const measure of group.measures) {
			const score = measureScores[measure.column]!;
			if (Number.isNaN(score)) continue;
			weight += measure.weight;
			sum += measure.weight * score;
		}
		if (weight > 0) {
			totalWeight += group.weight;
			total += group.weight * (sum / weight);
		}
	}
	return totalWeight > 0 ? total / totalWeight : NaN;
}

/** The measure scores of a `scoreInto` result: the part after the overall and the groups. */
export function measureScoresOf(card: CompiledScorecard, scores: Float64Array): Float64Array {
	return scores.subarray(1 + card.plan.groups.length);
}

/** Each measure's share of the overall when every measure is present (0 in a weightless group). */
export function sharesOf(layout: Layout, columns: number): number[] {
	const shares = new Array<number>(columns).fill(0);
	const total = layout.groups.reduce((sum, group) => sum + group.weight, 0);
	for (const group of layout.groups) {
		const within = group.measures.reduce((sum, measure) => sum + measure.weight, 0);
		if (total <= 0 || within <= 0) continue;
		for (const measure of group.measures)
			shares[measure.column] = (group.weight / total) * (measure.weight / within);
	}
	return shares;
}

/**
 * AUC of a layout's overall scores over some observations. `extra` gives the score of one more
 * measure, in the column after the scorecard's own (see `withExtraGroup`).
 */
export function layoutAuc(
	card: CompiledScorecard,
	layout: Layout,
	observations: readonly Observation[],
	extra?: (observation: Observation) => number
): number | null {
	const width = card.plan.measures.length;
	const row = new Float64Array(width + 1);
	const overall = observations.map((observation) => {
		row.set(measureScoresOf(card, observation.scores));
		row[width] = extra ? extra(observation) : NaN;
		return overallOf(layout, row);
	});
	return auc(
		overall,
		observations.map((observation) => observation.churned)
	);
}
