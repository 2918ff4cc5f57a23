import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, bandFor, bandsFromTop } from '../scoring/measure';
import {
	bandRates,
	bestThreshold,
	confusionAt,
	defaultThreshold,
	thresholdMetrics
} from './metrics';
import { rocCurve } from './auc';

const scores = [5, 35, 39.9, 40, 55, 70, 85, 95, NaN];
const churned = [true, true, false, true, false, false, true, false, true];

describe('confusionAt', () => {
	it('flags the scores below the threshold and counts each cell', () => {
		// Below 40: 5 (churned), 35 (churned), 39.9 (retained). At or above: 40 and 85 churned, 3 retained.
		expect(confusionAt(scores, churned, 40)).toEqual({ tp: 2, fp: 1, tn: 3, fn: 2 });
		expect(confusionAt(scores, churned, 0)).toEqual({ tp: 0, fp: 0, tn: 4, fn: 4 });
		expect(confusionAt(scores, churned, 101)).toEqual({ tp: 4, fp: 4, tn: 0, fn: 0 });
	});

	it('gives precision, recall and the error rates, null where nothing is divided', () => {
		expect(thresholdMetrics(40, { tp: 2, fp: 1, tn: 3, fn: 2 })).toEqual({
			threshold: 40,
			confusion: { tp: 2, fp: 1, tn: 3, fn: 2 },
			precision: 2 / 3,
			recall: 0.5,
			falsePositiveRate: 0.25,
			falseNegativeRate: 0.5
		});
		const none = thresholdMetrics(0, { tp: 0, fp: 0, tn: 4, fn: 0 });
		expect(none.precision).toBeNull();
		expect(none.recall).toBeNull();
		expect(none.falseNegativeRate).toBeNull();
		expect(none.falsePositiveRate).toBe(0);
	});
});

describe('thresholds and bands', () => {
	it('defaults to the boundary above the lowest band: Red/Orange, 40', () => {
		expect(defaultThreshold(bandsFromTop(DEFAULT_BANDS))).toBe(40);
		expect(
			defaultThreshold(
				bandsFromTop([
					{ name: 'Low', min: 0 },
					{ name: 'Ok', min: 55 }
				])
			)
		).toBe(55);
	});

	it('finds the threshold with the best recall minus false-positive rate', () => {
		expect(bestThreshold(rocCurve(scores, churned))).toEqual({
			threshold: 39.9,
			j: 0.5,
			tpr: 0.5,
			fpr: 0
		});
		expect(bestThreshold([])).toBeNull();
	});

	it('counts accounts and churn per band, lowest band first', () => {
		const fromTop = bandsFromTop(DEFAULT_BANDS);
		const rates = bandRates(fromTop, scores, churned, (score) => bandFor(score, fromTop));
		expect(
			rates.map(({ name, accounts, churned, churnRate }) => [name, accounts, churned, churnRate])
		).toEqual([
			['Red', 3, 2, 2 / 3],
			['Orange', 2, 1, 0.5],
			['Yellow', 1, 0, 0],
			['Green', 2, 1, 0.5]
		]);
		expect(bandRates(fromTop, [], [], () => 'Red')[0]!.churnRate).toBeNull();
	});
});
