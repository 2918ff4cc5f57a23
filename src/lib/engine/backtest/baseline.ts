/**
 * The benchmark to beat: a plain logistic regression of the event (churn) on all the facts, with no
 * scorecard in between. Numbers have their missing values at the training mean and an indicator
 * column (the regression standardises every column before its penalty), booleans are 0/1, and
 * categories one-hot with their rare values pooled. Facts are read with discovery's `kindOf`, so
 * both see the same facts alike: identifiers, lists and objects are left out, and so are the facts
 * that may know the future in a backtest. The penalty is chosen by cross-validated Brier score on
 * the training accounts; the held-out accounts judge the fit at the end.
 */
import { isPresent } from '../scoring/measure';
import { auc } from './auc';
import { brierScore } from './calibrate';
import { kindOf, numberOf } from './candidates';
import { fitLogistic, type LogisticFit } from './logistic';
import { folds, splitObservations } from './split';
import type { Observation } from './types';
import { MIN_OUTCOMES } from './weights';

export type BaselineResult =
	| {
			ok: true;
			/** Held-out AUC of 1 − p (a low value goes with the event, as for a score). */
			auc: number | null;
			/** Held-out Brier score. */
			brier: number | null;
			/** The penalty on the standardised coefficients, chosen by cross-validation. */
			lambda: number;
			/** The facts it read, and the columns they made. */
			facts: string[];
			columns: number;
			heldOut: { outcomes: number; churned: number };
	  }
	| { ok: false; reason: 'too-few-outcomes' | 'no-facts' };

const LAMBDAS = [0.1, 1, 10, 100, 1000];
const FOLDS = 5;
/** A category value seen fewer times than this in training joins the pooled "other" column. */
const RARE = 10;

/** How one fact becomes columns, learnt from the training outcomes only. */
type Feature =
	| { fact: string; kind: 'number'; mean: number; missing: boolean }
	| { fact: string; kind: 'boolean'; missing: boolean }
	| {
			fact: string;
			kind: 'category';
			levels: Map<string, number>;
			other: boolean;
			missing: boolean;
	  };

/** Whether a fact's value is there to read for its kind (blank text is missing, as in a CSV). */
function readable(kind: Feature['kind'], value: unknown): boolean {
	if (kind === 'number') return !Number.isNaN(numberOf(value));
	if (kind === 'boolean') return typeof value === 'boolean';
	return isPresent(value) && String(value).trim() !== '';
}

function featureOf(fact: string, values: readonly unknown[]): Feature | null {
	// The kinds discovery reads facts with, so that both see the same facts the same way.
	const kind = kindOf(values);
	if (!kind) return null;
	const present = values.filter((value) => readable(kind, value));
	const missing = present.length < values.length;
	if (kind === 'number') {
		const mean = present.reduce<number>((sum, value) => sum + numberOf(value), 0) / present.length;
		return { fact, kind, mean, missing };
	}
	if (kind === 'boolean') return { fact, kind, missing };
	const counts = new Map<string, number>();
	for (const value of present) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
	const kept = [...counts.keys()].filter((level) => counts.get(level)! >= RARE).sort();
	return {
		fact,
		kind,
		levels: new Map(kept.map((level, i) => [level, i])),
		other: kept.length < counts.size,
		missing
	};
}

function width(feature: Feature): number {
	const indicator = feature.missing ? 1 : 0;
	if (feature.kind !== 'category') return 1 + indicator;
	return feature.levels.size + (feature.other ? 1 : 0) + indicator;
}

/** Writes a fact's columns into `row` from `at`; returns the next free column. */
function encode(feature: Feature, value: unknown, row: number[], at: number): number {
	const present = readable(feature.kind, value);
	if (feature.kind === 'number') row[at] = present ? numberOf(value) : feature.mean;
	else if (feature.kind === 'boolean') row[at] = value === true ? 1 : 0;
	else if (present) {
		// An unseen or pooled value counts as "other" (or as nothing when training had no other).
		const level = feature.levels.get(String(value));
		if (level !== undefined) row[at + level] = 1;
		else if (feature.other) row[at + feature.levels.size] = 1;
	}
	const next = at + width(feature);
	if (feature.missing) row[next - 1] = present ? 0 : 1;
	return next;
}

