/**
 * Calibrated probabilities: the chance of the event (churn) within the horizon for a given overall
 * score, fitted on the training accounts' outcomes. Two monotone maps are fitted, Platt scaling (a
 * logistic curve in the score) and isotonic regression (the closest non-increasing steps); their
 * mix is chosen by cross-validated Brier score on the training accounts, and a seeded bootstrap of
 * the training accounts gives each probability its range. Whatever the data, a higher score never
 * gets a higher probability.
 */
import { Random } from '../random';
import type { IsoDate } from '../types';
import type { BaselineResult } from './baseline';
import {
	fitIsotonic,
	fitPlatt,
	isotonicAt,
	interpolate,
	plattAt,
	table,
	type IsotonicKnot,
	type PlattCurve,
	type Row
} from './monotone';
import { folds, splitObservations } from './split';
import type { Observation } from './types';
import { MIN_OUTCOMES } from './weights';

/** One scored outcome: its overall score and whether the event happened (churn: `churned`). */
export interface ScoredOutcome {
	accountId: string;
	score: number;
	churned: boolean;
}

export type CalibrationMethod = 'platt' | 'isotonic' | 'blend';

/** The fitted calibration as plain JSON, from which `new Calibration(fit)` rebuilds it anywhere. */
export interface CalibrationFit {
	method: CalibrationMethod;
	/** The isotonic fit's share of the probability: 0 for Platt alone, 1 for isotonic alone. */
	isotonicShare: number;
	platt: PlattCurve;
	/** Ascending scores with non-increasing p (empty when the isotonic map is not used). */
	isotonic: IsotonicKnot[];
	/** The 5th and 95th percentiles of p over bootstrap refits, at scores across the range. */
	band: { score: number; low: number; high: number }[];
}

/** A probability with its range from the fit ("12 % (8–17 %)"). */
export interface Probability {
	p: number;
	low: number;
	high: number;
}

/** A tenth of the outcomes by predicted probability: the mean prediction against what happened. */
export interface ReliabilityBin {
	/** 1 for the tenth with the lowest predictions. */
	decile: number;
	outcomes: number;
	churned: number;
	predicted: number;
	observed: number;
}

export type CalibrationResult =
	| {
			ok: true;
			calibration: Calibration;
			/** Brier score of the folds' predictions in cross-validation: each map, and the mix chosen. */
			crossValidated: { platt: number; isotonic: number; chosen: number };
	  }
	| { ok: false; reason: 'too-few-outcomes' };

/** Isotonic shares tried: Platt, three blends, isotonic (a blend of monotone maps is monotone). */
const SHARES = [0, 0.25, 0.5, 0.75, 1];
const FOLDS = 5;
const BOOTSTRAP = 200;
const GRID = 51;

/** The point estimate of a fit without its band. */
function pointAt(fit: Omit<CalibrationFit, 'band'>, score: number): number {
	const share = fit.isotonicShare;
	const platt = share < 1 ? plattAt(fit.platt, score) : 0;
	const iso = share > 0 ? isotonicAt(fit.isotonic, score) : 0;
	return (1 - share) * platt + share * iso;
}

function methodOf(share: number): CalibrationMethod {
	return share === 0 ? 'platt' : share === 1 ? 'isotonic' : 'blend';
}

/** Both maps fitted on `rows`, mixed at `share`. */
function fitMix(rows: readonly Row[], share: number): Omit<CalibrationFit, 'band'> {
	return {
		method: methodOf(share),
		isotonicShare: share,
		platt: fitPlatt(rows),
		isotonic: share > 0 ? fitIsotonic(rows) : []
	};
}

/** Mean squared difference of probability and outcome; null without an outcome. */
export function brierScore(
	probabilities: readonly number[],
	churned: readonly boolean[]
): number | null {
	if (probabilities.length === 0) return null;
	let sum = 0;
	probabilities.forEach((p, i) => (sum += (p - (churned[i] ? 1 : 0)) ** 2));
	return sum / probabilities.length;
}

/** The distinct scores of `outcomes`, ascending, and the place of each outcome's among them. */
function distinct(outcomes: readonly ScoredOutcome[]) {
	const scores = [...new Set(outcomes.map((outcome) => outcome.score))].sort((a, b) => a - b);
	const index = new Map(scores.map((score, i) => [score, i]));
	return { scores, columns: outcomes.map((outcome) => index.get(outcome.score)!) };
}

/** Outcomes counted per distinct score of `outcomes`. */
function rowsOf(outcomes: readonly ScoredOutcome[]): Row[] {
	const { scores, columns } = distinct(outcomes);
	const totals = new Float64Array(scores.length);
	const events = new Float64Array(scores.length);
	outcomes.forEach((outcome, i) => {
		totals[columns[i]!]!++;
		if (outcome.churned) events[columns[i]!]!++;
	});
	return table(scores, totals, events);
}

