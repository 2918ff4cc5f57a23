/**
 * A scorecard reduced to what scoring needs (weights defaulted, required facts found, bands
 * ordered), plus the semantics every scorer shares: how a measure is scored and how measure
 * scores combine into groups, an overall score and a band.
 */
import { requiredVars, type Logic } from '../logic';
import type { AccountScore, Band, MeasureScore, MissingPolicy, Scorecard, Scoring } from '../types';
import { explanation, type MeasureResult } from './evaluate';
import { bandFor, bandsFromTop, NO_DATA } from './measure';

export interface MeasurePlan {
	id: string;
	weight: number;
	/** Periods of 30 days the value is averaged over (see `decayedValue`); 0 for none. */
	decayPeriods: number;
	/** Facts read with a plain `var`: when one is null or absent the measure is missing. */
	required: string[];
	value: Logic;
	scoring: Scoring;
	/** What to do when the measure is missing (leave it out by default). */
	missing: MissingPolicy;
	/** For a manual measure, the days an entry stays valid; 0 for a measure read from data. */
	manualValidity: number;
}

export interface GroupPlan {
	id: string;
	weight: number;
	measures: MeasurePlan[];
}

export interface ScorecardPlan {
	id: string;
	appliesTo: Logic | undefined;
	groups: GroupPlan[];
	measures: MeasurePlan[];
	bands: Band[];
}

const LEAVE_OUT: MissingPolicy = { policy: 'leave_out' };

/** Six 30-day periods: about half a year, the last month counting half of the whole. */
export const DEFAULT_DECAY_PERIODS = 6;

export function planScorecard(card: Scorecard): ScorecardPlan {
	const groups = card.groups.map((group) => ({
		id: group.id,
		weight: group.weight ?? 1,
		measures: group.measures.map((measure) => ({
			id: measure.id,
			weight: measure.weight ?? 1,
			decayPeriods: measure.decay ? (measure.decay.periods ?? DEFAULT_DECAY_PERIODS) : 0,
			required: requiredVars(measure.value),
			value: measure.value,
			scoring: measure.scoring,
			missing: measure.missing ?? LEAVE_OUT,
			manualValidity: measure.manual?.validity_days ?? 0
		}))
	}));
	return {
		id: card.id,
		appliesTo: card.applies_to,
		groups,
		measures: groups.flatMap((group) => group.measures),
		bands: bandsFromTop(card.bands)
	};
}

/**
 * A weighted mean, or null when nothing is weighed, or when it is not finite (weights so large
 * their sum overflows): a score is never NaN, which no band could hold.
 */
export function weightedMean(sum: number, weight: number): number | null {
	if (!(weight > 0)) return null;
	const mean = sum / weight;
	return mean - mean === 0 ? mean : null;
}

/** Weighted means over the measures and groups present, renormalising over what is left. */
export function combineScores(
	plan: ScorecardPlan,
	accountId: string,
	measureResults: readonly MeasureResult[]
): AccountScore {
	const groups: Record<string, number | null> = {};
	const groupSums: { weight: number; score: number | null }[] = [];
	let index = 0;
	let totalWeight = 0;
	let totalScore = 0;
	for (const group of plan.groups) {
		let weight = 0;
		let sum = 0;
		for (const measure of group.measures) {
			const score = measureResults[index++]!.score;
			if (score !== null) {
				weight += measure.weight;
				sum += measure.weight * score;
			}
		}
		const groupScore = weightedMean(sum, weight);
		groups[group.id] = groupScore;
		groupSums.push({ weight, score: groupScore });
		if (groupScore !== null) {
			totalWeight += group.weight;
			totalScore += group.weight * groupScore;
		}
	}
	const overall = weightedMean(totalScore, totalWeight);
	const measures: Record<string, MeasureScore> = {};
	const missing: string[] = [];
	index = 0;
	plan.groups.forEach((group, g) => {
		const { weight, score: groupScore } = groupSums[g]!;
		for (const measure of group.measures) {
			const result = measureResults[index++]!;
			if (result.score === null) missing.push(measure.id);
			measures[measure.id] = explanation(
				result,
				result.score !== null && groupScore !== null && overall !== null
					? (measure.weight / weight) * (group.weight / totalWeight)
					: 0
			);
		}
	});
	return {
		account_id: accountId,
		scorecard_id: plan.id,
		overall,
		band: overall === null ? NO_DATA : bandFor(overall, plan.bands),
		groups,
		measures,
		missing
	};
}

/** The numbers of `combineScores`, computed the same way, into [overall, ...groups, ...measures]. */
export function combineInto(
	plan: ScorecardPlan,
	measureResults: readonly { score: number | null }[],
	out: Float64Array
): void {
	let index = 0;
	let totalWeight = 0;
	let totalScore = 0;
	plan.groups.forEach((group, g) => {
		let weight = 0;
		let sum = 0;
		for (const measure of group.measures) {
			const score = measureResults[index]!.score;
			out[1 + plan.groups.length + index++] = score ?? NaN;
			if (score !== null) {
				weight += measure.weight;
				sum += measure.weight * score;
			}
		}
		const groupScore = weightedMean(sum, weight);
		out[1 + g] = groupScore ?? NaN;
		if (groupScore !== null) {
			totalWeight += group.weight;
			totalScore += group.weight * groupScore;
		}
	});
	out[0] = weightedMean(totalScore, totalWeight) ?? NaN;
}

/** The result for an account that no scorecard applies to: reported, not dropped. */
export function unscored(accountId: string): AccountScore {
	return {
		account_id: accountId,
		scorecard_id: null,
		overall: null,
		band: null,
		groups: {},
		measures: {},
		missing: []
	};
}
