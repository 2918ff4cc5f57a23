/** The scorer that needs no `eval`: rules compiled to closures, combined by the shared semantics. */
import { compileToClosure } from '../logic';
import type { AccountScore, Facts } from '../types';
import { nativePoints, scoreMeasure } from './evaluate';
import { combineInto, combineScores, type ScorecardPlan } from './plan';

/** The two ways to score an account with one scorecard. */
export interface Scorer {
	/** The full result, with the explanation of every measure. */
	score: (facts: Facts, accountId: string) => AccountScore;
	/**
	 * Just the numbers, written into `out` as [overall, ...group scores, ...measure scores] in
	 * scorecard order, NaN where there is none; nothing is allocated per account.
	 */
	scoreInto: (facts: Facts, out: Float64Array) => void;
}

export function closureScorer(plan: ScorecardPlan): Scorer {
	const values = plan.measures.map((measure) => compileToClosure(measure.value));
	const points = plan.measures.map((measure) =>
		nativePoints(
			measure.scoring,
			measure.scoring.type === 'logic' ? compileToClosure(measure.scoring.logic) : undefined
		)
	);
	const measureResults = (facts: Facts) =>
		plan.measures.map((measure, i) => scoreMeasure(measure, facts, values[i]!, points[i]!));
	return {
		score: (facts, accountId) => combineScores(plan, accountId, measureResults(facts)),
		scoreInto: (facts, out) => combineInto(plan, measureResults(facts), out)
	};
}
