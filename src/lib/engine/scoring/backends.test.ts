import { describe, expect, it } from 'vitest';
import { checkLogic } from '../logic';
import { scorerSource } from './codegen';
import { planScorecard } from './plan';
import { checkScoringProperties } from '../../../../tests/support/scoring-properties';
import type { Scorecard } from '../types';

describe('the generated scorer, the closure scorer and json-logic-js (with scorings native or as rules) agree', () => {
	it('on 400 random scorecards × 25 random accounts each', () => {
		const run = checkScoringProperties({
			seed: 424242,
			cards: 400,
			accountsPerCard: 25,
			backends: ['function', 'closure']
		});
		expect(run.mismatch).toBeUndefined();
		expect(run.compared).toBe(10_000);
	});

	it('generates source with no trace of the JSON to re-read per account', () => {
		const card: Scorecard = {
			id: 'c',
			name: 'C',
			groups: [
				{
					id: 'g',
					name: 'G',
					measures: [
						{
							id: 'm',
							name: 'M',
							value: { '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] },
							scoring: { type: 'steps', steps: [{ min: 0.8, score: 95 }], else: 25 }
						}
					]
				}
			]
		};
		expect(checkLogic(card.groups[0]!.measures[0]!.value)).toEqual([]);
		const { full, numeric, constants } = scorerSource(planScorecard(card));
		for (const source of [full, numeric]) {
			expect(source).toContain('x >= 0.8 ? 95 : 25');
			expect(source).toContain('f["seats_active"]');
		}
		expect(constants).toEqual([]);
	});
});
