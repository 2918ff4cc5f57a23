import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { fitIsotonic, fitPlatt, isotonicAt, plattAt, type Row } from './monotone';

/** Outcomes drawn at each score 0–100 from a known curve, counted per score. */
function drawn(truth: (score: number) => number, perScore: number, seed = 1): Row[] {
	const random = new Random(seed);
	return Array.from({ length: 101 }, (_, score) => {
		let events = 0;
		for (let i = 0; i < perScore; i++) if (random.chance(truth(score))) events++;
		return { score, total: perScore, events };
	});
}

describe('fitPlatt', () => {
	it('recovers the logistic curve that generated the outcomes', () => {
		const fit = fitPlatt(drawn((score) => 1 / (1 + Math.exp(-(2 - 0.06 * score))), 200));
		expect(fit.slope).toBeCloseTo(-0.06, 2);
		expect(fit.intercept).toBeCloseTo(2, 0);
	});

	it('stays finite on a perfectly separating score, and never rises with the score', () => {
		const rows = [
			{ score: 10, total: 20, events: 20 },
			{ score: 90, total: 20, events: 0 }
		];
		const fit = fitPlatt(rows);
		expect(Number.isFinite(fit.slope)).toBe(true);
		expect(plattAt(fit, 10)).toBeGreaterThan(0.9);
		expect(plattAt(fit, 90)).toBeLessThan(0.1);
		// Backwards (a high score churning more): the best curve that never rises is flat.
		const backwards = fitPlatt(rows.map((row) => ({ ...row, events: 20 - row.events })));
		expect(backwards.slope).toBe(0);
		expect(plattAt(backwards, 0)).toBeCloseTo(0.5, 6);
	});
});

describe('fitIsotonic', () => {
	it('pools the rates that rise with the score and keeps only the ends of each block', () => {
		const knots = fitIsotonic([
			{ score: 0, total: 10, events: 8 },
			{ score: 20, total: 10, events: 4 },
			{ score: 40, total: 10, events: 6 },
			{ score: 60, total: 10, events: 2 },
			{ score: 80, total: 10, events: 2 },
			{ score: 100, total: 10, events: 1 }
		]);
		// 0.4 then 0.6 rise: pooled to 0.5; 0.2 and 0.2 tie: one block, kept as its two ends.
		expect(knots).toEqual([
			{ score: 0, p: 0.8 },
			{ score: 20, p: 0.5 },
			{ score: 40, p: 0.5 },
			{ score: 60, p: expect.closeTo(0.2, 12) },
			{ score: 80, p: expect.closeTo(0.2, 12) },
			{ score: 100, p: expect.closeTo(0.1, 12) }
		]);
		expect(isotonicAt(knots, 10)).toBeCloseTo(0.65, 12);
		expect(isotonicAt(knots, -5)).toBe(0.8);
		expect(isotonicAt(knots, 120)).toBeCloseTo(0.1, 12);
	});
});
