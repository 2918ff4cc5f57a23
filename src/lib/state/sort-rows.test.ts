import { describe, expect, it } from 'vitest';
import type { AccountRow } from './account-rows';
import { distinct, filterRows, sortRows } from './sort-rows';
import { accountRow, BANDS } from './testing';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const rows = [
	accountRow('a', {
		name: 'Zeta',
		overall: 50,
		previous: 62,
		arr: 10,
		delta30d: -12,
		renewalDate: '2027-01-05'
	}),
	accountRow('b', { name: 'alpha', overall: null, arr: 30, renewalDate: null }),
	accountRow('c', {
		name: 'Émile',
		overall: 10,
		previous: 6,
		arr: null,
		delta30d: 4,
		segment: 'mid'
	}),
	accountRow('d', {
		name: 'beta',
		overall: 50,
		previous: 50,
		arr: 20,
		delta30d: 0,
		csm: 'lee@vendor.example'
	}),
	accountRow('e', {
		name: 'Gone',
		overall: 70,
		previous: 40,
		churnedOn: '2026-09-01',
		churnProbability: null,
		delta30d: 30
	})
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

	it('sorts by the change as shown (scores rounded down), not by its hidden decimals', () => {
		// 40.9 → 74.1 shows "40 → 74", +34; 40.1 → 73.9 shows "40 → 73", +33 though its exact
		// change (33.8) is larger; 41.5 → 73.6 shows +32 (exactly 32.1).
		const moved = [
			accountRow('plus33', { previous: 40.1, overall: 73.9, delta30d: 33.8 }),
			accountRow('plus32', { previous: 41.5, overall: 73.6, delta30d: 32.1 }),
			accountRow('plus34', { previous: 40.9, overall: 74.1, delta30d: 33.2 })
		];
		expect(ids(sortRows(moved, 'delta', 'descending', collator))).toEqual([
			'plus34',
			'plus33',
			'plus32'
		]);
		expect(ids(sortRows(moved, 'delta', 'ascending', collator))).toEqual([
			'plus32',
			'plus33',
			'plus34'
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
		expect(ids(filterRows(rows, { bands: [BANDS.Orange.key] }))).toEqual(['a', 'd']);
		expect(ids(filterRows(rows, { bands: ['no-data'] }))).toEqual(['b']);
		expect(ids(filterRows(rows, { bands: [BANDS.Orange.key], csm: 'lee@vendor.example' }))).toEqual(
			['d']
		);
	});

	it('takes several bands as any of them', () => {
		expect(ids(filterRows(rows, { bands: [BANDS.Red.key, 'no-data'] }))).toEqual(['b', 'c']);
		expect(ids(filterRows(rows, { bands: [] }))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('keeps renewals within a window, both ends included', () => {
		const renewing = [
			accountRow('before', { renewalDate: '2026-11-23' }),
			accountRow('first', { renewalDate: '2026-11-24' }),
			accountRow('last', { renewalDate: '2027-02-22' }),
			accountRow('after', { renewalDate: '2027-02-23' }),
			accountRow('none', { renewalDate: null })
		];
		const renewal = { from: '2026-11-24', until: '2027-02-22' };
		expect(ids(filterRows(renewing, { renewal }))).toEqual(['first', 'last']);
	});

	it('keeps the rises or the falls as shown, and the sudden drops that have a score', () => {
		const moved = [
			...rows,
			// Up by 0.3, but shown "60 → 60": no change on the page, so neither a rise nor a fall.
			accountRow('hidden', { previous: 60.5, overall: 60.8, delta30d: 0.3 }),
			accountRow('drop', { previous: 70, overall: 45, delta30d: -25, anomaly: true }),
			accountRow('gone-data', { overall: null, anomaly: true })
		];
		expect(ids(filterRows(moved, { change: 'up' }))).toEqual(['c']);
		expect(ids(filterRows(moved, { change: 'down' }))).toEqual(['a', 'drop']);
		expect(ids(filterRows(moved, { drops: true }))).toEqual(['drop']);
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
