/**
 * The backtest of a workspace: for every published scorecard and horizon, how well the scores of
 * N days before each outcome foresaw churn, which weights would have done better, and which
 * unmeasured facts would have helped. Churn means an outcome of type `churned`; a downsell is not.
 */
import type { Backend } from '../logic';
import type { CompiledScorecard } from '../scoring';
import type { Workspace } from '../types';
import { auc, aucInterval, liftLowestDecile, rocCurve } from './auc';
import { baselineRegression } from './baseline';
import { calibrationSummary } from './calibrate';
import {
	bandRates,
	bestThreshold,
	confusionAt,
	defaultThreshold,
	thresholdMetrics
} from './metrics';
import { isEvent, Observer } from './observe';
import { trainingAccounts } from './split';
import {
	HORIZONS,
	type BacktestOptions,
	type BacktestReport,
	type Observation,
	type PartAuc,
	type ScorecardBacktest
} from './types';
import { factsReadBy, unmeasuredFacts } from './unmeasured';
import { suggestWeights } from './weights';

/** AUC and missing share of one column of the scores (a group or a measure). */
function partAuc(
	scored: readonly Observation[],
	column: number,
	part: Omit<PartAuc, 'auc' | 'missingShare'>
): PartAuc {
	const values = scored.map((observation) => observation.scores[column]!);
	const missing = values.filter(Number.isNaN).length;
	return {
		...part,
		auc: auc(
			values,
			scored.map((observation) => observation.churned)
		),
		missingShare: scored.length > 0 ? missing / scored.length : 0
	};
}

/** The backtest of one scorecard's outcomes at one horizon. */
export function backtestScorecard(
	card: CompiledScorecard,
	horizon: number,
	observations: readonly Observation[],
	train: ReadonlySet<string>,
	options: {
		seed?: number;
		maxFacts?: number;
		lookAheadFacts?: readonly string[];
		calibration?: boolean;
	} = {}
): ScorecardBacktest {
	const { seed = 1, maxFacts = 20, lookAheadFacts = [] } = options;
	const lookAhead = new Set(lookAheadFacts);
	const read = card.scorecard.groups.map((group) =>
		group.measures.map((measure) => factsReadBy(measure).some((name) => lookAhead.has(name)))
	);
	const scored = observations.filter((observation) => !Number.isNaN(observation.scores[0]!));
	const overall = scored.map((observation) => observation.scores[0]!);
	const churned = scored.map((observation) => observation.churned);
	const churnedCount = churned.filter(Boolean).length;
	const roc = rocCurve(overall, churned);
	const threshold = defaultThreshold(card.plan.bands);
	const topBand = card.plan.bands[0]!.name;
	const groups = card.plan.groups;
	return {
		scorecardId: card.id,
		scorecardName: card.scorecard.name,
		horizon,
		outcomes: observations.length,
		scored: scored.length,
		noData: observations.length - scored.length,
		churned: churnedCount,
		retained: scored.length - churnedCount,
		auc: auc(overall, churned),
		aucInterval: aucInterval(overall, churned, seed),
		roc,
		bands: bandRates(card.plan.bands, overall, churned, card.band),
		atThreshold: thresholdMetrics(threshold, confusionAt(overall, churned, threshold)),
		best: bestThreshold(roc),
		liftLowestDecile: liftLowestDecile(overall, churned),
		groups: card.scorecard.groups.map((group, g) =>
			partAuc(scored, 1 + g, { id: group.id, name: group.name })
		),
		measures: card.scorecard.groups.flatMap((group, g) =>
			group.measures.map((measure, i) =>
				partAuc(
					scored,
					1 +
						groups.length +
						groups.slice(0, g).reduce((sum, before) => sum + before.measures.length, 0) +
						i,
					{
						id: measure.id,
						name: measure.name,
						groupId: group.id,
						...(read[g]![i] ? { lookAhead: true as const } : {})
					}
				)
			)
		),
		blindSpots: scored
			.filter((observation) => observation.churned && card.band(observation.scores[0]!) === topBand)
			.map((observation) => ({
				accountId: observation.accountId,
				asOf: observation.asOf,
				outcomeDate: observation.outcomeDate,
				overall: observation.scores[0]!,
				band: topBand
			})),
		points: scored.map((observation) => ({
			accountId: observation.accountId,
			overall: observation.scores[0]!,
			churned: observation.churned
		})),
		weights: suggestWeights(card, scored, train, seed),
		unmeasured: unmeasuredFacts(card, scored, train, { limit: maxFacts, exclude: lookAhead }),
		...(options.calibration
			? {
					calibration: calibrationSummary(
						scored,
						train,
						baselineRegression(scored, train, { seed, exclude: lookAhead }),
						seed
					)
				}
			: {})
	};
}

/**
 * Backtests every published scorecard at each horizon (30, 60 and 90 days by default). The
 * train/held-out split is by account and seeded, the same for every scorecard and horizon.
 */
export function backtestWorkspace(
	workspace: Workspace,
	options: BacktestOptions & { backend?: Backend } = {}
): BacktestReport {
	const { horizons = HORIZONS, seed = 1, trainShare = 0.7, maxFacts = 20, onProgress } = options;
	const observer = new Observer(workspace, options.backend, options.target);
	const train = trainingAccounts(
		workspace.outcomes.map((outcome) => ({
			accountId: outcome.account_id,
			churned: isEvent(outcome.type, options.target)
		})),
		seed,
		trainShare
	);
	const total = horizons.length * observer.scorecards.length;
	const results: ScorecardBacktest[] = [];
	const unscored: Record<number, number> = {};
	for (const horizon of horizons) {
		const observed = observer.at(horizon);
		unscored[horizon] = observed.unscored;
		for (const card of observer.scorecards) {
			results.push(
				backtestScorecard(card, horizon, observed.byScorecard.get(card.id)!, train, {
					seed,
					maxFacts,
					lookAheadFacts: observer.lookAheadFacts,
					calibration: options.calibration
				})
			);
			onProgress?.(results.length, total);
		}
	}
	return { horizons: [...horizons], results, unscored, lookAheadFacts: observer.lookAheadFacts };
}
