import { describe, expect, it } from 'vitest';
import {
	account,
	card,
	linear100,
	measure,
	scoreWith,
	snapshot
} from '../../../tests/support/builders';
import { explainChange } from './explain';

const score = scoreWith('function');
const scorecard = card([
	{
		id: 'product',
		name: 'Product',
		weight: 60,
		measures: [
			measure('usage', { var: 'usage' }, linear100),
			measure('breadth', { var: 'breadth' }, linear100)
		]
	},
	{
		id: 'relationship',
		name: 'Relationship',
		weight: 40,
		measures: [measure('nps', { var: 'nps' }, linear100)]
	}
]);

describe('explainChange', () => {
	it('lists the measures that moved, largest contribution first, adding up to the change', () => {
		const scoredOn = (date: string) =>
			score(
				{
					accounts: [account('a')],
					snapshots: [
						snapshot('a', { usage: 90, breadth: 50, nps: 80 }, '2026-10-01'),
						snapshot('a', { usage: 40, breadth: 55, nps: 80 }, '2026-11-01')
					],
					scorecards: [scorecard]
				},
				date
			)[0]!;
		const before = scoredOn('2026-10-15');
		const after = scoredOn('2026-11-15');
		const moves = explainChange(before, after);
		expect(moves.map((move) => move.measure_id)).toEqual(['usage', 'breadth']);
		expect(moves[0]!.before.value).toBe(90);
		expect(moves[0]!.after.value).toBe(40);
		expect(moves[0]!.contribution).toBeCloseTo(-15, 10);
		const total = moves.reduce((sum, move) => sum + move.contribution, 0);
		expect(total).toBeCloseTo(after.overall! - before.overall!, 10);
	});

	it('keeps a measure that went missing, and shows the shares that moved to the others', () => {
		const both = score({
			accounts: [account('a'), account('b')],
			snapshots: [
				snapshot('a', { usage: 50, breadth: 50, nps: 50 }),
				snapshot('b', { usage: 50, breadth: 50 })
			],
			scorecards: [scorecard]
		});
		const moves = explainChange(both[0]!, both[1]!);
		expect(moves.find((move) => move.measure_id === 'nps')).toMatchObject({
			after: { score: null },
			contribution: -20
		});
		expect(moves.find((move) => move.measure_id === 'usage')).toMatchObject({
			before: { weight_share: 0.3 },
			after: { weight_share: 0.5 },
			contribution: 10
		});
	});
});