/** Cross-validated Brier score of every mix: each fold predicted by maps fitted on the others. */
function crossValidate(training: readonly ScoredOutcome[], seed: number): number[] {
	const platt: number[] = [];
	const iso: number[] = [];
	const churned: boolean[] = [];
	const parts = folds(training, FOLDS, seed);
	parts.forEach((test, k) => {
		const rows = rowsOf(parts.flatMap((part, j) => (j === k ? [] : part)));
		if (rows.length === 0) return;
		const fitted = fitMix(rows, 0.5);
		for (const outcome of test) {
			platt.push(plattAt(fitted.platt, outcome.score));
			iso.push(isotonicAt(fitted.isotonic, outcome.score));
			churned.push(outcome.churned);
		}
	});
	return SHARES.map(
		(share) =>
			brierScore(
				platt.map((p, i) => (1 - share) * p + share * iso[i]!),
				churned
			) ?? Number.POSITIVE_INFINITY
	);
}

/** The qth quantile of sorted values, interpolated. */
function quantile(sorted: readonly number[], q: number): number {
	const at = q * (sorted.length - 1);
	const lo = Math.floor(at);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo]! + (at - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The band of the fit: the chosen mix refitted on `count` resamples of the training accounts (an
 * account's outcomes stay together), the 5th and 95th percentile of p at each score of a grid.
 */
function bootstrapBand(
	training: readonly ScoredOutcome[],
	share: number,
	seed: number,
	count: number
): CalibrationFit['band'] {
	const { scores, columns } = distinct(training);
	const byAccount = new Map<string, { column: number; churned: boolean }[]>();
	training.forEach((outcome, i) => {
		const list = byAccount.get(outcome.accountId) ?? [];
		list.push({ column: columns[i]!, churned: outcome.churned });
		byAccount.set(outcome.accountId, list);
	});
	const accounts = [...byAccount.keys()].sort().map((id) => byAccount.get(id)!);
	const from = Math.min(0, scores[0]!);
	const to = Math.max(100, scores[scores.length - 1]!);
	const grid = Array.from({ length: GRID }, (_, i) => from + ((to - from) * i) / (GRID - 1));
	const samples = grid.map(() => new Array<number>(count));
	const random = new Random(seed);
	const totals = new Float64Array(scores.length);
	const events = new Float64Array(scores.length);
	for (let b = 0; b < count; b++) {
		totals.fill(0);
		events.fill(0);
		for (let i = 0; i < accounts.length; i++) {
			for (const outcome of accounts[random.int(0, accounts.length - 1)]!) {
				totals[outcome.column]!++;
				if (outcome.churned) events[outcome.column]!++;
			}
		}
		const fitted = fitMix(table(scores, totals, events), share);
		grid.forEach((score, g) => (samples[g]![b] = pointAt(fitted, score)));
	}
	return grid.map((score, g) => {
		const sorted = samples[g]!.sort((x, y) => x - y);
		return { score, low: quantile(sorted, 0.05), high: quantile(sorted, 0.95) };
	});
}

/** A fitted calibration, pure: applies to any score, and serialises to its `fit`. */
export class Calibration {
	readonly fit: CalibrationFit;

	constructor(fit: CalibrationFit) {
		this.fit = fit;
	}

	/** The probability of the event for a score, with its range; null for no score. */
	probabilityOf(score: number): Probability | null {
		if (!Number.isFinite(score)) return null;
		const p = pointAt(this.fit, score);
		const { band } = this.fit;
		if (band.length === 0) return { p, low: p, high: p };
		const scores = band.map((point) => point.score);
		const along = (edge: 'low' | 'high') =>
			interpolate(
				scores,
				band.map((point) => point[edge]),
				score
			);
		// The band holds pointwise percentiles of refits, the estimate is the fit on all of training:
		// the range shown with an estimate must hold it.
		const low = along('low');
		const high = along('high');
		return { p, low: Math.min(low, p), high: Math.max(high, p) };
	}

	/** The Brier score on scored outcomes (those without a score are left out); null for none. */
	brier(outcomes: readonly ScoredOutcome[]): number | null {
		const scored = outcomes.filter((outcome) => Number.isFinite(outcome.score));
		return brierScore(
			scored.map((outcome) => pointAt(this.fit, outcome.score)),
			scored.map((outcome) => outcome.churned)
		);
	}

	/** Predicted against observed per tenth of the outcomes ordered by prediction (`bins` tenths). */
	reliability(outcomes: readonly ScoredOutcome[], bins = 10): ReliabilityBin[] {
		return reliabilityOf(
			outcomes
				.filter((outcome) => Number.isFinite(outcome.score))
				.map((outcome) => ({ p: pointAt(this.fit, outcome.score), churned: outcome.churned })),
			bins
		);
	}

	toJSON(): CalibrationFit {
		return this.fit;
	}
}

/** Equal-count bins of predictions in ascending order (an empty bin is left out). */
export function reliabilityOf(
	predictions: readonly { p: number; churned: boolean }[],
	bins = 10
): ReliabilityBin[] {
	const sorted = [...predictions].sort((a, b) => a.p - b.p);
	const result: ReliabilityBin[] = [];
	for (let bin = 0; bin < bins; bin++) {
		const part = sorted.slice(
			Math.floor((bin * sorted.length) / bins),
			Math.floor(((bin + 1) * sorted.length) / bins)
		);
		if (part.length === 0) continue;
		const churned = part.filter((prediction) => prediction.churned).length;
		result.push({
			decile: bin + 1,
			outcomes: part.length,
			churned,
			predicted: part.reduce((sum, prediction) => sum + prediction.p, 0) / part.length,
			observed: churned / part.length
		});
	}
	return result;
}

/**
 * Fits the calibration on the training outcomes that have a score. Needs `minimum` events and as
 * many non-events; `seed` drives the folds and the bootstrap, so the same data gives the same fit.
 */
export function fitCalibration(
	training: readonly ScoredOutcome[],
	options: { seed?: number; minimum?: number; bootstrap?: number } = {}
): CalibrationResult {
	const { seed = 1, minimum = MIN_OUTCOMES, bootstrap = BOOTSTRAP } = options;
	const scored = training.filter((outcome) => Number.isFinite(outcome.score));
	const events = scored.filter((outcome) => outcome.churned).length;
	if (events < minimum || scored.length - events < minimum)
		return { ok: false, reason: 'too-few-outcomes' };
	const cv = crossValidate(scored, seed);
	let best = 0;
	// Strictly better only: on a tie the simpler Platt curve (earlier in SHARES) stays.
	cv.forEach((brier, i) => {
		if (brier < cv[best]!) best = i;
	});
	const share = SHARES[best]!;
	const fit: CalibrationFit = {
		...fitMix(rowsOf(scored), share),
		band: bootstrapBand(scored, share, seed, bootstrap)
	};
	return {
		ok: true,
		calibration: new Calibration(fit),
		crossValidated: { platt: cv[0]!, isotonic: cv[SHARES.length - 1]!, chosen: cv[best]! }
	};
}

/** One scored outcome's calibrated probability, as the command line lists it. */
export interface OutcomeProbability extends Probability {
	accountId: string;
	asOf: IsoDate;
	outcomeDate: IsoDate;
	churned: boolean;
	/** The account is in the held-out part: the fit never saw it. */
	heldOut: boolean;
}

/** The calibration part of a scorecard's backtest (computed only when asked for). */
export type CalibrationSummary =
	| {
			ok: true;
			method: CalibrationMethod;
			/** Held-out Brier score of the calibrated probabilities. */
			brier: number;
			/** Held-out Brier score of the score read linearly as a probability (1 − score/100). */
			brierUncalibrated: number;
			/** The benchmark to beat, on the same held-out outcomes. */
			baseline: BaselineResult;
			/** Held-out predicted against observed per decile of the prediction. */
			reliability: ReliabilityBin[];
			fit: CalibrationFit;
			crossValidated: { platt: number; isotonic: number; chosen: number };
			train: { outcomes: number; churned: number };
			heldOut: { outcomes: number; churned: number };
			outcomes: OutcomeProbability[];
	  }
	| { ok: false; reason: 'too-few-outcomes' };

const counts = (part: readonly ScoredOutcome[]) => ({
	outcomes: part.length,
	churned: part.filter((outcome) => outcome.churned).length
});

/**
 * Calibrates a scorecard's scored observations: fitted on the training accounts (`train`), judged
 * on the held-out ones beside the linear reading of the score and the `baseline` regression.
 */
export function calibrationSummary(
	scored: readonly Observation[],
	train: ReadonlySet<string>,
	baseline: BaselineResult,
	seed = 1
): CalibrationSummary {
	const outcomes = scored.map((observation) => ({
		accountId: observation.accountId,
		score: observation.scores[0]!,
		churned: observation.churned
	}));
	const { training, heldOut } = splitObservations(outcomes, train);
	const fitted = fitCalibration(training, { seed });
	if (!fitted.ok || heldOut.length === 0) return { ok: false, reason: 'too-few-outcomes' };
	const { calibration } = fitted;
	return {
		ok: true,
		method: calibration.fit.method,
		brier: calibration.brier(heldOut)!,
		brierUncalibrated: brierScore(
			heldOut.map((outcome) => Math.min(1, Math.max(0, 1 - outcome.score / 100))),
			heldOut.map((outcome) => outcome.churned)
		)!,
		baseline,
		reliability: calibration.reliability(heldOut),
		fit: calibration.fit,
		crossValidated: fitted.crossValidated,
		train: counts(training),
		heldOut: counts(heldOut),
		outcomes: scored.map((observation, i) => ({
			accountId: observation.accountId,
			asOf: observation.asOf,
			outcomeDate: observation.outcomeDate,
			churned: observation.churned,
			heldOut: !train.has(observation.accountId),
			...calibration.probabilityOf(outcomes[i]!.score)!
		}))
	};
}
