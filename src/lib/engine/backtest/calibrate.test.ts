import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { generateSample } from '../sample';
import { backtestWorkspace } from './backtest';
import { Calibration, fitCalibration, reliabilityOf, type ScoredOutcome } from './calibrate';

/** `count` accounts with a score drawn uniformly and churn drawn from `truth(score)`. */
function outcomes(count: number, truth: (score: number) => number, seed = 1): ScoredOutcome[] {
	const random = new Random(seed);
	return Array.from({ length: count }, (_, i) => {
		const score = Math.round(random.between(0, 100));
		return { accountId: `a${i}`, score, churned: random.chance(truth(score)) };
	});
}

const logistic = (score: number) => 1 / (1 + Math.exp(-(1.5 - 0.05 * score)));
const scores = Array.from({ length: 101 }, (_, score) => score);

function fitted(data: readonly ScoredOutcome[]): Calibration {
	const result = fitCalibration(data, { seed: 7 });
	if (!result.ok) throw new Error(result.reason);
	return result.calibration;
}

describe('fitCalibration', () => {
	it('gives a perfectly informative score probabilities near 0 and 1', () => {
		const data = outcomes(300, (score) => (score < 50 ? 1 : 0));
		const calibration = fitted(data);
		expect(calibration.probabilityOf(10)!.p).toBeGreaterThan(0.95);
		expect(calibration.probabilityOf(90)!.p).toBeLessThan(0.05);
		expect(calibration.brier(data)!).toBeLessThan(0.02);
	});

	it('never gives a higher score a higher probability, and the range holds the estimate', () => {
		for (const truth of [logistic, (score: number) => 0.1 + 0.3 * Math.sin(score / 8) ** 2]) {
			const calibration = fitted(outcomes(800, truth));
			const at = scores.map((score) => calibration.probabilityOf(score)!);
			for (let i = 1; i < at.length; i++) {
				expect(at[i]!.p).toBeLessThanOrEqual(at[i - 1]!.p + 1e-12);
				expect(at[i]!.low).toBeLessThanOrEqual(at[i - 1]!.low + 1e-12);
				expect(at[i]!.high).toBeLessThanOrEqual(at[i - 1]!.high + 1e-12);
			}
			for (const { p, low, high } of at) {
				expect(low).toBeLessThanOrEqual(p);
				expect(high).toBeGreaterThanOrEqual(p);
				expect(low).toBeGreaterThanOrEqual(0);
				expect(high).toBeLessThanOrEqual(1);
			}
			// A real range, not a point: 800 outcomes leave some doubt.
			expect(at[50]!.high - at[50]!.low).toBeGreaterThan(0.01);
		}
	});

	it('finds the curve that generated the outcomes, its range around the truth', () => {
		const calibration = fitted(outcomes(3000, logistic));
		for (const score of [10, 30, 50, 70, 90]) {
			const { p, low, high } = calibration.probabilityOf(score)!;
			expect(Math.abs(p - logistic(score))).toBeLessThan(0.05);
			expect(low).toBeLessThan(logistic(score) + 0.02);
			expect(high).toBeGreaterThan(logistic(score) - 0.02);
		}
	});

	it('is the same from its JSON, the same for the same seed, and leaves its input alone', () => {
		const data = Object.freeze(outcomes(400, logistic).map((outcome) => Object.freeze(outcome)));
		const calibration = fitted(data);
		const copy = new Calibration(JSON.parse(JSON.stringify(calibration)));
		expect(copy.fit).toEqual(calibration.fit);
		for (const score of [0, 33.3, 77, 100])
			expect(copy.probabilityOf(score)).toEqual(calibration.probabilityOf(score));
		expect(fitted(data).fit).toEqual(calibration.fit);
		expect(calibration.probabilityOf(NaN)).toBeNull();
	});

	it('needs five outcomes of each kind in training', () => {
		const data = outcomes(40, (score) => (score < 8 ? 1 : 0));
		expect(data.filter((outcome) => outcome.churned).length).toBeLessThan(5);
		expect(fitCalibration(data)).toEqual({ ok: false, reason: 'too-few-outcomes' });
	});
});

