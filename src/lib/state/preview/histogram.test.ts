import { describe, expect, it } from 'vitest';
import { binOf, scoreBin, valueEdges, valueHistogram } from './histogram';

describe('histograms', () => {
	it('bins scores by 5 points, 100 with 95', () => {
		expect([0, 4.99, 5, 79.9, 80, 99.99, 100].map(scoreBin)).toEqual([0, 0, 1, 15, 16, 19, 19]);
	});

	it('gives few whole numbers a bin each, centred on the number', () => {
		expect(valueEdges(0, 3, true)).toEqual([-0.5, 0.5, 1.5, 2.5, 3.5]);
		expect(valueHistogram([0, 1, 1, 3])).toEqual({
			edges: [-0.5, 0.5, 1.5, 2.5, 3.5],
			counts: [1, 2, 0, 1]
		});
	});

	it('splits other ranges into 20 equal bins, the maximum in the last', () => {
		const edges = valueEdges(0, 1, false);
		expect(edges).toHaveLength(21);
		expect(edges[20]).toBe(1);
		expect(binOf(0, edges)).toBe(0);
		expect(binOf(0.05, edges)).toBe(1);
		expect(binOf(1, edges)).toBe(19);
		expect(valueHistogram([0, 1000]).edges).toHaveLength(21);
	});

	it('gives a single value one bin, and no values none', () => {
		expect(valueHistogram([0.5, 0.5])).toEqual({ edges: [0, 1], counts: [2] });
		expect(valueHistogram([])).toEqual({ edges: [], counts: [] });
	});
});
