import { describe, expect, it } from 'vitest';
import { folds, splitObservations, trainingAccounts } from './split';

const outcomes = Array.from({ length: 1000 }, (_, i) => ({
	accountId: `acc-${i}`,
	churned: i % 5 === 0
}));

describe('trainingAccounts', () => {
	it('puts 70 % of the churned and 70 % of the other accounts in training', () => {
		const train = trainingAccounts(outcomes, 1);
		const churned = outcomes.filter((o) => o.churned);
		expect(train.size).toBe(700);
		expect(churned.filter((o) => train.has(o.accountId))).toHaveLength(140);
	});

	it('is the same for the same seed whatever the order, and differs with the seed', () => {
		const a = trainingAccounts(outcomes, 7);
		const b = trainingAccounts([...outcomes].reverse(), 7);
		const c = trainingAccounts(outcomes, 8);
		expect([...b].sort()).toEqual([...a].sort());
		expect([...c].sort()).not.toEqual([...a].sort());
	});

	it('keeps every outcome of an account on one side', () => {
		const twice = [...outcomes, ...outcomes.map((o) => ({ ...o, churned: false }))];
		const train = trainingAccounts(twice, 1);
		const { training, heldOut } = splitObservations(twice, train);
		expect(training.length + heldOut.length).toBe(2000);
		const sides = new Set(heldOut.map((o) => o.accountId));
		for (const o of training) expect(sides.has(o.accountId)).toBe(false);
	});
});

describe('folds', () => {
	it('deals accounts into folds that together hold every observation, each with churn', () => {
		const parts = folds(outcomes, 5, 1);
		expect(parts).toHaveLength(5);
		expect(parts.flat()).toHaveLength(1000);
		for (const part of parts) {
			expect(part.length).toBe(200);
			expect(part.filter((o) => o.churned)).toHaveLength(40);
		}
	});
});
