import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { fitLogistic, solve } from './logistic';

describe('solve', () => {
	it('solves a small linear system, pivoting past a zero', () => {
		const x = solve(
			[
				[0, 2, 1],
				[1, 1, 1],
				[2, 0, 3]
			],
			[5, 6, 13]
		);
		[2, 1, 3].forEach((expected, i) => expect(x[i]).toBeCloseTo(expected, 12));
	});
});

describe('fitLogistic', () => {
	it('recovers the coefficients that generated the data', () => {
		const random = new Random(3);
		const x: number[][] = [];
		const y: boolean[] = [];
		for (let i = 0; i < 20_000; i++) {
			const a = random.between(0, 100);
			const b = random.normal(5, 2);
			x.push([a, b]);
			y.push(random.chance(1 / (1 + Math.exp(-(1 - 0.04 * a + 0.5 * b)))));
		}
		const fit = fitLogistic(x, y, { lambda: 0.01 });
		expect(fit.intercept).toBeCloseTo(1, 0);
		expect(fit.coefficients[0]).toBeCloseTo(-0.04, 2);
		expect(fit.coefficients[1]).toBeCloseTo(0.5, 1);
		expect(fit.iterations).toBeLessThan(20);
	});

	it('gives a constant column no weight, and shrinks the others with a stronger penalty', () => {
		const random = new Random(4);
		const x: number[][] = [];
		const y: boolean[] = [];
		for (let i = 0; i < 2000; i++) {
			const a = random.between(0, 10);
			x.push([a, 7]);
			y.push(random.chance(1 / (1 + Math.exp(a - 5))));
		}
		const weak = fitLogistic(x, y, { lambda: 0.01 });
		const strong = fitLogistic(x, y, { lambda: 5000 });
		expect(weak.coefficients[1]).toBe(0);
		expect(weak.coefficients[0]).toBeLessThan(-0.5);
		expect(Math.abs(strong.coefficients[0]!)).toBeLessThan(Math.abs(weak.coefficients[0]!) / 2);
	});

	it('does not change its input', () => {
		const x = [
			[1, 2],
			[3, 1],
			[0, 0],
			[2, 2]
		];
		const y = [true, false, true, false];
		const before = structuredClone(x);
		fitLogistic(x, y);
		expect(x).toEqual(before);
	});
});
