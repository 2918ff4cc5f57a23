import { describe, expect, it } from 'vitest';
import { stepsScore } from '../scoring/measure';
import { scoreWith, type FittedScoring } from './candidates';
import { cutsAt, fitLevels, levelsOf, type Shape } from './discover-levels';

/** Fits a scoring on all the rows, against a constant offset (nothing chosen yet) unless given. */
function fit(
	kind: 'number' | 'category' | 'boolean',
	values: unknown[],
	events: boolean[],
	options: { offset?: number[]; shape?: Shape } = {}
): FittedScoring {
	const levels = levelsOf(kind, values, events)!;
	const rate = events.filter(Boolean).length / events.length;
	const offset = Float64Array.from(options.offset ?? values.map(() => Math.log(rate / (1 - rate))));
	const level = Int32Array.from(values, (value) => levels.of(value));
	return fitLevels(
		levels,
		level,
		values.map((_, i) => i),
		events,
		offset,
		options.shape
	)!;
}

describe('levelsOf', () => {
	it('bins a number at quantiles, or per value when it has few; keeps a category’s values', () => {
		const many = Array.from({ length: 1000 }, (_, i) => i);
		expect(
			levelsOf(
				'number',
				many,
				many.map((i) => i % 2 === 0)
			)!.cuts
		).toHaveLength(9);
		expect(levelsOf('number', [1, 2, 2, 3, null], [true, false, false, true, true])!.cuts).toEqual([
			2, 3
		]);
		const category = levelsOf('category', ['b', 'a', null, 'b'], [true, false, true, false])!;
		expect(category.keys).toEqual(['a', 'b']);
		expect([category.of('a'), category.of(null), category.of('z')]).toEqual([0, 2, -1]);
		expect(levelsOf('number', [3, 3, 3], [true, false, true])).toBeNull();
	});

	it('cuts at quantiles, and splits off the rest when most values are one', () => {
		expect(
			cutsAt(
				Array.from({ length: 100 }, (_, i) => i),
				5
			)
		).toEqual([20, 40, 60, 80]);
		expect(cutsAt([...Array<number>(95).fill(0), 1, 2, 3, 4, 5], 5)).toEqual([1]);
	});
});

describe('fitLevels', () => {
	it('makes monotone steps by log-odds, the lowest 100, a missing value at its own rate', () => {
		const values: (number | null)[] = [];
		const events: boolean[] = [];
		for (let i = 0; i < 1000; i++) {
			values.push(i % 10 === 0 ? null : i % 100);
			// Churn falls with the value; the missing churn most.
			events.push(i % 10 === 0 ? i % 20 === 0 || i % 30 === 0 : (i % 100) * 7 < (i * 37) % 400);
		}
		const fitted = fit('number', values, events);
		expect(fitted.direction).toBe('lower-churns');
		const scoring = fitted.scoring as Extract<typeof fitted.scoring, { type: 'steps' }>;
		const scores = [0, 20, 40, 60, 80, 99].map((x) => stepsScore(scoring, x));
		for (let i = 1; i < scores.length; i++)
			expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
		expect(Math.max(...scores, fitted.missingScore)).toBe(100);
		expect(Math.min(...scores, fitted.missingScore)).toBe(0);
		expect(scoreWith(fitted, null)).toBe(fitted.missingScore);
		expect(scoreWith(fitted, '99')).toBe(stepsScore(scoring, 99));
	});

	it('lets a number with few values turn when asked (products held)', () => {
		const values = [...Array(500).fill(1), ...Array(450).fill(2), ...Array(40).fill(3), 4, 4, 4];
		const events = values.map((value, i) =>
			value === 1 ? i % 4 === 0 : value === 2 ? i % 15 === 0 : i % 10 !== 0
		);
		const free = fit('number', values, events, { shape: 'free' });
		expect(free.direction).toBeUndefined();
		expect(scoreWith(free, 2)).toBe(100);
		expect(scoreWith(free, 3)).toBe(0);
		expect(scoreWith(free, 1)).toBeGreaterThan(scoreWith(free, 3));
		const monotone = fit('number', values, events);
		expect(scoreWith(monotone, 2)).toBeLessThanOrEqual(scoreWith(monotone, 1));
	});

	it('scores a category by what it adds beyond the offset: a level that repeats it is neutral', () => {
		// An add-on: "none" exactly where there is no internet (which churns little); with the
		// add-on churns less than without.
		const values: string[] = [];
		const events: boolean[] = [];
		const offset: number[] = [];
		for (let i = 0; i < 3000; i++) {
			const internet = i % 3 !== 0;
			const addon = !internet ? 'none' : i % 2 === 0 ? 'yes' : 'no';
			const logit = (internet ? -0.5 : -2.5) + (addon === 'no' ? 0.8 : 0);
			values.push(addon);
			events.push((i * 7919) % 1000 < 1000 / (1 + Math.exp(-logit)));
			offset.push(internet ? -0.1 : -2.5);
		}
		const alone = fit('category', values, events);
		expect(alone.scoring).toMatchObject({ map: { none: 100, no: 0 } });
		const beyond = fit('category', values, events, { offset }).scoring as {
			map: Record<string, number>;
		};
		expect(beyond.map.no).toBe(0);
		expect(beyond.map.yes).toBe(100);
		expect(beyond.map.none).toBeGreaterThan(beyond.map.no!);
		expect(beyond.map.none).toBeLessThan(beyond.map.yes!);
	});
});
