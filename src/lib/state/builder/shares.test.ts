import { describe, expect, it } from 'vitest';
import { Random } from '$lib/engine';
import { percentShares, weightOf } from './shares';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('percentShares', () => {
	it('rounds by the largest remainder so the shares add up to 100', () => {
		expect(percentShares([1, 1, 1])).toEqual([34, 33, 33]);
		expect(percentShares([50, 50])).toEqual([50, 50]);
		expect(percentShares([20, 25, 20, 20, 15])).toEqual([20, 25, 20, 20, 15]);
		expect(percentShares([2, 1])).toEqual([67, 33]);
		expect(percentShares([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 16, 16]);
	});

	it('gives nothing a share when nothing weighs', () => {
		expect(percentShares([0, 0])).toEqual([0, 0]);
		expect(percentShares([])).toEqual([]);
		expect(percentShares([0, 3])).toEqual([0, 100]);
	});

	it('always adds up to 100 for any positive weights', () => {
		const random = new Random(3);
		for (let run = 0; run < 500; run++) {
			const weights = Array.from(
				{ length: 1 + Math.floor(random.next() * 9) },
				() => Math.round(random.next() * 1000) / 10
			);
			if (sum(weights) === 0) continue;
			const shares = percentShares(weights);
			expect(sum(shares)).toBe(100);
			// Each share is its exact value rounded up or down, never further.
			shares.forEach((share, i) =>
				expect(Math.abs(share - (weights[i]! / sum(weights)) * 100)).toBeLessThan(1)
			);
		}
	});

	it('reads an absent weight as 1', () => {
		expect(weightOf({})).toBe(1);
		expect(weightOf({ weight: 0 })).toBe(0);
	});
});