function rowsOf(features: readonly Feature[], observations: readonly Observation[]): number[][] {
	const columns = features.reduce((sum, feature) => sum + width(feature), 0);
	return observations.map((observation) => {
		const row = new Array<number>(columns).fill(0);
		let at = 0;
		for (const feature of features) at = encode(feature, observation.facts[feature.fact], row, at);
		return row;
	});
}

function predict(fit: LogisticFit, row: readonly number[]): number {
	let eta = fit.intercept;
	for (let j = 0; j < row.length; j++) eta += fit.coefficients[j]! * row[j]!;
	return 1 / (1 + Math.exp(-eta));
}

function enough(observations: readonly Observation[]): boolean {
	const churned = observations.filter((observation) => observation.churned).length;
	return churned >= MIN_OUTCOMES && observations.length - churned >= MIN_OUTCOMES;
}

/** The penalty with the lowest pooled Brier score over the folds of the training outcomes. */
function chooseLambda(training: readonly Observation[], rows: readonly number[][], seed: number) {
	const rowOf = new Map(training.map((observation, i) => [observation, rows[i]!]));
	const parts = folds(training, FOLDS, seed);
	const squared = LAMBDAS.map(() => 0);
	for (let k = 0; k < parts.length; k++) {
		const rest = parts.flatMap((part, j) => (j === k ? [] : part));
		if (parts[k]!.length === 0 || !enough(rest)) continue;
		const x = rest.map((observation) => rowOf.get(observation)!);
		const y = rest.map((observation) => observation.churned);
		LAMBDAS.forEach((lambda, l) => {
			const fit = fitLogistic(x, y, { lambda });
			for (const observation of parts[k]!)
				squared[l]! += (predict(fit, rowOf.get(observation)!) - (observation.churned ? 1 : 0)) ** 2;
		});
	}
	let best = 0;
	squared.forEach((value, l) => {
		if (value < squared[best]!) best = l;
	});
	return LAMBDAS[best]!;
}

/**
 * The baseline's held-out AUC and Brier score, for the same outcomes and the same split as the
 * scorecard's (`train` holds the training accounts); `exclude` names facts not to read.
 */
export function baselineRegression(
	observations: readonly Observation[],
	train: ReadonlySet<string>,
	options: { seed?: number; exclude?: ReadonlySet<string> } = {}
): BaselineResult {
	const { seed = 1, exclude = new Set<string>() } = options;
	const { training, heldOut } = splitObservations(observations, train);
	if (!enough(training) || heldOut.length === 0) return { ok: false, reason: 'too-few-outcomes' };
	const names = new Set<string>();
	for (const observation of training)
		for (const name in observation.facts) if (!exclude.has(name)) names.add(name);
	const features = [...names]
		.sort()
		.map((name) =>
			featureOf(
				name,
				training.map((observation) => observation.facts[name])
			)
		)
		.filter((feature): feature is Feature => feature !== null);
	if (features.length === 0) return { ok: false, reason: 'no-facts' };

	const rows = rowsOf(features, training);
	const lambda = chooseLambda(training, rows, seed);
	const fit = fitLogistic(
		rows,
		training.map((observation) => observation.churned),
		{ lambda }
	);
	const p = rowsOf(features, heldOut).map((row) => predict(fit, row));
	const churned = heldOut.map((observation) => observation.churned);
	return {
		ok: true,
		auc: auc(
			p.map((value) => 1 - value),
			churned
		),
		brier: brierScore(p, churned),
		lambda,
		facts: features.map((feature) => feature.fact),
		columns: rows[0]!.length,
		heldOut: { outcomes: heldOut.length, churned: churned.filter(Boolean).length }
	};
}
