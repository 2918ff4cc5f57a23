/** Compiled scorecards: built once from the JSON, then applied to many accounts. */
import { compileToClosure, resolveBackend, truthy, type Backend } from '../logic';
import { emitLogic, SourceContext, helpers } from '../logic/source';
import type { AccountScore, Facts, Scorecard } from '../types';
import { generatedScorer } from './codegen';
import { closureScorer, type ScoreFunction } from './interpret';
import { planScorecard, unscored, type ScorecardPlan } from './plan';

export interface CompiledScorecard {
	id: string;
	scorecard: Scorecard;
	plan: ScorecardPlan;
	/** Whether this scorecard's `applies_to` holds for the facts (no condition: it applies to all). */
	appliesTo: (facts: Facts) => boolean;
	score: ScoreFunction;
}

function compileCondition(condition: Scorecard['applies_to'], backend: 'function' | 'closure'): (facts: Facts) => boolean {
	if (condition === undefined) return () => true;
	if (backend === 'closure') {
		const rule = compileToClosure(condition);
		return (facts) => truthy(rule(facts));
	}
	const context = new SourceContext();
	const body = emitLogic(condition, 'f', context, true);
	return new Function('h', 'c', `return function appliesTo(f) { let t; return h.truthy(${body}); };`)(
		helpers,
		context.constants
	) as (facts: Facts) => boolean;
}

/** Compiles a scorecard that has passed workspace validation. */
export function compileScorecard(scorecard: Scorecard, backend: Backend = 'auto'): CompiledScorecard {
	const chosen = resolveBackend(backend);
	const plan = planScorecard(scorecard);
	return {
		id: scorecard.id,
		scorecard,
		plan,
		appliesTo: compileCondition(scorecard.applies_to, chosen),
		score: chosen === 'function' ? generatedScorer(plan) : closureScorer(plan)
	};
}

/**
 * The scorecards that score accounts, in the order they are tried: published ones (a scorecard
 * with no status counts as published) by `priority`, lowest first, then by their order in the file.
 */
export function compileScorecards(scorecards: readonly Scorecard[], backend: Backend = 'auto'): CompiledScorecard[] {
	return scorecards
		.map((scorecard, index) => ({ scorecard, index }))
		.filter(({ scorecard }) => scorecard.status !== 'draft')
		.sort(
			(a, b) =>
				(a.scorecard.priority ?? Number.POSITIVE_INFINITY) - (b.scorecard.priority ?? Number.POSITIVE_INFINITY) ||
				a.index - b.index
		)
		.map(({ scorecard }) => compileScorecard(scorecard, backend));
}

/** Scores one account with the first scorecard that applies to it; unscored when none does. */
export function scoreFacts(scorecards: readonly CompiledScorecard[], facts: Facts, accountId: string): AccountScore {
	for (const scorecard of scorecards) {
		if (scorecard.appliesTo(facts)) return scorecard.score(facts, accountId);
	}
	return unscored(accountId);
}
