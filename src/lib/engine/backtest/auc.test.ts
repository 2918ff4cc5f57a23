import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { auc, aucInterval, liftLowestDecile, rocCurve } from './auc';
import type { RocPoint } from './types';

const churn = (...flags: number[]) => flags.map(Boolean);

describe('auc (a low score predicts churn)', () => {
	it('is 1 for a perfect score, 0 for an inverted one', () => {
		expect(auc([10, 20, 80, 90], churn(1, 1, 0, 0))).toBe(1);
		expect(auc([80, 90, 10, 20], churn(1, 1, 0, 0))).toBe(0);
	});

	it('is about 0.5 for a score unrelated to churn', () => {
		const random = new Random(11);
		const scores = Array.from({ length: 4000 }, () => random.between(0, 100));
		const churned = scores.map(() => random.chance(0.2));
		expect(auc(scores, churned)).toBeCloseTo(0.5, 1);
		expect(Math.abs(auc(scores, churned)! - 0.5)).toBeLessThan(0.03);
	});

	it('counts a tie between a churned and a retained account as half', () => {
		expect(auc([50, 50], churn(1, 0))).toBe(0.5);
		expect(auc([7, 7, 7, 7], churn(1, 0, 1, 0))).toBe(0.5);
		// Pairs (churned, retained): (10,50)=1 (10,30)=1 (50,50)=½ (50,30)=0 → 2.5 of 4.
		expect(auc([10, 50, 50, 30], churn(1, 1, 0, 0))).toBe(0.625);
	});

	it('leaves out missing scores, and has no answer without both outcomes', () => {
		expect(auc([NaN, 10, 90, NaN], churn(0, 1, 0, 1))).toBe(1);
		expect(auc([1, 2, 3], churn(0, 0, 0))).toBeNull();
		expect(auc([1, 2, 3], churn(1, 1, 1))).toBeNull();
		expect(auc([], [])).toBeNull();
	});
});

describe('aucInterval (bootstrap of the outcomes)', () => {
	/** Scores that foresee churn somewhat: churned accounts score about 15 points lower. */
	function sample(count: number, churnRate: number, seed: number) {
		const random = new Random(seed);
		const churned = Array.from({ length: count }, () => random.chance(churnRate));
		const scores = churned.map((c) => random.between(0, 100) - (c ? 15 : 0));
		return { scores, churned };
	}

	it('holds the AUC, and is wide with few churned accounts and narrow with many', () => {
		const few = sample(120, 0.1, 3);
		const many = sample(4000, 0.25, 3);
		const fewInterval = aucInterval(few.scores, few.churned)!;
		const manyInterval = aucInterval(many.scores, many.churned)!;
		for (const [{ scores, churned }, interval] of [
			[few, fewInterval],
			[many, manyInterval]
		] as const) {
			expect(interval.low).toBeLessThan(auc(scores, churned)!);
			expect(interval.high).toBeGreaterThan(auc(scores, churned)!);
		}
		expect(fewInterval.high - fewInterval.low).toBeGreaterThan(0.15);
		expect(manyInterval.high - manyInterval.low).toBeLessThan(0.05);
	});

	it('covers the true AUC about 95 times in 100', () => {
		// The true AUC of the sample's model, from a very large draw.
		const truth = sample(200_000, 0.2, 99);
		const trueAuc = auc(truth.scores, truth.churned)!;
		let covered = 0;
		for (let seed = 1; seed <= 100; seed++) {
			const { scores, churned } = sample(300, 0.2, seed);
			const interval = aucInterval(scores, churned, seed, 400)!;
			if (interval.low <= trueAuc && trueAuc <= interval.high) covered++;
		}
		expect(covered).toBeGreaterThanOrEqual(88);
		expect(covered).toBeLessThanOrEqual(99);
	});

	it('gives the same interval for the same data, and none without both outcomes', () => {
		const { scores, churned } = sample(200, 0.2, 5);
		expect(aucInterval(scores, churned, 7)).toEqual(aucInterval(scores, churned, 7));
		expect(aucInterval([1, 2, 3], churn(0, 0, 0))).toBeNull();
	});
});

/** The trapezoid area under ROC points (an independent way to `auc`'s figure). */
function areaUnder(points: readonly RocPoint[]): number {
	let area = 0;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
	}
	return area;
}

describe('rocCurve', () => {
	it('runs from (0, 0) to (1, 1), flagging the scores below each threshold', () => {
		const roc = rocCurve([10, 50, 50, 30], churn(1, 1, 0, 0));
		expect(roc).toEqual([
			{ threshold: 10, tpr: 0, fpr: 0 },
			{ threshold: 30, tpr: 0.5, fpr: 0 },
			{ threshold: 50, tpr: 0.5, fpr: 0.5 },
			{ threshold: Number.POSITIVE_INFINITY, tpr: 1, fpr: 1 }
		]);
		expect(areaUnder(roc)).toBe(0.625);
	});

	it('has the area the Mann–Whitney AUC says, ties and all', () => {
		const random = new Random(5);
		const scores = Array.from({ length: 500 }, () => random.int(0, 20) * 5);
		const churned = scores.map((score) => random.chance(0.5 - score / 250));
		expect(areaUnder(rocCurve(scores, churned))).toBeCloseTo(auc(scores, churned)!, 12);
	});
});

describe('liftLowestDecile', () => {
	it('compares the churn rate of the lowest tenth with the churn rate of all', () => {
		// 20 accounts, 4 churned; the two lowest both churned: 100 % against 20 %.
		const scores = Array.from({ length: 20 }, (_, i) => i);
		const churned = scores.map((i) => i < 2 || i === 10 || i === 15);
		expect(liftLowestDecile(scores, churned)).toBeCloseTo(5, 12);
	});

	it('takes a tie across the edge of the tenth in proportion', () => {
		// 10 accounts: the tenth is one account, drawn from a tie of two of which one churned.
		const scores = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9];
		const churned = churn(1, 0, 0, 0, 0, 0, 0, 0, 0, 1);
		expect(liftLowestDecile(scores, churned)).toBeCloseTo(0.5 / 0.2, 12);
		expect(liftLowestDecile(scores, churn(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).toBeNull();
	});
});
