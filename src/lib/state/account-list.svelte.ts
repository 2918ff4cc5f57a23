/** The view state of the accounts list: filters, search and sort, over rows owned elsewhere. */
import { getLocale } from '$lib/i18n/messages';
import {
	DEFAULT_VIEW,
	filterOf,
	isFiltering,
	listView,
	type ChangeFilter,
	type ListView
} from './account-query';
import type { AccountRow } from './account-rows';
import {
	defaultDirection,
	distinct,
	filterRows,
	sortRows,
	type SortDirection,
	type SortKey
} from './sort-rows';

export class AccountListState {
	sortKey: SortKey = $state('overall');
	direction: SortDirection = $state('ascending');
	query = $state('');
	/** Empty means any. */
	segment = $state('');
	/** Band keys; empty means any, several mean any of them (the dashboard's Red or Orange). */
	bands: string[] = $state([]);
	csm = $state('');
	/** Renewing within this many days of the as-of date; null means any. */
	renewalDays: number | null = $state(null);
	change: ChangeFilter | null = $state(null);
	drops = $state(false);
	showChurned = $state(false);
	readonly #rows: () => readonly AccountRow[];
	readonly #asOf: () => string | null;
	readonly #collator = new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });

	/**
	 * Getters, so the list follows the rows and the as-of date (which the renewal window counts
	 * from) as the store changes; `view` is where it starts (from the URL).
	 */
	constructor(
		rows: () => readonly AccountRow[],
		asOf: () => string | null = () => null,
		view: Partial<ListView> = {}
	) {
		this.#rows = rows;
		this.#asOf = asOf;
		this.restore(listView(view));
	}

	/** The accounts the list is about before any filter: churned ones only when asked for. */
	readonly total = $derived.by(() =>
		this.showChurned
			? this.#rows().length
			: this.#rows().filter((row) => row.churnedOn === null).length
	);
	readonly churnedCount = $derived.by(
		() => this.#rows().filter((row) => row.churnedOn !== null).length
	);
	readonly segments = $derived.by(() =>
		distinct(this.#rows(), (row) => row.segment, this.#collator)
	);
	readonly csms = $derived.by(() => distinct(this.#rows(), (row) => row.csm, this.#collator));

	// Filtered, then sorted, as `viewRows` does; apart, so a new order does not filter again.
	readonly filtered = $derived.by(() =>
		filterRows(this.#rows(), filterOf(this.#filters(), this.#asOf()))
	);
	readonly sorted = $derived(sortRows(this.filtered, this.sortKey, this.direction, this.#collator));
	readonly filtering = $derived(isFiltering(this.#filters()));

	/**
	 * The band filter as one choice: a band's key, several joined by commas (the dashboard's "Red
	 * or Orange", offered as a choice of its own), or empty for any band.
	 */
	get band(): string {
		return this.bands.join(',');
	}

	set band(value: string) {
		this.bands = value ? value.split(',') : [];
	}

	/** A new column sorts the way a CSM looks first; the same column again flips the order. */
	sortBy(key: SortKey): void {
		if (this.sortKey === key) {
			this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
		} else {
			this.sortKey = key;
			this.direction = defaultDirection(key);
		}
	}

	ariaSort(key: SortKey): SortDirection | 'none' {
		return this.sortKey === key ? this.direction : 'none';
	}

	#filters(): Omit<ListView, 'sortKey' | 'direction'> {
		return {
			query: this.query,
			segment: this.segment,
			csm: this.csm,
			bands: this.bands,
			renewalDays: this.renewalDays,
			change: this.change,
			drops: this.drops,
			showChurned: this.showChurned
		};
	}

	/** The view as plain data: for the URL, and for SvelteKit to keep in the history entry. */
	capture(): ListView {
		return {
			...this.#filters(),
			bands: [...this.bands],
			sortKey: this.sortKey,
			direction: this.direction
		};
	}

	/** Takes a view, leaving alone what is already so (nothing downstream recomputes for nothing). */
	restore(view: ListView): void {
		if (this.query !== view.query) this.query = view.query;
		if (this.segment !== view.segment) this.segment = view.segment;
		if (this.csm !== view.csm) this.csm = view.csm;
		if (this.band !== view.bands.join(',')) this.bands = [...view.bands];
		if (this.renewalDays !== view.renewalDays) this.renewalDays = view.renewalDays;
		if (this.change !== view.change) this.change = view.change;
		if (this.drops !== view.drops) this.drops = view.drops;
		if (this.showChurned !== view.showChurned) this.showChurned = view.showChurned;
		if (this.sortKey !== view.sortKey) this.sortKey = view.sortKey;
		if (this.direction !== view.direction) this.direction = view.direction;
	}

	clearFilters(): void {
		// The filters go back to their defaults; what is shown and how it is sorted stay.
		const { showChurned, sortKey, direction } = this.capture();
		this.restore({ ...DEFAULT_VIEW, bands: [], showChurned, sortKey, direction });
	}
}
