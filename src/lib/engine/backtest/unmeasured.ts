/**
 * What the scorecard does not measure: the facts in the data that none of its measures reads,
 * ranked by how well each alone foresaw churn, each offered as a new measure with its scoring
 * fitted on the training accounts and the held-out AUC the scorecard would reach with it.
 */
import { varsRead, type Logic } from '../logic';
import type { CompiledScorecard } from '../scoring';
import { isPresent, mapScore, stepsScore } from '../scoring/measure';
import type { Measure, Scoring } from '../types';
import { auc } from './auc';
import { fitMap, fitSteps } from './fit-scoring';
import { layoutAuc, layoutOf, type Layout } from './layout';
import { fitLogistic } from './logistic';
import { splitObservations } from './split';
import type { FactSuggestion, Observation } from './types';
import { MIN_OUTCOMES } from './weights';

/** More distinct texts than this, or fewer than 10 accounts a text on average: an identifier. */
const MAX_CATEGORIES = 20;
/** The most a new measure may carry of the overall: it joins the scorecard, it does not replace it. */
const MAX_SHARE = 0.5;

/** The fact names a measure reads, in its value or its scoring (a path and its first name). */
export function factsReadBy(measure: Measure): string[] {
	const rules: Logic[] = [measure.value as Logic];
	if (measure.scoring.type === 'logic') rules.push(measure.scoring.logic as Logic);
	const read = new Set<string>();
	for (const rule of rules)
		for (const path of varsRead(rule)) read.add(path).add(path.split('.')[0]!);
	return [...read];
}

/** Every fact name a measure of the scorecard reads. */
export function factsRead(card: CompiledScorecard): Set<string> {
	return new Set(
		card.scorecard.groups.flatMap((group) =>
			group.measures.flatMap((measure) => factsReadBy(measure))
		)
	);
}

type Kind = FactSuggestion['kind'];

/** The kind of a fact's present values, or null for lists, objects, mixtures and identifiers. */
function kindOf(values: readonly unknown[]): Kind | null {
	const types = new Set(values.map((value) => typeof value));
	if (types.size !== 1) return null;
	const [type] = types;
	if (type === 'number') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type !== 'string') return null;
	const distinct = new Set(values).size;
	return distinct <= MAX_CATEGORIES && distinct * 10 <= values.length ? 'category' : null;
}

function measureId(fact: string, taken: ReadonlySet<string>): string {
	let base = fact.replace(/[^A-Za-z0-9_-]/g, '_');
	if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
	return id;
}

