/**
 * How one measure is evaluated on an account's facts, the semantics every scorer shares: its raw
 * value (with required facts, decay and manual entries' freshness), its points, and what its
 * missing-data policy does when it has none. The generated scorer emits the same steps inline.
 */
import { resolveVar } from '../logic';
import { EARLIER, PERIODS, type FactsWithPeriods } from '../facts';
import type { Facts, IsoDate, MeasureScore, Scoring } from '../types';
import {
	clampScore,
	isPresent,
	linearScore,
	mapScore,
	scoringScope,
	stepsScore,
	toNumber
} from './measure';
import type { MeasurePlan } from './plan';

/** Evaluates a rule on some data; the scorers differ only in how they do this. */
export type Evaluate = (data: Facts) => unknown;

/** The points for a present raw value, before clamping; NaN when the value cannot be scored. */
export type Points = (raw: unknown, facts: Facts) => number;

/** A measure's outcome on one account: its value and score, and how they were come by. */
export interface MeasureResult {
	value: unknown;
	score: number | null;
	/** A manual entry too old to count (the measure is missing, visibly so). */
	stale?: true;
	/** Scored by the missing-data policy: a given score, or the last known value. */
	imputed?: 'score' | 'last_known';
	/** With `last_known`: the date of the snapshot the value comes from. */
	value_date?: IsoDate;
}

const NONE: MeasureResult = { value: null, score: null };

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

/**
 * Whether a manual measure's entry is recent enough: its age (`manual_age.<id>`, days since the
 * entry on the as-of date) within the measure's validity. True for a measure read from data.
 */
export function isFresh(facts: Facts, measureId: string, validity: number): boolean {
	if (validity <= 0) return true;
	const age = resolveVar(facts, `manual_age.${measureId}`);
	return age === null || (age as number) <= validity;
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

/**
 * The latest earlier value within `maxDays` of the as-of date: `evaluate` runs on the facts of
 * each earlier snapshot, newest first, until one gives a score. Null when none does.
 */
export function lastKnown<T extends { score: number | null }>(
	facts: FactsWithPeriods,
	maxDays: number,
	evaluate: (earlier: Facts) => T | null
): { result: T; date: IsoDate } | null {
	for (const earlier of facts[EARLIER]?.() ?? []) {
		if (earlier.age > maxDays) break;
		const result = evaluate(earlier.facts);
		if (result !== null && result.score !== null) return { result, date: earlier.date };
	}
	return null;
}

/** The measure's value and points from these facts alone, before any missing-data policy. */
function evaluateOn(
	measure: MeasurePlan,
	facts: Facts,
	value: Evaluate,
	points: Points
): MeasureResult {
	try {
		if (!isFresh(facts, measure.id, measure.manualValidity))
			return { value: null, score: null, stale: true };
		const raw =
			measure.decayPeriods > 0
				? decayedValue(facts, measure.decayPeriods, (period) => rawValue(measure, period, value))
				: rawValue(measure, facts, value);
		if (!isPresent(raw)) return NONE;
		const score = points(raw, facts);
		return { value: raw, score: Number.isFinite(score) ? clampScore(score) : null };
	} catch {
		// A rule that throws on this account's data (e.g. text where a list was expected) is no data.
		return NONE;
	}
}

/** One measure's result: its own value and points, or what its missing-data policy gives instead. */
export function scoreMeasure(
	measure: MeasurePlan,
	facts: Facts,
	value: Evaluate,
	points: Points
): MeasureResult {
	const own = evaluateOn(measure, facts, value, points);
	if (own.score !== null) return own;
	const policy = measure.missing;
	if (policy.policy === 'score')
		return { ...own, value: null, score: clampScore(policy.score), imputed: 'score' };
	if (policy.policy === 'last_known') {
		const found = lastKnown(facts, policy.max_days, (earlier) =>
			evaluateOn(measure, earlier, value, points)
		);
		if (found)
			return {
				value: found.result.value,
				score: found.result.score,
				imputed: 'last_known',
				value_date: found.date
			};
	}
	return own;
}

/** A measure's line in the explanation of a score: the optional marks only when they apply. */
export function explanation(result: MeasureResult, weightShare: number): MeasureScore {
	const line: MeasureScore = {
		value: result.value,
		score: result.score,
		weight_share: weightShare
	};
	if (result.stale) line.stale = true;
	if (result.imputed) line.imputed = result.imputed;
	if (result.value_date) line.value_date = result.value_date;
	return line;
}
