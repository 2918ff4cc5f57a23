/**
 * Suggested weights: an L2-regularised logistic regression of churn on the measure scores, fitted
 * on the training accounts, with its penalty chosen, and the current weights kept unless the fit
 * does better, by cross-validation within the training accounts. The held-out accounts judge the
 * result only at the end, scored as the builder would score them (missing measures left out).
 */
import type { CompiledScorecard } from '../scoring';
import { fitMeasureWeights, layoutFromWeights, layoutInPercents } from './fit-weights';
import { layoutAuc, layoutOf, sharesOf, type Layout } from './layout';
import { folds, splitObservations } from './split';
import type { Observation, ProposedWeights, WeightSuggestion } from './types';

/** Fewer churned (or retained) outcomes than this in either part, and no weights are proposed. */
export const MIN_OUTCOMES = 5;
/** Penalties tried on the standardised coefficients. */
const LAMBDAS = [0.1, 1, 10, 100];
const FOLDS = 5;

function enough(observations: readonly Observation[]): boolean {
	const churned = observations.filter((observation) => observation.churned).length;
	return churned >= MIN_OUTCOMES && observations.length - churned >= MIN_OUTCOMES;
}

interface CrossValidation {
	/** Per fold: the current weights' AUC, and each penalty's fitted weights' AUC. */
	current: number[];
	byLambda: Map<number, number[]>;
}

/** AUC on each fold of the current weights and of the weights fitted on the other folds. */
function crossValidate(
	card: CompiledScorecard,
	training: readonly Observation[],
	seed: number
): CrossValidation {
	const current = layoutOf(card);
	const parts = folds(training, FOLDS, seed);
	const result: CrossValidation = {
		current: [],
		byLambda: new Map(LAMBDAS.map((lambda) => [lambda, []]))
	};
	parts.forEach((test, k) => {
		const rest = parts.flatMap((part, j) => (j === k ? [] : part));
		const baseline = layoutAuc(card, current, test);
		if (!enough(rest) || baseline === null) return;
		result.current.push(baseline);
		for (const lambda of LAMBDAS) {
			const layout = layoutFromWeights(card, fitMeasureWeights(card, rest, lambda).weights);
			// A fit that finds no protective measure would score nothing: count it as a coin toss.
			result.byLambda.get(lambda)!.push(layout ? (layoutAuc(card, layout, test) ?? 0.5) : 0.5);
		}
	});
	return result;
}

const mean = (values: readonly number[]) =>
	values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/**
 * Proposed weights for a scorecard from its scored observations, split by account into the
 * training accounts (`train`) and the held-out ones.
 */
export function suggestWeights(
	card: CompiledScorecard,
	observations: readonly Observation[],
	train: ReadonlySet<string>,
	seed = 1
): WeightSuggestion {
	const { training, heldOut } = splitObservations(observations, train);
	if (!enough(training) || !enough(heldOut)) return { ok: false, reason: 'too-few-outcomes' };

	const cv = crossValidate(card, training, seed);
	const cvOf = (lambda: number) => mean(cv.byLambda.get(lambda)!);
	let lambda = LAMBDAS[0]!;
	for (const candidate of LAMBDAS) if (cvOf(candidate) > cvOf(lambda)) lambda = candidate;
	const fit = fitMeasureWeights(card, training, lambda);
	const fitted = layoutFromWeights(card, fit.weights);
	if (!fitted) return { ok: false, reason: 'no-protective-measure' };
	const current = layoutOf(card);
	const changed = cvOf(lambda) > mean(cv.current);
	const proposed: Layout = changed ? fitted : current;
	const shown = layoutInPercents(proposed);

	const width = card.plan.measures.length;
	const currentShares = sharesOf(current, width);
	const proposedShares = sharesOf(proposed, width);
	const totalCurrent = current.groups.reduce((sum, group) => sum + group.weight, 0);
	const figures = (part: readonly Observation[]) => ({
		current: layoutAuc(card, current, part),
		proposed: layoutAuc(card, proposed, part),
		accounts: part.length,
		churned: part.filter((observation) => observation.churned).length
	});
	const result: ProposedWeights = {
		ok: true,
		changed,
		lambda,
		crossValidated: { current: mean(cv.current), fitted: cvOf(lambda) },
		groups: card.scorecard.groups.map((group, g) => ({
			id: group.id,
			name: group.name,
			weight: shown.groups[g]!.weight,
			currentShare: totalCurrent > 0 ? current.groups[g]!.weight / totalCurrent : 0
		})),
		measures: card.scorecard.groups.flatMap((group, g) =>
			group.measures.map((measure, i) => {
				const index = current.groups[g]!.measures[i]!.column;
				return {
					id: measure.id,
					name: measure.name,
					groupId: group.id,
					weight: shown.groups[g]!.measures[i]!.weight,
					currentShare: currentShares[index]!,
					proposedShare: proposedShares[index]!,
					coefficient: fit.coefficients[index]!
				};
			})
		),
		heldOut: figures(heldOut),
		train: figures(training)
	};
	return result;
}
