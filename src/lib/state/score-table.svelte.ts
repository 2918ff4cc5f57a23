/** The view state of a scores table: sort, name filter and page, over rows owned elsewhere. */
import { getLocale } from '$lib/i18n/messages';
import type { AccountRow } from './account-rows';
import { filterRows, sortRows, type SortDirection, type SortKey } from './sort-rows';

export class ScoreTableState {
	sortKey: SortKey = $state('overall');
	direction: SortDirection = $state('ascending');
	page = $state(0);
	#query = $state('');
	readonly #rows: () => readonly AccountRow[];
	readonly #pageSize: () => number;
	readonly #collator = new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });

	/** Getters, so the table follows the rows and page size it is given as they change. */
	constructor(rows: () => readonly AccountRow[], pageSize: () => number) {
		this.#rows = rows;
		this.#pageSize = pageSize;
	}

	get pageSize(): number {
		return this.#pageSize();
	}

	get total(): number {
		return this.#rows().length;
	}

	get query(): string {
		return this.#query;
	}

	/** A new filter starts from the first page: the page the user was on may no longer exist. */
	set query(value: string) {
		this.#query = value;
		this.page = 0;
	}

	readonly filtered = $derived.by(() => filterRows(this.#rows(), this.#query));
	readonly sorted = $derived.by(() =>
		sortRows(this.filtered, this.sortKey, this.direction, this.#collator)
	);
	readonly pageCount = $derived(Math.max(1, Math.ceil(this.sorted.length / this.pageSize)));
	/** The page clamped to the pages there are, in case the rows shrank under it. */
	readonly currentPage = $derived(Math.min(this.page, this.pageCount - 1));
	readonly from = $derived(this.currentPage * this.pageSize);
	readonly visible = $derived(this.sorted.slice(this.from, this.from + this.pageSize));

	/** A new column sorts ascending (lowest score, A first, soonest renewal); the same one flips. */
	sortBy(key: SortKey): void {
		if (this.sortKey === key) {
			this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
		} else {
			this.sortKey = key;
			this.direction = 'ascending';
		}
		this.page = 0;
	}

	ariaSort(key: SortKey): SortDirection | 'none' {
		return this.sortKey === key ? this.direction : 'none';
	}

	goTo(page: number): void {
		this.page = Math.max(0, Math.min(page, this.pageCount - 1));
	}
}
