import { describe, expect, it } from 'vitest';
import { checkLogic } from '../logic';
import { Random } from '../random';
import { parseWorkspace } from '../workspace/load';
import { compileScorecard } from '.';
import { scorerSource } from './codegen';
import { planScorecard, type ScorecardPlan } from './plan';
import { referenceScorecard } from '../../../../tests/support/reference-scorer';
import { randomFacts, randomScorecard } from '../../../../tests/support/random-scorecard';
import { sameValue } from '../../../../tests/support/random-logic';
import { workspaceWith } from '../../../../tests/support/workspace';
import type { AccountScore, Scorecard } from '../types';

/** The numbers scoreInto should write for a full result: [overall, ...groups, ...measures]. */
function numbersOf(result: AccountScore, plan: ScorecardPlan): number[] {
	const orNaN = (value: number | null | undefined) => value ?? NaN;
	return [
		orNaN(result.overall),
		...plan.groups.map((group) => orNaN(result.groups[group.id])),
		...plan.measures.map((measure) => orNaN(result.measures[measure.id]!.score))
	];
}

function validScorecards(random: Random, count: number): Scorecard[] {
	const cards: Scorecard[] = [];
	while (cards.length < count) {
		const card = randomScorecard(random, `card${cards.length}`);
		const parsed = parseWorkspace(workspaceWith({ scorecards: [card] }));
		if (parsed.ok) cards.push(card);
	}
	return cards;
}

describe('the generated scorer, the closure scorer and json-logic-js (with scorings native or as rules) agree', () => {
	it('on 400 random scorecards × 25 random accounts each', () => {
		const random = new Random(424242);
		let compared = 0;
		for (const card of validScorecards(random, 400)) {
			const generated = compileScorecard(card, 'function');
			const closure = compileScorecard(card, 'closure');
			const reference = referenceScorecard(card);
			const wholeReference = referenceScorecard(card, 'json-logic');
			for (let i = 0; i < 25; i++) {
				const facts = randomFacts(random);
				const expected = reference.score(facts, 'x');
				const expectedNumbers = numbersOf(expected, generated.plan);
				expect(sameValue(wholeReference.score(facts, 'x'), expected)).toBe(true);
				for (const [name, scorer] of [
					['function', generated],
					['closure', closure]
				] as const) {
					const actual = scorer.score(facts, 'x');
					if (!sameValue(actual, expected)) {
						throw new Error(
							`${name} differs on ${JSON.stringify(card)} with ${JSON.stringify(facts)}:\n${JSON.stringify(actual)}\n${JSON.stringify(expected)}`
						);
					}
					const numbers = new Float64Array(scorer.resultLength).fill(-1);
					scorer.scoreInto(facts, numbers);
					if (!sameValue([...numbers], expectedNumbers)) {
						throw new Error(
							`${name} scoreInto differs on ${JSON.stringify(card)} with ${JSON.stringify(facts)}: ${[...numbers]} vs ${expectedNumbers}`
						);
					}
					expect(scorer.appliesTo(facts)).toBe(reference.appliesTo(facts));
				}
				compared++;
			}
		}
		expect(compared).toBe(10_000);
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
