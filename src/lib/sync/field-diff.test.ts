import { describe, expect, it } from 'vitest';
import { fieldDifferences } from './field-diff';

describe('fieldDifferences', () => {
	it('lists only the fields whose values differ, each side as JSON', () => {
		const mine = { id: 'p', name: 'Ours', enabled: true, when: { '<': [1, 2] } };
		const theirs = { id: 'p', name: 'Theirs', enabled: true, when: { '<': [1, 3] }, extra: 1 };
		expect(fieldDifferences(mine, theirs).map((d) => d.field)).toEqual(['name', 'when', 'extra']);
		expect(fieldDifferences(mine, theirs)[0]).toEqual({
			field: 'name',
			mine: '"Ours"',
			theirs: '"Theirs"'
		});
		expect(fieldDifferences(mine, theirs)[2]).toEqual({ field: 'extra', mine: null, theirs: '1' });
	});

	it('shows every field when one side deleted the record, and nothing for equal records', () => {
		expect(fieldDifferences({ id: 'p', name: 'x' }, null).map((d) => d.theirs)).toEqual([
			null,
			null
		]);
		expect(fieldDifferences({ id: 'p' }, { id: 'p' })).toEqual([]);
	});
});

describe('fieldDifferences within lists of items', () => {
	it('follows lists of items with ids into the items, to the one value that differs', () => {
		const card = (deployment: number, adoption: number) => ({
			id: 'scale',
			groups: [
				{ id: 'deployment', weight: deployment, measures: [{ id: 'seats', weight: 1 }] },
				{ id: 'adoption', weight: adoption, measures: [{ id: 'logins', weight: 1 }] }
			]
		});
		expect(fieldDifferences(card(80, 50), card(50, 70))).toEqual([
			{ field: 'groups[deployment].weight', mine: '80', theirs: '50' },
			{ field: 'groups[adoption].weight', mine: '50', theirs: '70' }
		]);
	});

	it('shows a list whole when its items were added, removed or moved', () => {
		const mine = { groups: [{ id: 'a' }, { id: 'b' }] };
		const theirs = { groups: [{ id: 'b' }, { id: 'a' }] };
		expect(fieldDifferences(mine, theirs).map((d) => d.field)).toEqual(['groups']);
	});
});
