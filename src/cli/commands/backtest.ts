/**
 * `engine backtest`: how well each published scorecard's score foresaw churn, N days before each
 * outcome, as readable text or JSON. Churn is an outcome of type `churned` (a downsell is not); a
 * LOW score predicts churn, and an account is flagged when its score is below the threshold.
 */
import {
	backtestWorkspace,
	type BacktestReport,
	type CalibrationSummary,
	type ScorecardBacktest
} from '../../lib/engine/backtest';
import { readWorkspace, UsageError } from '../io';

export interface BacktestArguments {
	workspace?: string;
	horizon?: string;
	format?: string;
	calibration?: boolean;
}

export const backtestUsage =
	'backtest --workspace FILE [--horizon 30|60|90] [--format text|json] [--calibration]';

/** Unmeasured facts printed per scorecard and horizon. */
const FACTS_SHOWN = 5;

const CONVENTION =
	'A low score predicts churn. auc: the chance that a churned account scored below a retained ' +
	'one (ties count half). An account is flagged when its score is below the threshold. Churn ' +
	'is an outcome of type "churned"; "downsold" is not churn.';

/**
 * The fields `--calibration` adds to a result: `brier`, `reliability` and `accounts` with each
 * scored outcome's `probability`, as the issue names them, then the rest under clear names.
 */
function calibrationRecord(calibration: CalibrationSummary) {
	if (!calibration.ok)
		return {
			brier: null,
			reliability: [],
			accounts: [],
			calibration: { unavailable: calibration.reason }
		};
	const { baseline } = calibration;
	return {
		brier: calibration.brier,
		reliability: calibration.reliability,
		accounts: calibration.outcomes.map((outcome) => ({
			account_id: outcome.accountId,
			as_of: outcome.asOf,
			outcome_date: outcome.outcomeDate,
			held_out: outcome.heldOut,
			churned: outcome.churned,
			probability: outcome.p,
			probability_low: outcome.low,
			probability_high: outcome.high
		})),
		brier_linear_score: calibration.brierUncalibrated,
		baseline_logistic_regression: baseline.ok
			? {
					held_out_auc: baseline.auc,
					held_out_brier: baseline.brier,
					lambda: baseline.lambda,
					facts: baseline.facts
				}
			: { unavailable: baseline.reason },
		calibration: {
			method: calibration.method,
			train: calibration.train,
			held_out: calibration.heldOut,
			fit: calibration.fit
		}
	};
}

/** The record of one scorecard and horizon, with the field names the issue gives. */
function record(result: ScorecardBacktest) {
	const { confusion } = result.atThreshold;
	const weights = result.weights;
	return {
		scorecard_id: result.scorecardId,
		scorecard_name: result.scorecardName,
		horizon: result.horizon,
		outcomes: result.outcomes,
		scored: result.scored,
		no_data: result.noData,
		churned: result.churned,
		retained: result.retained,
		auc: result.auc,
		auc_interval: result.aucInterval,
		bands: result.bands.map((band) => ({
			name: band.name,
			min: band.min,
			accounts: band.accounts,
			churned: band.churned,
			churn_rate: band.churnRate
		})),
		threshold: result.atThreshold.threshold,
		precision: result.atThreshold.precision,
		recall: result.atThreshold.recall,
		false_positive_rate: result.atThreshold.falsePositiveRate,
		false_negative_rate: result.atThreshold.falseNegativeRate,
		confusion: {
			true_positives: confusion.tp,
			false_positives: confusion.fp,
			true_negatives: confusion.tn,
			false_negatives: confusion.fn
		},
		best_threshold: result.best && {
			threshold: result.best.threshold,
			youden_j: result.best.j,
			recall: result.best.tpr,
			false_positive_rate: result.best.fpr
		},
		lift_lowest_decile: result.liftLowestDecile,
		groups: result.groups.map((group) => ({
			id: group.id,
			name: group.name,
			auc: group.auc,
			missing_share: group.missingShare
		})),
		measures: result.measures.map((measure) => ({
			id: measure.id,
			name: measure.name,
			group_id: measure.groupId,
			auc: measure.auc,
			missing_share: measure.missingShare
		})),
		blind_spots: result.blindSpots.map((spot) => ({
			account_id: spot.accountId,
			as_of: spot.asOf,
			outcome_date: spot.outcomeDate,
			overall: spot.overall
		})),
		suggested_weights: weights.ok
			? {
					changed: weights.changed,
					groups: weights.groups.map((group) => ({ id: group.id, weight: group.weight })),
					measures: weights.measures.map((measure) => ({
						id: measure.id,
						group_id: measure.groupId,
						weight: measure.weight
					})),
					held_out_auc: { current: weights.heldOut.current, proposed: weights.heldOut.proposed }
				}
			: { unavailable: weights.reason },
		unmeasured_facts: result.unmeasured.map((fact) => ({
			fact: fact.fact,
			kind: fact.kind,
			auc: fact.auc,
			direction: fact.direction,
			missing_share: fact.missingShare,
			share: fact.share,
			held_out_auc_with_fact: fact.heldOut.withFact
		})),
		...(result.calibration ? calibrationRecord(result.calibration) : {})
	};
}

