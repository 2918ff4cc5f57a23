/**
 * The Accounts list's view (search, filters, sort) and its place in the URL, so a link, the back
 * button and a shared address all open the list as it was. The dashboard's lists are views too:
 * each is computed by the same `viewRows` the Accounts page uses, so its "Show all" link opens
 * exactly the accounts it counted. Pure; unknown or malformed parameters fall back to the default.
 */
import { addDays } from '$lib/engine/dates';
import type { AccountRow } from './account-rows';
import {
	defaultDirection,
	filterRows,
	sortRows,
	type RowFilter,
	type SortDirection,
	type SortKey
} from './sort-rows';

export type ChangeFilter = 'up' | 'down';

export interface ListView {
	/** Part of the name. */
	query: string;
	/** Empty means any. */
	segment: string;
	csm: string;
	/** Band keys (`BandView.key`); empty means any, several mean any of them. */
	bands: string[];
	/** Renewing within this many days of the as-of date, both ends included; null means any. */
	renewalDays: number | null;
	/** Only the accounts whose score rose (or fell) over 30 days, as the pages show the change. */
	change: ChangeFilter | null;
	/** Only the sudden drops: 20 points or more within 30 days. */
	drops: boolean;
	showChurned: boolean;
	sortKey: SortKey;
	direction: SortDirection;
}

export const DEFAULT_VIEW: Readonly<ListView> = Object.freeze({
	query: '',
	segment: '',
	csm: '',
	bands: [],
	renewalDays: null,
	change: null,
	drops: false,
	showChurned: false,
	sortKey: 'overall',
	direction: 'ascending'
});

/** A whole view from some of its fields, the others at their defaults. */
export function listView(view: Partial<ListView> = {}): ListView {
	return { ...DEFAULT_VIEW, ...view, bands: [...(view.bands ?? [])] };
}

const SORT_KEYS: readonly SortKey[] = ['name', 'overall', 'delta', 'arr', 'renewal'];
/** Ten years: a longer renewal window is a typo, read as no window. */
const MAX_RENEWAL_DAYS = 3650;

/**
 * A band key as the URL writes it: a band by its name (`Red`), the two states without a band as
 * `no-data` and `unscored`.
 */
function bandParam(key: string): string {
	return key.startsWith('band:') ? key.slice(5) : key;
}

function bandKey(param: string): string {
	return param === 'no-data' || param === 'unscored' ? param : `band:${param}`;
}

/** The view a URL's query describes; what it does not say, or says wrongly, is the default. */
export function viewFromParams(params: URLSearchParams): ListView {
	const text = (name: string) => params.get(name)?.trim() ?? '';
	const sort = params.get('sort');
	const sortKey = SORT_KEYS.find((key) => key === sort) ?? DEFAULT_VIEW.sortKey;
	const dir = params.get('dir');
	const direction: SortDirection =
		dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : defaultDirection(sortKey);
	const renewal = params.get('renewal');
	const days = renewal !== null && /^\d{1,4}$/.test(renewal) ? Number(renewal) : null;
	const change = params.get('change');
	return {
		query: params.get('q') ?? '',
		segment: text('segment'),
		csm: text('csm'),
		bands: [
			...new Set(
				params
					.getAll('band')
					.map((band) => band.trim())
					.filter(Boolean)
					.map(bandKey)
			)
		],
		renewalDays: days !== null && days <= MAX_RENEWAL_DAYS ? days : null,
		change: change === 'up' || change === 'down' ? change : null,
		drops: params.get('drop') === '1',
		showChurned: params.get('churned') === '1',
		sortKey,
		direction
	};
}

/** The URL query of a view, defaults left out: the list as it opens has a bare address. */
export function paramsFromView(view: Partial<ListView>): URLSearchParams {
	const full = listView(view);
	const params = new URLSearchParams();
	if (full.query.trim()) params.set('q', full.query);
	if (full.segment) params.set('segment', full.segment);
	if (full.csm) params.set('csm', full.csm);
	for (const band of full.bands) params.append('band', bandParam(band));
	if (full.renewalDays !== null) params.set('renewal', String(full.renewalDays));
	if (full.change) params.set('change', full.change);
	if (full.drops) params.set('drop', '1');
	if (full.showChurned) params.set('churned', '1');
	const defaultOrder =
		full.sortKey === DEFAULT_VIEW.sortKey && full.direction === DEFAULT_VIEW.direction;
	if (!defaultOrder) {
		params.set('sort', full.sortKey);
		if (full.direction !== defaultDirection(full.sortKey))
			params.set('dir', full.direction === 'ascending' ? 'asc' : 'desc');
	}
	return params;
}

/** The row filter a view stands for on the as-of date (the renewal window counts from it). */
export function filterOf(
	view: Omit<ListView, 'sortKey' | 'direction'>,
	asOf: string | null
): RowFilter {
	return {
		query: view.query,
		segment: view.segment,
		csm: view.csm,
		bands: view.bands,
		renewal:
			view.renewalDays === null || asOf === null
				? null
				: { from: asOf, until: addDays(asOf, view.renewalDays) },
		change: view.change,
		drops: view.drops,
		churned: view.showChurned
	};
}

/** The rows of a view, filtered and in its order: the one way both the dashboard and the list take. */
export function viewRows(
	rows: readonly AccountRow[],
	view: ListView,
	asOf: string | null,
	collator: Intl.Collator
): AccountRow[] {
	return sortRows(filterRows(rows, filterOf(view, asOf)), view.sortKey, view.direction, collator);
}

/** Whether the view filters anything out (the sort and churned accounts aside). */
export function isFiltering(view: Omit<ListView, 'sortKey' | 'direction'>): boolean {
	return (
		view.query.trim() !== '' ||
		view.segment !== '' ||
		view.csm !== '' ||
		view.bands.length > 0 ||
		view.renewalDays !== null ||
		view.change !== null ||
		view.drops
	);
}
