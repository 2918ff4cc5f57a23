/**
 * The portfolio the pages show, read live from the store: every account joined to its cached
 * score, the band order and colours of the scorecards, and the workspace's currency. Create it
 * while a page initialises; it follows the store until the page goes.
 */
import {
	getDatabase,
	orderedScorecards,
	portfolioRows,
	workspaceCurrency,
	type ScorecraftDatabase
} from '$lib/db';
import { accountRows, bandOrder, type AccountRow } from './account-rows';
import { LiveQuery } from './live-query.svelte';

export class Portfolio {
	readonly #rows;
	readonly #scorecards;
	readonly #currency;

	constructor(db: ScorecraftDatabase = getDatabase()) {
		// Churned accounts too: the lists offer to show them, the live views leave them out.
		this.#rows = new LiveQuery(() => portfolioRows(db, { includeChurned: true }));
		this.#scorecards = new LiveQuery(() => orderedScorecards(db));
		this.#currency = new LiveQuery(() => workspaceCurrency(db));
	}

	get loading(): boolean {
		return this.#rows.loading || this.#scorecards.loading || this.#currency.loading;
	}

	get error(): string | null {
		return this.#rows.error ?? this.#scorecards.error ?? this.#currency.error;
	}

	get currency(): string {
		return this.#currency.current ?? 'USD';
	}

	readonly bands = $derived.by(() => bandOrder(this.#scorecards.current ?? []));
	/** Every account, churned ones included. */
	readonly all: readonly AccountRow[] = $derived.by(() =>
		accountRows(this.#rows.current ?? [], this.#scorecards.current ?? [], this.bands)
	);
	/** The live portfolio: accounts that had not churned by the as-of date. */
	readonly live: readonly AccountRow[] = $derived(this.all.filter((row) => row.churnedOn === null));
	readonly churnedCount = $derived(this.all.length - this.live.length);
}
