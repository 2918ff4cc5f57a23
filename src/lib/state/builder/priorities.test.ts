import { describe, expect, it } from 'vitest';
import { reorderPriorities, trialOrder } from './priorities';

describe('priorities', () => {
	const cards = [
		{ id: 'c', priority: 3 },
		{ id: 'none' },
		{ id: 'a', priority: 1 },
		{ id: 'b', priority: 1 }
	];

	it('try scorecards by priority, ties in their order, none last', () => {
		expect(trialOrder(cards).map((c) => c.id)).toEqual(['a', 'b', 'c', 'none']);
	});

	it('give only the changed priorities of a new order', () => {
		const ordered = [
			{ id: 'a', priority: 1 },
			{ id: 'b', priority: 2 },
			{ id: 'c', priority: 3 }
		];
		expect(reorderPriorities(ordered, 2, 1)).toEqual([
			{ id: 'c', priority: 2 },
			{ id: 'b', priority: 3 }
		]);
		expect(reorderPriorities(ordered, 0, 0)).toEqual([]);
		expect(reorderPriorities(ordered, 0, 5)).toEqual([]);
		expect(reorderPriorities(trialOrder(cards), 3, 0)).toEqual([
			{ id: 'none', priority: 1 },
			{ id: 'a', priority: 2 },
			{ id: 'b', priority: 3 },
			{ id: 'c', priority: 4 }
		]);
	});
});
