/** The view state of the accounts list: filters, search and sort, over rows owned elsewhere. */
import { getLocale } from '$lib/i18n/messages';
import type { AccountRow } from './account-rows';
import { distinct, filterRows, sortRows, type SortDirection, type SortKey } from './sort-rows';

export interface ListView {
	sortKey: SortKey;
	direction: SortDirection;
	query: string;
	segment: string;
	band: string;
	csm: string;
	showChurned: boolean;
}

export class AccountListState {
	sortKey: SortKey = $state('overall');
	direction: SortDirection = $state('ascending');
	query = $state('');
	/** Empty means any. */
	segment = $state('');
	band = $state('');
	csm = $state('');
	showChurned = $state(false);
	readonly #rows: () => readonly AccountRow[];
	readonly #collator = new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });

	/** A getter, so the list follows the rows as the store changes. */
	constructor(rows: () => readonly AccountRow[]) {
		this.#rows = rows;
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

	readonly filtered = $derived.by(() =>
		filterRows(this.#rows(), {
			query: this.query,
			segment: this.segment,
			band: this.band,
			csm: this.csm,
			churned: this.showChurned
		})
	);
	readonly sorted = $derived(sortRows(this.filtered, this.sortKey, this.direction, this.#collator));
	readonly filtering = $derived(
		this.query.trim() !== '' || this.segment !== '' || this.band !== '' || this.csm !== ''
	);

	/**
	 * A new column sorts the way a CSM looks first: lowest score, biggest fall and soonest renewal
	 * first, A first, largest ARR first. The same column again flips the order.
	 */
	sortBy(key: SortKey): void {
		if (this.sortKey === key) {
			this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
		} else {
			this.sortKey = key;
			this.direction = key === 'arr' ? 'descending' : 'ascending';
		}
	}

	ariaSort(key: SortKey): SortDirection | 'none' {
		return this.sortKey === key ? this.direction : 'none';
	}

	/** The view as plain data, for SvelteKit to keep in the history entry. */
	capture(): ListView {
		return {
			sortKey: this.sortKey,
			direction: this.direction,
			query: this.query,
			segment: this.segment,
			band: this.band,
			csm: this.csm,
			showChurned: this.showChurned
		};
	}

	restore(view: ListView): void {
		({
			sortKey: this.sortKey,
			direction: this.direction,
			query: this.query,
			segment: this.segment,
			band: this.band,
			csm: this.csm,
			showChurned: this.showChurned
		} = view);
	}

	clearFilters(): void {
		this.query = '';
		this.segment = '';
		this.band = '';
		this.csm = '';
	}
}
