/**
 * Scorecards interpreted by json-logic-js on every account: the semantics the compiled scorers must
 * reproduce exactly, and the baseline the benchmark measures them against.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { AccountScore, Facts, Scorecard } from '../../src/lib/engine';
import { combineScores, planScorecard, scoreMeasure, unscored } from '../../src/lib/engine/scoring/plan';

const apply = (rule: unknown, data: unknown) => jsonLogic.apply(rule as RulesLogic, data);

export interface ReferenceScorecard {
	appliesTo: (facts: Facts) => boolean;
	score: (facts: Facts, accountId: string) => AccountScore;
}

export function referenceScorecard(card: Scorecard): ReferenceScorecard {
	const plan = planScorecard(card);
	return {
		appliesTo: (facts) => card.applies_to === undefined || jsonLogic.truthy(apply(card.applies_to, facts)),
		score: (facts, accountId) =>
			combineScores(
				plan,
				accountId,
				plan.measures.map((measure) =>
					scoreMeasure(
						measure,
						facts,
						(data) => apply(measure.value, data),
						measure.scoring.type === 'logic'
							? (data) => apply((measure.scoring as { logic: unknown }).logic, data)
							: undefined
					)
				)
			)
	};
}

/** First applicable scorecard, as `scoreFacts` picks it (the cards already in priority order). */
export function referenceScore(cards: readonly ReferenceScorecard[], facts: Facts, accountId: string): AccountScore {
	for (const card of cards) if (card.appliesTo(facts)) return card.score(facts, accountId);
	return unscored(accountId);
}
