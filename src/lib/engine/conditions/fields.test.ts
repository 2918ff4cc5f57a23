import { describe, expect, it } from 'vitest';
import { inferFields, labelOf } from './fields';

describe('inferFields', () => {
	it('types each name by its values and offers the values of text with few of them', () => {
		const records = [
			{ segment: 'scale', arr: 1200, renewal_date: '2027-01-01', qbr: true, note: null },
			{ segment: 'mid', arr: 5000.5, renewal_date: '2026-12-01', qbr: false, tags: ['a'] },
			{ segment: 'scale', arr: null, renewal_date: undefined, qbr: true, code: '2026-01-01' },
			{ code: 'A-7', mixed: 1 },
			{ mixed: 'one' }
		];
		expect(inferFields(records)).toEqual([
			{ path: 'arr', label: 'Arr', type: 'number' },
			{ path: 'code', label: 'Code', type: 'text', values: ['2026-01-01', 'A-7'] },
			{ path: 'qbr', label: 'Qbr', type: 'boolean' },
			{ path: 'renewal_date', label: 'Renewal date', type: 'date' },
			{ path: 'segment', label: 'Segment', type: 'text', values: ['mid', 'scale'] }
		]);
	});

	it('leaves the values out when there are too many, and takes labels given', () => {
		const records = Array.from({ length: 30 }, (_, i) => ({ name: `Account ${i}` }));
		expect(inferFields(records, { labels: { name: 'Name' } })).toEqual([
			{ path: 'name', label: 'Name', type: 'text' }
		]);
		expect(inferFields(records, { maxChoices: 40 })[0]!.values).toHaveLength(30);
	});

	it('labels dotted and snake_case paths readably', () => {
		expect(labelOf('seats_active')).toBe('Seats active');
		expect(labelOf('score.delta_30d')).toBe('Score · delta 30d');
	});
});
