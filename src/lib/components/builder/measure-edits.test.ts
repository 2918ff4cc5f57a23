import { describe, expect, it } from 'vitest';
import type { Measure } from '$lib/engine';
import {
	addPoint,
	addStep,
	isIncreasing,
	moveAt,
	scoringOfType,
	setEntry,
	stepWithBound,
	withDecay,
	withManual,
	withMissing
} from './measure-edits';

const measure: Measure = {
	id: 'nps',
	name: 'NPS',
	value: { var: 'nps' },
	scoring: {
		type: 'linear',
		points: [
			[0, 0],
			[6, 20],
			[9, 100]
		]
	}
};

describe('measure edits', () => {
	it('turns linear points into steps and back', () => {
		const steps = scoringOfType('steps', measure.scoring, null);
		expect(steps).toEqual({
			type: 'steps',
			steps: [
				{ min: 9, score: 100 },
				{ min: 6, score: 20 }
			],
			else: 0
		});
		expect(scoringOfType('linear', steps, null)).toEqual({
			type: 'linear',
			points: [
				[6, 20],
				[9, 100]
			]
		});
	});

	it('starts a map from the values seen', () => {
		const stats = {
			texts: [
				{ value: 'pro', count: 3 },
				{ value: 'basic', count: 1 }
			]
		};
		expect(scoringOfType('map', measure.scoring, stats as never)).toEqual({
			type: 'map',
			map: { pro: 50, basic: 50 },
			else: 0
		});
	});

	it('adds a step below the last, switches a bound, moves steps', () => {
		const steps = { type: 'steps' as const, steps: [{ min: 80, score: 100 }], else: 20 };
		expect(addStep(steps, null).steps[1]).toEqual({ min: 40, score: 60 });
		expect(stepWithBound({ min: 3, score: 10 }, 'max')).toEqual({ max: 3, score: 10 });
		expect(moveAt(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveAt(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
	});

	it('keeps linear points increasing and map entries in place', () => {
		expect(
			addPoint([
				[0, 0],
				[4, 40]
			])
		).toEqual([
			[0, 0],
			[4, 40],
			[8, 100]
		]);
		expect(
			isIncreasing([
				[0, 0],
				[0, 1]
			])
		).toBe(false);
		expect(Object.keys(setEntry({ a: 1, b: 2, c: 3 }, 'b', 'x', 5))).toEqual(['a', 'x', 'c']);
	});

	it('sets the missing-data policy, manual entry and decay without touching the original', () => {
		const copy = structuredClone(measure);
		expect(withMissing(measure, { policy: 'score', score: 50 }).missing).toEqual({
			policy: 'score',
			score: 50
		});
		expect(
			'missing' in
				withMissing({ ...measure, missing: { policy: 'score', score: 1 } }, { policy: 'leave_out' })
		).toBe(false);
		const manual = withManual(measure, 30);
		expect(manual).toMatchObject({ value: { var: 'manual.nps' }, manual: { validity_days: 30 } });
		expect(withManual(manual, null, { var: 'nps' })).toEqual(measure);
		expect(withDecay(measure, 6).decay).toEqual({ periods: 6 });
		expect('decay' in withDecay({ ...measure, decay: { periods: 3 } }, null)).toBe(false);
		expect(measure).toEqual(copy);
	});
});
