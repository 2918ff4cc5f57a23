/**
 * A comparison with a missing operand is false in scorecards too: a segment condition never
 * applies a scorecard, and a custom scoring never takes its "held" branch, because data is missing.
 */
import { describe, expect, it } from 'vitest';
import { account, card, measure, scoreWith, snapshot } from '../../../../tests/support/builders';
import type { Logic } from '../logic';

const OPERATORS = ['<', '<=', '>', '>='] as const;

/** Facts where `x` is missing in each way, by name: the kinds the README lists. */
const MISSING: [string, Record<string, unknown>, Logic][] = [
	['null', { x: null }, { var: 'x' }],
	['absent', {}, { var: 'x' }],
	['NaN', { zero: 0 }, { '/': [{ var: 'zero' }, { var: 'zero' }] }],
	['Infinity', { one: 1, zero: 0 }, { '/': [{ var: 'one' }, { var: 'zero' }] }]
];

/** Both sides, with a threshold that JavaScript's reading of null (0) would satisfy either way. */
const comparisons = (missing: Logic): [string, Logic][] =>
	OPERATORS.flatMap((op): [string, Logic][] => [
		[`missing ${op} 50`, { [op]: [missing, op.startsWith('<') ? 50 : -50] }],
		[`50 ${op} missing`, { [op]: [op.startsWith('<') ? -50 : 50, missing] }]
	]);

const always = measure('always', { var: 'seats' }, { type: 'linear', points: [[0, 0], [10, 100]] }); // prettier-ignore

describe.each(['function', 'closure'] as const)(
	'missing operands in scorecards (%s)',
	(backend) => {
		const score = scoreWith(backend);

		it.each(MISSING)(
			'an applies_to comparing a %s value never applies the scorecard',
			(_, facts, missing) => {
				for (const [text, condition] of comparisons(missing)) {
					const [result] = score({
						accounts: [account('a', { facts: { seats: 5, ...facts } })],
						scorecards: [
							card([{ id: 'g', name: 'G', measures: [always] }], { applies_to: condition })
						]
					});
					expect(result!.scorecard_id, text).toBeNull();
				}
			}
		);

		it.each(MISSING)(
			'a custom scoring comparing a %s value takes the "else" branch',
			(_, facts, missing) => {
				for (const [text, condition] of comparisons(missing)) {
					const custom = measure(
						'custom',
						{ var: 'seats' },
						{ type: 'logic', logic: { if: [condition, 100, 10] } }
					);
					const [result] = score({
						accounts: [account('a', { facts: { seats: 5, ...facts } })],
						scorecards: [card([{ id: 'g', name: 'G', measures: [custom] }])]
					});
					expect(result!.measures.custom!.score, text).toBe(10);
				}
			}
		);

		it('still applies and scores on present values, and finds missing ones with == null', () => {
			const results = score({
				accounts: [account('present'), account('missing')],
				snapshots: [snapshot('present', { nps: 3, seats: 5 }), snapshot('missing', { seats: 5 })],
				scorecards: [
					card([{ id: 'g', name: 'G', measures: [always] }], {
						id: 'low-nps',
						priority: 1,
						applies_to: { '<': [{ var: 'nps' }, 5] }
					}),
					card([{ id: 'g', name: 'G', measures: [always] }], {
						id: 'no-nps',
						priority: 2,
						applies_to: { '==': [{ var: 'nps' }, null] }
					})
				]
			});
			expect(results.map((r) => r.scorecard_id)).toEqual(['low-nps', 'no-nps']);
		});
	}
);
