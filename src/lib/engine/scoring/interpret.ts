/** The scorer that needs no `eval`: rules compiled to closures, combined by the shared semantics. */
import { compileToClosure } from '../logic';
import type { AccountScore, Facts } from '../types';
import { combineScores, scoreMeasure, type ScorecardPlan } from './plan';

export type ScoreFunction = (facts: Facts, accountId: string) => AccountScore;

export function closureScorer(plan: ScorecardPlan): ScoreFunction {
	const values = plan.measures.map((measure) => compileToClosure(measure.value));
	const scoringLogic = plan.measures.map((measure) =>
		measure.scoring.type === 'logic' ? compileToClosure(measure.scoring.logic) : undefined
	);
	return (facts, accountId) =>
		combineScores(
			plan,
			accountId,
			plan.measures.map((measure, i) => scoreMeasure(measure, facts, values[i]!, scoringLogic[i]))
		);
}
