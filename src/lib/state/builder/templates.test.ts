import { describe, expect, it } from 'vitest';
import { lastPriority, newScorecard, templates } from './templates';
import { parseScorecard as validateScorecard } from '$lib/engine';

describe('templates', () => {
	it('start a valid scorecard, empty or from a shipped one', () => {
		const options = { id: 'new_one', name: 'New one', priority: 4, groupName: 'Group 1' };
		const empty = newScorecard('empty', options);
		expect(validateScorecard(empty)).toMatchObject({ ok: true });
		expect(empty.groups).toEqual([{ id: 'group_1', name: 'Group 1', weight: 1, measures: [] }]);
		expect(templates().map((t) => t.id)).toEqual(['scale', 'enterprise-dream', 'three-dimensions']);
		for (const { id } of templates()) {
			const card = newScorecard(id, options);
			expect(validateScorecard(card)).toMatchObject({ ok: true });
			expect(card).toMatchObject({ id: 'new_one', name: 'New one', priority: 4, status: 'draft' });
			expect(card).not.toHaveProperty('version');
		}
	});

	it('go after every other scorecard', () => {
		expect(lastPriority([{ priority: 1 }, { priority: 3 }, {}])).toBe(4);
		expect(lastPriority([])).toBe(1);
	});
});
