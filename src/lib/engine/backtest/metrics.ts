/** Figures at a threshold, and churn by band: what flagging low scores would have caught. */
import type { Band } from '../types';
import type { BandRate, BestThreshold, Confusion, RocPoint, ThresholdMetrics } from './types';

/** Counts at `threshold`: an account is flagged when its score is below it. NaN scores are left out. */
export function confusionAt(
	scores: ArrayLike<number>,
	churned: ArrayLike<boolean>,
	threshold: number
): Confusion {
	const counts: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i]!;
		if (!Number.isFinite(score)) continue;
		const flagged = score < threshold;
		if (churned[i]) {
			if (flagged) counts.tp++;
			else counts.fn++;
		} else if (flagged) counts.fp++;
		else counts.tn++;
	}
	return counts;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Precision, recall and the error rates of a confusion matrix; null where a denominator is 0. */
export function thresholdMetrics(threshold: number, confusion: Confusion): ThresholdMetrics {
	const { tp, fp, tn, fn } = confusion;
	return {
		threshold,
		confusion,
		precision: rate(tp, tp + fp),
		recall: rate(tp, tp + fn),
		falsePositiveRate: rate(fp, fp + tn),
		falseNegativeRate: rate(fn, tp + fn)
	};
}

/** The ROC point with the largest recall − false-positive rate (the first of equals). */
export function bestThreshold(roc: readonly RocPoint[]): BestThreshold | null {
	let best: BestThreshold | null = null;
	for (const point of roc) {
		const j = point.tpr - point.fpr;
		if (!best || j > best.j)
			best = { threshold: point.threshold, j, tpr: point.tpr, fpr: point.fpr };
	}
	return best;
}

/**
 * The default threshold: the boundary just above the lowest band (Red/Orange, 40, with the
 * default bands).
 */
export function defaultThreshold(bandsFromTop: readonly Band[]): number {
	return bandsFromTop.length >= 2 ? bandsFromTop[bandsFromTop.length - 2]!.min : 40;
}

/** Accounts and churn per band, lowest band first; `bandOf` names the band of a score. */
export function bandRates(
	bandsFromTop: readonly Band[],
	scores: ArrayLike<number>,
	churned: ArrayLike<boolean>,
	bandOf: (score: number) => string
): BandRate[] {
	const rows = [...bandsFromTop].reverse().map((band) => ({
		name: band.name,
		min: band.min,
		...(band.color ? { color: band.color } : {}),
		accounts: 0,
		churned: 0,
		churnRate: null as number | null
	}));
	const byName = new Map(rows.map((row) => [row.name, row]));
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i]!;
		if (!Number.isFinite(score)) continue;
		const row = byName.get(bandOf(score));
		if (!row) continue;
		row.accounts++;
		if (churned[i]) row.churned++;
	}
	for (const row of rows) row.churnRate = rate(row.churned, row.accounts);
	return rows;
}
