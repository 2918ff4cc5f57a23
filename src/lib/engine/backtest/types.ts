/**
 * The backtest's types. Convention throughout: a LOW score predicts churn. An AUC is the chance
 * that a random account that churned scored lower than a random one that did not (ties count
 * half), so 1 is a perfect score, 0.5 a coin toss and 0 a perfectly inverted one. An account is
 * "flagged" at a threshold when its score is below it.
 */
import type { Facts, IsoDate, Measure } from '../types';
import type { AucInterval } from './auc';
import type { CalibrationSummary } from './calibrate';
import type { Target } from './observe';

/** Days before the outcome at which accounts are scored. */
export const HORIZONS = [30, 60, 90] as const;

/** One outcome of one account, scored as of `horizon` days before it. */
export interface Observation {
	accountId: string;
	outcomeDate: IsoDate;
	asOf: IsoDate;
	/** The outcome was a churn (a downsell is not). */
	churned: boolean;
	/** The scorecard's numbers as of `asOf`: [overall, ...groups, ...measures], NaN for none. */
	scores: Float64Array;
	/** The facts as of `asOf`, which the scores were computed from. */
	facts: Facts;
}

/** A point of the ROC curve: flagging every score below `threshold`. */
export interface RocPoint {
	threshold: number;
	/** Share of the churned accounts flagged (recall). */
	tpr: number;
	/** Share of the retained accounts flagged. */
	fpr: number;
}

export interface Confusion {
	/** Churned and flagged. */
	tp: number;
	/** Retained but flagged. */
	fp: number;
	/** Retained and not flagged. */
	tn: number;
	/** Churned but not flagged. */
	fn: number;
}

/** What flagging the scores below `threshold` would have caught; a rate is null when undefined. */
export interface ThresholdMetrics {
	threshold: number;
	confusion: Confusion;
	precision: number | null;
	recall: number | null;
	falsePositiveRate: number | null;
	falseNegativeRate: number | null;
}

/** The threshold that maximises Youden's J (recall − false-positive rate). */
export interface BestThreshold {
	threshold: number;
	j: number;
	tpr: number;
	fpr: number;
}

export interface BandRate {
	name: string;
	min: number;
	color?: string;
	accounts: number;
	churned: number;
	/** null when the band has no account. */
	churnRate: number | null;
}

/** How well one group or measure alone foresaw churn. */
export interface PartAuc {
	id: string;
	name: string;
	/** The group of a measure; undefined for a group. */
	groupId?: string;
	auc: number | null;
	/** Share of the scored accounts for which it had no score. */
	missingShare: number;
	/** It reads a fact that may know the future in a backtest (see `lookAheadFacts`). */
	lookAhead?: true;
}

/** An account that churned while in the top band: what the score did not see. */
export interface BlindSpot {
	accountId: string;
	asOf: IsoDate;
	outcomeDate: IsoDate;
	overall: number;
	band: string;
}

/** One scored outcome, as the page plots and thresholds it. */
export interface ScoredPoint {
	accountId: string;
	overall: number;
	churned: boolean;
}

/** The weights a logistic regression proposes, as the builder shows them (percent shares). */
export interface ProposedWeights {
	ok: true;
	/**
	 * False when, in cross-validation on the training accounts, the fit did no better than the
	 * current weights: the proposal is then the current weights.
	 */
	changed: boolean;
	/** The penalty on the standardised coefficients, chosen by cross-validation. */
	lambda: number;
	/** Mean AUC over the cross-validation folds of the current and the fitted weights. */
	crossValidated: { current: number; fitted: number };
	/** Each group's percent share of the overall, and each measure's within its group. */
	groups: { id: string; name: string; weight: number; currentShare: number }[];
	measures: {
		id: string;
		name: string;
		groupId: string;
		/** Percent within its group. */
		weight: number;
		/** Its share of the overall (0–1) now and as proposed. */
		currentShare: number;
		proposedShare: number;
		/** The fitted coefficient per point of score (negative: a higher score, less churn). */
		coefficient: number;
	}[];
	/** AUC on the held-out accounts, scored with the current and the proposed weights. */
	heldOut: { current: number | null; proposed: number | null; accounts: number; churned: number };
	train: { current: number | null; proposed: number | null; accounts: number; churned: number };
}

export type WeightSuggestion =
	ProposedWeights | { ok: false; reason: 'too-few-outcomes' | 'no-protective-measure' };

/** A fact no measure reads, how well it foresees churn alone, and the measure it would make. */
export interface FactSuggestion {
	fact: string;
	kind: 'number' | 'boolean' | 'category';
	/** Direction-agnostic: max(AUC, 1 − AUC) of the raw value (categories: see `unmeasured`). */
	auc: number;
	/** Which values go with churn. */
	direction: 'lower-churns' | 'higher-churns' | 'by-category';
	missingShare: number;
	/** The measure, scored from the training accounts (steps at quantiles, or a map by churn rate). */
	measure: Measure;
	/**
	 * The share of the overall the new measure's group would carry when everything is present,
	 * from a regression of churn on the current overall and the new score (training accounts).
	 */
	share: number;
	/** Held-out AUC of the scorecard as it is and with the measure added. */
	heldOut: { current: number | null; withFact: number | null };
}

/** Everything the backtest says about one scorecard at one horizon. */
export interface ScorecardBacktest {
	scorecardId: string;
	scorecardName: string;
	horizon: number;
	/** Outcomes this scorecard applied to as of their dates; `scored` of them had a score. */
	outcomes: number;
	scored: number;
	noData: number;
	churned: number;
	retained: number;
	auc: number | null;
	/** The AUC's 95 % interval by bootstrap of the scored outcomes: wide when few churned. */
	aucInterval: AucInterval | null;
	roc: RocPoint[];
	bands: BandRate[];
	/** The default threshold (the boundary above the lowest band) and the figures there. */
	atThreshold: ThresholdMetrics;
	best: BestThreshold | null;
	/** Churn rate of the lowest-scored tenth over the churn rate of all; null without churn. */
	liftLowestDecile: number | null;
	groups: PartAuc[];
	measures: PartAuc[];
	blindSpots: BlindSpot[];
	points: ScoredPoint[];
	weights: WeightSuggestion;
	unmeasured: FactSuggestion[];
	/** Calibrated probabilities and the baseline regression; only with `calibration: true`. */
	calibration?: CalibrationSummary;
}

export interface BacktestReport {
	horizons: number[];
	results: ScorecardBacktest[];
	/** Outcomes at each horizon that no published scorecard applied to. */
	unscored: Record<number, number>;
	/**
	 * Facts derived from people's usage alone (users active, dormant, engagement): contacts keep
	 * only their latest usage, so for a past date these facts describe the people as they are now
	 * and may know the outcome. They are not offered as unmeasured facts.
	 */
	lookAheadFacts: string[];
}

export interface BacktestOptions {
	horizons?: readonly number[];
	/** Seeds the train/held-out split; default 1. */
	seed?: number;
	/** Share of accounts in the training split; default 0.7. */
	trainShare?: number;
	/** How many unmeasured facts to keep per result; default 20. */
	maxFacts?: number;
	/** Called as each scorecard and horizon is done, for progress bars. */
	onProgress?: (done: number, total: number) => void;
	/**
	 * Also fit calibrated probabilities and the baseline regression: slower (a bootstrap and a
	 * cross-validated regression per scorecard and horizon), so only when asked.
	 */
	calibration?: boolean;
	/**
	 * The event a low score foresees: churn (default), or for `expansion` not expanding. Each
	 * Observation's `churned` then holds that event, and so do the calibrated probabilities.
	 */
	target?: Target;
}