/** `invoices_late` → "Invoices late": a measure name the builder can show until someone edits it. */
function measureName(fact: string): string {
	const words = fact.replace(/[_.-]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function scoreWith(scoring: Scoring, raw: unknown): number {
	if (!isPresent(raw)) return NaN;
	if (scoring.type === 'steps') return typeof raw === 'number' ? stepsScore(scoring, raw) : NaN;
	if (scoring.type === 'map') return mapScore(scoring, raw);
	return NaN;
}

/**
 * The share of the overall a new measure should carry beside the current overall score, from a
 * regression of churn on both (a missing new score counts as its mean): the ratio of their
 * protective coefficients. 0 when the new score adds nothing protective.
 */
export function fittedShare(
	training: readonly Observation[],
	extra: (observation: Observation) => number
): number {
	const values = training.map(extra);
	const present = values.filter((value) => !Number.isNaN(value));
	const mean = present.reduce((sum, value) => sum + value, 0) / Math.max(1, present.length);
	const fit = fitLogistic(
		training.map((observation, i) => [
			observation.scores[0]!,
			Number.isNaN(values[i]!) ? mean : values[i]!
		]),
		training.map((observation) => observation.churned)
	);
	const current = Math.max(0, -fit.coefficients[0]!);
	const added = Math.max(0, -fit.coefficients[1]!);
	if (added === 0) return 0;
	return Math.min(MAX_SHARE, added / (current + added));
}

/** The layout with one more group holding the new measure (in the extra column) at `share`. */
export function withExtraGroup(layout: Layout, columns: number, share: number): Layout {
	const total = layout.groups.reduce((sum, group) => sum + group.weight, 0);
	return {
		groups: [
			...layout.groups,
			{ weight: (share / (1 - share)) * total, measures: [{ weight: 1, column: columns }] }
		]
	};
}

interface FittedFact {
	scoring: Scoring;
	auc: number;
	direction: FactSuggestion['direction'];
}

/**
 * A fact's own AUC and direction, and its scoring fitted on the training accounts. A number or a
 * boolean is ranked by the AUC of its raw value over all accounts (no fit involved, whichever
 * way round); a category only through a fitted map, so by that map's AUC on the held-out accounts,
 * since a fit judges itself too kindly.
 */
function fitFact(
	fact: string,
	kind: FactSuggestion['kind'],
	observations: readonly Observation[],
	training: readonly Observation[],
	heldOut: readonly Observation[]
): FittedFact | null {
	const values: unknown[] = [];
	const churned: boolean[] = [];
	for (const observation of training) {
		const value = observation.facts[fact];
		if (!isPresent(value)) continue;
		values.push(value);
		churned.push(observation.churned);
	}
	if (kind === 'category') {
		const scoring = fitMap(values.map(String), churned);
		if (!scoring) return null;
		const judged = auc(
			heldOut.map((observation) => scoreWith(scoring, observation.facts[fact])),
			heldOut.map((observation) => observation.churned)
		);
		return { scoring, auc: judged ?? 0.5, direction: 'by-category' };
	}
	const lowChurns =
		auc(
			observations.map((observation) => {
				const value = observation.facts[fact];
				return isPresent(value) ? Number(value) : NaN;
			}),
			observations.map((observation) => observation.churned)
		) ?? 0.5;
	const direction = lowChurns >= 0.5 ? 'lower-churns' : 'higher-churns';
	const scoring =
		kind === 'boolean'
			? fitMap(values.map(String), churned)
			: fitSteps(values as number[], churned, direction);
	return scoring && { scoring, auc: Math.max(lowChurns, 1 - lowChurns), direction };
}

/**
 * The facts no measure reads, best predictor first (by their own AUC), at most `limit` of them;
 * `exclude` names facts not to offer (those that may know the future).
 */
export function unmeasuredFacts(
	card: CompiledScorecard,
	observations: readonly Observation[],
	train: ReadonlySet<string>,
	options: { limit?: number; exclude?: ReadonlySet<string> } = {}
): FactSuggestion[] {
	const { limit = 20, exclude = new Set<string>() } = options;
	const read = factsRead(card);
	const names = new Set<string>();
	for (const observation of observations)
		for (const name in observation.facts)
			if (!read.has(name) && !exclude.has(name)) names.add(name);
	const { training, heldOut } = splitObservations(observations, train);
	const layout = layoutOf(card);
	const columns = card.plan.measures.length;
	const current = layoutAuc(card, layout, heldOut);
	const takenIds = new Set([
		...card.plan.measures.map((measure) => measure.id),
		...card.plan.groups.map((group) => group.id)
	]);
	const suggestions: FactSuggestion[] = [];

	for (const fact of [...names].sort()) {
		const present = observations.filter((observation) => isPresent(observation.facts[fact]));
		const kind = kindOf(present.map((observation) => observation.facts[fact]));
		if (!kind || new Set(present.map((observation) => observation.facts[fact])).size < 2) continue;
		const churnedPresent = present.filter((observation) => observation.churned).length;
		if (churnedPresent < MIN_OUTCOMES || present.length - churnedPresent < MIN_OUTCOMES) continue;
		const fitted = fitFact(fact, kind, observations, training, heldOut);
		if (!fitted) continue;

		const extra = (observation: Observation) => scoreWith(fitted.scoring, observation.facts[fact]);
		const share = fittedShare(training, extra);
		const id = measureId(fact, takenIds);
		takenIds.add(id);
		suggestions.push({
			fact,
			kind,
			auc: fitted.auc,
			direction: fitted.direction,
			missingShare: 1 - present.length / observations.length,
			measure: {
				id,
				name: measureName(fact),
				weight: 1,
				value: { var: fact },
				scoring: fitted.scoring
			},
			share,
			heldOut: {
				current,
				withFact: layoutAuc(card, withExtraGroup(layout, columns, share), heldOut, extra)
			}
		});
	}
	suggestions.sort((a, b) => b.auc - a.auc || a.fact.localeCompare(b.fact));
	return suggestions.slice(0, limit);
}
