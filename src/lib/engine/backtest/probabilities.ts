/**
 * The probabilities the account pages show: each published scorecard's score turned into the
 * probability of the event (churn, or not expanding) within a horizon, by a calibration fitted on
 * every scored outcome of the workspace. The backtest judges the method on held-out accounts
 * (`calibrationSummary`); here every outcome informs the fit, as a model put to use should.
 */
import type { Backend } from '../logic';
import type { Workspace } from '../types';
import { Calibration, fitCalibration, type CalibrationFit } from './calibrate';
import { Observer, type Target } from './observe';

/** The horizon the pages show: the probability of the event within the next 90 days. */
export const PROBABILITY_HORIZON = 90;

export interface ProbabilityOptions {
	/** Days ahead the probability is of; 90 by default. */
	horizon?: number;
	target?: Target;
	seed?: number;
	backend?: Backend;
}

/** A scorecard's fitted calibration, or why it has none. */
export type ScorecardProbability =
	| {
			ok: true;
			horizon: number;
			target: Target;
			outcomes: number;
			events: number;
			fit: CalibrationFit;
	  }
	| { ok: false; reason: 'too-few-outcomes' };

/** Each published scorecard's calibration, by scorecard id. */
export function probabilityFits(
	workspace: Workspace,
	options: ProbabilityOptions = {}
): Record<string, ScorecardProbability> {
	const { horizon = PROBABILITY_HORIZON, target = 'churn', seed = 1 } = options;
	const observer = new Observer(workspace, options.backend, target);
	const observed = observer.at(horizon);
	const fits: Record<string, ScorecardProbability> = {};
	for (const card of observer.scorecards) {
		const outcomes = (observed.byScorecard.get(card.id) ?? [])
			.map((observation) => ({
				accountId: observation.accountId,
				score: observation.scores[0]!,
				churned: observation.churned
			}))
			.filter((outcome) => Number.isFinite(outcome.score));
		const fitted = fitCalibration(outcomes, { seed });
		fits[card.id] = fitted.ok
			? {
					ok: true,
					horizon,
					target,
					outcomes: outcomes.length,
					events: outcomes.filter((outcome) => outcome.churned).length,
					fit: fitted.calibration.fit
				}
			: fitted;
	}
	return fits;
}

/** The probability for a score under a scorecard's fit; null without a fit or a score. */
export function probabilityFor(
	fit: ScorecardProbability | undefined,
	score: number | null
): { p: number; low: number; high: number } | null {
	if (!fit?.ok || score === null) return null;
	return new Calibration(fit.fit).probabilityOf(score);
}
