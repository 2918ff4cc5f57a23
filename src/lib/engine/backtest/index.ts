/**
 * The backtest: does a scorecard's score foresee churn, and what would foresee it better? A LOW
 * score predicts churn: an AUC is the chance that a churned account scored below a retained one.
 */
export type * from './types';
export { HORIZONS } from './types';
export { backtestScorecard, backtestWorkspace } from './backtest';
export { auc, aucInterval, liftLowestDecile, rocCurve, type AucInterval } from './auc';
export {
	bandRates,
	bestThreshold,
	confusionAt,
	defaultThreshold,
	thresholdMetrics
} from './metrics';
export { addFactMeasure, applyWeights } from './apply';
export { fitLogistic, type LogisticFit } from './logistic';
export { trainingAccounts } from './split';
export {
	Calibration,
	brierScore,
	calibrationSummary,
	fitCalibration,
	reliabilityOf,
	type CalibrationFit,
	type CalibrationMethod,
	type CalibrationResult,
	type CalibrationSummary,
	type OutcomeProbability,
	type Probability,
	type ReliabilityBin,
	type ScoredOutcome
} from './calibrate';
export { baselineRegression, type BaselineResult } from './baseline';
export {
	discoverScorecard,
	type Discovery,
	type DiscoveryOptions,
	type DiscoveryResult,
	type DiscoveryStep
} from './discover';
export {
	PROBABILITY_HORIZON,
	probabilityFits,
	probabilityFor,
	type ProbabilityOptions,
	type ScorecardProbability
} from './probabilities';
