/**
 * Scorecards interpreted by json-logic-js on every account: the semantics the compiled scorers must
 * reproduce exactly, and the baselines the benchmark measures them against. Either json-logic-js
 * evaluates the scorecard's rules (`applies_to`, measure values, `logic` scorings) and JavaScript
 * the rest, or it evaluates every measure's scoring too, as the JSON-logic rule it stands for.
 * Comparisons with a missing operand are false, as everywhere in Scorecraft (json-logic-reference).
 */
import { apply, truthy } from './json-logic-reference';
import type { AccountScore, Facts, Scorecard } from '../../src/lib/engine';
import {
	combineInto,
	combineScores,
	planScorecard,
	unscored
} from '../../src/lib/engine/scoring/plan';
import { nativePoints, scoreMeasure, type Points } from '../../src/lib/engine/scoring/evaluate';
import { scoringAsLogic, scoringData } from '../../src/lib/engine/scoring/as-logic';
import { toNumber } from '../../src/lib/engine/scoring/measure';

export interface ReferenceScorecard {
	appliesTo: (facts: Facts) => boolean;
	score: (facts: Facts, accountId: string) => AccountScore;
	scoreInto: (facts: Facts, out: Float64Array) => void;
}

/** json-logic-js's reading of a scoring: its rule, on the value the scoring sees. */
function jsonLogicPoints(
	scoring: Scorecard['groups'][number]['measures'][number]['scoring']
): Points {
	const rule = scoringAsLogic(scoring);
	return (raw, facts) => {
		const data = scoringData(scoring, raw, facts);
		if ((scoring.type === 'steps' || scoring.type === 'linear') && Number.isNaN(data.value))
			return NaN;
		return toNumber(apply(rule, data));
	};
}

export function referenceScorecard(
	card: Scorecard,
	scoring: 'javascript' | 'json-logic' = 'javascript'
): ReferenceScorecard {
	const plan = planScorecard(card);
	const points = plan.measures.map((measure) =>
		scoring === 'json-logic'
			? jsonLogicPoints(measure.scoring)
			: nativePoints(
					measure.scoring,
					measure.scoring.type === 'logic'
						? (data) => apply((measure.scoring as { logic: unknown }).logic, data)
						: undefined
				)
	);
	const measureResults = (facts: Facts) =>
		plan.measures.map((measure, i) =>
			scoreMeasure(measure, facts, (data) => apply(measure.value, data), points[i]!)
		);
	return {
		appliesTo: (facts) => card.applies_to === undefined || truthy(apply(card.applies_to, facts)),
		score: (facts, accountId) => combineScores(plan, accountId, measureResults(facts)),
		scoreInto: (facts, out) => combineInto(plan, measureResults(facts), out)
	};
}

/** First applicable scorecard, as `scoreFacts` picks it (the cards already in priority order). */
export function referenceScore(
	cards: readonly ReferenceScorecard[],
	facts: Facts,
	accountId: string
): AccountScore {
	for (const card of cards) if (card.appliesTo(facts)) return card.score(facts, accountId);
	return unscored(accountId);
}
