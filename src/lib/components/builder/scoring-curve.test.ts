import { describe, expect, it } from 'vitest';
import { curveDomain, scoreOfValue, scoringCurve } from './scoring-curve';
import type { MeasureStats } from '$lib/state/preview/types';

const stats = (min: number, max: number) =>
	({
		numbers: {
			count: 2,
			min,
			max,
			histogram: { edges: [min, (min + max) / 2, max], counts: [1, 1] }
		}
	}) as unknown as MeasureStats;

describe('scoringCurve', () => {
	const steps = {
		type: 'steps' as const,
		steps: [
			{ min: 0.8, score: 95 },
			{ min: 0.4, score: 60 }
		],
		else: 25
	};

	it('jumps exactly at each threshold, as the engine scores', () => {
		const curve = scoringCurve(steps, [0, 1])!;
		const at = (x: number) => curve.find((point) => point.x === x)?.y;
		expect(at(0.8)).toBe(95);
		expect(at(0.4)).toBe(60);
		expect(curve.find((point) => point.x > 0.79 && point.x < 0.8)!.y).toBe(60);
		expect(curve[0]).toEqual({ x: 0, y: 25 });
		expect(curve.at(-1)).toEqual({ x: 1, y: 95 });
	});

	it('joins linear points and stays flat beyond them, clamped to 0–100', () => {
		const score = scoreOfValue({
			type: 'linear',
			points: [
				[0, -20],
				[10, 120]
			]
		})!;
		expect(score(-5)).toBe(0);
		expect(score(5)).toBe(50);
		expect(score(50)).toBe(100);
	});

	it('evaluates a logic rule of the value alone, and gives up on one that reads facts', () => {
		expect(scoreOfValue({ type: 'logic', logic: { '*': [{ var: 'value' }, 10] } })!(3)).toBe(30);
		expect(scoreOfValue({ type: 'logic', logic: { var: 'arr' } })).toBeNull();
		expect(scoreOfValue({ type: 'map', map: {} })).toBeNull();
	});

	it('spans the histogram of the values seen and the thresholds', () => {
		expect(curveDomain(steps, stats(0, 2))).toEqual([0, 2]);
		expect(curveDomain(steps, null)).toEqual([0.4, 0.8]);
		expect(curveDomain({ type: 'linear', points: [[5, 50]] }, null)).toEqual([4, 6]);
		expect(curveDomain({ type: 'map', map: {} }, null)).toEqual([0, 100]);
	});
});
