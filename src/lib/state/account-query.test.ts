import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEW,
	filterOf,
	isFiltering,
	listView,
	paramsFromView,
	viewFromParams,
	type ListView
} from './account-query';
import { viewSearch } from './testing';

const fromSearch = (search: string) => viewFromParams(new URLSearchParams(search));

describe('the Accounts list’s view in the URL', () => {
	it('leaves the default view a bare address', () => {
		expect(viewSearch(DEFAULT_VIEW)).toBe('');
		expect(viewSearch({})).toBe('');
		expect(fromSearch('')).toEqual(DEFAULT_VIEW);
	});

	it('writes every filter and the order, and reads them back the same', () => {
		const view: ListView = {
			query: 'acme corp',
			segment: 'scale',
			csm: 'kim@vendor.example',
			bands: ['band:Red', 'band:Orange', 'no-data'],
			renewalDays: 90,
			change: 'down',
			drops: true,
			showChurned: true,
			sortKey: 'arr',
			direction: 'ascending'
		};
		const search = viewSearch(view);
		expect(search).toBe(
			'?q=acme+corp&segment=scale&csm=kim%40vendor.example&band=Red&band=Orange&band=no-data' +
				'&renewal=90&change=down&drop=1&churned=1&sort=arr&dir=asc'
		);
		expect(fromSearch(search)).toEqual(view);
	});

	it('round-trips every view built from its parts', () => {
		const views: Partial<ListView>[] = [
			{ sortKey: 'name' },
			{ sortKey: 'overall', direction: 'descending' },
			{ sortKey: 'arr', direction: 'descending' },
			{ sortKey: 'delta', direction: 'descending', change: 'up' },
			{ bands: ['unscored'], renewalDays: 0 },
			{ segment: 'Enterprise & Co', csm: 'a+b@x.example', query: '  Émile ' }
		];
		for (const view of views) expect(fromSearch(viewSearch(view))).toEqual(listView(view));
	});

	it('leaves out a sort direction that is the column’s first one', () => {
		expect(viewSearch({ sortKey: 'renewal' })).toBe('?sort=renewal');
		expect(viewSearch({ sortKey: 'arr', direction: 'descending' })).toBe('?sort=arr');
		expect(fromSearch('?sort=arr').direction).toBe('descending');
		expect(fromSearch('?sort=renewal').direction).toBe('ascending');
		expect(viewSearch({ sortKey: 'overall', direction: 'descending' })).toBe(
			'?sort=overall&dir=desc'
		);
	});

	it('reads a link written by hand leniently: what it gets wrong is the default', () => {
		expect(
			fromSearch('?sort=revenue&dir=sideways&renewal=soon&change=flat&drop=yes&churned=true')
		).toEqual(DEFAULT_VIEW);
		expect(fromSearch('?renewal=-5').renewalDays).toBeNull();
		expect(fromSearch('?renewal=99999').renewalDays).toBeNull();
		expect(fromSearch('?band=Red&band=Red&band=&band=%20Orange%20').bands).toEqual([
			'band:Red',
			'band:Orange'
		]);
		expect(fromSearch('?segment=%20scale%20&csm=').segment).toBe('scale');
	});

	it('gives URLSearchParams a caller can extend', () => {
		const params = paramsFromView({ segment: 'mid' });
		params.set('x', '1');
		expect(params.toString()).toBe('segment=mid&x=1');
	});
});

describe('filterOf', () => {
	it('counts the renewal window from the as-of date, both ends included', () => {
		const view = listView({ renewalDays: 90, bands: ['band:Red'] });
		expect(filterOf(view, '2026-11-24')).toMatchObject({
			bands: ['band:Red'],
			renewal: { from: '2026-11-24', until: '2027-02-22' }
		});
		expect(filterOf(view, null).renewal).toBeNull();
	});

	it('says whether the view filters anything out, sort and churned accounts aside', () => {
		expect(isFiltering(listView({ sortKey: 'arr', showChurned: true }))).toBe(false);
		expect(isFiltering(listView({ query: '  ' }))).toBe(false);
		for (const view of [
			{ query: 'a' },
			{ segment: 'scale' },
			{ csm: 'kim' },
			{ bands: ['band:Red'] },
			{ renewalDays: 0 },
			{ change: 'up' as const },
			{ drops: true }
		])
			expect(isFiltering(listView(view)), JSON.stringify(view)).toBe(true);
	});
});
