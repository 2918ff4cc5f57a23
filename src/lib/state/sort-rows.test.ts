import { describe, expect, it } from 'vitest';
import type { AccountRow, BandView } from './account-rows';
import { filterRows, sortRows } from './sort-rows';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const band = (rank: number): BandView => ({
	kind: 'band',
	name: `B${rank}`,
	color: undefined,
	rank
});

function row(
	id: string,
	name: string,
	overall: number | null,
	arr: number | null = null
): AccountRow {
	return {
		id,
		name,
		segment: 'scale',
		arr,
		renewalDate: null,
		scorecardName: 'S',
		overall,
		band: overall === null ? { kind: 'no-data', rank: 9 } : band(Math.floor(overall / 25)),
		missing: 0
	};
}

const rows = [
	row('a', 'Zeta', 50, 10),
	row('b', 'alpha', null, 30),
	row('c', 'Émile', 10),
	row('d', 'beta', 50, 20)
];
const ids = (list: readonly AccountRow[]) => list.map((item) => item.id);

describe('sortRows', () => {
	it('sorts by score both ways, with empty values last and ties by name', () => {
		expect(ids(sortRows(rows, 'overall', 'ascending', collator))).toEqual(['c', 'd', 'a', 'b']);
		expect(ids(sortRows(rows, 'overall', 'descending', collator))).toEqual(['d', 'a', 'c', 'b']);
		expect(ids(sortRows(rows, 'arr', 'descending', collator))).toEqual(['b', 'd', 'a', 'c']);
		expect(ids(sortRows(rows, 'band', 'descending', collator))).toEqual(['d', 'a', 'c', 'b']);
	});

	it('sorts names as people read them, and leaves its input alone', () => {
		const before = ids(rows);
		expect(ids(sortRows(rows, 'name', 'ascending', collator))).toEqual(['b', 'd', 'c', 'a']);
		expect(ids(rows)).toEqual(before);
	});
});

describe('filterRows', () => {
	it('matches part of a name, ignoring case and accents', () => {
		expect(ids(filterRows(rows, 'emi'))).toEqual(['c']);
		expect(ids(filterRows(rows, ' ETA '))).toEqual(['a', 'd']);
		expect(filterRows(rows, '')).toBe(rows);
	});
});