export function toJson(report: BacktestReport): string {
	return `${JSON.stringify(
		{
			format: 'scorecraft-backtest',
			convention: CONVENTION,
			horizons: report.horizons,
			unscored: report.unscored,
			look_ahead_facts: report.lookAheadFacts,
			results: report.results.map(record)
		},
		null,
		2
	)}\n`;
}

const figure = (value: number | null, digits = 3) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${(100 * value).toFixed(1)} %`);

function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
	return rows.map(
		(row) =>
			'  ' +
			row
				.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
				.join('  ')
				.trimEnd()
	);
}

const METHODS = { platt: 'Platt', isotonic: 'isotonic', blend: 'Platt and isotonic blended' };

function calibrationText(calibration: CalibrationSummary): string[] {
	if (!calibration.ok) return [`  calibration: none (${calibration.reason})`];
	const { baseline, train } = calibration;
	const method = `${METHODS[calibration.method]}, fitted on ${train.outcomes} training outcomes`;
	const benchmark = baseline.ok
		? `logistic regression on all facts ${figure(baseline.brier)} (auc ${figure(baseline.auc)})`
		: `no logistic regression on all facts (${baseline.reason})`;
	return [
		`  calibration (${method}): held-out brier ${figure(calibration.brier)} · ` +
			`score read linearly ${figure(calibration.brierUncalibrated)} · ${benchmark}`,
		'  reliability, predicted → observed per held-out decile: ' +
			calibration.reliability
				.map((bin) => `${percent(bin.predicted)} → ${percent(bin.observed)}`)
				.join(', ')
	];
}

function resultText(result: ScorecardBacktest): string[] {
	const { atThreshold: at, best, weights } = result;
	const lines = [
		`${result.scorecardName} (${result.scorecardId}), ${result.horizon} days before the outcome`,
		`  outcomes ${result.outcomes} · scored ${result.scored} · no data ${result.noData} · churned ${result.churned}`
	];
	if (result.auc === null)
		return [...lines, '  no AUC: the scored accounts lack churned or retained ones'];
	lines.push(
		`  auc ${figure(result.auc)}` +
			(result.aucInterval
				? ` (95 % interval ${figure(result.aucInterval.low)}–${figure(result.aucInterval.high)})`
				: '') +
			` · lift of the lowest decile ${figure(result.liftLowestDecile, 2)}` +
			(best ? ` · best threshold (Youden) ${figure(best.threshold, 1)}` : ''),
		...table(
			[
				['band', 'min', 'accounts', 'churned', 'churn rate'],
				...result.bands.map((band) => [
					band.name,
					String(band.min),
					String(band.accounts),
					String(band.churned),
					percent(band.churnRate)
				])
			],
			[false, true, true, true, true]
		),
		`  threshold ${at.threshold}: precision ${figure(at.precision)} · recall ${figure(at.recall)} · ` +
			`false_positive_rate ${figure(at.falsePositiveRate)} · false_negative_rate ${figure(at.falseNegativeRate)}`,
		...table(
			[
				['measure', 'group', 'auc', 'missing'],
				...result.measures.map((measure) => [
					measure.id,
					measure.groupId ?? '',
					figure(measure.auc),
					percent(measure.missingShare)
				])
			],
			[false, false, true, true]
		)
	);
	if (weights.ok)
		lines.push(
			`  suggested weights${weights.changed ? '' : ' (no change: the fit did no better)'}: ` +
				weights.groups.map((group) => `${group.id} ${group.weight} %`).join(', ') +
				` · held-out auc ${figure(weights.heldOut.current)} → ${figure(weights.heldOut.proposed)}`
		);
	else lines.push(`  suggested weights: none (${weights.reason})`);
	if (result.unmeasured.length > 0)
		lines.push(
			'  unmeasured facts: ' +
				result.unmeasured
					.slice(0, FACTS_SHOWN)
					.map((fact) => `${fact.fact} ${figure(fact.auc)} (${fact.direction})`)
					.join(', ')
		);
	if (result.calibration) lines.push(...calibrationText(result.calibration));
	return lines;
}

export function toText(report: BacktestReport): string {
	return `${[CONVENTION, '', ...report.results.flatMap((result) => [...resultText(result), ''])].join('\n')}`;
}

export function runBacktest(args: BacktestArguments): string {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${backtestUsage}`);
	const format = args.format ?? 'text';
	if (format !== 'text' && format !== 'json')
		throw new UsageError(`--format expects text or json, got "${format}"`);
	let horizons: number[] | undefined;
	if (args.horizon !== undefined) {
		if (!/^\d+$/.test(args.horizon) || Number(args.horizon) < 1 || Number(args.horizon) > 730)
			throw new UsageError(
				`--horizon expects a number of days (30, 60 or 90, say), got "${args.horizon}"`
			);
		horizons = [Number(args.horizon)];
	}
	const report = backtestWorkspace(readWorkspace(args.workspace), {
		horizons,
		calibration: args.calibration === true
	});
	return format === 'json' ? toJson(report) : toText(report);
}
