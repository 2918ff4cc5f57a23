import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { linearScore, mapScore, stepsScore } from './measure';
import { scoringAsLogic } from './as-logic';
import type { Scoring } from '../types';

const apply = (rule: unknown, value: unknown) => jsonLogic.apply(rule as RulesLogic, { value });

describe('scoringAsLogic', () => {
	it('gives the points of steps, linear points and maps, to the last bit', () => {
		const random = new Random(99);
		for (let i = 0; i < 500; i++) {
			const steps: Scoring = {
				type: 'steps',
				steps: Array.from({ length: random.int(0, 4) }, () =>
					random.chance(0.5)
						? { min: random.between(-5, 5), score: random.int(0, 100) }
						: { max: random.between(-5, 5), score: random.int(0, 100) }
				),
				...(random.chance(0.5) ? { else: random.int(0, 100) } : {})
			};
			let x = -6;
			const linear: Scoring = {
				type: 'linear',
				points: Array.from(
					{ length: random.int(1, 5) },
					() => [(x += random.between(0.1, 3)), random.between(-20, 120)] as [number, number]
				)
			};
			const map: Scoring = {
				type: 'map',
				map: { true: 90, false: 30, gold: 100, '3': 70 },
				else: random.int(0, 10)
			};
			for (let j = 0; j < 10; j++) {
				const value = random.between(-7, 10);
				expect(apply(scoringAsLogic(steps), value)).toBe(stepsScore(steps, value));
				expect(apply(scoringAsLogic(linear), value)).toBe(linearScore(linear.points, value));
				const key = String(random.pick([true, false, 'gold', 3, 'lead', 7]));
				expect(apply(scoringAsLogic(map), key)).toBe(mapScore(map, key));
			}
		}
	});
});
