import { describe, expect, it } from 'vitest';
import { makeRoom, orderWithDraft, reorderPriorities, trialOrder } from './priorities';

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

	describe('with a draft published', () => {
		// The shipped three, in workspace order.
		const shipped = [
			{ id: 'scale', priority: 1 },
			{ id: 'dream', priority: 2 },
			{ id: 'mid', priority: 3 }
		];
		const ids = (cards: readonly { id: string }[]) => cards.map((card) => card.id);

		it('put a new scorecard first among those at its priority, moving only what must move', () => {
			const replacing = { id: 'scale_v2', priority: 1 };
			expect(ids(orderWithDraft(shipped, replacing))).toEqual([
				'scale_v2',
				'scale',
				'dream',
				'mid'
			]);
			// Scale moves to 2; Dream at 2 still comes after it, by workspace order.
			expect(makeRoom(shipped, replacing)).toEqual([{ id: 'scale', priority: 2 }]);
			const after = { id: 'scale_v2', priority: 2 };
			expect(ids(orderWithDraft(shipped, after))).toEqual(['scale', 'scale_v2', 'dream', 'mid']);
			expect(makeRoom(shipped, after)).toEqual([{ id: 'dream', priority: 3 }]);
			const last = { id: 'scale_v2', priority: 4 };
			expect(ids(orderWithDraft(shipped, last))).toEqual(['scale', 'dream', 'mid', 'scale_v2']);
			expect(makeRoom(shipped, last)).toEqual([]);
		});

		it('keep a published scorecard’s place while its priority stays, and move it when it changes', () => {
			const tied = [...shipped, { id: 'other', priority: 1 }];
			expect(ids(orderWithDraft(tied, { id: 'other', priority: 1 }))).toEqual([
				'scale',
				'other',
				'dream',
				'mid'
			]);
			expect(makeRoom(tied, { id: 'other', priority: 1 })).toEqual([]);
			const first = { id: 'mid', priority: 1 };
			expect(ids(orderWithDraft(shipped, first))).toEqual(['mid', 'scale', 'dream']);
			expect(makeRoom(shipped, first)).toEqual([{ id: 'scale', priority: 2 }]);
		});

		it('cascade when a moved one would tie before the next', () => {
			// Workspace order b, a, c: at priority 2, b would come before a.
			const crowded = [
				{ id: 'b', priority: 2 },
				{ id: 'a', priority: 1 },
				{ id: 'c', priority: 3 },
				{ id: 'd' }
			];
			const draft = { id: 'new', priority: 1 };
			expect(ids(orderWithDraft(crowded, draft))).toEqual(['new', 'a', 'b', 'c', 'd']);
			expect(makeRoom(crowded, draft)).toEqual([
				{ id: 'a', priority: 2 },
				{ id: 'b', priority: 3 }
			]);
			expect(ids(orderWithDraft(crowded, { id: 'new' }))).toEqual(['a', 'b', 'c', 'd', 'new']);
			expect(makeRoom(crowded, { id: 'new' })).toEqual([]);
		});
	});
});
