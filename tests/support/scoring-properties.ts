/**
 * The scoring property check: random scorecards scored on random accounts by the compiled engine,
 * every result compared with json-logic-js's. The Node test runs it on each backend; the Chromium
 * test runs it on the page and in a worker under the app's own policies, on the backend the engine
 * chooses there. So it imports nothing of Node's.
 */
import { compileScorecard, type AccountScore, type Scorecard } from '../../src/lib/engine';
import { resolveBackend, type Backend } from '../../src/lib/engine/logic';
import { Random } from '../../src/lib/engine/random';
import type { ScorecardPlan } from '../../src/lib/engine/scoring/plan';
import { parseScorecard } from '../../src/lib/engine/workspace/scorecard';
import { sameValue } from './random-logic';
import { randomFacts, randomScorecard } from './random-scorecard';
import { referenceScorecard } from './reference-scorer';

export interface PropertyRun {
	/** Accounts scored by every backend and compared. */
	compared: number;
	/** The first disagreement, with the scorecard and facts that show it; none when all agree. */
	mismatch?: string;
}

/** The numbers scoreInto should write for a full result: [overall, ...groups, ...measures]. */
function numbersOf(result: AccountScore, plan: ScorecardPlan): number[] {
	const orNaN = (value: number | null | undefined) => value ?? NaN;
	return [
		orNaN(result.overall),
		...plan.groups.map((group) => orNaN(result.groups[group.id])),
		...plan.measures.map((measure) => orNaN(result.measures[measure.id]!.score))
	];
}

/** Random scorecards that pass validation, as every scorecard the engine compiles has. */
export function validScorecards(random: Random, count: number): Scorecard[] {
	const cards: Scorecard[] = [];
	while (cards.length < count) {
		const card = randomScorecard(random, `card${cards.length}`);
		if (parseScorecard(card).ok) cards.push(card);
	}
	return cards;
}

/**
 * Scores `accountsPerCard` random accounts on each of `cards` random scorecards with every
 * backend (`auto`: the one this environment allows), both as full results and as the numbers
 * `scoreInto` writes, and compares each with json-logic-js on the same scorecard.
 */
export function checkScoringProperties(options: {
	seed: number;
	cards: number;
	accountsPerCard: number;
	backends: readonly Backend[];
}): PropertyRun {
	const random = new Random(options.seed);
	let compared = 0;
	const show = (value: unknown) => JSON.stringify(value);
	for (const card of validScorecards(random, options.cards)) {
		const scorers = options.backends.map((backend) => [backend, compileScorecard(card, backend)] as const); // prettier-ignore
		const reference = referenceScorecard(card);
		const wholeReference = referenceScorecard(card, 'json-logic');
		for (let i = 0; i < options.accountsPerCard; i++) {
			const facts = randomFacts(random);
			const expected = reference.score(facts, 'x');
			const where = `on ${show(card)} with ${show(facts)}`;
			if (!sameValue(wholeReference.score(facts, 'x'), expected))
				return { compared, mismatch: `json-logic-js on all the logic differs ${where}` };
			for (const [backend, scorer] of scorers) {
				const actual = scorer.score(facts, 'x');
				if (!sameValue(actual, expected))
					return { compared, mismatch: `${backend} differs ${where}:\n${show(actual)}\n${show(expected)}` }; // prettier-ignore
				const numbers = new Float64Array(scorer.resultLength).fill(-1);
				scorer.scoreInto(facts, numbers);
				const expectedNumbers = numbersOf(expected, scorer.plan);
				if (!sameValue([...numbers], expectedNumbers))
					return { compared, mismatch: `${backend} scoreInto differs ${where}: ${[...numbers]} vs ${expectedNumbers}` }; // prettier-ignore
				if (scorer.appliesTo(facts) !== reference.appliesTo(facts))
					return { compared, mismatch: `${backend} appliesTo differs ${where}` };
			}
			compared++;
		}
	}
	return { compared };
}

/** The check on the backend this environment chooses (`auto`), and which one that is: for Chromium. */
export function run(params: { seed: number; cards: number; accountsPerCard: number }) {
	return {
		backend: resolveBackend('auto'),
		...checkScoringProperties({ ...params, backends: ['auto'] })
	};
}
