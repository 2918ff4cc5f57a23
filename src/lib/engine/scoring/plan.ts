/**
 * A scorecard reduced to what scoring needs (weights defaulted, required facts found, bands
 * ordered), plus the semantics every scorer shares: how a measure is scored and how measure
 * scores combine into groups, an overall score and a band.
 */
import { requiredVars, resolveVar, type Logic } from '../logic';
import { PERIODS, type FactsWithPeriods } from '../facts';
import type { AccountScore, Band, Facts, MeasureScore, Scorecard, Scoring } from '../types';
import {
	bandFor,
	bandsFromTop,
	clampScore,
	isPresent,
	linearScore,
	mapScore,
	NO_DATA,
	scoringScope,
	stepsScore,
	toNumber
} from './measure';

export interface MeasurePlan {
	id: string;
	weight: number;
	/** Periods of 30 days the value is averaged over (see `decayedValue`); 0 for none. */
	decayPeriods: number;
	/** Facts read with a plain `var`: when one is null or absent the measure is missing. */
	required: string[];
	value: Logic;
	scoring: Scoring;
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
			scoring: measure.scoring
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

/** Evaluates a rule on some data; the scorers differ only in how they do this. */
export type Evaluate = (data: Facts) => unknown;

/** The points for a present raw value, before clamping; NaN when the value cannot be scored. */
export type Points = (raw: unknown, facts: Facts) => number;

/** Points computed natively for steps, linear and map; a `logic` scoring through its compiled rule. */
export function nativePoints(scoring: Scoring, logic: Evaluate | undefined): Points {
	switch (scoring.type) {
		case 'steps':
			return (raw) => {
				const x = toNumber(raw);
				return Number.isNaN(x) ? NaN : stepsScore(scoring, x);
			};
		case 'linear':
			return (raw) => {
				const x = toNumber(raw);
				return Number.isNaN(x) ? NaN : linearScore(scoring.points, x);
			};
		case 'map':
			return (raw) => mapScore(scoring, raw);
		case 'logic':
			return (raw, facts) => toNumber(logic!(scoringScope(facts, raw)));
	}
}

/** The measure's raw value on some facts, or null when a fact it requires is null or absent. */
function rawValue(measure: MeasurePlan, facts: Facts, value: Evaluate): unknown {
	for (const path of measure.required) if (resolveVar(facts, path) === null) return null;
	return value(facts);
}

/**
 * The time-decayed value: the numeric values of the 30-day periods that have one, averaged with
 * weights 1, ½, ¼, … from the latest period back; null when no period has one. Without the
 * periods attached (see FactsSource), the facts themselves are the only period.
 */
export function decayedValue(
	facts: FactsWithPeriods,
	periods: number,
	valueOf: (facts: Facts) => unknown
): number | null {
	const list = facts[PERIODS] ?? [facts];
	let sum = 0;
	let weight = 0;
	for (let i = 0; i < periods && i < list.length; i++) {
		const period = list[i];
		if (period === undefined) continue;
		const raw = valueOf(period);
		if (!isPresent(raw)) continue;
		const x = toNumber(raw);
		if (Number.isNaN(x)) continue;
		const w = 1 / 2 ** i;
		sum += w * x;
		weight += w;
	}
	return weight > 0 ? sum / weight : null;
}

/** One measure's raw value and points, or null points when it is missing. */
export function scoreMeasure(
	measure: MeasurePlan,
	facts: Facts,
	value: Evaluate,
	points: Points
): { value: unknown; score: number | null } {
	try {
		const raw =
			measure.decayPeriods > 0
				? decayedValue(facts, measure.decayPeriods, (period) => rawValue(measure, period, value))
				: rawValue(measure, facts, value);
		if (!isPresent(raw)) return { value: null, score: null };
		const score = points(raw, facts);
		return { value: raw, score: Number.isFinite(score) ? clampScore(score) : null };
	} catch {
		// A rule that throws on this account's data (e.g. text where a list was expected) is no data.
		return { value: null, score: null };
	}
}

/** Weighted means over the measures and groups present, renormalising over what is left. */
export function combineScores(
	plan: ScorecardPlan,
	accountId: string,
	measureResults: readonly { value: unknown; score: number | null }[]
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
		const groupScore = weight > 0 ? sum / weight : null;
		groups[group.id] = groupScore;
		groupSums.push({ weight, score: groupScore });
		if (groupScore !== null) {
			totalWeight += group.weight;
			totalScore += group.weight * groupScore;
		}
	}
	const overall = totalWeight > 0 ? totalScore / totalWeight : null;
	const measures: Record<string, MeasureScore> = {};
	const missing: string[] = [];
	index = 0;
	plan.groups.forEach((group, g) => {
		const { weight, score: groupScore } = groupSums[g]!;
		for (const measure of group.measures) {
			const result = measureResults[index++]!;
			if (result.score === null) missing.push(measure.id);
			measures[measure.id] = {
				value: result.value,
				score: result.score,
				weight_share:
					result.score !== null && groupScore !== null && overall !== null
						? (measure.weight / weight) * (group.weight / totalWeight)
						: 0
			};
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
		const groupScore = weight > 0 ? sum / weight : null;
		out[1 + g] = groupScore ?? NaN;
		if (groupScore !== null) {
			totalWeight += group.weight;
			totalScore += group.weight * groupScore;
		}
	});
	out[0] = totalWeight > 0 ? totalScore / totalWeight : NaN;
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
