import { describe, expect, it } from 'vitest';
import { groupNames } from './group-names';
import type { Scorecard } from './types';

/** A scorecard with just what naming reads: its groups' ids and names. */
const scorecard = (id: string, groups: [string, string][]) =>
	({ id, groups: groups.map(([group, name]) => ({ id: group, name })) }) as unknown as Scorecard;

describe('groupNames', () => {
	it('names each group once, by the first scorecard that has it', () => {
		const first = scorecard('a', [['adoption', 'Adoption']]);
		const second = scorecard('b', [
			['adoption', 'Other adoption'],
			['support', 'Support']
		]);
		expect([...groupNames([first, second])]).toEqual([
			['adoption', 'Adoption'],
			['support', 'Support']
		]);
	});

	it('takes the own scorecard’s names first', () => {
		const own = scorecard('own', [['adoption', '関係性']]);
		const other = scorecard('other', [['adoption', '関係']]);
		expect(groupNames([other, own], own).get('adoption')).toBe('関係性');
		expect(groupNames([other, own]).get('adoption')).toBe('関係');
	});

	it('falls back to the id for a group without a name', () => {
		expect(groupNames([scorecard('a', [['adoption', '']])]).get('adoption')).toBe('adoption');
	});
});
