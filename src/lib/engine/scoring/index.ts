/** Compiled scorecards: built once from the JSON, then applied to many accounts. */
import { compileToClosure, resolveBackend, truthy, type Backend } from '../logic';
import { condition as emitCondition, SourceContext, helpers } from '../logic/source';
import type { FactsNeeds } from '../facts';
import type { AccountScore, Facts, Scorecard } from '../types';
import { generatedScorer } from './codegen';
import { closureScorer, type Scorer } from './interpret';
import { bandFor } from './measure';
import { planScorecard, unscored, type ScorecardPlan } from './plan';

export interface CompiledScorecard {
	id: string;
	scorecard: Scorecard;
	plan: ScorecardPlan;
	/** Whether this scorecard's `applies_to` holds for the facts (no condition: it applies to all). */
	appliesTo: (facts: Facts) => boolean;
	score: Scorer['score'];
	scoreInto: Scorer['scoreInto'];
	/** The length of the buffer `scoreInto` fills: 1 + groups + measures. */
	resultLength: number;
	/** The band of an overall score (not of a missing one: that is "No data"). */
	band: (overall: number) => string;
}

function compileCondition(
	condition: Scorecard['applies_to'],
	backend: 'function' | 'closure'
): (facts: Facts) => boolean {
	if (condition === undefined) return () => true;
	if (backend === 'closure') {
		const rule = compileToClosure(condition);
		return (facts) => truthy(rule(facts));
	}
	const context = new SourceContext();
	const body = emitCondition(condition, 'f', true, context);
	return new Function('h', 'c', `return function appliesTo(f) { let t; return ${body}; };`)(
		helpers,
		context.constants
	) as (facts: Facts) => boolean;
}

/** Compiles a scorecard that has passed workspace validation. */
export function compileScorecard(
	scorecard: Scorecard,
	backend: Backend = 'auto'
): CompiledScorecard {
	const chosen = resolveBackend(backend);
	const plan = planScorecard(scorecard);
	const { score, scoreInto } = chosen === 'function' ? generatedScorer(plan) : closureScorer(plan);
	return {
		id: scorecard.id,
		scorecard,
		plan,
		appliesTo: compileCondition(scorecard.applies_to, chosen),
		score,
		scoreInto,
		resultLength: 1 + plan.groups.length + plan.measures.length,
		band: (overall) => bandFor(overall, plan.bands)
	};
}

/**
 * The scorecards that score accounts, in the order they are tried: published ones (a scorecard
 * with no status counts as published) by `priority`, lowest first, then by their order in the file.
 */
export function compileScorecards(
	scorecards: readonly Scorecard[],
	backend: Backend = 'auto'
): CompiledScorecard[] {
	return scorecards
		.map((scorecard, index) => ({ scorecard, index }))
		.filter(({ scorecard }) => scorecard.status !== 'draft')
		.sort(
			(a, b) =>
				(a.scorecard.priority ?? Number.POSITIVE_INFINITY) -
					(b.scorecard.priority ?? Number.POSITIVE_INFINITY) || a.index - b.index
		)
		.map(({ scorecard }) => compileScorecard(scorecard, backend));
}

/** The first scorecard that applies to the facts, if any. */
export function selectScorecard(
	scorecards: readonly CompiledScorecard[],
	facts: Facts
): CompiledScorecard | undefined {
	for (const scorecard of scorecards) if (scorecard.appliesTo(facts)) return scorecard;
	return undefined;
}

/** Scores one account with the first scorecard that applies to it; unscored when none does. */
export function scoreFacts(
	scorecards: readonly CompiledScorecard[],
	facts: Facts,
	accountId: string
): AccountScore {
	for (const scorecard of scorecards) {
		if (scorecard.appliesTo(facts)) return scorecard.score(facts, accountId);
	}
	return unscored(accountId);
}

/** What the facts must carry for these scorecards: decay periods and last-known look-backs. */
export function factsNeedsOf(scorecards: readonly CompiledScorecard[]): FactsNeeds {
	let decayPeriods = 0;
	let lastKnownDays = 0;
	for (const card of scorecards) {
		for (const measure of card.plan.measures) {
			decayPeriods = Math.max(decayPeriods, measure.decayPeriods);
			if (measure.missing.policy === 'last_known')
				lastKnownDays = Math.max(lastKnownDays, measure.missing.max_days);
		}
	}
	return { decayPeriods, lastKnownDays };
}