describe('reliabilityOf', () => {
	it('compares the mean prediction with the observed rate per tenth, lowest first', () => {
		const predictions = Array.from({ length: 20 }, (_, i) => ({
			p: (19 - i) / 20,
			churned: i < 4
		}));
		const bins = reliabilityOf(predictions);
		expect(bins).toHaveLength(10);
		expect(bins[0]).toEqual({ decile: 1, outcomes: 2, churned: 0, predicted: 0.025, observed: 0 });
		expect(bins[9]).toEqual({ decile: 10, outcomes: 2, churned: 2, predicted: 0.925, observed: 1 });
		expect(reliabilityOf(predictions.slice(0, 3)).map((bin) => bin.decile)).toEqual([4, 7, 10]);
	});
});

describe('calibration on the sample workspace', () => {
	const report = backtestWorkspace(generateSample(), { calibration: true });
	const three = (value: number | null) => (value === null ? '–' : value.toFixed(3));

	it('beats the score read linearly as a probability, and shows the baseline to beat', () => {
		console.table(
			report.results.map((result) => {
				const c = result.calibration!;
				return c.ok
					? {
							scorecard: result.scorecardId,
							horizon: result.horizon,
							heldOut: `${c.heldOut.outcomes} (${c.heldOut.churned} churned)`,
							method: c.method,
							brier: three(c.brier),
							linear: three(c.brierUncalibrated),
							baseline: c.baseline.ok ? three(c.baseline.brier) : c.baseline.reason,
							baselineAuc: c.baseline.ok ? three(c.baseline.auc) : '–',
							auc: three(result.auc)
						}
					: { scorecard: result.scorecardId, horizon: result.horizon, method: c.reason };
			})
		);
		let calibrated = 0;
		let linear = 0;
		for (const result of report.results) {
			const c = result.calibration!;
			expect(c.ok).toBe(true);
			if (!c.ok) continue;
			calibrated += c.brier * c.heldOut.outcomes;
			linear += c.brierUncalibrated * c.heldOut.outcomes;
			// Enterprise holds out some 30 outcomes: a Brier score's noise there (about ±0.03) is
			// larger than any difference, so it counts only in the total.
			if (result.scorecardId !== 'enterprise-dream')
				expect(c.brier).toBeLessThan(c.brierUncalibrated);
			expect(c.baseline.ok).toBe(true);
		}
		expect(calibrated).toBeLessThan(linear);
	});

	it('gives probabilities that fall as the score rises, each within its range', () => {
		for (const result of report.results) {
			const c = result.calibration!;
			if (!c.ok) continue;
			const byScore = result.points
				.map((point, i) => ({ score: point.overall, ...c.outcomes[i]! }))
				.sort((a, b) => a.score - b.score);
			for (let i = 1; i < byScore.length; i++)
				expect(byScore[i]!.p).toBeLessThanOrEqual(byScore[i - 1]!.p + 1e-12);
			for (const outcome of byScore) {
				expect(outcome.low).toBeLessThanOrEqual(outcome.p);
				expect(outcome.high).toBeGreaterThanOrEqual(outcome.p);
			}
		}
	});

	it('calibrates the event of the target: for expansion, not expanding', () => {
		const workspace = generateSample({ accounts: 300 });
		const [scale] = backtestWorkspace(workspace, {
			horizons: [60],
			calibration: true,
			target: 'expansion'
		}).results;
		const c = scale!.calibration!;
		expect(c.ok).toBe(true);
		if (!c.ok) return;
		const expanded = new Set(
			workspace.outcomes.filter((one) => one.type === 'expanded').map((one) => one.account_id)
		);
		for (const outcome of c.outcomes)
			expect(outcome.churned).toBe(!expanded.has(outcome.accountId));
		expect(c.brier).toBeLessThan(0.25);
	});

	it('leaves the report as it was when not asked for', () => {
		const plain = backtestWorkspace(generateSample({ accounts: 300 }), { horizons: [60] });
		expect(plain.results.every((result) => !('calibration' in result))).toBe(true);
	});
});
