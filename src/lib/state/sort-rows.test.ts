import { describe, expect, it } from 'vitest';
import type { AccountRow } from './account-rows';
import { distinct, filterRows, sortRows } from './sort-rows';
import { accountRow, BANDS } from './testing';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const rows = [
	accountRow('a', { name: 'Zeta', overall: 50, arr: 10, delta30d: -12, renewalDate: '2027-01-05' }),
	accountRow('b', { name: 'alpha', overall: null, arr: 30, renewalDate: null }),
	accountRow('c', { name: 'Émile', overall: 10, arr: null, delta30d: 4, segment: 'mid' }),
	accountRow('d', { name: 'beta', overall: 50, arr: 20, delta30d: 0, csm: 'lee@vendor.example' }),
	accountRow('e', { name: 'Gone', overall: 70, churnedOn: '2026-09-01', delta30d: 30 })
];
const ids = (list: readonly AccountRow[]) => list.map((item) => item.id);

describe('sortRows', () => {
	it('sorts by score both ways, with empty values last and ties by name', () => {
		expect(ids(sortRows(rows, 'overall', 'ascending', collator))).toEqual([
			'c',
			'd',
			'a',
			'e',
			'b'
		]);
		expect(ids(sortRows(rows, 'overall', 'descending', collator))).toEqual([
			'e',
			'd',
			'a',
			'c',
			'b'
		]);
	});

	it('sorts by the 30-day change, ARR and renewal date', () => {
		expect(ids(sortRows(rows, 'delta', 'ascending', collator))).toEqual(['a', 'd', 'c', 'e', 'b']);
		expect(ids(sortRows(rows, 'arr', 'descending', collator))).toEqual(['e', 'b', 'd', 'a', 'c']);
		expect(ids(sortRows(rows, 'renewal', 'ascending', collator))).toEqual([
			'a',
			'c',
			'd',
			'e',
			'b'
		]);
	});

	it('sorts names as people read them, and leaves its input alone', () => {
		const before = ids(rows);
		expect(ids(sortRows(rows, 'name', 'ascending', collator))).toEqual(['b', 'd', 'c', 'e', 'a']);
		expect(ids(rows)).toEqual(before);
	});
});

describe('filterRows', () => {
	it('leaves churned accounts out unless asked for', () => {
		expect(ids(filterRows(rows, {}))).toEqual(['a', 'b', 'c', 'd']);
		expect(filterRows(rows, { churned: true })).toBe(rows);
	});

	it('matches part of a name, ignoring case and accents', () => {
		expect(ids(filterRows(rows, { query: 'emi' }))).toEqual(['c']);
		expect(ids(filterRows(rows, { query: ' ETA ' }))).toEqual(['a', 'd']);
	});

	it('filters by segment, band and CSM together', () => {
		expect(ids(filterRows(rows, { segment: 'mid' }))).toEqual(['c']);
		expect(ids(filterRows(rows, { band: BANDS.Orange.key }))).toEqual(['a', 'd']);
		expect(ids(filterRows(rows, { band: 'no-data' }))).toEqual(['b']);
		expect(ids(filterRows(rows, { band: BANDS.Orange.key, csm: 'lee@vendor.example' }))).toEqual([
			'd'
		]);
	});
});

describe('distinct', () => {
	it('lists the values a filter can choose from, in order, without empty ones', () => {
		const list = [...rows, accountRow('f', { csm: null })];
		expect(distinct(list, (row) => row.csm, collator)).toEqual([
			'kim@vendor.example',
			'lee@vendor.example'
		]);
		expect(distinct(list, (row) => row.segment, collator)).toEqual(['mid', 'scale']);
	});
});
