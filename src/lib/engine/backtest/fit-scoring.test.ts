import { describe, expect, it } from 'vitest';
import { mapScore, stepsScore } from '../scoring/measure';
import { fitMap, fitSteps, isotonic, quantileCuts } from './fit-scoring';

describe('isotonic', () => {
	it('pools neighbours that break the order, weighted', () => {
		expect(isotonic([1, 3, 2, 4], [1, 1, 1, 1])).toEqual([1, 2.5, 2.5, 4]);
		expect(isotonic([3, 1], [3, 1])).toEqual([2.5, 2.5]);
		expect(isotonic([1, 2, 3], [1, 1, 1])).toEqual([1, 2, 3]);
	});
});

describe('quantileCuts', () => {
	it('cuts at the quintiles, once each', () => {
		expect(quantileCuts(Array.from({ length: 100 }, (_, i) => i))).toEqual([20, 40, 60, 80]);
		expect(quantileCuts([1, 1, 1, 2, 2, 2, 3, 3, 3, 3])).toEqual([2, 3]);
	});

	it('splits off the rest when most values are the same', () => {
		const values = [...new Array<number>(95).fill(0), 1, 1, 2, 3, 6];
		expect(quantileCuts(values)).toEqual([1]);
		expect(quantileCuts([4, 4, 4])).toEqual([]);
	});
});

describe('fitSteps', () => {
	it('scores the bins by churn rate, made monotone, higher score for less churn', () => {
		// Late invoices: 0 for most, churn rises with them.
		const values = [...new Array<number>(80).fill(0), ...new Array<number>(20).fill(2)];
		const churned = values.map((value, i) => (value === 0 ? i % 10 === 0 : i % 2 === 0));
		const steps = fitSteps(values, churned, 'higher-churns')!;
		expect(steps).toEqual({ type: 'steps', steps: [{ min: 2, score: 0 }], else: 100 });
		expect(stepsScore(steps, 0)).toBe(100);
		expect(stepsScore(steps, 5)).toBe(0);
	});

	it('never lets a score go the wrong way for the direction', () => {
		const values = Array.from({ length: 500 }, (_, i) => i % 50);
		// Churn falls with the value, with one noisy bump in the middle.
		const churned = values.map((value, i) =>
			value < 10 ? i % 2 === 0 : value === 25 ? i % 3 === 0 : i % 9 === 0
		);
		const steps = fitSteps(values, churned, 'lower-churns')!;
		const scores = [0, 10, 20, 30, 40, 49].map((x) => stepsScore(steps, x));
		for (let i = 1; i < scores.length; i++)
			expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
		expect(scores[0]).toBe(0);
		expect(scores.at(-1)).toBe(100);
		expect(fitSteps([1, 1], [true, false], 'lower-churns')).toBeNull();
	});
});

describe('fitMap', () => {
	it('maps each value by its churn rate, others at the overall rate', () => {
		const values = ['true', 'true', 'true', 'true', 'false', 'false', 'false', 'false'];
		const churned = [true, true, true, false, false, false, false, false];
		const map = fitMap(values, churned)!;
		expect(map.map).toEqual({ false: 100, true: 0 });
		expect(mapScore(map, true)).toBe(0);
		expect(map.else).toBeGreaterThan(0);
		expect(map.else).toBeLessThan(100);
		expect(fitMap(['a', 'a'], [true, false])).toBeNull();
	});
});
